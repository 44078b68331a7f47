import type { INodeProperties } from 'n8n-workflow';

import { subscriptionLocator } from '../locators';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [subscriptionLocator('The webhook subscription to delete')];

export const operation = defineOperation({
	resource: 'webhook',
	value: 'deleteSubscription',
	name: 'Delete Subscription',
	action: 'Delete a webhook subscription',
	description: 'Delete a webhook subscription',
	summary: 'Delete a subscription; outputs `{deleted: true, id}`',
	endpoint: '`DELETE /core/v1/webhook/subscription/{subscriptionId}`',
	properties,
	request: {
		method: 'DELETE',
		path: '/core/v1/webhook/subscription/{subscriptionId}',
		pathParams: { subscriptionId: ['subscriptionId', 'Subscription ID'] },
		noun: 'Webhook subscription',
		output: { done: 'deleted' },
	},
});
