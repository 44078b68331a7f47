import { NodeApiError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { rl, SEED, useSandbox } from '../../../harness/fixture.mjs';

const t = useSandbox();
const sessionId = SEED.sessions.inProgress[0];
const get = { resource: 'session', operation: 'get', sessionId: rl(sessionId) };
const sendText = { resource: 'session', operation: 'sendText', sessionId: rl(sessionId), text: 'Olá!' };
const sessionPath = `/chat/v2/session/${sessionId}`;
const messagePath = `/chat/v1/session/${sessionId}/message`;

type Req = { method: string; path: string; query: Record<string, string[]> };
const calls = (path: string) => t.apiRequests().filter((r: Req) => r.path === path);

function elapsed<T>(fn: () => Promise<T>): Promise<[T, number]> {
	const start = performance.now();
	return fn().then((r) => [r, performance.now() - start]);
}

describe('transport: retries', () => {
	it('retries a 429 after the Retry-After WTS sends', async () => {
		t.sandbox.faults.add({ method: 'GET', path: sessionPath, status: 429, headers: { 'Retry-After': '1' }, times: 1 });
		const [{ output }, ms] = await elapsed(() => t.run(get));
		expect(output[0][0].json.id).toBe(sessionId);
		expect(calls(sessionPath)).toHaveLength(2);
		expect(ms).toBeGreaterThanOrEqual(950);
	});

	it('retries a 429 without Retry-After with backoff, even for a POST (a 429 was not processed)', async () => {
		t.sandbox.faults.add({ method: 'POST', path: messagePath, status: 429, times: 2 });
		const [{ output }, ms] = await elapsed(() => t.run(sendText));
		expect(output[0][0].json.status).toBeTruthy();
		expect(calls(messagePath)).toHaveLength(3);
		expect(ms).toBeGreaterThanOrEqual(250 + 500);
		expect(t.sandbox.state.messages.size).toBeGreaterThan(0);
	});

	it('gives up on a persistent 429 after 4 attempts with a rate-limit explanation', async () => {
		t.sandbox.faults.add({ method: 'GET', path: sessionPath, status: 429, headers: { 'Retry-After': '0' }, times: -1 });
		const error = await t.runError(get);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('429');
		expect(error.message).toMatch(/\[item 0\]$/);
		expect(error.description).toMatch(/rate limit .* after 4 attempts/);
		expect(calls(sessionPath)).toHaveLength(4);
	});

	it('does not wait for a Retry-After longer than a minute; it says how long WTS asked to wait', async () => {
		t.sandbox.faults.add({ method: 'GET', path: sessionPath, status: 429, headers: { 'Retry-After': '300' }, times: 1 });
		const error = await t.runError(get);
		expect(error.description).toMatch(/asked to wait 300 s/);
		expect(calls(sessionPath)).toHaveLength(1);
	});

	it('retries a 503 on a read', async () => {
		t.sandbox.faults.add({ method: 'GET', path: sessionPath, status: 503, times: 2 });
		const { output } = await t.run(get);
		expect(output[0][0].json.id).toBe(sessionId);
		expect(calls(sessionPath)).toHaveLength(3);
	});

	it('does not resend a POST after a 503 (it may have been processed)', async () => {
		t.sandbox.faults.add({ method: 'POST', path: messagePath, status: 503, times: 1 });
		const error = await t.runError(sendText);
		expect(error.httpCode).toBe('503');
		expect(calls(messagePath)).toHaveLength(1);
	});

	it('retries a dropped connection on a read', async () => {
		t.sandbox.faults.add({ method: 'GET', path: sessionPath, drop: true, times: 1 });
		const { output } = await t.run(get);
		expect(output[0][0].json.id).toBe(sessionId);
		expect(calls(sessionPath)).toHaveLength(2);
	});

	it('never resends a POST whose connection dropped after WTS processed it', async () => {
		const before = t.sandbox.state.messages.size;
		t.sandbox.faults.add({ method: 'POST', path: messagePath, drop: true, afterHandler: true, times: 1 });
		const error = await t.runError(sendText);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('The connection to WTS Chat dropped before it answered [item 0]');
		expect(error.description).toMatch(/may have processed this request, so it was not sent again/);
		expect(error.description).toMatch(/Network code: ECONNRESET/);
		expect(calls(messagePath)).toHaveLength(1);
		expect(t.sandbox.state.messages.size).toBe(before + 1);
	});

	it('does not retry the 500 FORM_ERROR that WTS uses for not found', async () => {
		const error = await t.runError({ ...get, sessionId: rl('00000000-0000-4000-8000-000000000000') });
		expect(error.message).toBe('Session 00000000-0000-4000-8000-000000000000 not found [item 0]');
		expect(error.httpCode).toBe('404');
		expect(t.apiRequests()).toHaveLength(1);
	});
});

describe('transport: pagination', () => {
	function addSessions(n: number) {
		const template = t.sandbox.state.sessions.get(sessionId);
		for (let k = 0; k < n; k++) {
			const id = `aaaaaaaa-0000-4000-8000-${String(k).padStart(12, '0')}`;
			t.sandbox.state.sessions.set(id, { ...structuredClone(template), id });
		}
	}
	const getMany = { resource: 'session', operation: 'getMany' };

	it('Return All walks every page at PageSize 100 and outputs one item per session', async () => {
		addSessions(150);
		const total = t.sandbox.state.sessions.size;
		const { output } = await t.run({ ...getMany, returnAll: true });
		expect(output[0]).toHaveLength(total);
		expect(new Set(output[0].map((o: { json: { id: string } }) => o.json.id)).size).toBe(total);
		expect(output[0].every((o: { pairedItem: unknown }) => (o.pairedItem as { item: number }).item === 0)).toBe(true);
		const pages = calls('/chat/v2/session').map((r: Req) => [r.query.PageNumber?.[0], r.query.PageSize?.[0]]);
		expect(pages).toEqual([
			['1', '100'],
			['2', '100'],
		]);
	});

	it('Limit stops as soon as enough records arrived, across pages when needed', async () => {
		addSessions(150);
		const { output } = await t.run({ ...getMany, returnAll: false, limit: 130 });
		expect(output[0]).toHaveLength(130);
		expect(calls('/chat/v2/session')).toHaveLength(2);
		await t.run({ ...getMany, returnAll: false, limit: 7 });
		const last = calls('/chat/v2/session').at(-1) as Req;
		expect(last.query.PageSize).toEqual(['7']);
	});

	it('refuses a Limit below 1 before any request', async () => {
		const error = await t.runError({ ...getMany, returnAll: false, limit: 0 });
		expect(error.message).toBe('Limit must be a whole number of at least 1 [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});
});
