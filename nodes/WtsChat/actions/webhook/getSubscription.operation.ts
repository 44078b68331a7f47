import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { subscriptionLocator } from '../common.descriptions';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [subscriptionLocator('The webhook subscription to get')];

/** GET /core/v1/webhook/subscription/{subscriptionId}. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'subscriptionId', i, 'Subscription ID');
	return (await apiRequest.call(
		this,
		{
			method: 'GET',
			path: '/core/v1/webhook/subscription/{subscriptionId}',
			pathParams: { subscriptionId: id },
			subject: { noun: 'Webhook subscription', id },
		},
		i,
	)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'webhook',
	value: 'getSubscription',
	name: 'Get Subscription',
	action: 'Get a webhook subscription',
	description: 'Get a webhook subscription by ID',
	summary: 'One subscription',
	endpoint: '`GET /core/v1/webhook/subscription/{subscriptionId}`',
	properties,
	execute,
});
