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

describe('transport: the credential', () => {
	it('is read once per node run, not once per request (n8n reads it from its database and decrypts it each time)', async () => {
		const items = Array.from({ length: 5 }, () => ({ json: {} }));
		const { output, stats } = await t.run(sendText, { items });
		expect(output[0]).toHaveLength(5);
		expect(calls(messagePath)).toHaveLength(5);
		expect(stats.credentialReads).toBe(1);
	});
});

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

	it('waits out a persistent 429 up to Max Wait on Rate Limit, then says what happened and what to change', async () => {
		t.sandbox.faults.add({ method: 'GET', path: sessionPath, status: 429, headers: { 'Retry-After': '1' }, times: -1 });
		const [error, ms] = await elapsed(() => t.runError({ ...get, options: { maxWaitOnRateLimit: 2 } }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('429');
		expect(error.message).toMatch(/^WTS Chat rate limit reached.*\[item 0\]$/);
		expect(error.description).toMatch(/waited 2 s for it \(Max Wait on Rate Limit: 2 s\)/);
		expect(error.description).toMatch(/running the item again is safe/);
		expect(calls(sessionPath)).toHaveLength(3);
		expect(ms).toBeGreaterThanOrEqual(1900);
	});

	it('does not start a wait longer than Max Wait on Rate Limit; it says how long WTS asked to wait', async () => {
		t.sandbox.faults.add({ method: 'GET', path: sessionPath, status: 429, headers: { 'Retry-After': '400' }, times: 1 });
		const error = await t.runError(get);
		expect(error.description).toMatch(/asked to wait 400 s more/);
		expect(error.description).toMatch(/Max Wait on Rate Limit: 300 s/);
		expect(calls(sessionPath)).toHaveLength(1);
	});

	it('a later request of the account fails at once (no request) while an earlier Retry-After is longer than its Max Wait', async () => {
		t.sandbox.faults.add({ method: 'GET', path: sessionPath, status: 429, headers: { 'Retry-After': '3600' }, times: 1 });
		await t.runError(get);
		const [error, ms] = await elapsed(() => t.runError(sendText));
		expect(error.message).toBe('WTS Chat rate limit reached [item 0]');
		expect(error.description).toMatch(/asked to wait 3600 s more/);
		expect(ms).toBeLessThan(5_000);
		expect(calls(messagePath)).toHaveLength(0);
		// With a Max Wait longer than what is left of it, the request waits instead (not run here: an hour).
	});

	it('retries a 503 on a read', async () => {
		t.sandbox.faults.add({ method: 'GET', path: sessionPath, status: 503, times: 2 });
		const { output } = await t.run(get);
		expect(output[0][0].json.id).toBe(sessionId);
		expect(calls(sessionPath)).toHaveLength(3);
	});

	it('retries a dropped connection on a read', async () => {
		t.sandbox.faults.add({ method: 'GET', path: sessionPath, drop: true, times: 1 });
		const { output } = await t.run(get);
		expect(output[0][0].json.id).toBe(sessionId);
		expect(calls(sessionPath)).toHaveLength(2);
	});

	it('refuses a negative Max Wait on Rate Limit before any request', async () => {
		const error = await t.runError({ ...get, options: { maxWaitOnRateLimit: -1 } });
		expect(error.message).toBe('Max Wait on Rate Limit must be a number of seconds of at least 0 [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('a 503 on a send that WTS did not process: the message is looked up, not found, and sent once more', async () => {
		const before = t.sandbox.state.messages.size;
		t.sandbox.faults.add({ method: 'POST', path: messagePath, status: 503, times: 1 });
		const { output } = await t.run(sendText);
		expect(output[0][0].json.id).toBeTruthy();
		expect(t.sandbox.state.messages.size).toBe(before + 1);
		expect(t.apiRequests().map((r: Req) => `${r.method} ${r.path}`)).toEqual([
			`POST ${messagePath}`,
			`GET ${messagePath}`,
			`POST ${messagePath}`,
		]);
		const lookup = calls(messagePath).find((r: Req) => r.method === 'GET') as Req;
		expect(lookup.query.OrderDirection).toEqual(['DESCENDING']);
		expect(lookup.query['CreatedAt.After']).toHaveLength(1);
	});

	it('a 503 on a send that WTS processed: the message is found and is the result, nothing is resent', async () => {
		const before = t.sandbox.state.messages.size;
		t.sandbox.faults.add({ method: 'POST', path: messagePath, status: 503, afterHandler: true, times: 1 });
		const { output } = await t.run(sendText);
		expect(t.sandbox.state.messages.size).toBe(before + 1);
		const created = [...t.sandbox.state.messages.values()].at(-1);
		expect(output[0][0].json).toMatchObject({ id: created.id, text: 'Olá!', sessionId });
		expect(calls(messagePath).filter((r: Req) => r.method === 'POST')).toHaveLength(1);
	});

	it('a 504 on a send is looked up twice, 2 s apart (WTS may still be working), before it is sent again', async () => {
		const before = t.sandbox.state.messages.size;
		t.sandbox.faults.add({ method: 'POST', path: messagePath, status: 504, times: 1 });
		const [, ms] = await elapsed(() => t.run(sendText));
		expect(t.apiRequests().map((r: Req) => `${r.method} ${r.path}`)).toEqual([
			`POST ${messagePath}`,
			`GET ${messagePath}`,
			`GET ${messagePath}`,
			`POST ${messagePath}`,
		]);
		expect(t.sandbox.state.messages.size).toBe(before + 1);
		expect(ms).toBeGreaterThanOrEqual(1_900);
	});

	it('a send whose connection dropped after WTS processed it is found, not resent', async () => {
		const before = t.sandbox.state.messages.size;
		t.sandbox.faults.add({ method: 'POST', path: messagePath, drop: true, afterHandler: true, times: 1 });
		const { output } = await t.run(sendText);
		expect(output[0][0].json.text).toBe('Olá!');
		expect(calls(messagePath).filter((r: Req) => r.method === 'POST')).toHaveLength(1);
		expect(t.sandbox.state.messages.size).toBe(before + 1);
	});

	it('an identical earlier message is not taken for the one that failed', async () => {
		await t.run(sendText);
		const before = t.sandbox.state.messages.size;
		t.sandbox.faults.add({ method: 'POST', path: messagePath, drop: true, times: 1 });
		await t.run(sendText);
		expect(t.sandbox.state.messages.size).toBe(before + 1);
		expect(calls(messagePath).filter((r: Req) => r.method === 'POST')).toHaveLength(3);
	});

	it('when the lookup fails too, the item fails saying the message may have been sent (no Retry On Fail advice)', async () => {
		t.sandbox.faults.add({ method: 'POST', path: messagePath, status: 502, afterHandler: true, times: 1 });
		t.sandbox.faults.add({ method: 'GET', path: messagePath, status: 503, times: -1 });
		const error = await t.runError(sendText);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('WTS Chat is unreachable (bad gateway); the request may have been processed [item 0]');
		expect(error.description).toMatch(/^WTS Chat may have sent it: /);
		expect(error.description).toMatch(/Check the conversation in WTS Chat before sending this item again/);
		expect(error.description).not.toMatch(/enable Retry On Fail/);
		expect(`${error.message} ${error.description}`).not.toMatch(/</);
		expect(calls(messagePath).filter((r: Req) => r.method === 'POST')).toHaveLength(1);
	});

	it("a load balancer's HTML page becomes a short sentence", async () => {
		t.sandbox.faults.add({ method: 'GET', path: sessionPath, status: 502, times: -1 });
		const error = await t.runError(get);
		expect(error.message).toBe('WTS Chat is unreachable (bad gateway) [item 0]');
		expect(error.description).toBe("The problem is on WTS Chat's side (the node tried 4 times). Run the item again later.");
		expect(JSON.stringify(error.errorResponse ?? {})).not.toMatch(/<html|<center/);
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
