import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPaging } from '../../helpers/listing';
import { apiRequest } from '../../transport';
import { returnAllOrLimit } from '../listing.descriptions';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [...returnAllOrLimit];

/** GET /core/v1/tag (a plain list, not paged), one output item per tag, cut to the limit. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const paging = readPaging(this, i);
	const body = await apiRequest.call(this, { method: 'GET', path: '/core/v1/tag' }, i);
	const tags = Array.isArray(body) ? (body as IDataObject[]) : [];
	return paging.returnAll ? tags : tags.slice(0, paging.limit);
}

export const operation = defineOperation({
	resource: 'tag',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many tags',
	description: 'List the tags of the account',
	summary: 'The account\'s tags (`id, name, color, createdAt, updatedAt`), one item each; Return All / Limit (the API answers the whole list at once)',
	endpoint: '`GET /core/v1/tag`',
	properties,
	execute,
});
