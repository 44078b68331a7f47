import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError, randomString } from 'n8n-workflow';

import { WEBHOOK_EVENT_OPTIONS } from '../WtsChat/helpers/webhooks';
import { getChannels, getDepartments } from '../WtsChat/methods/loadOptions';
import { apiRequest } from '../WtsChat/transport';
import { SUBSCRIPTION_PATH, ALL_EVENTS, SECRET_PARAMETER, SECRET_LENGTH, slotName, registrations, constantTimeEqual, chosenEvents, subscriptionUrl, subscriptionName, NOT_FOUND, unlessNotFound, sameSet } from './subscriptions';
import { MAX_EVENTS_PER_CALL, passesFilters } from './filters';

export class WtsChatTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WTS Chat Trigger',
		name: 'wtsChatTrigger',
		icon: { light: 'file:wtsChat.svg', dark: 'file:wtsChat.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).join(", ")}}',
		description: 'Starts the workflow when WTS Chat (Helena, FLW Chat) reports an event: a message, a session, a contact, a card',
		defaults: { name: 'WTS Chat Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wtsChatApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				description: 'The events that start the workflow',
				options: [{ name: 'All Events', value: ALL_EVENTS, description: 'Every event WTS Chat reports' }, ...WEBHOOK_EVENT_OPTIONS],
			},
			{
				displayName:
					'Activating the workflow subscribes it in WTS Chat (Settings → Integrations → Webhooks) and deactivating it removes the subscription. WTS Chat must reach this n8n over the internet.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				description: 'Filters and the shape of the output items',
				options: [
					{
						displayName: 'Channel Names or IDs',
						name: 'channelIds',
						type: 'multiOptions',
						typeOptions: { loadOptionsMethod: 'getChannels' },
						default: [],
						description:
							'Only events of these channels; events whose content names no channel (messages, contacts, cards) pass. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Department Names or IDs',
						name: 'departmentIds',
						type: 'multiOptions',
						typeOptions: { loadOptionsMethod: 'getDepartments' },
						default: [],
						description:
							'Only events of these departments; a session without a department is left out, events whose content names no department (messages, contacts, cards) pass. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Direction',
						name: 'direction',
						type: 'options',
						default: 'FROM_HUB',
						description:
							'Which message events start the workflow. Without this option only inbound messages (what contacts write) do, so a workflow that answers is not started by its own answers. Events without a direction (sessions, contacts, cards) always pass.',
						options: [
							{ name: 'Inbound', value: 'FROM_HUB', description: 'Messages the contact sent (FROM_HUB): the default' },
							{ name: 'Outbound', value: 'TO_HUB', description: 'Messages sent to the contact by agents, bots, the API or this workflow (TO_HUB)' },
							{ name: 'Both', value: 'any', description: 'Messages in both directions: a workflow that answers starts itself again' },
						],
					},
					{
						displayName: 'Unwrap Content',
						name: 'unwrapContent',
						type: 'boolean',
						default: true,
						description:
							'Whether to output only the event’s content (the session, message, contact or card) instead of the whole event with eventType and date',
					},
				],
			},
		],
	};

	methods = { loadOptions: { getChannels, getDepartments } };

	webhookMethods = {
		default: {
			/**
			 * Whether this node's subscription still exists in WTS Chat. A stored subscription that drifted (other
			 * events, paused, another URL) is corrected in place, so a restart or re-activation never adds a second one.
			 */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const slots = registrations(this);
				const slot = slots[slotName(this)];
				if (!slot?.subscriptionId || !slot.secret) return false;
				const answer = await unlessNotFound(
					this,
					apiRequest.call(this, {
						method: 'GET',
						path: SUBSCRIPTION_PATH,
						pathParams: { subscriptionId: slot.subscriptionId },
						subject: { noun: 'Webhook subscription', id: slot.subscriptionId },
					}),
				);
				if (answer === NOT_FOUND) {
					// Deleted on the WTS side: forget it, create() makes a new one.
					slots[slotName(this)] = undefined;
					return false;
				}
				const subscription = (answer ?? {}) as IDataObject;
				const url = subscriptionUrl(this, slot.secret);
				const events = chosenEvents(this);
				const current = ((subscription.events as IDataObject[] | undefined) ?? []).map((e) => String(e?.event ?? e));
				const body: IDataObject = {};
				const fields: string[] = [];
				if (subscription.url !== url) {
					body.url = url;
					fields.push('Url');
				}
				if (!sameSet(current, events)) {
					body.events = events;
					fields.push('Events');
				}
				if (subscription.enabled !== true) {
					body.enabled = true;
					fields.push('Enabled');
				}
				if (fields.length) {
					body.fields = fields;
					await apiRequest.call(this, {
						method: 'PUT',
						path: SUBSCRIPTION_PATH,
						pathParams: { subscriptionId: slot.subscriptionId },
						subject: { noun: 'Webhook subscription', id: slot.subscriptionId },
						body,
					});
				}
				slot.url = this.getNodeWebhookUrl('default');
				return true;
			},

			/** Subscribes n8n's webhook URL, with a new random secret in its query string, to the chosen events. */
			async create(this: IHookFunctions): Promise<boolean> {
				const events = chosenEvents(this);
				if (events.length === 0) {
					throw new NodeOperationError(this.getNode(), 'No event is chosen in the WTS Chat Trigger', {
						description: 'Pick at least one event (or All Events) under Events.',
					});
				}
				const secret = randomString(SECRET_LENGTH);
				const subscription = (await apiRequest.call(this, {
					method: 'POST',
					path: '/core/v1/webhook/subscription',
					body: { name: subscriptionName(this), url: subscriptionUrl(this, secret), events, enabled: true },
				})) as IDataObject;
				if (typeof subscription?.id !== 'string' || subscription.id === '') {
					throw new NodeOperationError(this.getNode(), 'WTS Chat did not return the ID of the new webhook subscription', {
						description: 'Check Settings → Integrations → Webhooks in WTS Chat and delete a subscription named after this workflow if there is one, then activate again.',
					});
				}
				registrations(this)[slotName(this)] = { subscriptionId: subscription.id, secret, url: this.getNodeWebhookUrl('default') };
				return true;
			},

			/** Deletes the subscription (one already deleted in WTS Chat counts as deleted) and forgets its secret. */
			async delete(this: IHookFunctions): Promise<boolean> {
				const slots = registrations(this);
				const slot = slots[slotName(this)];
				if (slot?.subscriptionId) {
					await unlessNotFound(
						this,
						apiRequest.call(this, {
							method: 'DELETE',
							path: SUBSCRIPTION_PATH,
							pathParams: { subscriptionId: slot.subscriptionId },
							subject: { noun: 'Webhook subscription', id: slot.subscriptionId },
						}),
					);
				}
				slots[slotName(this)] = undefined;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		// 1. The secret: a call without the one this node generated gets 401 and starts nothing.
		const query = (this.getQueryData() ?? {}) as IDataObject;
		const given = typeof query[SECRET_PARAMETER] === 'string' ? (query[SECRET_PARAMETER] as string) : '';
		const secrets = Object.values(registrations(this))
			.map((slot) => slot?.secret)
			.filter((s): s is string => typeof s === 'string' && s.length > 0);
		// Every stored secret is compared (no early exit), each in constant time.
		const allowed = secrets.reduce((ok, secret) => constantTimeEqual(given, secret) || ok, false);
		const res = this.getResponseObject();
		if (!allowed) {
			res.status(401).json({ message: 'Unauthorized' });
			return { noWebhookResponse: true };
		}

		// 2. The events: the documented envelope {eventType, date, content}, one item each.
		const body = this.getBodyData() as unknown;
		const envelopes = (Array.isArray(body) ? body : [body]) as IDataObject[];
		if (envelopes.length > MAX_EVENTS_PER_CALL) {
			res.status(413).json({
				message: `Too many events in one call: ${envelopes.length} (at most ${MAX_EVENTS_PER_CALL}). WTS Chat sends one event per call; nothing was started.`,
			});
			return { noWebhookResponse: true };
		}
		const valid = envelopes.filter(
			(e) =>
				e !== null &&
				typeof e === 'object' &&
				!Array.isArray(e) &&
				typeof e.eventType === 'string' &&
				e.content !== null &&
				typeof e.content === 'object' &&
				!Array.isArray(e.content),
		);
		if (valid.length === 0) {
			res.status(400).json({ message: 'Not a WTS Chat webhook event' });
			return { noWebhookResponse: true };
		}
		const events = chosenEvents(this);
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const items: INodeExecutionData[] = valid
			.filter((e) => events.includes(e.eventType as string) && passesFilters(e.content as IDataObject, options))
			.map((e) => ({ json: options.unwrapContent === true ? (e.content as IDataObject) : e }));
		// Nothing left after the filters: answer 200 and start nothing.
		if (items.length === 0) return { webhookResponse: { received: valid.length, started: false } };
		return { workflowData: [items] };
	}
}
