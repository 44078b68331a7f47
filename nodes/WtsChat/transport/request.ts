import type { IDataObject, IHttpRequestMethods, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RequestSubject } from './errors';

/** What a request to the WTS Chat API is, and how its URL is made: the credential's Base URL, path and query. */

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

export const DEFAULT_TIMEOUT_MS = 60_000;

export const LOOPBACK_HTTP = /^http:\/\/(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?(\/|$)/i;

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

