import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPaging } from '../../helpers/listing';
import { updateDisplayOptions } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { returnAllOrLimit } from '../common.descriptions';

const properties: INodeProperties[] = [...returnAllOrLimit];

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['getManySubscriptions'] } },
	properties,
);

/** GET /core/v1/webhook/subscription: a plain array (active and paused), not paged; cut to Limit here. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const paging = readPaging(this, i);
	const body = await apiRequest.call(this, { method: 'GET', path: '/core/v1/webhook/subscription' }, i);
	const records = (Array.isArray(body) ? body : []) as IDataObject[];
	return paging.returnAll ? records : records.slice(0, paging.limit);
}
