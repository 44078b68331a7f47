import { afterAll, afterEach, beforeAll, expect } from 'vitest';

import { startSandbox } from '../../sandbox/server.mjs';
// Small HTTP client for sandbox tests (Node 20 fetch).

/**
 * @param {{url:string, token:string}} sandbox
 */
/**
 * A sandbox for one test file, started on a free port with response self-checks; after each test it must have
 * recorded no contract violation and no off-spec response, and it is reset. Returns `{ sb, api }` (filled in
 * beforeAll).
 */
export function useStrictSandbox(options = {}) {
	const ctx = { sb: undefined, api: undefined };
	beforeAll(async () => {
		ctx.sb = await startSandbox({ port: 0, quiet: true, checkResponses: true, ...options });
		ctx.api = client(ctx.sb);
	});
	afterAll(() => ctx.sb?.close());
	afterEach(() => {
		expect(ctx.sb.violations).toEqual([]);
		expect(ctx.sb.responseProblems).toEqual([]);
		ctx.sb.reset();
	});
	return ctx;
}

export function client(sandbox) {
	/**
	 * @param {string} method
	 * @param {string} path path + query, e.g. '/chat/v2/session?PageSize=5'
	 * @param {{body?: any, raw?: Buffer|string, headers?: Record<string,string>, token?: string|null}} [o]
	 *   token: null = no Authorization header
	 */
	async function call(method, path, o = {}) {
		const headers = { ...(o.headers ?? {}) };
		const token = o.token === undefined ? sandbox.token : o.token;
		if (token !== null) headers.authorization = `Bearer ${token}`;
		let body;
		if (o.raw !== undefined) body = o.raw;
		else if (o.body !== undefined) {
			body = JSON.stringify(o.body);
			headers['content-type'] ??= 'application/json';
		}
		const res = await fetch(sandbox.url + path, { method, headers, body });
		const text = await res.text();
		let json = null;
		try {
			json = text ? JSON.parse(text) : null;
		} catch {
			json = null;
		}
		return { status: res.status, headers: res.headers, text, body: json };
	}
	return {
		call,
		get: (path, o) => call('GET', path, o),
		post: (path, body, o = {}) => call('POST', path, { ...o, body }),
		put: (path, body, o = {}) => call('PUT', path, { ...o, body }),
		del: (path, o) => call('DELETE', path, o),
	};
}

/** Query string from an object; arrays repeat the key (IncludeDetails=A&IncludeDetails=B). */
export function qs(params) {
	const sp = new URLSearchParams();
	for (const [k, v] of Object.entries(params)) {
		if (v === undefined || v === null) continue;
		for (const item of Array.isArray(v) ? v : [v]) sp.append(k, String(item));
	}
	const s = sp.toString();
	return s ? `?${s}` : '';
}
