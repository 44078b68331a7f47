// Pacing on short windows: the sandbox enforces them (its windows are options) and the node paces to the same
// ones (the fixture hands them to the transport), so the behaviour of the documented 5 s / 5 min / 2 min windows
// is proven in seconds.
import { describe, expect, it } from 'vitest';

import { rl, SEED, useSandbox } from '../../../harness/fixture.mjs';
import {
	accountKey,
	acquire,
	DOCUMENTED_RATE_LIMITS,
	familyOf,
	setRateLimits,
} from '../../../../nodes/WtsChat/transport/pacing';
import { floorMs } from '../../../../scripts/bench-bulk.mjs';

const WINDOWS = {
	burst: { limit: 10, windowMs: 1_000 },
	sustained: { limit: 25, windowMs: 3_000 },
	send: { limit: 5, windowMs: 1_000 },
};
const t = useSandbox({ rateLimits: WINDOWS, rateLimitRetryAfter: false });
const sessionId = SEED.sessions.inProgress[0];
const sendText = (i: number) => ({ resource: 'session', operation: 'sendText', sessionId: rl(sessionId), text: `paced #${i}` });
type Req = { method: string; path: string; status: number | string };

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
	const start = performance.now();
	const r = await fn();
	return [r, performance.now() - start];
}

describe('pacing (short windows)', () => {
	it('spaces 30 sends so none is rejected, close to the floor the windows allow', async () => {
		const items = Array.from({ length: 30 }, () => ({ json: {} }));
		const [{ output }, ms] = await timed(() => t.run(sendText, { items }));
		expect(output[0]).toHaveLength(30);
		expect(output[0].every((o: { json: { id?: string } }) => typeof o.json.id === 'string')).toBe(true);
		expect(t.apiRequests().filter((r: Req) => r.status === 429)).toEqual([]);
		const floor = floorMs(30, [WINDOWS.burst, WINDOWS.sustained]);
		expect(floor).toBe(3_000);
		expect(ms).toBeGreaterThanOrEqual(floor);
		expect(ms).toBeLessThan(floor + 1_500);
	});

	it('is shared by executions running at the same time (module state per credential)', async () => {
		const items = Array.from({ length: 12 }, () => ({ json: {} }));
		const [runs, ms] = await timed(() => Promise.all([t.run(sendText, { items }), t.run(sendText, { items })]));
		expect(runs.map((r) => r.output[0].length)).toEqual([12, 12]);
		expect(t.apiRequests().filter((r: Req) => r.status === 429)).toEqual([]);
		expect(ms).toBeGreaterThanOrEqual(2_000); // 24 requests: the 11th and 21st wait for the 1 s window
	});

	it('waits out a 429 caused by another client of the account (no Retry-After), then succeeds', async () => {
		// Another client takes the whole burst window with the same token.
		for (let k = 0; k < WINDOWS.burst.limit; k++) {
			await fetch(`${t.sandbox.url}/core/v1/agent`, { headers: { authorization: `Bearer ${t.sandbox.token}` } });
		}
		const [{ output }, ms] = await timed(() => t.run(sendText(0)));
		expect(typeof output[0][0].json.id).toBe('string');
		const statuses = t.apiRequests().filter((r: Req) => r.method === 'POST').map((r: Req) => r.status);
		expect(statuses[0]).toBe(429);
		expect(statuses.at(-1)).toBe(200);
		expect(ms).toBeGreaterThanOrEqual(900);
	});

	it('with Max Wait on Rate Limit 0 a 429 fails the item at once, saying it is safe to run again', async () => {
		for (let k = 0; k < WINDOWS.burst.limit; k++) {
			await fetch(`${t.sandbox.url}/core/v1/agent`, { headers: { authorization: `Bearer ${t.sandbox.token}` } });
		}
		const error = await t.runError({ ...sendText(0), options: { maxWaitOnRateLimit: 0 } });
		expect(error.httpCode).toBe('429');
		expect(error.description).toMatch(/waited 0 s for it \(Max Wait on Rate Limit: 0 s\)/);
		expect(t.apiRequests().filter((r: Req) => r.method === 'POST')).toHaveLength(1);
	});
});

describe('pacing windows', () => {
	it('counts /chat/v1/send/* in its own window and everything else in the account windows', () => {
		expect(familyOf('/chat/v1/send/text')).toBe('send');
		expect(familyOf('/chat/v1/send/message/{id}')).toBe('send');
		expect(familyOf('/chat/v1/session/{id}/message')).toBe('account');
		expect(familyOf('/chat/v1/message/send')).toBe('account');
		expect(DOCUMENTED_RATE_LIMITS).toEqual({
			burst: { limit: 200, windowMs: 5_000 },
			sustained: { limit: 1_000, windowMs: 300_000 },
			send: { limit: 1_000, windowMs: 120_000 },
		});
	});

	it('keys the state on the Base URL and a fingerprint of the token, never the token', () => {
		const key = accountKey('https://api.wts.chat', 'pn_secret_token_123');
		expect(key).not.toContain('pn_secret_token_123');
		expect(key).not.toContain('secret');
		expect(key).toBe(accountKey('https://api.wts.chat', 'pn_secret_token_123'));
		expect(key).not.toBe(accountKey('https://api.wts.chat', 'pn_other'));
		expect(key).not.toBe(accountKey('https://api.helena.run', 'pn_secret_token_123'));
	});

	it('a full send window does not hold account requests back, and the reverse', async () => {
		setRateLimits({ burst: { limit: 2, windowMs: 400 }, sustained: false, send: { limit: 2, windowMs: 400 } });
		try {
			const key = 'unit#x';
			for (let k = 0; k < 2; k++) (await acquire(key, '/chat/v1/send/text')).done();
			const account = await acquire(key, '/chat/v2/session');
			expect(account.waitedMs).toBeLessThan(50);
			const send = await acquire(key, '/chat/v1/send/text');
			expect(send.waitedMs).toBeGreaterThanOrEqual(350);
		} finally {
			setRateLimits(WINDOWS);
		}
	});
});
