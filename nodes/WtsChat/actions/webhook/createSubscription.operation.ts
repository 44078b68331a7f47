import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { optionsCollection } from '../listing.descriptions';
import { checkEvents, checkName, checkUrl, WEBHOOK_EVENT_OPTIONS } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. CRM sync',
		description: 'A name that identifies the subscription in WTS Chat (1 to 100 characters)',
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://example.com/wts-events',
		description: 'The public https:// address WTS Chat POSTs the events to (at most 500 characters)',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		default: [],
		required: true,
		description: 'The events WTS Chat sends to the URL',
		options: WEBHOOK_EVENT_OPTIONS,
	},
	optionsCollection([
		{
			displayName: 'Enabled',
			name: 'enabled',
			type: 'boolean',
			default: true,
			description: 'Whether the subscription starts active; a paused subscription sends nothing',
		},
	]),
];

/** POST /core/v1/webhook/subscription `{name, url, events, enabled?}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const body: IDataObject = {
		name: checkName(this, this.getNodeParameter('name', i, ''), i),
		url: checkUrl(this, this.getNodeParameter('url', i, ''), i),
		events: checkEvents(this, this.getNodeParameter('events', i, []), i),
	};
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	if (options.enabled !== undefined) body.enabled = options.enabled === true;
	return (await apiRequest.call(this, { method: 'POST', path: '/core/v1/webhook/subscription', body }, i)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'webhook',
	value: 'createSubscription',
	name: 'Create Subscription',
	action: 'Create a webhook subscription',
	description: 'Subscribe a URL to webhook events',
	summary: 'Name (1–100 characters), URL (http(s), ≤ 500 characters), events (at least one), optionally created paused (**Enabled** off)',
	endpoint: '`POST /core/v1/webhook/subscription`',
	properties,
	execute,
});
