import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPaging } from '../../helpers/listing';
import { updateDisplayOptions } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { returnAllOrLimit } from '../common.descriptions';

const properties: INodeProperties[] = [...returnAllOrLimit];

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['getMany'] } }, properties);

/** GET /core/v1/tag (a plain list, not paged), one output item per tag, cut to the limit. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const paging = readPaging(this, i);
	const body = await apiRequest.call(this, { method: 'GET', path: '/core/v1/tag' }, i);
	const tags = Array.isArray(body) ? (body as IDataObject[]) : [];
	return paging.returnAll ? tags : tags.slice(0, paging.limit);
}
