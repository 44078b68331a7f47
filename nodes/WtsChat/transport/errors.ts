import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { optionalText } from './text';

/** What the two WTS error envelopes (InternalException, RFC 7807 ProblemDetails) tell us. */
export interface ParsedApiError {
	/** The API's own text, e.g. "Conversa não encontrada". */
	text?: string;
	/** InternalException.key, e.g. FORM_ERROR, ERROR_UNAUTHORIZED. */
	key?: string;
	/** InternalException.id.shortValue: the reference WTS support asks for. */
	errorId?: string;
	/** The body, reduced to the fields of the envelope (never request data). */
	body: JsonObject;
}

function asObject(value: unknown): IDataObject | undefined {
	if (value && typeof value === 'object' && !Array.isArray(value)) return value as IDataObject;
	if (typeof value === 'string' && value.trim().startsWith('{')) {
		try {
			return asObject(JSON.parse(value));
		} catch {
			return undefined;
		}
	}
	return undefined;
}

const str = optionalText;

export function parseApiError(rawBody: unknown): ParsedApiError {
	const body = asObject(rawBody);
	if (!body) {
		if (typeof rawBody === 'string' && /^\s*</.test(rawBody)) {
			// An HTML page of a load balancer or proxy, not the API: only its title is kept, never as the API's text.
			const title = /<title[^>]*>([^<]*)<\/title>|<h1[^>]*>([^<]*)<\/h1>/i.exec(rawBody);
			const page = str(title?.[1] ?? title?.[2] ?? '');
			return { body: page ? { page } : {} };
		}
		const text = typeof rawBody === 'string' ? str(rawBody.slice(0, 500)) : undefined;
		return { text, body: text ? { text } : {} };
	}
	// InternalException: { id: { value, shortValue }, key, text, httpStatusCode, ... }
	if ('key' in body || ('text' in body && 'error' in body)) {
		const id = asObject(body.id);
		const errorId = str(id?.shortValue) ?? str(id?.value);
		const out: JsonObject = {};
		for (const k of ['key', 'text', 'httpStatusCode', 'date', 'details']) {
			if (body[k] !== undefined && body[k] !== null) out[k] = body[k] as JsonObject[string];
		}
		if (errorId) out.errorId = errorId;
		return { text: str(body.text), key: str(body.key), errorId, body: out };
	}
	// ProblemDetails: { type, title, status, detail, instance, errors? }
	if ('title' in body || 'detail' in body || 'status' in body) {
		const errors = asObject(body.errors);
		const fieldErrors = errors
			? Object.entries(errors)
					.map(([field, msgs]) => `${field}: ${Array.isArray(msgs) ? msgs.join(', ') : String(msgs)}`)
					.join('; ')
			: undefined;
		const text = [str(body.detail) ?? str(body.title), fieldErrors].filter(Boolean).join(' — ');
		const out: JsonObject = {};
		for (const k of ['type', 'title', 'status', 'detail', 'errors']) {
			if (body[k] !== undefined && body[k] !== null) out[k] = body[k] as JsonObject[string];
		}
		return { text: text || undefined, body: out };
	}
	const text = str(body.message) ?? str(body.error);
	return { text, body: text ? { message: text } : {} };
}

/** What the request was about: the record its path names, for "not found" messages. */
export interface RequestSubject {
	/** English noun as the node shows it, e.g. "Session". */
	noun: string;
	id: string;
}

export interface ApiErrorExtra {
	retryAfterSeconds?: number;
	attempts?: number;
	subject?: RequestSubject;
	/** How long the node waited on 429s before giving up, and the item's Max Wait on Rate Limit (seconds). */
	rateLimitWaitedSeconds?: number;
	maxRateLimitWaitSeconds?: number;
	/** The write may have been processed: this text is the description (what happened and what to check). */
	mayHaveBeenSent?: string;
}

/** Whether a body is WTS's FORM_ERROR (invalid input or not found: the request was refused, not half-done). */
export function isFormError(rawBody: unknown): boolean {
	return parseApiError(rawBody).key === 'FORM_ERROR';
}

const STATUS_TEXT: Record<number, string> = {
	400: 'WTS Chat rejected the request',
	401: 'WTS Chat refused the API token',
	403: 'WTS Chat denied access to this resource',
	404: 'WTS Chat could not find the requested resource',
	429: 'WTS Chat rate limit reached',
	500: 'WTS Chat reported an internal problem',
	502: 'WTS Chat is unreachable (bad gateway)',
	503: 'WTS Chat is temporarily unavailable',
	504: 'WTS Chat did not answer in time (gateway timeout)',
};

/** The record a Portuguese WTS "not found" text names ("Conversa não encontrada" → Session). Order matters. */
const NOT_FOUND_NOUNS: Array<[RegExp, string]> = [
	[/modelo de mensagem|template/i, 'Template'],
	[/mensagem de refer[eê]ncia/i, 'Reply-to message'],
	[/mensagem agendada|agendamento/i, 'Scheduled message'],
	[/conversa|atendimento|sess[aã]o/i, 'Session'],
	[/equipe|departamento/i, 'Department'],
	[/usu[aá]rio|atendente|agente/i, 'Agent'],
	[/contato/i, 'Contact'],
	[/mensagem/i, 'Message'],
	[/arquivo/i, 'File'],
	[/canal/i, 'Channel'],
	[/nota|anota[cç][aã]o/i, 'Note'],
	[/etiqueta|\btag\b/i, 'Tag'],
	[/painel|quadro/i, 'Panel'],
	[/etapa/i, 'Step'],
	[/\bcard\b|cart[aã]o|neg[oó]cio/i, 'Card'],
	[/sequ[eê]ncia/i, 'Sequence'],
	[/carteira/i, 'Portfolio'],
	[/chatbot|\bbot\b/i, 'Chatbot'],
	[/campo/i, 'Custom field'],
	[/inscri[cç][aã]o|webhook/i, 'Webhook subscription'],
];

const NOT_FOUND_TEXT = /n[aã]o (foi )?encontrad[oa]|n[aã]o existe|not found/i;

/** "Session 3f1c… not found" for WTS's not-found answers (HTTP 500 FORM_ERROR, or 404); undefined otherwise. */
export function notFoundMessage(status: number, parsed: ParsedApiError, subject?: RequestSubject): string | undefined {
	const formError = status === 500 && parsed.key === 'FORM_ERROR';
	if (!(formError || status === 404) || !parsed.text || !NOT_FOUND_TEXT.test(parsed.text)) return undefined;
	const noun = NOT_FOUND_NOUNS.find(([pattern]) => pattern.test(parsed.text as string))?.[1];
	if (subject && (noun === undefined || noun === subject.noun)) return `${subject.noun} ${subject.id} not found`;
	return noun ? `${noun} not found` : 'A record this operation refers to was not found';
}

function howToFix(status: number, parsed: ParsedApiError, extra: ApiErrorExtra, notFound: boolean): string {
	const said = parsed.text ? `WTS Chat answered "${parsed.text}"${parsed.errorId ? ` (reference ${parsed.errorId})` : ''}. ` : '';
	const ref = parsed.errorId ? ` If it persists, give WTS Chat support the reference ${parsed.errorId}.` : '';
	if (notFound) {
		return `${said}Check that the ID exists in this WTS Chat account (pick it from the list to be sure) and that the credential belongs to that account.`;
	}
	if (status === 401) {
		return 'Check the API token in the WTS Chat credential (WTS Chat → Settings → Integrations → API integration) and that its Base URL is the host of your account.';
	}
	if (status === 403) return `The token is valid but may not use this resource. Check the account's permissions.${ref}`;
	if (status === 429) {
		const asked = extra.retryAfterSeconds !== undefined ? ` WTS Chat asked to wait ${extra.retryAfterSeconds} s more.` : '';
		const waited = `The node waited ${extra.rateLimitWaitedSeconds ?? 0} s for it (Max Wait on Rate Limit: ${extra.maxRateLimitWaitSeconds ?? 0} s).`;
		return `The account's rate limit (200 requests per 5 seconds and 1,000 per 5 minutes; sends: 1,000 per 2 minutes) was still exceeded: other clients of this WTS Chat account are using it too. ${waited}${asked} Raise Options → Max Wait on Rate Limit, or run the workflow when the account is less busy. The request was not processed, so running the item again is safe.`;
	}
	if (status === 500 && parsed.key === 'FORM_ERROR') {
		return `WTS Chat answers invalid values this way. Check the values of this operation (IDs of this account, enum values, required fields).${ref}`;
	}
	if (status === 400 || status === 404 || status === 422) {
		return `Check the parameters of this operation against what WTS Chat expects; the API's explanation is in the message.${ref}`;
	}
	if (extra.mayHaveBeenSent) return `${extra.mayHaveBeenSent}${ref}`;
	if (status >= 500) {
		const tries = extra.attempts && extra.attempts > 1 ? ` (the node tried ${extra.attempts} times)` : '';
		return `The problem is on WTS Chat's side${tries}. Run the item again later.${ref}`;
	}
	return `Check the operation's parameters.${ref}`;
}

/**
 * The NodeApiError for a WTS answer that is not 2xx: the message is a short English sentence of what failed with
 * WTS's own text kept (it is what users search for), or "<Record> <id> not found" for not-found answers (whose
 * WTS text and reference go to the description); the description says how to fix it.
 */
export function apiError(
	node: INode,
	status: number,
	rawBody: unknown,
	itemIndex: number | undefined,
	extra: ApiErrorExtra = {},
): NodeApiError {
	const parsed = parseApiError(rawBody);
	const notFound = notFoundMessage(status, parsed, extra.subject);
	const english =
		status === 500 && parsed.key === 'FORM_ERROR'
			? 'WTS Chat rejected the request'
			: (STATUS_TEXT[status] ?? `WTS Chat answered with HTTP ${status}`);
	// HTML pages of a load balancer are not the API's text.
	const apiText = parsed.text && !/^\s*</.test(parsed.text) ? parsed.text : undefined;
	let what = notFound ?? (apiText && apiText !== english ? `${english}: ${apiText}` : english);
	if (extra.mayHaveBeenSent && !notFound) what = `${what}; the request may have been processed`;
	const body: JsonObject = { ...parsed.body, httpCode: status };
	return new NodeApiError(node, body, {
		message: what,
		description: howToFix(status, parsed, extra, notFound !== undefined),
		// A not-found comes as HTTP 500 FORM_ERROR on the wire (kept in the body's httpCode); n8n shows 404.
		httpCode: String(notFound ? 404 : status),
		itemIndex,
	});
}

const NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'UND_ERR_SOCKET',
	'UND_ERR_CONNECT_TIMEOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/** n8n replaces an axios network error's message by one of these texts (n8n-workflow COMMON_ERRORS). */
const N8N_NETWORK_MESSAGES: Array<[RegExp, string]> = [
	[/refused the connection/i, 'ECONNREFUSED'],
	[/closed (the connection )?unexpectedly|socket hang up/i, 'ECONNRESET'],
	[/connection cannot be established/i, 'ENOTFOUND'],
	[/connection timed out|timeout of \d+ms exceeded/i, 'ETIMEDOUT'],
	[/connection was aborted/i, 'ECONNABORTED'],
	[/host is unreachable/i, 'EHOSTUNREACH'],
	[/DNS server returned an error/i, 'EAI_AGAIN'],
];

/**
 * The network error code (ECONNRESET, ECONNREFUSED, ...) behind whatever n8n's request helper threw, or
 * undefined for anything else. n8n wraps the axios error in a NodeApiError and, depending on the version,
 * keeps the code on the error, its cause, or only in a descriptive message.
 */
export function networkErrorCode(error: unknown): string | undefined {
	const seen = new Set<unknown>();
	const queue: unknown[] = [error];
	while (queue.length) {
		const e = queue.shift();
		if (!e || typeof e !== 'object' || seen.has(e)) continue;
		seen.add(e);
		const o = e as IDataObject;
		for (const c of [o.code, o.errno, o.httpCode]) {
			if (typeof c === 'string' && NETWORK_CODES.has(c)) return c;
		}
		const messages = [o.message, ...(Array.isArray(o.messages) ? o.messages : [])].filter(
			(m): m is string => typeof m === 'string',
		);
		for (const message of messages) {
			const m = /\b(ECONNRESET|ECONNREFUSED|ECONNABORTED|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH)\b/.exec(message);
			if (m) return m[1];
			for (const [pattern, code] of N8N_NETWORK_MESSAGES) if (pattern.test(message)) return code;
		}
		queue.push(o.cause, o.errorResponse, o.reason, o.error, (o.context as IDataObject | undefined)?.data);
	}
	return undefined;
}

export function networkError(
	node: INode,
	code: string,
	itemIndex: number | undefined,
	mayHaveBeenProcessed: boolean,
	attempts: number,
	/** Replaces the description (what the node found out about a send that may have gone out). */
	explanation?: string,
): NodeApiError {
	const what =
		code === 'ECONNREFUSED'
			? 'WTS Chat refused the connection'
			: code === 'ENOTFOUND' || code === 'EAI_AGAIN'
				? 'The WTS Chat host could not be found'
				: /TIMEDOUT|TIMEOUT/.test(code)
					? 'WTS Chat did not answer in time'
					: 'The connection to WTS Chat dropped before it answered';
	// The code stays out of the message and of the error body: NodeApiError replaces any message that names a
	// network code (or whose body has `code`) by n8n's generic text.
	const message = mayHaveBeenProcessed ? `${what}; the request may have been processed` : what;
	const description = explanation
		? `${explanation} Network code: ${code}.`
		: mayHaveBeenProcessed
		? `WTS Chat may have processed this request, so it was not sent again to avoid doing it twice (for example sending a message twice). Check in WTS Chat whether it took effect before running the item again. Network code: ${code}.`
		: `Check the Base URL in the WTS Chat credential and the network between n8n and WTS Chat${attempts > 1 ? ` (tried ${attempts} times)` : ''}. Network code: ${code}.`;
	return new NodeApiError(node, { networkError: code } as JsonObject, { message, description, itemIndex });
}
