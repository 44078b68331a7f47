import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPaging } from '../../helpers/listing';
import { apiRequest } from '../../transport';
import { returnAllOrLimit } from '../listing.descriptions';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [...returnAllOrLimit];

/** GET /core/v1/webhook/subscription: a plain array (active and paused), not paged; cut to Limit here. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const paging = readPaging(this, i);
	const body = await apiRequest.call(this, { method: 'GET', path: '/core/v1/webhook/subscription' }, i);
	const records = (Array.isArray(body) ? body : []) as IDataObject[];
	return paging.returnAll ? records : records.slice(0, paging.limit);
}

export const operation = defineOperation({
	resource: 'webhook',
	value: 'getManySubscriptions',
	name: 'Get Many Subscriptions',
	action: 'Get many webhook subscriptions',
	description: 'List the webhook subscriptions, active and paused',
	summary: 'Every subscription, active and paused; Return All / Limit (the API answers one list, the limit is applied by the node)',
	endpoint: '`GET /core/v1/webhook/subscription`',
	properties,
	execute,
});
