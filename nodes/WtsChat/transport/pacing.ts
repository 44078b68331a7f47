/**
 * Client-side pacing of WTS Chat requests, so that bulk runs stay inside the documented rate limits instead of
 * being rejected with 429 (spec/README.md, Rate limits):
 *
 * - per account (every request except the send family): 200 requests / 5 s (burst) and 1,000 / 5 min (sustained);
 * - the send family (`/chat/v1/send/*`, each of whose endpoints documents it): its own 1,000 / 2 min, independent
 *   of the account windows.
 *
 * The state is module-level, so it is shared by every item and every execution of the node in one n8n process
 * (main or worker). It is keyed by the credential's Base URL and a hash of its token (never the token itself).
 * Each window keeps the times of this process's requests of the last window. A request is stamped when it is sent
 * and stamped again when its answer arrives: WTS counts it somewhere in between, so counting the window from the
 * answer never lets two requests of WTS's window come closer than the window, whatever the latency.
 *
 * Several processes on one account (n8n queue mode: every worker has its own copy of this state). Nothing is
 * shared between processes; each keeps to a share of every window and learns from the API's answers:
 *
 * - Share: 1/n of each window, n being the credential's "Processes Sharing the Account" (default 1: the whole
 *   window, the single-process behaviour) or more once learnt (below). Requests inside the share go at once.
 * - Borrowing: beyond its share (up to the whole window) a process sends probes: one at a time at first; after
 *   one success two at once, after two BORROW_IN_FLIGHT (4); a pause of a shortest window or a 429 starts again
 *   from one. It borrows only what the others leave unused, so only once it has been held back by its share for
 *   BORROW_PATIENCE_WINDOWS shortest windows (4: 20 s) in a row (processes started together, a batch of
 *   executions fired at once, all use their shares at first: an early probe would only meet a 429), and only
 *   after a pause since its own last request inside the share as long as its own run of requests inside the share
 *   took (at least BORROW_SETTLE_MS, 0.2 s; at most half a shortest window), and not when its share reopens
 *   sooner than that. The others' shares reopen at about the same moments as its own, and their runs take about
 *   as long and end within that pause (a window reopens at the pace its requests went five seconds before, which
 *   is the pace the first window's went: 1–1.5 s for 200 in n8n on 2 cores): a probe among their requests would
 *   take a place one of them counts on, and they would meet the 429s.
 * - A borrowing probe's 429 within a shortest window of a successful one (after the last failed one), while the
 *   process holds its share of a shorter window or more: the end of a run; what the others left there is used up.
 *   Borrowing goes on once its requests there are back under its share. The 429s of the probes in flight with it
 *   count once.
 * - Any other borrowing probe's 429 (the others use their shares): no borrowing for 4, 16, 64 … shortest windows
 *   (at most the longest), and while this process holds its share of the longest window (that window may be the
 *   full one) not before its oldest request leaves it.
 * - A 429 on a request inside the share: the process sends nothing but one probe until a probe succeeds; with the
 *   setting left at 1 it also learns that another process shares the account (n goes up by one; a whole longest
 *   window without a 429 brings it back).
 * - When that probe may go: after Retry-After when WTS sends one; otherwise (production documents none) the first
 *   time when the oldest of this process's requests leaves the shortest window (the others, keeping to their
 *   shares, fill the account in step with this process), the second time a whole shortest window later, and from
 *   the third on when the oldest of this process's requests leaves the longest window; with no request of its own
 *   in that window, 1, 2, 4 … 30 s. A closed 5-minute window thus costs two or three 429s per process, not one per
 *   request per backoff step.
 */
import { sleep } from 'n8n-workflow';

export interface RateWindow {
	/** Requests allowed per window. */
	limit: number;
	windowMs: number;
}

export interface RateLimits {
	burst: RateWindow | false;
	sustained: RateWindow | false;
	send: RateWindow | false;
}

type WindowName = keyof RateLimits;

/** The documented limits (spec/README.md, Rate limits). */
export const DOCUMENTED_RATE_LIMITS: Readonly<RateLimits> = Object.freeze({
	burst: { limit: 200, windowMs: 5_000 },
	sustained: { limit: 1_000, windowMs: 300_000 },
	send: { limit: 1_000, windowMs: 120_000 },
});

/** The longest documented window, in seconds: the default of "Max Wait on Rate Limit". */
export const LONGEST_WINDOW_SECONDS = 300;

/** At most this many processes are assumed to share an account when learning from 429s. */
export const MAX_PROCESSES = 64;

/** Wait before a probe when no request of this process is in the window to wait for: 1 s, doubling, at most this. */
const PROBE_BACKOFF_MAX_MS = 30_000;

/** Borrowing starts once the process has been held back by its share for this many shortest windows in a row. */
const BORROW_PATIENCE_WINDOWS = 4;

/** Borrowing waits at least this long after the process's own last request inside its share (ms). */
const BORROW_SETTLE_MS = 200;

/** Borrowing probes in flight at most, once two in a row succeeded (the first alone, then two). */
const BORROW_IN_FLIGHT = 4;

/** Time and waiting, replaceable by tests (a fake clock: no real sleeps). */
export interface PacingClock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

const realClock: PacingClock = { now: () => Date.now(), sleep: async (ms) => await sleep(ms) };
let clock: PacingClock = realClock;

/** Replaces the clock (tests); `undefined` restores the real one. Clears the pacing state. */
export function setPacingClock(next?: PacingClock): void {
	clock = next ?? realClock;
	accounts.clear();
}

let limits: RateLimits = { ...DOCUMENTED_RATE_LIMITS };

/**
 * Replaces the windows the pacing keeps (tests run the sandbox with short windows and give the node the same
 * ones). `undefined` restores the documented limits. Clears the pacing state.
 */
export function setRateLimits(next?: Partial<RateLimits>): void {
	limits = { ...DOCUMENTED_RATE_LIMITS, ...(next ?? {}) };
	accounts.clear();
}

/** Forgets every request counted so far (tests that reset the sandbox's windows reset these too). */
export function resetPacing(): void {
	accounts.clear();
}

interface Stamp {
	t: number;
}

type Family = 'send' | 'account';

/** One family of windows of one account, as this process sees it. */
interface Gate {
	windows: Map<WindowName, Stamp[]>;
	/** Retry-After: nothing of the family goes before this. */
	blockedUntil: number;
	/** Processes assumed to share the account (learnt; at least the credential's setting). */
	learnt: number;
	/** When the last 429 came (learning is forgotten a longest window later). */
	last429: number;
	/** Probes in flight. */
	probes: number;
	/** Borrowing probes that succeeded in a row (more may be in flight: 1, then 2, then BORROW_IN_FLIGHT). */
	streak: number;
	/** A 429 came inside the share: only a probe goes until one succeeds. */
	closed: boolean;
	/** When the next probe may go. */
	probeAt: number;
	/** Probes beyond the share that met a 429 (decays by one per probe that succeeds). */
	failures: number;
	/** No borrowing before this (after a borrowing probe met a 429). */
	borrowAt: number;
	/** When a probe last succeeded. */
	lastProbeOk: number;
	/** When a borrowing probe last met a 429. */
	lastBorrowFail: number;
	/** Requests of this process waiting for a place now. */
	waiting: number;
	/** Since when requests have been waiting (short gaps included): borrowing needs patience. */
	limitedSince: number;
	/** When the last request stopped waiting (no one waiting since). */
	freeSince: number;
	/** When the last request inside the share went. */
	lastShareSend: number;
	/** When the current run of requests inside the share began (a pause of half a shortest window ends a run). */
	shareRunStart: number;
	/** 429s since the account closed (the one inside the share that closed it, then each failed probe). */
	closedFailures: number;
	/** Bumped by every 429 that counts, so that the 429s of requests already in flight count once. */
	epoch: number;
	/** Waiters to wake when a probe ends. */
	wake: Array<() => void>;
}

interface Account {
	gates: Map<Family, Gate>;
}

const accounts = new Map<string, Account>();

const SEND_FAMILY = /^\/chat\/v1\/send\//;

/** Which windows count a request: the send family its own, everything else the account's. */
export function familyOf(path: string): Family {
	return SEND_FAMILY.test(path) ? 'send' : 'account';
}

const WINDOWS_OF: Record<Family, WindowName[]> = {
	send: ['send'],
	account: ['burst', 'sustained'],
};

/** A short, non-reversible fingerprint of the token (cyrb53): the pacing key never holds the token. */
export function tokenFingerprint(token: string): string {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < token.length; i++) {
		const ch = token.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The pacing key of a credential: Base URL + token fingerprint. */
export function accountKey(baseUrl: string, token: unknown): string {
	return `${baseUrl}#${tokenFingerprint(String(token ?? ''))}`;
}

/** The credential's "Processes Sharing the Account" as a whole number from 1 to MAX_PROCESSES (1 when unset). */
export function processesSetting(raw: unknown): number {
	const n = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof n !== 'number' || !Number.isFinite(n) || n < 1) return 1;
	return Math.min(MAX_PROCESSES, Math.floor(n));
}

function gateOf(key: string, family: Family): Gate {
	let account = accounts.get(key);
	if (!account) {
		account = { gates: new Map() };
		accounts.set(key, account);
	}
	let gate = account.gates.get(family);
	if (!gate) {
		gate = {
			windows: new Map(),
			blockedUntil: 0,
			learnt: 1,
			last429: 0,
			probes: 0,
			streak: 0,
			closed: false,
			probeAt: 0,
			failures: 0,
			borrowAt: 0,
			lastProbeOk: -Infinity,
			lastBorrowFail: -Infinity,
			waiting: 0,
			limitedSince: Infinity,
			freeSince: -Infinity,
			lastShareSend: -Infinity,
			shareRunStart: -Infinity,
			closedFailures: 0,
			epoch: 0,
			wake: [],
		};
		account.gates.set(family, gate);
	}
	return gate;
}

function activeWindows(family: Family): Array<{ name: WindowName; w: RateWindow }> {
	const out: Array<{ name: WindowName; w: RateWindow }> = [];
	for (const name of WINDOWS_OF[family]) {
		const w = limits[name];
		if (w) out.push({ name, w });
	}
	return out;
}

/** This process's stamps in the window (expired ones dropped), oldest first. */
function stampsOf(gate: Gate, name: WindowName, w: RateWindow, now: number): Stamp[] {
	let stamps = gate.windows.get(name) ?? [];
	// Kept in time order: a request is stamped when sent (the latest so far) and re-stamped when answered (then the
	// latest again), which moves it to the end (done() below); so the expired ones are at the front.
	let expired = 0;
	while (expired < stamps.length && stamps[expired].t <= now - w.windowMs) expired++;
	if (expired) stamps = stamps.slice(expired);
	gate.windows.set(name, stamps);
	return stamps;
}

/** The share of one window this process keeps to: 1/n of it (n: the setting, or more once learnt). */
function shareOf(gate: Gate, w: RateWindow, processes: number): number {
	return Math.max(1, Math.floor(w.limit / Math.max(processes, gate.learnt)));
}

/** When the count of `stamps` drops below `cap` (now when it is below already). */
function roomAt(stamps: Stamp[], cap: number, windowMs: number, now: number): number {
	if (stamps.length < cap) return now;
	return stamps[stamps.length - cap].t + windowMs + 1;
}

/** When this process is back inside its share of every one of `wins` (now when it is already). */
function backInShareAt(gate: Gate, wins: Array<{ name: WindowName; w: RateWindow }>, processes: number, now: number): number {
	return Math.max(now, ...wins.map((x) => roomAt(stampsOf(gate, x.name, x.w, now), shareOf(gate, x.w, processes), x.w.windowMs, now)));
}

function wakeAll(gate: Gate): void {
	const waiting = gate.wake;
	gate.wake = [];
	for (const w of waiting) w();
}

/** A request's place in the windows. */
export interface PacingTicket {
	/** Re-stamps the request with the time its answer arrived. */
	done(): void;
	/** WTS answered (anything but 429): it counted the request. Ends a probe (it succeeded). */
	answered(): void;
	/**
	 * WTS answered 429: the request was not counted. Updates what the process knows of the account and returns
	 * how long until the next request of the family may be tried (ms).
	 */
	rejected(retryAfterMs?: number): number;
	/** How long the request waited for its place, in ms. */
	waitedMs: number;
	/** Sent beyond the share, alone (a probe). */
	probe: boolean;
}

/** The family's windows, shortest first. */
function windowsByLength(family: Family): Array<{ name: WindowName; w: RateWindow }> {
	return activeWindows(family).sort((a, b) => a.w.windowMs - b.w.windowMs);
}

/** How long until this process's oldest request leaves window i of `wins` (undefined: none in it). */
function oldestLeaves(gate: Gate, wins: Array<{ name: WindowName; w: RateWindow }>, i: number, now: number): number | undefined {
	const stamps = stampsOf(gate, wins[i].name, wins[i].w, now);
	return stamps.length ? stamps[0].t + wins[i].w.windowMs + 1 - now : undefined;
}

/** When the next probe may go after a 429 inside the share (the account closed): see the top of this file. */
function closedProbeDelay(gate: Gate, family: Family, now: number): number {
	const wins = windowsByLength(family);
	const k = gate.closedFailures;
	const backoff = Math.min(PROBE_BACKOFF_MAX_MS, 1000 * 2 ** (k - 1));
	if (wins.length === 0) return backoff;
	if (k <= 1) return oldestLeaves(gate, wins, 0, now) ?? backoff;
	if (k === 2 && wins.length > 1) return wins[0].w.windowMs;
	return oldestLeaves(gate, wins, wins.length - 1, now) ?? backoff;
}

/** How long borrowing stops after a borrowing probe met a 429: see the top of this file. */
function borrowDelay(gate: Gate, family: Family, processes: number, now: number): number {
	const wins = windowsByLength(family);
	if (wins.length === 0) return 0;
	const shortest = wins[0].w.windowMs;
	const longest = wins[wins.length - 1];
	const backoff = Math.min(longest.w.windowMs, shortest * 4 ** gate.failures);
	const holdsShare = stampsOf(gate, longest.name, longest.w, now).length >= shareOf(gate, longest.w, processes);
	return Math.max(backoff, holdsShare ? (oldestLeaves(gate, wins, wins.length - 1, now) ?? 0) : 0);
}

/**
 * Whether a borrowing probe's 429 ends a run of successful ones in a shorter window: a probe succeeded within the
 * shortest window (after the last failed one) and this process holds more than its share of a shorter window.
 */
function endOfRun(gate: Gate, family: Family, processes: number, now: number): boolean {
	const wins = windowsByLength(family);
	if (wins.length < 2 || now - gate.lastProbeOk > wins[0].w.windowMs || gate.lastProbeOk < gate.lastBorrowFail) return false;
	return wins.slice(0, -1).some((x) => stampsOf(gate, x.name, x.w, now).length >= shareOf(gate, x.w, processes));
}

/** Patience and settling before borrowing (see the top of this file): the earliest time a borrowing probe may go. */
function borrowFrom(gate: Gate, family: Family): number {
	const wins = windowsByLength(family);
	if (wins.length === 0) return gate.borrowAt;
	const shortest = wins[0].w.windowMs;
	const longest = wins[wins.length - 1].w.windowMs;
	const patience = Math.min(longest, BORROW_PATIENCE_WINDOWS * shortest);
	return Math.max(gate.borrowAt, gate.limitedSince + patience, gate.lastShareSend + borrowSettleMs(gate, family));
}

/** The family's shortest window, ms (0 when it has none). */
function shortestWindowMs(family: Family): number {
	const wins = windowsByLength(family);
	return wins.length ? wins[0].w.windowMs : 0;
}

/**
 * How long after its own last request inside the share (and before its share reopens) a process does not borrow:
 * as long as its own last run of requests inside the share took, at least BORROW_SETTLE_MS (a tenth of a shortest
 * window if that is less), at most half a shortest window. The others' runs end within it. Not half the run: in n8n
 * (4 workers × 1,200 sends) the runs took 0.6–1.5 s and ended up to 0.45 s apart, the first to end being the
 * shortest, and half of it let one worker's probes take the others' places (11 × 429).
 */
function borrowSettleMs(gate: Gate, family: Family): number {
	const wins = windowsByLength(family);
	if (!wins.length) return 0;
	const shortest = wins[0].w.windowMs;
	const run = Number.isFinite(gate.shareRunStart) ? gate.lastShareSend - gate.shareRunStart : 0;
	return Math.min(shortest / 2, Math.max(Math.min(BORROW_SETTLE_MS, shortest / 10), run));
}

/** What `acquire` answers when WTS's Retry-After keeps the account closed longer than the request may wait. */
export interface AccountBlocked {
	blockedMs: number;
}

/**
 * Waits (n8n-workflow `sleep`) until the request has a place for this account: inside this process's share of
 * every window of its family, or as the one probe beyond it (see the top of this file); then counts it.
 * `processes`: the credential's "Processes Sharing the Account" (1: this process alone).
 */
export async function acquire(key: string, path: string, processes = 1, maxBlockedMs = Infinity): Promise<PacingTicket | AccountBlocked> {
	const family = familyOf(path);
	const gate = gateOf(key, family);
	const started = clock.now();
	let waiting = false;
	const stopWaiting = () => {
		if (!waiting) return;
		waiting = false;
		gate.waiting--;
		if (gate.waiting === 0) gate.freeSince = clock.now();
	};
	try {
		for (;;) {
			const now = clock.now();
			// WTS asked the account to wait (Retry-After) longer than this request may wait: it fails now, not later.
			if (gate.blockedUntil - now > maxBlockedMs) return { blockedMs: gate.blockedUntil - now };
			if (now - gate.last429 > LONGEST_WINDOW_SECONDS * 1000 && !gate.closed && gate.probes === 0) {
				gate.learnt = 1;
				gate.failures = 0;
			}
			const wins = activeWindows(family).map((x) => ({ ...x, stamps: stampsOf(gate, x.name, x.w, now) }));
			let next = Math.max(now, gate.blockedUntil);
			if (next <= now) {
				const inCap = wins.every((x) => x.stamps.length < shareOf(gate, x.w, processes));
				// A probe after a 429 inside the share may use the longest window beyond the share (capacity others
				// leave unused over minutes), the shorter ones only inside it; a borrowing probe any window up to its
				// limit.
				const longest = wins.reduce((a, x) => (a === undefined || x.w.windowMs > a.w.windowMs ? x : a), wins[0] as (typeof wins)[number] | undefined);
				const closedLimit = (x: (typeof wins)[number]) => (x === longest ? x.w.limit : shareOf(gate, x.w, processes));
				const inClosedLimit = wins.every((x) => x.stamps.length < closedLimit(x));
				const inLimit = wins.every((x) => x.stamps.length < x.w.limit);
				if (!gate.closed && inCap) return ticket(gate, family, wins, processes, now, started, false);
				// When its share reopens (inside the cap, unless closed): no borrowing just before, the others' shares
				// reopen then too.
				const capAt = gate.closed ? Infinity : Math.max(...wins.map((x) => roomAt(x.stamps, shareOf(gate, x.w, processes), x.w.windowMs, now)), now);
				// A borrowing run that paused for a shortest window starts again from one probe at a time.
				if (now - gate.lastProbeOk > shortestWindowMs(family)) gate.streak = 0;
				const probeRoom = gate.closed ? gate.probes === 0 : gate.probes < Math.min(BORROW_IN_FLIGHT, 2 ** gate.streak);
				if (probeRoom) {
					const borrow = inLimit && now >= borrowFrom(gate, family) && capAt - now > borrowSettleMs(gate, family);
					if (gate.closed ? inClosedLimit && now >= gate.probeAt : borrow) return ticket(gate, family, wins, processes, now, started, true);
				}
				if (!waiting) {
					// Held back: the patience before borrowing counts from the first wait after a pause longer than the
					// shortest window (the short gaps while the share reopens do not count as a pause).
					if (gate.waiting === 0 && (gate.limitedSince === Infinity || now - gate.freeSince > shortestWindowMs(family))) gate.limitedSince = now;
					waiting = true;
					gate.waiting++;
				}
				// When could it go: inside the cap (unless closed), or as a probe (unless one is in flight).
				const probeAt = !probeRoom
					? Infinity
					: gate.closed
						? Math.max(gate.probeAt, ...wins.map((x) => roomAt(x.stamps, closedLimit(x), x.w.windowMs, now)), now)
						: Math.max(borrowFrom(gate, family), ...wins.map((x) => roomAt(x.stamps, x.w.limit, x.w.windowMs, now)), now);
				next = Math.min(capAt, probeAt);
			}
			// Recheck after the wait (or when a probe ends): other executions may have taken the place, answers
			// re-stamped requests, or a probe changed the share.
			const woken = new Promise<void>((resolve) => gate.wake.push(resolve));
			const wait = Number.isFinite(next) ? Math.max(1, next - now) : LONGEST_WINDOW_SECONDS * 1000;
			await Promise.race([clock.sleep(wait), woken]);
		}
	} finally {
		stopWaiting();
	}
}

function ticket(
	gate: Gate,
	family: Family,
	wins: Array<{ name: WindowName; w: RateWindow; stamps: Stamp[] }>,
	processes: number,
	now: number,
	started: number,
	probe: boolean,
): PacingTicket {
	// Inside the share (not what was borrowed): a 429 for it means others use more of the account than assumed.
	const inShare = wins.every((x) => x.stamps.length < shareOf(gate, x.w, processes));
	const stamps: Array<{ name: WindowName; stamp: Stamp }> = [];
	for (const x of wins) {
		const stamp = { t: now };
		stamps.push({ name: x.name, stamp });
		x.stamps.push(stamp);
		gate.windows.set(x.name, x.stamps);
	}
	if (probe) gate.probes++;
	else {
		if (now - gate.lastShareSend > shortestWindowMs(family) / 2) gate.shareRunStart = now;
		gate.lastShareSend = now;
	}
	const borrowing = probe && !gate.closed;
	const epoch = gate.epoch;
	let settled = false;
	return {
		waitedMs: now - started,
		probe,
		done() {
			const t = clock.now();
			for (const { name, stamp } of stamps) {
				if (stamp.t >= t) continue;
				stamp.t = t;
				// now the latest of the window: moved to the end, which keeps the window in time order
				const list = gate.windows.get(name);
				const i = list?.indexOf(stamp) ?? -1;
				if (list && i >= 0 && i < list.length - 1) {
					list.splice(i, 1);
					list.push(stamp);
				}
			}
		},
		answered() {
			if (settled) return;
			settled = true;
			if (!probe) return;
			gate.probes--;
			gate.lastProbeOk = clock.now();
			if (borrowing) gate.streak++;
			// Reopened after a 429 inside the share; a probe that borrowed keeps the count of failed ones (it only
			// decays), so that borrowing against processes that use their shares stays rare.
			if (gate.closed) gate.closedFailures = 0;
			else gate.failures = Math.max(0, gate.failures - 1);
			gate.closed = false;
			wakeAll(gate);
		},
		rejected(retryAfterMs?: number) {
			const t = clock.now();
			if (!settled) {
				settled = true;
				// WTS did not count it.
				for (const { name, stamp } of stamps) {
					const list = gate.windows.get(name) ?? [];
					const i = list.indexOf(stamp);
					if (i >= 0) list.splice(i, 1);
				}
				if (probe) {
					gate.probes--;
					gate.streak = 0;
				}
				// The 429s of requests sent before an earlier 429 was known count once (that one); so do those of
				// borrowing probes in flight when one of them met a 429.
				const counted = borrowing ? now > gate.lastBorrowFail : probe || epoch === gate.epoch;
				if (counted) {
					gate.epoch++;
					gate.last429 = t;
					if (inShare && !probe && !gate.closed) {
						// Learnt only when the credential leaves the setting at 1 (when it says how many share the
						// account, a 429 inside the share comes from another process borrowing).
						if (processes === 1) gate.learnt = Math.min(MAX_PROCESSES, gate.learnt + 1);
						gate.closed = true;
						gate.closedFailures = 1;
						gate.probeAt = Math.max(gate.probeAt, t + Math.max(retryAfterMs ?? 0, retryAfterMs !== undefined ? 0 : closedProbeDelay(gate, family, t)));
					} else if (gate.closed) {
						gate.closedFailures++;
						gate.probeAt = Math.max(gate.probeAt, t + (retryAfterMs ?? closedProbeDelay(gate, family, t)));
					} else if (endOfRun(gate, family, processes, t)) {
						// The end of a run of borrowing probes (one succeeded moments ago, after the last failure) while
						// this process is beyond its share of a shorter window: what the others left there is used up.
						// Borrowing goes on once what it borrowed left those windows (its requests back under its share).
						const back = backInShareAt(gate, windowsByLength(family).slice(0, -1), processes, t) - t;
						gate.borrowAt = Math.max(gate.borrowAt, t + Math.max(retryAfterMs ?? 0, back));
						gate.lastBorrowFail = t;
					} else {
						// A probe that borrowed: the others use their shares.
						gate.lastBorrowFail = t;
						gate.failures++;
						gate.borrowAt = Math.max(gate.borrowAt, t + Math.max(retryAfterMs ?? 0, borrowDelay(gate, family, processes, t)));
					}
					if (retryAfterMs !== undefined) gate.blockedUntil = Math.max(gate.blockedUntil, t + retryAfterMs);
				} else if (retryAfterMs !== undefined) {
					gate.blockedUntil = Math.max(gate.blockedUntil, t + retryAfterMs);
					gate.probeAt = Math.max(gate.probeAt, t + retryAfterMs);
				}
				wakeAll(gate);
			}
			// How long until this request may go again: the next probe when closed; else a place inside the share.
			if (gate.closed) return Math.max(0, gate.probeAt - t, gate.blockedUntil - t);
			const room = backInShareAt(gate, activeWindows(family), processes, t);
			return Math.max(0, Math.min(room, Math.max(t, borrowFrom(gate, family))) - t, gate.blockedUntil - t);
		},
	};
}
