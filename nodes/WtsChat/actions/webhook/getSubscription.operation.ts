import type { INodeProperties } from 'n8n-workflow';

import { subscriptionLocator } from '../locators';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [subscriptionLocator('The webhook subscription to get')];

export const operation = defineOperation({
	resource: 'webhook',
	value: 'getSubscription',
	name: 'Get Subscription',
	action: 'Get a webhook subscription',
	description: 'Get a webhook subscription by ID',
	summary: 'One subscription',
	endpoint: '`GET /core/v1/webhook/subscription/{subscriptionId}`',
	properties,
	request: {
		method: 'GET',
		path: '/core/v1/webhook/subscription/{subscriptionId}',
		pathParams: { subscriptionId: ['subscriptionId', 'Subscription ID'] },
		noun: 'Webhook subscription',
		output: 'record',
	},
});
