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
import { apiError, networkError, networkErrorCode } from './errors';

export type { RequestSubject } from './errors';
import {
	backoffDelayMs,
	isRetryableNetworkError,
	isRetryableStatus,
	MAX_ATTEMPTS,
	MAX_RETRY_AFTER_SECONDS,
	parseRetryAfter,
} from './retry';

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

/**
 * Sends one request with the project's retry policy (see retry.ts). `send` performs a single attempt and
 * returns the full response without throwing on HTTP status; network failures throw.
 */
async function withRetries(
	node: INode,
	itemIndex: number | undefined,
	idempotent: boolean,
	send: () => Promise<RawResponse>,
	subject?: RequestSubject,
): Promise<unknown> {
	for (let attempt = 1; ; attempt++) {
		let response: RawResponse;
		try {
			response = await send();
		} catch (error) {
			const code = networkErrorCode(error);
			if (code === undefined) {
				// Not a network failure (n8n refused to send it, e.g. a blocked URL). Only the message is kept: the
				// original error can carry the request's headers.
				const text = (error as Error)?.message ?? String(error);
				throw new NodeApiError(node, { message: text } as JsonObject, {
					message: itemIndex === undefined ? text : `${text} [item ${itemIndex}]`,
					description: 'n8n could not send the request to WTS Chat. Check the Base URL in the WTS Chat credential.',
					itemIndex,
				});
			}
			if (attempt < MAX_ATTEMPTS && isRetryableNetworkError(code, idempotent)) {
				await sleep(backoffDelayMs(attempt));
				continue;
			}
			throw networkError(node, code, itemIndex, !isRetryableNetworkError(code, idempotent), attempt);
		}
		const status = response.statusCode;
		const body = parseBody(response.body);
		if (status >= 200 && status < 300) return body;

		const retryAfter = status === 429 ? parseRetryAfter(response.headers['retry-after']) : undefined;
		const waitTooLong = retryAfter !== undefined && retryAfter > MAX_RETRY_AFTER_SECONDS;
		if (attempt < MAX_ATTEMPTS && !waitTooLong && isRetryableStatus(status, idempotent)) {
			await sleep(retryAfter !== undefined ? retryAfter * 1000 : backoffDelayMs(attempt));
			continue;
		}
		throw apiError(node, status, body, itemIndex, { retryAfterSeconds: retryAfter, attempts: attempt, subject });
	}
}

/** One authenticated WTS Chat API call. Resolves to the parsed JSON body (undefined when empty). */
export async function apiRequest(this: RequestContext, request: WtsRequest, itemIndex?: number): Promise<unknown> {
	const node = this.getNode();
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
	return await withRetries(
		node,
		itemIndex,
		idempotent,
		async () => (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_NAME, options)) as RawResponse,
		request.subject,
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
	const body = await apiRequest.call(
		this,
		{ ...request, qs: { ...request.qs, PageNumber: page, PageSize: pageSize } },
		itemIndex,
	);
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
		throw new NodeOperationError(node, `WTS Chat did not return a usable upload URL [item ${itemIndex}]`, {
			description: 'Try again; if it persists, send the file from a public URL instead.',
			itemIndex,
		});
	}
	await withRetries(node, itemIndex, true, async () => {
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
