import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { subscriptionLocator } from '../locators';
import { checkEvents, checkName, checkUrl, WEBHOOK_EVENT_OPTIONS } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	subscriptionLocator('The webhook subscription to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here are changed; everything else is left as it is',
		options: [
			{
				displayName: 'Enabled',
				name: 'enabled',
				type: 'boolean',
				default: true,
				description: 'Whether the subscription is active; turn off to pause it without deleting it',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				default: [],
				description: 'The events WTS Chat sends to the URL (replaces the current list)',
				options: WEBHOOK_EVENT_OPTIONS,
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'e.g. CRM sync',
				description: 'A name that identifies the subscription in WTS Chat (1 to 100 characters)',
			},
			{
				displayName: 'URL',
				name: 'url',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://example.com/wts-events',
				description: 'The public https:// address WTS Chat POSTs the events to (at most 500 characters)',
			},
		],
	},
];

/** PUT /core/v1/webhook/subscription/{subscriptionId} with the `fields` mask (Name, Url, Events, Enabled) of what was set. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'subscriptionId', i, 'Subscription ID');
	const update = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const body: IDataObject = {};
	const fields: string[] = [];
	if (update.name !== undefined) {
		body.name = checkName(this, update.name, i);
		fields.push('Name');
	}
	if (update.url !== undefined) {
		body.url = checkUrl(this, update.url, i);
		fields.push('Url');
	}
	if (update.events !== undefined) {
		body.events = checkEvents(this, update.events, i);
		fields.push('Events');
	}
	if (update.enabled !== undefined) {
		body.enabled = update.enabled === true;
		fields.push('Enabled');
	}
	if (fields.length === 0) {
		throw new NodeOperationError(this.getNode(), `Nothing to update`, {
			description: 'Add at least one field under Update Fields.',
			itemIndex: i,
		});
	}
	body.fields = fields;
	return (await apiRequest.call(
		this,
		{
			method: 'PUT',
			path: '/core/v1/webhook/subscription/{subscriptionId}',
			pathParams: { subscriptionId: id },
			subject: { noun: 'Webhook subscription', id },
			body,
		},
		i,
	)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'webhook',
	value: 'updateSubscription',
	name: 'Update Subscription',
	action: 'Update a webhook subscription',
	description: 'Change chosen fields of a webhook subscription',
	summary: 'Change only the fields you add (name, URL, events, enabled, `false` included), sent with the API\'s `fields` mask',
	endpoint: '`PUT /core/v1/webhook/subscription/{subscriptionId}`',
	properties,
	execute,
});
