import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import type { RequestSubject } from './errors';
import { apiError, isFormError, networkError, networkErrorCode } from './errors';

export type { RequestSubject } from './errors';
import { accountKey, acquire, block, LONGEST_WINDOW_SECONDS } from './pacing';
import type { SendLookup } from './recovery';
import {
	earliestServerTime,
	isProcessedSend,
	knownSent,
	observeServerDate,
	rememberSent,
	sendLookup,
} from './recovery';
import {
	backoffDelayMs,
	isRetryableNetworkError,
	isRetryableStatus,
	MAX_ATTEMPTS,
	parseRetryAfter,
	rateLimitWaitMs,
} from './retry';

export { DOCUMENTED_RATE_LIMITS, LONGEST_WINDOW_SECONDS, resetPacing, setRateLimits } from './pacing';

/** Pickers (list searches) have no options: a 429 there is waited out this long at most. */
const PICKER_MAX_RATE_LIMIT_WAIT_SECONDS = 30;

export const CREDENTIAL_NAME = 'wtsChatApi';

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions;

export type QueryValue = string | number | boolean | undefined | null | Array<string | number | boolean>;
export type Query = Record<string, QueryValue>;

export interface WtsRequest {
	method: IHttpRequestMethods;
	/** Full API path including the service prefix, e.g. `/chat/v1/session/{id}/complete`. */
	path: string;
	/** Values for the `{name}` placeholders of `path`; each is URL-encoded. */
	pathParams?: Record<string, string>;
	/** Query parameters. Arrays are sent as repeated keys, empty values are left out. */
	qs?: Query;
	body?: IDataObject | IDataObject[] | string[];
	/**
	 * Whether sending the request twice has the same effect as once. Decides whether a 502/503/504 or a
	 * dropped connection is retried. Defaults to true for GET, PUT and DELETE, false for POST.
	 */
	idempotent?: boolean;
	/** Milliseconds; the synchronous send endpoints wait up to 25 s on the channel. */
	timeout?: number;
	/** The record the path names (e.g. the session of /chat/v1/session/{id}/complete), for "not found" messages. */
	subject?: RequestSubject;
	/**
	 * Listings only: where the page goes. The query's `PageNumber` / `PageSize` (the default), the query's `Page` /
	 * `PageSize` (GET /core/v1/portfolio/{id}/contact documents these), or `body`: `pageNumber` / `pageSize` in the
	 * JSON body (POST /core/v1/contact/filter).
	 */
	pageIn?: 'PageNumber' | 'Page' | 'body';
}

const DEFAULT_TIMEOUT_MS = 60_000;

const LOOPBACK_HTTP = /^http:\/\/(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?(\/|$)/i;

/** The credential's Base URL without trailing slashes or a trailing service prefix; refuses plain http off loopback. */
export function normalizeBaseUrl(node: INode, raw: unknown): string {
	const value = typeof raw === 'string' ? raw.trim() : '';
	if (value === '') {
		throw new NodeOperationError(node, 'The WTS Chat credential has no Base URL', {
			description: 'Open the WTS Chat credential and set Base URL, e.g. https://api.wts.chat.',
		});
	}
	if (!/^https:\/\//i.test(value) && !LOOPBACK_HTTP.test(value)) {
		throw new NodeOperationError(node, `The Base URL "${value}" is not allowed`, {
			description:
				'Use an https:// URL such as https://api.wts.chat or https://api.helena.run. Plain http:// is accepted only for localhost (the local sandbox), so that the API token is never sent unencrypted.',
		});
	}
	return value.replace(/\/+$/, '').replace(/\/(core|chat|crm)$/i, '');
}

export function buildPath(path: string, params: Record<string, string> = {}): string {
	return path.replace(/\{(\w+)\}/g, (_, name: string) => {
		const v = params[name];
		if (v === undefined) throw new Error(`Missing path parameter ${name} for ${path}`);
		return encodeURIComponent(v);
	});
}

export function buildQuery(qs: Query = {}): string {
	const parts: string[] = [];
	for (const [key, value] of Object.entries(qs)) {
		const values = Array.isArray(value) ? value : [value];
		for (const v of values) {
			if (v === undefined || v === null || v === '') continue;
			parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`);
		}
	}
	return parts.length ? `?${parts.join('&')}` : '';
}

interface RawResponse {
	body: unknown;
	headers: IDataObject;
	statusCode: number;
}

function parseBody(body: unknown): unknown {
	if (typeof body === 'string') {
		const t = body.trim();
		if (t === '') return undefined;
		if (t.startsWith('{') || t.startsWith('[')) {
			try {
				return JSON.parse(t);
			} catch {
				return body;
			}
		}
	}
	return body;
}

/** Everything withRetries needs to know about the request besides how to send it. */
interface RetryContext {
	node: INode;
	itemIndex: number | undefined;
	idempotent: boolean;
	subject?: RequestSubject;
	/** Pacing of the API's windows (absent for the storage upload, which is not the API). */
	pacing?: { account: string; path: string };
	/** Longest total wait on 429s, ms. */
	maxRateLimitWaitMs: number;
	/** How to find out whether an ambiguous failure of this send was processed (see recovery.ts). */
	lookup?: SendLookup | { uncheckable: string };
	/** Reads one page of a listing (for the lookup). */
	readPage?: (path: string, pathParams: Record<string, string>, qs: Query) => Promise<unknown>;
}

/** A 502/503/504 or a dropped connection after the request was written: WTS may have processed it. */
type Ambiguous = { status: number; body: unknown } | { code: string };

const LOOKUP_PAGE_SIZE = 50;
/** A 504 or a timeout may mean WTS is still processing: the lookup looks again after this long. */
const SETTLE_MS = 2_000;

/** Looks for the processed send; the message found, null when it is not there. Throws when the lookup fails. */
async function findProcessedSend(rc: RetryContext, lookup: SendLookup, sentAt: number): Promise<IDataObject | null> {
	const account = rc.pacing?.account ?? '';
	const notBefore = earliestServerTime(account, sentAt);
	const page = (await rc.readPage!(lookup.path, lookup.pathParams, {
		'CreatedAt.After': new Date(notBefore).toISOString(),
		OrderBy: 'createdAt',
		OrderDirection: 'DESCENDING',
		PageNumber: 1,
		PageSize: LOOKUP_PAGE_SIZE,
	})) as IDataObject | IDataObject[] | undefined;
	const items = Array.isArray(page) ? page : Array.isArray(page?.items) ? (page.items as IDataObject[]) : [];
	const exclude = knownSent(account);
	return items.find((m) => isProcessedSend(m, lookup, notBefore, exclude)) ?? null;
}

function ambiguousError(rc: RetryContext, failure: Ambiguous, attempt: number, why: string): NodeApiError {
	const description = `WTS Chat may have sent it: ${why}. Check the conversation in WTS Chat before sending this item again; running the node again (or n8n's Retry On Fail, which re-runs every item) could send it twice.`;
	if ('code' in failure) return networkError(rc.node, failure.code, rc.itemIndex, true, attempt, description);
	return apiError(rc.node, failure.status, failure.body, rc.itemIndex, {
		attempts: attempt,
		subject: rc.subject,
		mayHaveBeenSent: description,
	});
}

/**
 * Sends one request with the project's retry policy (see retry.ts), paced to the documented windows
 * (pacing.ts). `send` performs a single attempt and returns the full response without throwing on HTTP status;
 * network failures throw. Ambiguous failures of sends are resolved by looking for the message (recovery.ts).
 */
async function withRetries(rc: RetryContext, send: () => Promise<RawResponse>): Promise<unknown> {
	const { node, itemIndex, idempotent, subject } = rc;
	let rateLimited = 0;
	let rateLimitWaitedMs = 0;
	let lastRetryAfter: number | undefined;
	for (let attempt = 1; ; attempt++) {
		let response: RawResponse | undefined;
		let ambiguous: Ambiguous | undefined;
		const ticket = rc.pacing ? await acquire(rc.pacing.account, rc.pacing.path) : undefined;
		const sentAt = Date.now();
		try {
			response = await send();
		} catch (error) {
			ticket?.done();
			const code = networkErrorCode(error);
			if (code === undefined) {
				// Not a network failure (n8n refused to send it, e.g. a blocked URL). Only the message is kept: the
				// original error can carry the request's headers.
				const text = (error as Error)?.message ?? String(error);
				throw new NodeApiError(node, { message: text } as JsonObject, {
					message: text,
					description: 'n8n could not send the request to WTS Chat. Check the Base URL in the WTS Chat credential.',
					itemIndex,
				});
			}
			if (isRetryableNetworkError(code, idempotent)) {
				if (attempt < MAX_ATTEMPTS) {
					await sleep(backoffDelayMs(attempt));
					continue;
				}
				throw networkError(node, code, itemIndex, false, attempt);
			}
			ambiguous = { code };
		}
		if (response) {
			ticket?.done();
			if (rc.pacing) observeServerDate(rc.pacing.account, response.headers?.date, Date.now());
			const status = response.statusCode;
			const body = parseBody(response.body);
			if (status >= 200 && status < 300) {
				if (rc.lookup && rc.pacing) rememberSent(rc.pacing.account, body);
				return body;
			}
			if (status === 429) {
				// Rejected before being processed: wait it out (shared by every request of the account) and resend.
				rateLimited++;
				lastRetryAfter = parseRetryAfter(response.headers['retry-after']);
				const wait = rateLimitWaitMs(rateLimited, lastRetryAfter);
				if (rateLimitWaitedMs + wait > rc.maxRateLimitWaitMs) {
					throw apiError(node, status, body, itemIndex, {
						retryAfterSeconds: lastRetryAfter,
						attempts: attempt,
						subject,
						rateLimitWaitedSeconds: Math.round(rateLimitWaitedMs / 1000),
						maxRateLimitWaitSeconds: Math.round(rc.maxRateLimitWaitMs / 1000),
					});
				}
				rateLimitWaitedMs += wait;
				if (rc.pacing) block(rc.pacing.account, rc.pacing.path, Date.now() + wait);
				else await sleep(wait);
				attempt--; // a rejected request is not an attempt: it was not processed
				continue;
			}
			if (isRetryableStatus(status, idempotent)) {
				if (attempt < MAX_ATTEMPTS) {
					await sleep(backoffDelayMs(attempt));
					continue;
				}
				throw apiError(node, status, body, itemIndex, { attempts: attempt, subject });
			}
			const gateway = status === 502 || status === 503 || status === 504;
			// A 500 other than WTS's FORM_ERROR may have come after the message was saved: a send looks it up.
			const serverFailure = status === 500 && rc.lookup !== undefined && !('uncheckable' in rc.lookup) && !isFormError(body);
			if (!gateway && !serverFailure) {
				throw apiError(node, status, body, itemIndex, { attempts: attempt, subject });
			}
			ambiguous = { status, body };
		}
		// A write that may have been processed.
		const failure = ambiguous as Ambiguous;
		const lookup = rc.lookup;
		if (!lookup || !rc.readPage) {
			const why = 'the request failed after it was sent, and a write is never sent twice by the node';
			if ('code' in failure) throw networkError(node, failure.code, itemIndex, true, attempt);
			throw apiError(node, failure.status, failure.body, itemIndex, {
				attempts: attempt,
				subject,
				mayHaveBeenSent: `WTS Chat may have processed it: ${why}. Check in WTS Chat whether it took effect before running this item again.`,
			});
		}
		if ('uncheckable' in lookup) throw ambiguousError(rc, failure, attempt, lookup.uncheckable);
		let found: IDataObject | null;
		try {
			found = await findProcessedSend(rc, lookup, sentAt);
			const mayStillRun = ('status' in failure && failure.status === 504) || ('code' in failure && /TIMEDOUT|ABORTED/.test(failure.code));
			if (!found && mayStillRun) {
				await sleep(SETTLE_MS);
				found = await findProcessedSend(rc, lookup, sentAt);
			}
		} catch {
			throw ambiguousError(rc, failure, attempt, 'the request failed after it was sent, and looking for the message in the session failed too');
		}
		if (found) {
			rememberSent(rc.pacing?.account ?? '', found);
			return found;
		}
		if (attempt >= MAX_ATTEMPTS) {
			const what = 'status' in failure ? `HTTP ${failure.status}` : 'a dropped connection';
			const message = `WTS Chat did not take the message after ${attempt} attempts (the last ended with ${what})`;
			throw new NodeApiError(node, { message } as JsonObject, {
				message,
				description:
					'After each attempt the node looked for the message in the session and it was not there, so it was not sent. WTS Chat is having trouble: run this item again later.',
				itemIndex,
			});
		}
		// Not processed: sending it again cannot make a duplicate.
	}
}

/** "Max Wait on Rate Limit" of this item, in ms (pickers, which have no options, wait less). */
function maxRateLimitWaitMs(ctx: RequestContext, itemIndex: number | undefined): number {
	if (itemIndex === undefined || !('getInputData' in ctx)) return PICKER_MAX_RATE_LIMIT_WAIT_SECONDS * 1000;
	const raw = (ctx as IExecuteFunctions).getNodeParameter(
		'options.maxWaitOnRateLimit',
		itemIndex,
		LONGEST_WINDOW_SECONDS,
	) as unknown;
	const seconds = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
		throw new NodeOperationError(ctx.getNode(), `Max Wait on Rate Limit must be a number of seconds of at least 0`, {
			description: `Set Options → Max Wait on Rate Limit to how many seconds the node may wait when WTS Chat answers 429, e.g. ${LONGEST_WINDOW_SECONDS}.`,
			itemIndex,
		});
	}
	return seconds * 1000;
}

/** One authenticated WTS Chat API call. Resolves to the parsed JSON body (undefined when empty). */
export async function apiRequest(this: RequestContext, request: WtsRequest, itemIndex?: number): Promise<unknown> {
	const node = this.getNode();
	const maxWait = maxRateLimitWaitMs(this, itemIndex);
	const credentials = await this.getCredentials(CREDENTIAL_NAME);
	const baseUrl = normalizeBaseUrl(node, credentials.baseUrl);
	const url = `${baseUrl}${buildPath(request.path, request.pathParams)}${buildQuery(request.qs)}`;
	const options: IHttpRequestOptions = {
		method: request.method,
		url,
		headers: { Accept: 'application/json' },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: request.timeout ?? DEFAULT_TIMEOUT_MS,
	};
	if (request.body !== undefined) options.body = request.body;
	const idempotent = request.idempotent ?? request.method !== 'POST';
	const lookup = idempotent ? undefined : sendLookup(request.method, request.path, request.pathParams, request.body);
	return await withRetries(
		{
			node,
			itemIndex,
			idempotent,
			subject: request.subject,
			pacing: { account: accountKey(baseUrl, credentials.apiToken), path: request.path },
			maxRateLimitWaitMs: maxWait,
			lookup,
			readPage: async (path, pathParams, qs) =>
				await apiRequest.call(this, { method: 'GET', path, pathParams, qs, subject: request.subject }, itemIndex),
		},
		async () => (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_NAME, options)) as RawResponse,
	);
}

export interface PageOptions {
	returnAll: boolean;
	/** Used when returnAll is false. */
	limit?: number;
}

const MAX_PAGE_SIZE = 100;
/** Guards against an API that keeps saying hasMorePages. */
const MAX_PAGES = 10_000;

/**
 * Every record of a listing, as an array: the documented page envelope (`PageNumber`/`PageSize` in,
 * `items`/`hasMorePages` out) is walked page by page with a constant page size (100 for Return All); a
 * listing that answers a plain array is returned as it is (cut to the limit).
 */
export async function apiRequestAllItems(
	this: RequestContext,
	request: WtsRequest,
	paging: PageOptions,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const limit = paging.returnAll ? Infinity : Math.max(1, paging.limit ?? 50);
	const pageSize = Math.min(MAX_PAGE_SIZE, limit);
	const results: IDataObject[] = [];
	for (let page = 1; page <= MAX_PAGES; page++) {
		const { items, hasMorePages } = await apiRequestPage.call(this, request, page, pageSize, itemIndex);
		results.push(...items);
		if (results.length >= limit) return results.slice(0, limit);
		if (!hasMorePages || items.length === 0) break;
	}
	return results;
}

/** One page of a listing: the documented envelope, or a plain array (a single page). */
export async function apiRequestPage(
	this: RequestContext,
	request: WtsRequest,
	page: number,
	pageSize: number,
	itemIndex?: number,
): Promise<{ items: IDataObject[]; hasMorePages: boolean }> {
	const { pageIn = 'PageNumber', ...rest } = request;
	const paged: WtsRequest =
		pageIn === 'body'
			? { ...rest, body: { ...(rest.body as IDataObject | undefined), pageNumber: page, pageSize } }
			: { ...rest, qs: { ...rest.qs, [pageIn]: page, PageSize: pageSize } };
	const body = await apiRequest.call(this, paged, itemIndex);
	if (Array.isArray(body)) return { items: body as IDataObject[], hasMorePages: false };
	const envelope = (body ?? {}) as IDataObject;
	return {
		items: Array.isArray(envelope.items) ? (envelope.items as IDataObject[]) : [],
		hasMorePages: envelope.hasMorePages === true,
	};
}

export type WtsFileType = 'UNDEFINED' | 'PDF' | 'EXCEL' | 'WORD' | 'IMAGE' | 'AUDIO' | 'VIDEO' | 'DOCUMENT';

/**
 * Uploads bytes the documented way (GET /core/v2/file for a pre-signed URL, PUT the bytes there without the
 * API token, POST /core/v2/file to save) and resolves to the saved file (its `id` is the fileId for sends).
 */
export async function uploadFile(
	this: IExecuteFunctions,
	file: { data: Buffer; fileName: string; mimeType: string; type: WtsFileType },
	itemIndex: number,
): Promise<IDataObject> {
	const node = this.getNode();
	const slot = (await apiRequest.call(
		this,
		{ method: 'GET', path: '/core/v2/file', qs: { Type: file.type, Name: file.fileName, MimeType: file.mimeType } },
		itemIndex,
	)) as IDataObject;
	const uploadUrl = typeof slot?.urlUpload === 'string' ? slot.urlUpload : '';
	if (!slot?.tempFileId || !/^https:\/\//i.test(uploadUrl) && !LOOPBACK_HTTP.test(uploadUrl)) {
		throw new NodeOperationError(node, `WTS Chat did not return a usable upload URL`, {
			description: 'Try again; if it persists, send the file from a public URL instead.',
			itemIndex,
		});
	}
	await withRetries({ node, itemIndex, idempotent: true, maxRateLimitWaitMs: maxRateLimitWaitMs(this, itemIndex) }, async () => {
		return (await this.helpers.httpRequest({
			method: 'PUT',
			url: uploadUrl,
			body: file.data,
			headers: { 'Content-Type': file.mimeType },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: 5 * DEFAULT_TIMEOUT_MS,
		})) as RawResponse;
	});
	return (await apiRequest.call(
		this,
		{ method: 'POST', path: '/core/v2/file', body: { tempFileId: slot.tempFileId as string } },
		itemIndex,
	)) as IDataObject;
}
