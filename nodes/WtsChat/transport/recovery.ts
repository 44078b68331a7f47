/**
 * What to do after an ambiguous failure of a send (a 502/503/504, or a connection that dropped after the request
 * was written): WTS may have processed it. Resending blindly can send the message twice; failing blindly reports
 * a message that went out as failed. So the transport looks for the message among the newest messages of the
 * session it was sent into, matched on what was sent and created after the request was sent:
 *
 * - found → the send succeeded: that message is the result;
 * - not found → it was not processed: the transport resends it;
 * - the lookup itself fails, or the send names no session to look in → an error saying it may have been sent.
 *
 * The API documents no idempotency key (spec/README.md, Writes are not idempotent), so this lookup is the only safe way to decide.
 */
import type { IDataObject } from 'n8n-workflow';

/** How to look for a processed send: the listing to read and the message fields that must match. */
export interface SendLookup {
	/** A listing of the session's messages, newest first via OrderBy/OrderDirection. */
	path: string;
	pathParams: Record<string, string>;
	/** Fields of PublicMessageDTO and the values the processed send has. */
	match: IDataObject;
}

type Body = IDataObject | IDataObject[] | string[] | undefined;

const SESSION_SENDS = new Set(['/chat/v1/session/{id}/message', '/chat/v1/session/{id}/message/sync']);
const NOTE_SEND = '/chat/v1/session/{id}/note';
/** Send-family message sends that may name the session (`sessionId`). */
const SEND_FAMILY_MESSAGES = /^\/chat\/v1\/send\/(text|image|video|document|audio|template)$/;

function pickDefined(body: IDataObject, fields: Record<string, string>): IDataObject {
	const out: IDataObject = {};
	for (const [from, to] of Object.entries(fields)) {
		const v = body[from];
		if (v !== undefined && v !== null && v !== '') out[to] = v;
	}
	return out;
}

/**
 * The lookup for a send request (by its path template), or a reason why it cannot be checked. Only POSTs that
 * create a message are sends; everything else returns undefined.
 */
export function sendLookup(
	method: string,
	pathTemplate: string,
	pathParams: Record<string, string> | undefined,
	body: Body,
): SendLookup | { uncheckable: string } | undefined {
	if (method !== 'POST') return undefined;
	const b = (body && !Array.isArray(body) ? body : {}) as IDataObject;
	if (SESSION_SENDS.has(pathTemplate) && pathParams?.id) {
		return {
			path: '/chat/v1/session/{id}/message',
			pathParams: { id: pathParams.id },
			match: { direction: 'TO_HUB', ...pickDefined(b, { text: 'text', templateId: 'templateId', fileId: 'fileId', refId: 'refId' }) },
		};
	}
	if (pathTemplate === NOTE_SEND && pathParams?.id) {
		return {
			path: '/chat/v1/session/{id}/note',
			pathParams: { id: pathParams.id },
			match: pickDefined(b, { text: 'text' }),
		};
	}
	if (SEND_FAMILY_MESSAGES.test(pathTemplate)) {
		if (typeof b.sessionId !== 'string' || b.sessionId === '') {
			return { uncheckable: 'the send names no session, so the node cannot look for the message it may have created' };
		}
		return {
			path: '/chat/v1/session/{id}/message',
			pathParams: { id: b.sessionId },
			match: {
				direction: 'TO_HUB',
				...pickDefined(b, { senderId: 'senderId', text: 'text', templateId: 'templateId', refId: 'refId' }),
			},
		};
	}
	if (/^\/chat\/v1\/(send\/|message\/send)/.test(pathTemplate)) {
		return { uncheckable: 'WTS Chat offers no way to look up this kind of send' };
	}
	return undefined;
}

/** Whether a listed message is the processed send: every matched field equal, created within the window. */
export function isProcessedSend(message: IDataObject, lookup: SendLookup, notBefore: number, exclude: Set<string>): boolean {
	if (typeof message.id === 'string' && exclude.has(message.id)) return false;
	const created = Date.parse(String(message.createdAt ?? ''));
	if (!Number.isFinite(created) || created < notBefore) return false;
	return Object.entries(lookup.match).every(([k, v]) => message[k] === v);
}

/**
 * Message ids this process already got as the result of a send, per account: a lookup never takes an earlier
 * message with the same text for the one it looks for. Bounded.
 */
const known = new Map<string, Set<string>>();
const KNOWN_PER_ACCOUNT = 5_000;

export function rememberSent(account: string, result: unknown): void {
	const id = result && typeof result === 'object' && !Array.isArray(result) ? (result as IDataObject).id : undefined;
	if (typeof id !== 'string') return;
	let set = known.get(account);
	if (!set) known.set(account, (set = new Set()));
	set.add(id);
	if (set.size > KNOWN_PER_ACCOUNT) set.delete(set.values().next().value as string);
}

export function knownSent(account: string): Set<string> {
	return known.get(account) ?? new Set();
}

/** Server clock minus local clock, a lower bound from the `Date` headers seen (ms), per account. */
const clockOffsets = new Map<string, number>();

export function observeServerDate(account: string, dateHeader: unknown, receivedAt: number): void {
	const raw = Array.isArray(dateHeader) ? dateHeader[0] : dateHeader;
	if (typeof raw !== 'string') return;
	const server = Date.parse(raw);
	if (!Number.isFinite(server)) return;
	// The header is truncated to the second and was written before we received it: a lower bound.
	const offset = server - receivedAt;
	clockOffsets.set(account, Math.max(clockOffsets.get(account) ?? -Infinity, offset));
}

/** Without any Date header the window reaches this far back. */
const UNKNOWN_CLOCK_MARGIN_MS = 60_000;

/** The earliest server time a message created by a request sent at local time `sentAt` can have. */
export function earliestServerTime(account: string, sentAt: number): number {
	const offset = clockOffsets.get(account);
	return offset === undefined ? sentAt - UNKNOWN_CLOCK_MARGIN_MS : sentAt + offset;
}
