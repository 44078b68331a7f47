import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { startSandbox, SEED } from '../../sandbox/server.mjs';
import { client } from './helpers.mjs';

let sb;
let api;

beforeAll(async () => {
	sb = await startSandbox({ port: 0, quiet: true });
	api = client(sb);
});
afterAll(() => sb?.close());
afterEach(() => {
	expect(sb.violations).toEqual([]);
	sb.reset();
});

const admin = (method, path, body) =>
	fetch(`${sb.url}/__sandbox${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: await r.json() }));

describe('faults', () => {
	it('forces a status once by default, then the real handler answers again', async () => {
		sb.faults.add({ method: 'GET', path: '/core/v1/agent', status: 503 });
		const failed = await api.get('/core/v1/agent');
		expect(failed.status).toBe(503);
		expect(failed.headers.get('content-type')).toMatch(/text\/html/); // what a load balancer sends
		expect((await api.get('/core/v1/agent')).status).toBe(200);
		expect(sb.requests.map((r) => r.status)).toEqual([503, 200]); // forced statuses are still logged
	});

	it('supports explicit body, headers, times and * wildcards', async () => {
		sb.faults.add({ path: '/chat/v1/session/*/message', status: 429, times: 2, headers: { 'retry-after': '7' }, body: { custom: true } });
		const url = `/chat/v1/session/${SEED.sessions.inProgress[0]}/message`;
		for (let i = 0; i < 2; i++) {
			const r = await api.post(url, { text: 'x' });
			expect(r.status).toBe(429);
			expect(r.headers.get('retry-after')).toBe('7');
			expect(r.body).toEqual({ custom: true });
		}
		expect((await api.post(url, { text: 'x' })).status).toBe(200);
		// method filter: a GET on another path is not affected
		expect((await api.get('/core/v1/tag')).status).toBe(200);
	});

	it('default 500 body is an InternalException', async () => {
		sb.faults.add({ path: '/core/v1/tag', status: 500 });
		const r = await api.get('/core/v1/tag');
		expect(r.status).toBe(500);
		expect(r.body).toMatchObject({ error: true, key: 'INTERNAL_ERROR' });
	});

	it('drop destroys the socket without a response', async () => {
		sb.faults.add({ path: '/core/v1/agent', drop: true });
		await expect(api.get('/core/v1/agent')).rejects.toThrow();
		expect(sb.requests.at(-1).status).toBe('dropped');
		expect((await api.get('/core/v1/agent')).status).toBe(200);
	});

	it('latencyMs delays the answer (per fault and globally)', async () => {
		sb.faults.add({ path: '/core/v1/tag', latencyMs: 150 });
		let t = Date.now();
		expect((await api.get('/core/v1/tag')).status).toBe(200);
		expect(Date.now() - t).toBeGreaterThanOrEqual(140);
		t = Date.now();
		await api.get('/core/v1/tag');
		expect(Date.now() - t).toBeLessThan(140);

		const slow = await startSandbox({ latencyMs: 120, quiet: true });
		try {
			t = Date.now();
			expect((await client(slow).get('/core/v1/tag')).status).toBe(200);
			expect(Date.now() - t).toBeGreaterThanOrEqual(110);
		} finally {
			await slow.close();
		}
	});

	it('afterHandler: the POST is processed (state changes) although the client sees an error', async () => {
		const id = SEED.sessions.inProgress[0];
		const before = sb.state.sessionMessages(id).length;
		sb.faults.add({ method: 'POST', path: `/chat/v1/session/${id}/message`, status: 502, afterHandler: true });
		const r = await api.post(`/chat/v1/session/${id}/message`, { text: 'talvez enviado' });
		expect(r.status).toBe(502);
		expect(sb.state.sessionMessages(id).length).toBe(before + 1);
		expect(sb.requests.at(-1)).toMatchObject({ status: 502, handlerStatus: 200 });

		sb.faults.add({ method: 'PUT', path: `/chat/v1/session/${id}/complete`, drop: true, afterHandler: true });
		await expect(api.put(`/chat/v1/session/${id}/complete`, {})).rejects.toThrow();
		expect(sb.state.sessions.get(id).status).toBe('COMPLETED');
	});

	it('a forced fault still records contract violations of the request', async () => {
		sb.faults.add({ path: '/chat/v2/session', status: 503 });
		const r = await api.get('/chat/v2/session?PageSize=500');
		expect(r.status).toBe(503);
		expect(sb.takeViolations()[0].problems[0]).toMatch(/PageSize/);
	});

	it('can be managed over HTTP (times -1 = unlimited)', async () => {
		const added = await admin('POST', '/faults', { method: 'GET', path: '/core/v1/tag', status: 500, times: -1 });
		expect(added.status).toBe(200);
		expect(added.body).toMatchObject({ id: expect.any(Number), times: -1, status: 500 });
		for (let i = 0; i < 3; i++) expect((await api.get('/core/v1/tag')).status).toBe(500);
		expect((await admin('GET', '/faults')).body[0].hits).toBe(3);
		expect((await admin('DELETE', '/faults')).body).toEqual({ ok: true });
		expect((await api.get('/core/v1/tag')).status).toBe(200);

		const bad = await admin('POST', '/faults', { path: '/x', statuz: 500 });
		expect(bad.status).toBe(400);
		expect(bad.body.error).toMatch(/statuz/);
	});

	it('applies to the storage upload URL as well', async () => {
		const up = await api.get('/core/v2/file?Type=DOCUMENT&Name=a.txt');
		sb.faults.add({ method: 'PUT', path: '/__storage/*', status: 503 });
		const r = await fetch(up.body.urlUpload, { method: 'PUT', body: 'abc' });
		expect(r.status).toBe(503);
		expect((await fetch(up.body.urlUpload, { method: 'PUT', body: 'abc' })).status).toBe(200);
	});
});

describe('rate limits', () => {
	const limited = (extra) =>
		startSandbox({
			quiet: true,
			rateLimits: { burst: { limit: 3, windowMs: 60_000 }, sustained: { limit: 1000, windowMs: 300_000 }, send: { limit: 2, windowMs: 60_000 } },
			...extra,
		});

	it('429 with the InternalException envelope and Retry-After', async () => {
		const s = await limited();
		try {
			const c = client(s);
			for (let i = 0; i < 3; i++) expect((await c.get('/core/v1/tag')).status).toBe(200);
			const r = await c.get('/core/v1/tag');
			expect(r.status).toBe(429);
			expect(r.body).toMatchObject({ key: 'TOO_MANY_REQUESTS', error: true });
			const retry = Number(r.headers.get('retry-after'));
			expect(retry).toBeGreaterThanOrEqual(1);
			expect(retry).toBeLessThanOrEqual(60);
			// per token: unauthenticated requests are not counted and still answer 401
			expect((await c.get('/core/v1/tag', { token: null })).status).toBe(401);
			expect(s.violations).toEqual([]);
		} finally {
			await s.close();
		}
	});

	it('no Retry-After when rateLimitRetryAfter is false', async () => {
		const s = await limited({ rateLimitRetryAfter: false });
		try {
			const c = client(s);
			for (let i = 0; i < 3; i++) await c.get('/core/v1/tag');
			const r = await c.get('/core/v1/tag');
			expect(r.status).toBe(429);
			expect(r.headers.get('retry-after')).toBeNull();
		} finally {
			await s.close();
		}
	});

	it('the send family has its own window and answers ProblemDetails', async () => {
		const s = await limited();
		try {
			const c = client(s);
			expect((await c.post('/chat/v1/send/text', { to: '5511999990001', text: 'a' })).status).toBe(200);
			expect((await c.post('/chat/v1/send/text', { to: '5511999990001', text: 'b' })).status).toBe(200);
			const r = await c.post('/chat/v1/send/text', { to: '5511999990001', text: 'c' });
			expect(r.status).toBe(429);
			expect(r.body).toMatchObject({ status: 429, title: 'Too Many Requests' });
			expect(r.headers.get('retry-after')).not.toBeNull();
			// the account window is independent
			expect((await c.get('/core/v1/tag')).status).toBe(200);
			expect(s.takeViolations()).toHaveLength(0);
		} finally {
			await s.close();
		}
	});

	it('windows slide: requests are allowed again after windowMs', async () => {
		const s = await startSandbox({ quiet: true, rateLimits: { burst: { limit: 2, windowMs: 200 }, sustained: false, send: false } });
		try {
			const c = client(s);
			await c.get('/core/v1/tag');
			await c.get('/core/v1/tag');
			expect((await c.get('/core/v1/tag')).status).toBe(429);
			await new Promise((r) => setTimeout(r, 250));
			expect((await c.get('/core/v1/tag')).status).toBe(200);
		} finally {
			await s.close();
		}
	});

	it('rateLimits: false disables them', async () => {
		const s = await startSandbox({ quiet: true, rateLimits: false });
		try {
			const c = client(s);
			const statuses = await Promise.all(Array.from({ length: 250 }, () => c.get('/core/v1/tag').then((r) => r.status)));
			expect(new Set(statuses)).toEqual(new Set([200]));
		} finally {
			await s.close();
		}
	});

	it('defaults to the documented 200 / 5 s burst', async () => {
		const s = await startSandbox({ quiet: true });
		try {
			const c = client(s);
			const statuses = await Promise.all(Array.from({ length: 201 }, () => c.get('/core/v1/tag').then((r) => r.status)));
			expect(statuses.filter((x) => x === 200)).toHaveLength(200);
			expect(statuses.filter((x) => x === 429)).toHaveLength(1);
		} finally {
			await s.close();
		}
	});
});

describe('probabilistic faults', () => {
	it('hits about `rate` of the matching requests, with kinds chosen at random, the same for the same seed', async () => {
		const run = async () => {
			sb.reset();
			sb.faults.add({ method: 'GET', path: '/core/v1/agent', rate: 0.3, kinds: [503, '429', 'drop'], seed: 42 });
			const statuses = [];
			for (let k = 0; k < 60; k++) {
				try {
					statuses.push((await api.get('/core/v1/agent')).status);
				} catch {
					statuses.push('dropped');
				}
			}
			return statuses;
		};
		const first = await run();
		const hits = first.filter((s) => s !== 200);
		expect(hits.length).toBeGreaterThan(8);
		expect(hits.length).toBeLessThan(30);
		expect(new Set(hits)).toEqual(new Set([503, 429, 'dropped']));
		expect(await run()).toEqual(first);
	});

	it("':after' kinds run the handler first (the write happens, the answer is lost)", async () => {
		const sessionId = SEED.sessions.inProgress[0];
		const before = sb.state.messages.size;
		sb.faults.add({ method: 'POST', path: '/chat/v1/session/*/message', rate: 1, kinds: ['503:after'], seed: 1 });
		const r = await api.post(`/chat/v1/session/${sessionId}/message`, { text: 'oi' });
		expect(r.status).toBe(503);
		expect(sb.state.messages.size).toBe(before + 1);
		expect(sb.requests.at(-1)).toMatchObject({ status: 503, handlerStatus: 200 });
	});

	it('refuses a rate outside 0..1 and kinds without a rate', () => {
		expect(() => sb.faults.add({ rate: 2, kinds: [503] })).toThrow(/rate must be a number from 0 to 1/);
		expect(() => sb.faults.add({ kinds: [503] })).toThrow(/go with rate/);
		expect(() => sb.faults.add({ rate: 0.1, kinds: ['teapot'] })).toThrow(/fault kind/);
	});
});
