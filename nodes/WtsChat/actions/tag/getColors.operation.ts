import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { defineOperation } from '../operation';

/** GET /core/v1/tag/color: one output item per colour (`color`, `bgColor`, `textColor`). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const body = await apiRequest.call(this, { method: 'GET', path: '/core/v1/tag/color' }, i);
	return Array.isArray(body) ? (body as IDataObject[]) : [];
}

export const operation = defineOperation({
	resource: 'tag',
	value: 'getColors',
	name: 'Get Colors',
	action: 'Get the tag colors',
	description: 'List the colours a tag can have, with their background and text colours',
	summary: 'The 54 colours a tag can have (`color`, `bgColor`, `textColor`), one item each; Create and Update offer the same list',
	endpoint: '`GET /core/v1/tag/color`',
	execute,
});
