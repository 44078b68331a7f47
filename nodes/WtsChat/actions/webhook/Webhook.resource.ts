import type { INodeProperties } from 'n8n-workflow';

import * as createSubscription from './createSubscription.operation';
import * as deleteSubscription from './deleteSubscription.operation';
import * as getManySubscriptions from './getManySubscriptions.operation';
import * as getSubscription from './getSubscription.operation';
import * as listEvents from './listEvents.operation';
import * as updateSubscription from './updateSubscription.operation';

export { createSubscription, deleteSubscription, getManySubscriptions, getSubscription, listEvents, updateSubscription };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		default: 'getManySubscriptions',
		options: [
			{
				name: 'Create Subscription',
				value: 'createSubscription',
				description: 'Subscribe a URL to webhook events',
				action: 'Create a webhook subscription',
			},
			{
				name: 'Delete Subscription',
				value: 'deleteSubscription',
				description: 'Delete a webhook subscription',
				action: 'Delete a webhook subscription',
			},
			{
				name: 'Get Many Subscriptions',
				value: 'getManySubscriptions',
				description: 'List the webhook subscriptions, active and paused',
				action: 'Get many webhook subscriptions',
			},
			{
				name: 'Get Subscription',
				value: 'getSubscription',
				description: 'Get a webhook subscription by ID',
				action: 'Get a webhook subscription',
			},
			{
				name: 'List Events',
				value: 'listEvents',
				description: 'List the events a subscription can receive',
				action: 'List webhook events',
			},
			{
				name: 'Update Subscription',
				value: 'updateSubscription',
				description: 'Change chosen fields of a webhook subscription',
				action: 'Update a webhook subscription',
			},
		],
	},
	...createSubscription.description,
	...deleteSubscription.description,
	...getManySubscriptions.description,
	...getSubscription.description,
	...listEvents.description,
	...updateSubscription.description,
];
