// Pacing when several processes share one account (issue 25), on a fake clock: no real sleeps. Each test drives
// acquire() / the ticket's answered() / rejected() the way transport/attempts.ts does, with the documented windows
// (200 / 5 s, 1,000 / 5 min; the send family 1,000 / 2 min), and checks when each request gets its place.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { acquire, processesSetting, setPacingClock, setRateLimits } from '../../../../nodes/WtsChat/transport/pacing';

const PATH = '/chat/v1/session/{id}/message';
const SEND = '/chat/v1/send/text';
const KEY = 'https://api.wts.chat#unit';

const flush = () => new Promise((r) => setImmediate(r));

function fakeClock() {
	let t = 0;
	let timers = [];
	return {
		now: () => t,
		sleep: (ms) => new Promise((resolve) => timers.push({ at: t + ms, resolve })),
		/** Moves time forward by ms, firing the sleeps that end on the way, in order. */
		async advance(ms) {
			const end = t + ms;
			for (;;) {
				await flush();
				timers.sort((a, b) => a.at - b.at);
				const next = timers[0];
				if (!next || next.at > end) break;
				timers = timers.slice(1);
				t = next.at;
				next.resolve();
			}
			t = end;
			await flush();
		},
	};
}

let clock;
beforeEach(() => {
	clock = fakeClock();
	setRateLimits();
	setPacingClock(clock);
});
afterEach(() => setPacingClock());

/** Starts n acquires; each entry fills in with its ticket and the clock time when it got its place. */
function start(n, { key = KEY, path = PATH, processes = 1 } = {}) {
	return Array.from({ length: n }, () => {
		const entry = { ticket: undefined, at: undefined };
		void acquire(key, path, processes).then((ticket) => {
			entry.ticket = ticket;
			entry.at = clock.now();
		});
		return entry;
	});
}

/** Acquires and answers n requests one after the other at the current time (what n quick successes look like). */
async function sendNow(n, opts) {
	const entries = start(n, opts);
	await flush();
	for (const e of entries) {
		expect(e.ticket, 'placed at once').toBeDefined();
		e.ticket.done();
		e.ticket.answered();
	}
	return entries;
}

/**
 * n executions, each sending one request after another (what n8n does with an execution's items). Requests inside
 * the share succeed at once; each probe waits for the test to call its succeed() or fail() (a 429 without
 * Retry-After, whose wait it returns).
 */
function executions(n, { processes, itemMs = 0 }) {
	let stopped = false;
	const run = { share: [], probes: [], stop: () => (stopped = true) };
	for (let i = 0; i < n; i++) {
		void (async () => {
			while (!stopped) {
				const ticket = await acquire(KEY, PATH, processes);
				const at = clock.now();
				if (stopped) return;
				if (!ticket.probe) {
					run.share.push(at);
					// itemMs: each request takes this long (an execution's items go one after another)
					if (itemMs) await clock.sleep(itemMs);
					ticket.done();
					ticket.answered();
					continue;
				}
				await new Promise((resolve) =>
					run.probes.push({
						at,
						settled: false,
						succeed() {
							this.settled = true;
							ticket.done();
							ticket.answered();
							resolve();
						},
						fail() {
							this.settled = true;
							ticket.done();
							const wait = ticket.rejected(undefined);
							resolve();
							return wait;
						},
					}),
				);
			}
		})();
	}
	return run;
}

const placed = (entries) => entries.filter((e) => e.ticket).length;

describe('pacing with one process (the setting left at 1): unchanged', () => {
	it('200 requests go at once, the 201st when the first leaves the 5 s window; none is a probe', async () => {
		const first = await sendNow(200);
		expect(first.every((e) => e.at === 0 && !e.ticket.probe)).toBe(true);
		const [next] = start(1);
		await clock.advance(4_999);
		expect(next.ticket).toBeUndefined();
		await clock.advance(2);
		expect(next.at).toBe(5_001);
		expect(next.ticket.probe).toBe(false);
	});

	it('1,000 requests in 20 s, then the 1,001st waits for the 5-minute window', async () => {
		for (let k = 0; k < 5; k++) {
			await sendNow(200);
			if (k < 4) await clock.advance(5_001);
		}
		expect(clock.now()).toBe(20_004);
		const [next] = start(1);
		await clock.advance(279_000);
		expect(next.ticket).toBeUndefined();
		await clock.advance(1_000);
		expect(next.at).toBe(300_001);
	});
});

describe('pacing with "Processes Sharing the Account" = 2', () => {
	it('keeps to its share of the burst window: 100 at once, the 101st when the first leaves', async () => {
		await sendNow(100, { processes: 2 });
		const [next] = start(1, { processes: 2 });
		await clock.advance(5_000);
		expect(next.ticket).toBeUndefined();
		await clock.advance(1);
		expect(next.at).toBe(5_001);
	});

	it('held back by its share for 20 s, it borrows what the others leave: one probe, 0.2 s after its last request inside the share, then more at once as probes succeed', async () => {
		const run = executions(10, { processes: 2 });
		await clock.advance(20_202);
		// 100 each time its share of the burst window reopens, nothing borrowed yet
		expect([...new Set(run.share)]).toEqual([0, 5_001, 10_002, 15_003, 20_003]);
		expect(run.share).toHaveLength(500);
		expect(run.probes).toHaveLength(0);
		await clock.advance(1);
		expect(run.probes.map((p) => p.at)).toEqual([20_203]);
		await clock.advance(1_000);
		expect(run.probes).toHaveLength(1); // the others wait behind the probe in flight
		// each success lets more go at once: after one success two in flight, after two four
		const inFlight = () => run.probes.filter((p) => !p.settled).length;
		run.probes[0].succeed();
		await clock.advance(0);
		expect(run.probes).toHaveLength(3);
		expect(inFlight()).toBe(2);
		run.probes[1].succeed();
		await clock.advance(0);
		expect(inFlight()).toBe(4);
		expect(run.probes).toHaveLength(6);
		run.probes[2].succeed();
		await clock.advance(0);
		expect(inFlight()).toBe(4);
		expect(run.probes).toHaveLength(7);
		// A 429 right after successes: what the others left is used up (most likely the burst window). Borrowing
		// goes on when this process's oldest request leaves the burst window, not 20 s later.
		const oldest = Math.min(...run.share.filter((at) => at > clock.now() - 5_000));
		for (const p of run.probes.filter((x) => !x.settled)) p.fail();
		await clock.advance(oldest + 5_000 - clock.now());
		expect(run.probes).toHaveLength(7);
		await clock.advance(1);
		expect(run.probes.length).toBeGreaterThan(7);
		// and one at a time again
		expect(inFlight()).toBe(1);
		run.stop();
	});

	it("waits as long after its own last request inside the share as its own run of them took (the others' runs end within it)", async () => {
		// 10 executions, each request 80 ms: a window's 100 go over 720 ms, and every later window reopens at that pace
		const run = executions(10, { processes: 2, itemMs: 80 });
		await clock.advance(30_000);
		const first = run.probes[0];
		expect(first).toBeDefined();
		const before = run.share.filter((at) => at < first.at);
		const last = Math.max(...before);
		// the run of requests inside the share that ended last: no pause of half a window (2.5 s) inside it
		let runStart = last;
		for (const at of [...before].sort((a, b) => b - a)) {
			if (runStart - at > 2_500) break;
			runStart = at;
		}
		expect(last - runStart).toBe(720);
		expect(first.at - last).toBeGreaterThanOrEqual(720);
		expect(first.at - last).toBeLessThan(720 + 10);
		// not 0.2 s after it, as with a run that takes no time (the test above)
		expect(run.share.filter((at) => at >= 20_000)).toHaveLength(100);
		run.stop();
	});

	it("a borrowing probe's 429 (the others use their shares): no borrowing for 20 s, then for 80 s", async () => {
		// A 5-minute window this process is far from filling (the burst window is the one that is full).
		setRateLimits({ sustained: { limit: 10_000, windowMs: 300_000 } });
		const run = executions(10, { processes: 2 });
		await clock.advance(20_203);
		expect(run.probes.map((p) => p.at)).toEqual([20_203]);
		// it holds 500 of the 5-minute window's 10,000: the burst window was the full one; its share goes on
		expect(clock.now() + run.probes[0].fail()).toBe(25_004);
		await clock.advance(40_202 - clock.now());
		expect(run.probes).toHaveLength(1);
		expect(run.share.filter((at) => at > 20_203)).toHaveLength(400);
		// 20 s after the 429, and 0.2 s after its last request inside the share (~40 s)
		await clock.advance(1_000);
		expect(run.probes).toHaveLength(2);
		expect(run.probes[1].at - Math.max(...run.share.filter((at) => at < run.probes[1].at))).toBe(200);
		const failed = clock.now();
		run.probes[1].fail();
		await clock.advance(80_000 - 1);
		expect(run.probes).toHaveLength(2);
		await clock.advance(6_000);
		expect(run.probes).toHaveLength(3);
		expect(run.probes[2].at).toBeGreaterThanOrEqual(failed + 80_000);
		run.stop();
	});

	it("a borrowing probe's 429 without Retry-After once it holds its share of the 5-minute window: no borrowing until its oldest request leaves that window", async () => {
		const run = executions(10, { processes: 2 });
		await clock.advance(20_203);
		// 500 inside the share by 20,003 ms; the probe 0.2 s later
		expect(run.share).toHaveLength(500);
		expect(run.probes.map((p) => p.at)).toEqual([20_203]);
		// its oldest request went at 0 ms: it leaves the 5-minute window at 300,001 ms
		expect(clock.now() + run.probes[0].fail()).toBe(300_001);
		await clock.advance(299_999 - clock.now());
		expect(run.share).toHaveLength(500); // nothing else went: no knocking on the closed window
		expect(run.probes).toHaveLength(1);
		await clock.advance(2);
		expect(run.share.length).toBeGreaterThan(500);
		run.stop();
	});

	it('a 429 inside the share does not lower the share (the others only borrowed)', async () => {
		const [a] = start(1, { processes: 2 });
		await flush();
		a.ticket.done();
		a.ticket.rejected(undefined);
		// closed: one probe once the process's oldest request (none left in the window: 1 s backoff)
		const rest = start(3, { processes: 2 });
		await clock.advance(999);
		expect(placed(rest)).toBe(0);
		await clock.advance(2);
		expect(placed(rest)).toBe(1);
		const probe = rest.find((e) => e.ticket);
		expect(probe.ticket.probe).toBe(true);
		probe.ticket.done();
		probe.ticket.answered();
		await clock.advance(0);
		expect(placed(rest)).toBe(3);
		// the share is still 100 per 5 s
		const more = start(100, { processes: 2 });
		await clock.advance(0);
		expect(placed(more)).toBe(97);
	});
});

describe('pacing learns from 429s when the setting is left at 1', () => {
	it("another process's requests: the 429s of the requests in flight count once, one probe goes when this process's oldest request leaves the 5 s window, and the share halves", async () => {
		const first = await sendNow(150);
		await clock.advance(2_000);
		const inFlight = start(10);
		await flush();
		const waits = inFlight.map((e) => {
			e.ticket.done();
			return e.ticket.rejected(undefined);
		});
		// every one of them is told the same time: when the first request (at 0 ms) leaves the 5 s window
		expect(new Set(waits.map((w) => clock.now() + w))).toEqual(new Set([5_001]));
		expect(first).toHaveLength(150);
		const retries = start(10);
		await clock.advance(2_999);
		expect(placed(retries)).toBe(0);
		await clock.advance(2);
		expect(placed(retries)).toBe(1);
		const probe = retries.find((e) => e.ticket);
		probe.ticket.done();
		probe.ticket.answered();
		await clock.advance(0);
		// reopened with half the account: 100 per 5 s. The 150 of 0 ms left; the probe is in the window.
		expect(placed(retries)).toBe(10);
		const more = start(100);
		await clock.advance(0);
		expect(placed(more)).toBe(100 - 1 - 9);
	});
});

describe('Retry-After', () => {
	it('nothing of the family goes before Retry-After has passed, then one probe', async () => {
		const [a] = start(1);
		await flush();
		a.ticket.done();
		expect(a.ticket.rejected(2_000)).toBe(2_000);
		const rest = start(3);
		await clock.advance(1_999);
		expect(placed(rest)).toBe(0);
		await clock.advance(1);
		expect(placed(rest)).toBe(1);
	});

	it('the send family has its own gate: a 429 on the account windows does not hold sends back', async () => {
		const [a] = start(1);
		await flush();
		a.ticket.rejected(10_000);
		const [send] = start(1, { path: SEND });
		await flush();
		expect(send.at).toBe(0);
	});
});

describe('processesSetting', () => {
	it('reads the credential value as a whole number from 1 to 64, 1 when unset or invalid', () => {
		expect(processesSetting(undefined)).toBe(1);
		expect(processesSetting('')).toBe(1);
		expect(processesSetting(0)).toBe(1);
		expect(processesSetting(-3)).toBe(1);
		expect(processesSetting('abc')).toBe(1);
		expect(processesSetting(4)).toBe(4);
		expect(processesSetting('3')).toBe(3);
		expect(processesSetting(2.7)).toBe(2);
		expect(processesSetting(1000)).toBe(64);
	});
});
