import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { channelNumber } from './channels';
import { assertNumber, assertUuid, isUuid, readKeyValueEntries, requireHttpUrl } from './validation';
import { toE164 } from './phone';

/**
 * How the operations that send to a contact by phone number (Send API, Chatbot) read and check the recipient, the
 * sending channel, the send options, template parameters and metadata entries. Their editor properties are in
 * actions/send.descriptions.ts.
 */

const INSTAGRAM_USER = /^@[A-Za-z0-9._]{1,30}$/;

/** `to` of item `i`: a phone number in E.164, or an Instagram user when allowed; refused before any request. */
export function readRecipient(ctx: IExecuteFunctions, itemIndex: number, instagram: boolean, name = 'to', label = 'To'): string {
	const raw = String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (raw.startsWith('@')) {
		if (instagram && INSTAGRAM_USER.test(raw)) return raw;
		throw new NodeOperationError(ctx.getNode(), `"${raw.slice(0, 60)}" is not a valid ${label}`, {
			description: instagram
				? 'An Instagram user is @ followed by letters, digits, dots or underscores (at most 30), e.g. @lojaexemplo.'
				: 'This operation sends on WhatsApp only: enter a phone number with its country code, e.g. +55 11 99999-0001.',
			itemIndex,
		});
	}
	return toE164(ctx, raw, itemIndex, label);
}

/** What a number or @user typed for a channel becomes in `from`. */
function channelAddress(ctx: IExecuteFunctions, value: string, itemIndex: number): string {
	if (value.startsWith('@')) {
		if (!INSTAGRAM_USER.test(value)) {
			throw new NodeOperationError(ctx.getNode(), `"${value.slice(0, 60)}" is not a valid From Channel`, {
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
		throw new NodeOperationError(ctx.getNode(), `The From Channel field is empty`, {
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
	const number = await channelNumber(ctx, itemIndex, from.channelId);
	return number.startsWith('@') ? number : toE164(ctx, number, itemIndex, 'From Channel');
}

/** `from` of item `i`: checked, then looked up when given as a channel ID. */
export async function readFromChannel(ctx: IExecuteFunctions, itemIndex: number, o: { channelId?: boolean } = {}): Promise<string> {
	return await resolveFromChannel(ctx, itemIndex, checkFromChannel(ctx, itemIndex), o);
}

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
		body.callbackUrl = requireHttpUrl(ctx, options.callbackUrl, itemIndex, 'Callback URL', 'callback');
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
		body.callbackUrl = requireHttpUrl(ctx, options.callbackUrl, itemIndex, 'Callback URL', 'callback');
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
