// Issue 20 item 4: whatever leaves the node — the error's message, description, context, cause and stack, the error
// item's json in both Continue On Fail modes, an AI tool's answer, a picker's error, the trigger's activation error —
// never holds the credential's token or an Authorization header, even when WTS Chat's own 400/401 body echoes it or
// n8n's request helper throws an error carrying the request (config, options.headers, request, cause, stack).
import { NodeApiError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { WtsChatTrigger } from '../../../../nodes/WtsChatTrigger/WtsChatTrigger.node';
import { listSearch, loadOptions } from '../../../../nodes/WtsChat/methods';
import { redactDeep } from '../../../../nodes/WtsChat/transport/redact';
import { rl, SEED, useSandbox } from '../../../harness/fixture.mjs';
import { createTrigger } from '../../../harness/trigger.mjs';

const t = useSandbox();
type Json = Record<string, unknown>;
const K_OUT_HEADERS = Symbol('kOutHeaders');

/** Every string reachable from a value: all own keys (non-enumerable ones such as stack and cause, and symbols). */
function strings(value: unknown, seen = new Set<unknown>()): string[] {
	if (typeof value === 'string') return [value];
	if (!value || typeof value !== 'object' || seen.has(value)) return [];
	seen.add(value);
	const keys = [...Object.getOwnPropertyNames(value), ...Object.getOwnPropertySymbols(value)];
	return keys.flatMap((k) => {
		try {
			return strings((value as Record<string | symbol, unknown>)[k], seen);
		} catch {
			return [];
		}
	});
}

/** Asserts that no string reachable from `value` holds the token or an unredacted Authorization / Bearer value. */
function expectNoToken(value: unknown, token: string) {
	const all = strings(value);
	expect(all.length).toBeGreaterThan(0);
	expect(all.filter((s) => s.includes(token))).toEqual([]);
	expect(all.filter((s) => /Bearer\s+(?!\[redacted\])\S/i.test(s))).toEqual([]);
	expect(all.filter((s) => /authorization"?\s*[:=]\s*"?(?!\[redacted\]|Bearer \[redacted\])\w/i.test(s))).toEqual([]);
	// also as n8n would store or show it
	expect(JSON.stringify(value, (_k, v) => (v instanceof Error ? { ...v, message: v.message, stack: v.stack } : v))).not.toContain(token);
}

const echoBody = (token: string, status: number) => ({
	error: true,
	key: status === 401 ? 'ERROR_UNAUTHORIZED' : 'ERROR_VALIDATION',
	text: `Token inválido: ${token} (Authorization: Bearer ${token})`,
	httpStatusCode: status,
	details: { headers: { Authorization: `Bearer ${token}` }, token, raw: `authorization=${token}` },
});

/** An error like the one n8n's request helper throws when axios fails: the request's headers everywhere. */
function helperError(token: string): Error {
	const header = `Bearer ${token}`;
	const cause = Object.assign(new Error(`connect ECONNRESET while sending Authorization: ${header}`), {
		code: 'ECONNRESET',
		config: { headers: { Authorization: header, Accept: 'application/json' }, url: `https://api.wts.chat/x?token=${token}` },
		request: { _header: `GET /chat/v2/session HTTP/1.1\r\nAuthorization: ${header}\r\n\r\n`, [K_OUT_HEADERS]: { authorization: ['Authorization', header] } },
		options: { headers: { authorization: header } },
	});
	const error = new Error(`Request to WTS failed for token ${token}`, { cause });
	Object.assign(error, { name: 'AxiosError', isAxiosError: true, config: cause.config, request: cause.request, options: cause.options });
	return error;
}
const throwingHelper = (token: string) => () => ({
	httpRequestWithAuthentication: async () => {
		throw helperError(token);
	},
});

const session = (SEED.sessions.inProgress as string[])[0];
const get = { resource: 'session', operation: 'get', sessionId: rl(session) };
const MODES = ['stop', 'continueRegularOutput', 'continueErrorOutput', 'tool'] as const;

async function everythingThatLeaves(mode: (typeof MODES)[number], opts: Json = {}): Promise<unknown> {
	if (mode === 'stop') return await t.runError(get, opts);
	const { output } = await t.run(get, mode === 'tool' ? { ...opts, nodeType: 'n8n-nodes-wts-chat.wtsChatTool' } : { ...opts, onError: mode });
	const all = (output as Array<Array<{ json: Json; error?: unknown }>>).flat();
	expect(all).toHaveLength(1);
	return output;
}

describe('no token leaves the node: WTS Chat echoes it in a 400 or 401 body', () => {
	for (const status of [400, 401]) {
		it.each(MODES)(`${status} body (%s)`, async (mode) => {
			const token = t.sandbox.token as string;
			t.sandbox.faults.add({ path: `/chat/v2/session/${session}`, status, body: echoBody(token, status), times: -1 });
			const out = await everythingThatLeaves(mode);
			expectNoToken(out, token);
			expect(strings(out).join('\n')).toContain('[redacted]');
		});
	}
});

describe("no token leaves the node: n8n's request helper throws an error carrying the request", () => {
	it.each(MODES)('%s', async (mode) => {
		const token = t.sandbox.token as string;
		const out = await everythingThatLeaves(mode, { helpers: throwingHelper(token) });
		expectNoToken(out, token);
		if (mode === 'stop') {
			expect(out).toBeInstanceOf(Error);
			expect((out as Error).message).toMatch(/\[item 0\]$/);
		}
	});

	it('a token pasted with its "Bearer " prefix is scrubbed in both forms', async () => {
		const bare = t.sandbox.token as string;
		const out = await everythingThatLeaves('stop', { credentials: { ...t.credentials(), apiToken: `Bearer ${bare}` }, helpers: throwingHelper(bare) });
		expectNoToken(out, bare);
	});
});

// The credential test: n8n answers a failed test with the HTTP reason phrase or "Received HTTP status code: N"
// (n8n 2.8.4, services/credentials-tester.service.js), never with the body, so WTS Chat's body cannot reach it.
describe('no token leaves the pickers or the trigger', () => {
	it('a picker (load options and list search) whose request WTS answers with the token echoed', async () => {
		const token = t.sandbox.token as string;
		t.sandbox.faults.add({ status: 401, body: echoBody(token, 401), times: -1 });
		const errors: unknown[] = [];
		for (const call of [() => loadOptions.getChannels.call(t.loadOptions()), () => listSearch.searchContacts.call(t.loadOptions(), 'maria')]) {
			try {
				await call();
			} catch (error) {
				errors.push(error);
			}
		}
		expect(errors).toHaveLength(2);
		for (const error of errors) expectNoToken(error, token);
		const thrown = await loadOptions.getChannels.call(t.loadOptions({}, throwingHelper(token))).catch((e: unknown) => e);
		expect(thrown).toBeInstanceOf(Error);
		expectNoToken(thrown, token);
	});

	it("the trigger's activation, when WTS echoes the token or the helper throws it", async () => {
		const token = t.sandbox.token as string;
		const make = (helpers?: () => Json) =>
			createTrigger({ node: new WtsChatTrigger(), parameters: { events: ['MESSAGE_RECEIVED'] }, credentials: t.credentials(), webhookUrl: 'http://127.0.0.1:5678/webhook/x/webhook', helpers });
		t.sandbox.faults.add({ path: '/core/v1/webhook*', status: 400, body: echoBody(token, 400), times: -1 });
		const echoed = await make().activate().catch((e: unknown) => e);
		expect(echoed).toBeInstanceOf(NodeApiError);
		expectNoToken(echoed, token);
		t.sandbox.reset();
		const thrown = await make(throwingHelper(token)).activate().catch((e: unknown) => e);
		expect(thrown).toBeInstanceOf(Error);
		expectNoToken(thrown, token);
	});
});

describe('redactDeep', () => {
	it('scrubs symbol-keyed and non-enumerable properties, nested causes, and leaves other text alone', () => {
		const token = ['pn', 'h4ggkn0PbulUOPlIwP8w5y0QAH'].join('_'); // a made-up token, built so it is not taken for one
		const error = helperError(token);
		Object.defineProperty(error, 'hidden', { value: { note: `x ${token}` }, enumerable: false, writable: true });
		redactDeep(error, [token]);
		expectNoToken(error, token);
		expect(error.message).toBe('Request to WTS failed for token [redacted]');
		expect(((error as unknown as Json).config as Json).headers).toEqual({ Authorization: 'Bearer [redacted]', Accept: 'application/json' });
	});
});
