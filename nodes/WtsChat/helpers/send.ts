import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { agentPicker, departmentPicker, replyToOption } from '../actions/common.descriptions';
import { apiRequest } from '../transport';
import { UUID_PATTERN, assertNumber, assertUuid, isUuid, readKeyValueEntries, requireHttpUrl } from './validation';
import { toE164 } from './phone';

/**
 * Pieces shared by the operations that send to a contact by phone number (Send API, Chatbot): the recipient, the
 * sending channel, the send options, template parameters and metadata entries, and how each is read and checked.
 */

const INSTAGRAM_USER = /^@[A-Za-z0-9._]{1,30}$/;

/** The recipient: a phone number (any usual format) or, where the API documents it, an Instagram user `@name`. */
export const recipientProperty = (o: { instagram: boolean; description?: string }): INodeProperties => ({
	displayName: 'To',
	name: 'to',
	type: 'string',
	default: '',
	required: true,
	placeholder: o.instagram ? 'e.g. +55 11 99999-0001 or @username' : 'e.g. +55 11 99999-0001',
	description:
		o.description ??
		(o.instagram
			? 'Phone number of the contact with its country code (e.g. +55 11 99999-0001), or an Instagram user as @username. A contact WTS Chat does not know yet is created.'
			: 'Phone number of the contact with its country code, e.g. +55 11 99999-0001. A contact WTS Chat does not know yet is created.'),
});

/** `to` of item `i`: a phone number in E.164, or an Instagram user when allowed; refused before any request. */
export function readRecipient(ctx: IExecuteFunctions, itemIndex: number, instagram: boolean, name = 'to', label = 'To'): string {
	const raw = String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (raw.startsWith('@')) {
		if (instagram && INSTAGRAM_USER.test(raw)) return raw;
		throw new NodeOperationError(ctx.getNode(), `"${raw.slice(0, 60)}" is not a valid ${label} [item ${itemIndex}]`, {
			description: instagram
				? 'An Instagram user is @ followed by letters, digits, dots or underscores (at most 30), e.g. @lojaexemplo.'
				: 'This operation sends on WhatsApp only: enter a phone number with its country code, e.g. +55 11 99999-0001.',
			itemIndex,
		});
	}
	return toE164(ctx, raw, itemIndex, label);
}

/** The sending channel: picked from the list (its ID), by ID, or by its number / @user as WTS Chat shows it. */
export const fromChannelProperty = (description = 'The channel of your account that sends the message'): INodeProperties => ({
	displayName: 'From Channel',
	name: 'from',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a channel...',
			typeOptions: { searchListMethod: 'searchChannels', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b',
			validation: [{ type: 'regex', properties: { regex: UUID_PATTERN, errorMessage: 'Not a valid channel ID (a UUID is expected)' } }],
		},
		{
			displayName: 'By Number',
			name: 'number',
			type: 'string',
			placeholder: 'e.g. +55 11 3000-0001 or @lojaexemplo',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^(@[A-Za-z0-9._]{1,30}|\\+?[0-9 ().\\-|]{8,30})$', errorMessage: 'Not a channel number or @user' },
				},
			],
		},
	],
});

/** Channels of the account per execution (one GET /chat/v1/channel per run, not per item). */
const channelCache = new WeakMap<object, Promise<IDataObject[]>>();

async function accountChannels(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	let pending = channelCache.get(ctx);
	if (!pending) {
		pending = (async () => {
			const body = await apiRequest.call(ctx, { method: 'GET', path: '/chat/v1/channel' }, itemIndex);
			return (Array.isArray(body) ? body : []) as IDataObject[];
		})();
		channelCache.set(ctx, pending);
		pending.catch(() => channelCache.delete(ctx));
	}
	return await pending;
}

/** What a number or @user typed for a channel becomes in `from`. */
function channelAddress(ctx: IExecuteFunctions, value: string, itemIndex: number): string {
	if (value.startsWith('@')) {
		if (!INSTAGRAM_USER.test(value)) {
			throw new NodeOperationError(ctx.getNode(), `"${value.slice(0, 60)}" is not a valid From Channel [item ${itemIndex}]`, {
				description: 'Pick the channel from the list, or enter its number (e.g. +55 11 3000-0001) or its Instagram user (e.g. @lojaexemplo).',
				itemIndex,
			});
		}
		return value;
	}
	return toE164(ctx, value, itemIndex, 'From Channel');
}

/** The sending channel of item `i`, checked without any request: its address as typed, or its ID to look up. */
export type FromChannel = { address: string } | { channelId: string };

export function checkFromChannel(ctx: IExecuteFunctions, itemIndex: number): FromChannel {
	const locator = ctx.getNodeParameter('from', itemIndex, {}, { extractValue: false }) as unknown;
	const isLocator = locator !== null && typeof locator === 'object';
	const mode = isLocator ? String((locator as IDataObject).mode ?? 'id') : 'number';
	const rawValue = isLocator ? (locator as IDataObject).value : locator;
	const value = rawValue === undefined || rawValue === null ? '' : String(rawValue).trim();
	if (value === '') {
		throw new NodeOperationError(ctx.getNode(), `The From Channel field is empty [item ${itemIndex}]`, {
			description: 'Pick the channel that sends from the list, or enter its ID or its number.',
			itemIndex,
		});
	}
	if (mode === 'number') return { address: channelAddress(ctx, value, itemIndex) };
	if (isUuid(value)) return { channelId: value.toLowerCase() };
	// An expression in "By ID" may give the channel's number or @user: take it as one.
	if (/^[@+0-9(]/.test(value) && !/^[0-9a-f]{8}-/i.test(value)) return { address: channelAddress(ctx, value, itemIndex) };
	return { channelId: assertUuid(ctx, value, itemIndex, 'From Channel ID') };
}

/**
 * `from` for a checked channel. The API takes the channel's number or @user; a channel picked from the list or
 * given by ID is looked up (once per run) for its number. `channelId: true` sends the ID itself where the API
 * documents it (chatbot batch).
 */
export async function resolveFromChannel(
	ctx: IExecuteFunctions,
	itemIndex: number,
	from: FromChannel,
	o: { channelId?: boolean } = {},
): Promise<string> {
	if ('address' in from) return from.address;
	if (o.channelId) return from.channelId;
	const channel = (await accountChannels(ctx, itemIndex)).find((c) => String(c.id).toLowerCase() === from.channelId);
	if (!channel || typeof channel.number !== 'string' || channel.number === '') {
		throw new NodeOperationError(ctx.getNode(), `Channel ${from.channelId} not found [item ${itemIndex}]`, {
			description: 'WTS Chat lists no channel with this ID for your account. Pick the channel from the list, or enter its number.',
			itemIndex,
		});
	}
	return channel.number.startsWith('@') ? channel.number : toE164(ctx, channel.number, itemIndex, 'From Channel');
}

/** `from` of item `i`: checked, then looked up when given as a channel ID. */
export async function readFromChannel(ctx: IExecuteFunctions, itemIndex: number, o: { channelId?: boolean } = {}): Promise<string> {
	return await resolveFromChannel(ctx, itemIndex, checkFromChannel(ctx, itemIndex), o);
}

// ---------------------------------------------------------------- options of a send

const callbackUrlOption: INodeProperties = {
	displayName: 'Callback URL',
	name: 'callbackUrl',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://example.com/wts-callback',
	description: 'A URL WTS Chat calls once when this send is delivered or fails',
};

const senderIdOption: INodeProperties = {
	displayName: 'Sender ID',
	name: 'senderId',
	type: 'string',
	default: '',
	placeholder: 'e.g. order-4821',
	description: 'Your own ID for this send, returned in its status (track it, avoid sending twice)',
};

const sessionIdOption: INodeProperties = {
	displayName: 'Session ID',
	name: 'sessionId',
	type: 'string',
	default: '',
	placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b',
	description: 'Send inside this known session (conversation) of the contact instead of the one WTS Chat picks',
};

const delayTypingOption: INodeProperties = {
	displayName: 'Delay Typing (Seconds)',
	name: 'delayTyping',
	type: 'number',
	default: 3,
	typeOptions: { minValue: 0, maxValue: 25 },
	description: 'Seconds of "typing…" shown to the contact before the message is delivered (at most 25)',
};

/** The options of a send that shape the session it creates (agent, department, bot, force start, hidden). */
export const sessionFlagOptions: INodeProperties[] = [
	agentPicker('The agent made responsible for the session this send creates'),
	departmentPicker('The department of the session this send creates'),
	{
		displayName: 'Enable Bot',
		name: 'enableBot',
		type: 'boolean',
		default: false,
		description: 'Whether the channel’s chatbot answers when the contact replies (new sessions only)',
	},
	{
		displayName: 'Force Start Session',
		name: 'forceStartSession',
		type: 'boolean',
		default: false,
		description: 'Whether to complete the contact’s ongoing session and start a new one',
	},
	{
		displayName: 'Hidden Session',
		name: 'hiddenSession',
		type: 'boolean',
		default: false,
		description: 'Whether to hide the new session from agents until the contact replies',
	},
];

/** Metadata entries (key/value) under another name, e.g. sessionMetadata. */
export const metadataEntries = (name: string, displayName: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Entry',
	default: {},
	description,
	options: [
		{
			displayName: 'Entry',
			name: 'entries',
			values: [
				{ displayName: 'Key', name: 'key', type: 'string', default: '', description: 'Metadata key, e.g. orderId' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'The value saved under the key' },
			],
		},
	],
});

export const sessionMetadataOption = metadataEntries(
	'sessionMetadata',
	'Session Metadata',
	'Key/value pairs saved on the session (kept while the session is active)',
);

export const contactMetadataOption = metadataEntries('contactMetadata', 'Contact Metadata', 'Key/value pairs saved on the contact');

/** Options of the message sends: which ones a kind of send documents. */
export function sendOptions(kind: 'message' | 'template' | 'templateBatch'): INodeProperties[] {
	const common = [callbackUrlOption, senderIdOption, ...sessionFlagOptions];
	if (kind === 'message') return [...common, delayTypingOption, replyToOption, sessionIdOption];
	if (kind === 'template') return [...common, sessionIdOption, sessionMetadataOption];
	return [...common, sessionMetadataOption];
}

/** Bot options (start a chatbot). */
export const chatbotOptions: INodeProperties[] = [
	callbackUrlOption,
	senderIdOption,
	contactMetadataOption,
	sessionMetadataOption,
	{
		displayName: 'Force Start Session',
		name: 'forceStartSession',
		type: 'boolean',
		default: false,
		description: 'Whether to complete the contact’s ongoing session and start a new one for the bot',
	},
	{
		displayName: 'Hidden Session',
		name: 'hiddenSession',
		type: 'boolean',
		default: false,
		description: 'Whether to hide the new session from agents until the contact replies',
	},
	{
		displayName: 'Skip If Bot in Execution',
		name: 'skipIfBotInExecution',
		type: 'boolean',
		default: false,
		description: 'Whether to do nothing when a bot is already running in the contact’s session',
	},
	{
		displayName: 'Skip If in Progress',
		name: 'skipIfInProgress',
		type: 'boolean',
		default: false,
		description: 'Whether to do nothing when an agent is already attending the contact’s session',
	},
];

/** Key/value entries of a metadata option as an object; undefined when none. */
export function readMetadata(ctx: IExecuteFunctions, collection: unknown, itemIndex: number, what: string): IDataObject | undefined {
	const entries = readKeyValueEntries(ctx, collection, itemIndex, what);
	if (!entries.length) return undefined;
	return Object.fromEntries(entries.map(({ key, value }) => [key, value]));
}

/** The body fields the user set in the options of a message send (only those; `false` and 0 too). */
export function readSendOptions(ctx: IExecuteFunctions, itemIndex: number, options: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (options.callbackUrl !== undefined && options.callbackUrl !== '') {
		body.callbackUrl = requireHttpUrl(ctx, options.callbackUrl, itemIndex, 'Callback URL');
	}
	if (options.senderId !== undefined && String(options.senderId).trim() !== '') body.senderId = String(options.senderId).trim();
	if (options.sessionId !== undefined && String(options.sessionId).trim() !== '') {
		body.sessionId = assertUuid(ctx, options.sessionId, itemIndex, 'Session ID');
	}
	if (options.delayTyping !== undefined && options.delayTyping !== '') {
		body.delayTyping = assertNumber(ctx, options.delayTyping, itemIndex, 'Delay Typing', { min: 0, max: 25, integer: true });
	}
	if (options.replyTo !== undefined && String(options.replyTo).trim() !== '') {
		body.refId = assertUuid(ctx, options.replyTo, itemIndex, 'Reply to Message ID');
	}
	const sendOptionsBody: IDataObject = {};
	for (const flag of ['enableBot', 'hiddenSession', 'forceStartSession']) {
		if (typeof options[flag] === 'boolean') sendOptionsBody[flag] = options[flag];
	}
	// Only what was chosen: never `user: {id: null}` (legacy bug B4).
	if (options.agentId !== undefined && options.agentId !== '') {
		sendOptionsBody.user = { id: assertUuid(ctx, options.agentId, itemIndex, 'Agent ID') };
	}
	if (options.departmentId !== undefined && options.departmentId !== '') {
		sendOptionsBody.department = { id: assertUuid(ctx, options.departmentId, itemIndex, 'Department ID') };
	}
	if (Object.keys(sendOptionsBody).length) body.options = sendOptionsBody;
	const sessionMetadata = readMetadata(ctx, options.sessionMetadata, itemIndex, 'session metadata entry');
	if (sessionMetadata) body.sessionMetadata = sessionMetadata;
	return body;
}

/** The body fields of a chatbot start from its options: the bot options and the documented metadata keys. */
export function readChatbotOptions(ctx: IExecuteFunctions, itemIndex: number, options: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (options.callbackUrl !== undefined && options.callbackUrl !== '') {
		body.callbackUrl = requireHttpUrl(ctx, options.callbackUrl, itemIndex, 'Callback URL');
	}
	if (options.senderId !== undefined && String(options.senderId).trim() !== '') body.senderId = String(options.senderId).trim();
	const botOptions: IDataObject = {};
	for (const flag of ['skipIfBotInExecution', 'skipIfInProgress', 'forceStartSession', 'hiddenSession']) {
		if (typeof options[flag] === 'boolean') botOptions[flag] = options[flag];
	}
	if (Object.keys(botOptions).length) body.options = botOptions;
	// `sessionMetadata`, as documented (the legacy node sent `sessionMetada` and the API dropped it: bug B6).
	const sessionMetadata = readMetadata(ctx, options.sessionMetadata, itemIndex, 'session metadata entry');
	if (sessionMetadata) body.sessionMetadata = sessionMetadata;
	const contactMetadata = readMetadata(ctx, options.contactMetadata, itemIndex, 'contact metadata entry');
	if (contactMetadata) body.contactMetadata = contactMetadata;
	return body;
}

// ---------------------------------------------------------------- templates
