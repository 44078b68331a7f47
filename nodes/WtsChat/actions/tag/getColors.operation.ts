import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { apiRequest } from '../../transport';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['getColors'] } }, properties);

/** GET /core/v1/tag/color: one output item per colour (`color`, `bgColor`, `textColor`). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const body = await apiRequest.call(this, { method: 'GET', path: '/core/v1/tag/color' }, i);
	return Array.isArray(body) ? (body as IDataObject[]) : [];
}
