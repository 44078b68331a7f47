import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError, randomString } from 'n8n-workflow';

import { WEBHOOK_EVENT_OPTIONS, WEBHOOK_EVENTS } from '../WtsChat/helpers/webhooks';
import { getChannels, getDepartments } from '../WtsChat/methods/loadOptions';
import { apiRequest } from '../WtsChat/transport';
import { splitList } from '../WtsChat/helpers/utils';

const SUBSCRIPTION_PATH = '/core/v1/webhook/subscription/{subscriptionId}';
const ALL_EVENTS = '*';
/** The query parameter of the subscription URL that carries the trigger's secret. */
export const SECRET_PARAMETER = 'secret';
/** 40 characters of [A-Za-z0-9] from n8n-workflow's randomString (crypto.getRandomValues): about 238 bits. */
const SECRET_LENGTH = 40;

interface Registration {
	subscriptionId: string;
	secret: string;
	/** n8n's webhook URL the subscription was made for (without the secret). */
	url?: string;
}

/**
 * Static data keeps one registration per kind of webhook: `live` (the active workflow's production URL) and
 * `test` (the editor's "Listen for test event"), so listening in the editor never replaces the live subscription.
 * A hook call is about the registration made for the webhook URL n8n gives it: n8n creates a test webhook in mode
 * `manual` but takes it down in mode `internal`, like a production one, so the mode alone cannot tell which
 * subscription to delete (it took the live one's slot and left the test subscription in WTS Chat). Without a
 * stored URL (nothing registered yet) the mode decides.
 */
function slotName(ctx: IHookFunctions): 'live' | 'test' {
	const url = ctx.getNodeWebhookUrl('default');
	const slots = registrations(ctx);
	const made = (['live', 'test'] as const).find((name) => url !== undefined && slots[name]?.url === url);
	return made ?? (ctx.getMode() === 'manual' ? 'test' : 'live');
}

function registrations(ctx: IHookFunctions | IWebhookFunctions): Record<string, Registration | undefined> {
	const data = ctx.getWorkflowStaticData('node');
	if (!data.registrations || typeof data.registrations !== 'object') data.registrations = {};
	return data.registrations as Record<string, Registration | undefined>;
}

/**
 * Whether `given` equals `expected`, in a time that depends only on the length of `expected` (the stored
 * secret), not on where the first difference is, so response times tell an attacker nothing about the secret.
 */
export function constantTimeEqual(given: string, expected: string): boolean {
	let diff = given.length ^ expected.length;
	for (let i = 0; i < expected.length; i++) {
		const g = given.length ? given.charCodeAt(i % given.length) : 0;
		diff |= g ^ expected.charCodeAt(i);
	}
	return diff === 0;
}

/** The 16 events for "All Events", else the chosen ones. */
function chosenEvents(ctx: IHookFunctions | IWebhookFunctions): string[] {
	const raw = ctx.getNodeParameter('events', []) as string[];
	const list = Array.isArray(raw) ? raw : [];
	if (list.includes(ALL_EVENTS)) return [...WEBHOOK_EVENTS];
	return WEBHOOK_EVENTS.filter((e) => list.includes(e));
}

function subscriptionUrl(ctx: IHookFunctions, secret: string): string {
	const base = ctx.getNodeWebhookUrl('default');
	if (!base) {
		throw new NodeOperationError(ctx.getNode(), 'n8n gave no webhook URL for the WTS Chat Trigger', {
			description: 'Check the WEBHOOK_URL setting of this n8n: WTS Chat must be able to reach it over the internet.',
		});
	}
	return `${base}${base.includes('?') ? '&' : '?'}${SECRET_PARAMETER}=${secret}`;
}

function subscriptionName(ctx: IHookFunctions): string {
	const workflow = ctx.getWorkflow();
	const name = `n8n: ${workflow.name ?? workflow.id ?? 'workflow'} · ${ctx.getNode().name}`;
	return name.length > 100 ? `${name.slice(0, 99)}…` : name;
}

const NOT_FOUND = Symbol('not found');

/**
 * The answer of a request about the stored subscription, or NOT_FOUND when WTS Chat says it does not exist (it
 * was deleted on the WTS side). Any other failure is thrown as the transport's NodeApiError / NodeOperationError.
 */
async function unlessNotFound(ctx: IHookFunctions, request: Promise<unknown>): Promise<unknown> {
	let failure: unknown;
	try {
		return await request;
	} catch (error) {
		failure = error;
	}
	if (failure instanceof NodeApiError && String(failure.httpCode) === '404') return NOT_FOUND;
	if (failure instanceof NodeApiError || failure instanceof NodeOperationError) throw failure;
	throw new NodeOperationError(ctx.getNode(), (failure as Error)?.message ?? String(failure));
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** IDs from a multi-select, or from an expression giving a list or a comma-separated text; lower case. */
function idList(value: unknown): string[] {
	return splitList(value).map((v) => v.toLowerCase());
}

/** Messages the contact sent: what message events are filtered to when the Direction option is not added. */
const DEFAULT_DIRECTION = 'FROM_HUB';

/** Whether the event passes the options: a filter applies to the events whose content carries that field. */
function passesFilters(content: IDataObject, options: IDataObject): boolean {
	const channels = idList(options.channelIds);
	if (channels.length && typeof content.channelId === 'string' && !channels.includes(content.channelId.toLowerCase())) return false;
	const departments = idList(options.departmentIds);
	if (departments.length && content.departmentId !== undefined) {
		if (typeof content.departmentId !== 'string' || !departments.includes(content.departmentId.toLowerCase())) return false;
	}
	// Inbound only unless the Direction option says otherwise: a workflow that answers messages must not be started
	// by its own answers (an n8n collection option that is not added has no value, so its default is applied here).
	const direction = typeof options.direction === 'string' && options.direction !== '' ? options.direction : DEFAULT_DIRECTION;
	if (direction !== 'any' && typeof content.direction === 'string' && content.direction !== direction) return false;
	return true;
}

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
		const valid = envelopes.filter(
			(e) => e && typeof e === 'object' && typeof e.eventType === 'string' && e.content !== null && typeof e.content === 'object',
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
