import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { defineOperation } from '../operation';

/** GET /core/v1/webhook/event: one item per event `{event, description}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const body = await apiRequest.call(this, { method: 'GET', path: '/core/v1/webhook/event' }, i);
	return (Array.isArray(body) ? body : []) as IDataObject[];
}

export const operation = defineOperation({
	resource: 'webhook',
	value: 'listEvents',
	name: 'List Events',
	action: 'List webhook events',
	description: 'List the events a subscription can receive',
	summary: 'The 16 events a subscription can receive, one item each (`{event, description}`)',
	endpoint: '`GET /core/v1/webhook/event`',
	execute,
});
