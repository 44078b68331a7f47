/**
 * Client-side pacing of WTS Chat requests, so that bulk runs stay inside the documented rate limits instead of
 * being rejected with 429 (spec/README.md, Rate limits):
 *
 * - per account (every request except the send family): 200 requests / 5 s (burst) and 1,000 / 5 min (sustained);
 * - the send family (`/chat/v1/send/*`, each of whose endpoints documents it): its own 1,000 / 2 min, independent
 *   of the account windows.
 *
 * The state is module-level, so it is shared by every item and every execution of the node in one n8n instance
 * (main or worker).
 * It is keyed by the credential's Base URL and a hash of its token (never the token itself). Each window keeps
 * the times of the requests of the last window: a request waits until it is the `limit`-th request of the
 * window at most. A request is stamped when it is sent and stamped again when its answer arrives: WTS counts it
 * somewhere in between, so counting the window from the answer never lets two requests of WTS's window come
 * closer than the window, whatever the latency.
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

/** The documented limits (spec/README.md, Rate limits). */
export const DOCUMENTED_RATE_LIMITS: Readonly<RateLimits> = Object.freeze({
	burst: { limit: 200, windowMs: 5_000 },
	sustained: { limit: 1_000, windowMs: 300_000 },
	send: { limit: 1_000, windowMs: 120_000 },
});

/** The longest documented window, in seconds: the default of "Max Wait on Rate Limit". */
export const LONGEST_WINDOW_SECONDS = 300;

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

interface Account {
	windows: Map<string, Stamp[]>;
	/** Until when WTS asked this account to wait (a 429 that came anyway), per family. */
	blockedUntil: Map<string, number>;
}

const accounts = new Map<string, Account>();

const SEND_FAMILY = /^\/chat\/v1\/send\//;

/** Which windows count a request: the send family its own, everything else the account's. */
export function familyOf(path: string): 'send' | 'account' {
	return SEND_FAMILY.test(path) ? 'send' : 'account';
}

const WINDOWS_OF: Record<'send' | 'account', Array<keyof RateLimits>> = {
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

function accountOf(key: string): Account {
	let account = accounts.get(key);
	if (!account) {
		account = { windows: new Map(), blockedUntil: new Map() };
		accounts.set(key, account);
	}
	return account;
}

/** Milliseconds until one more request fits every window of the family (0: now). Drops expired stamps. */
function waitMs(account: Account, family: 'send' | 'account', now: number): number {
	let wait = Math.max(0, (account.blockedUntil.get(family) ?? 0) - now);
	for (const name of WINDOWS_OF[family]) {
		const w = limits[name];
		if (!w) continue;
		const stamps = (account.windows.get(name) ?? []).filter((s) => s.t > now - w.windowMs);
		account.windows.set(name, stamps);
		if (stamps.length < w.limit) continue;
		// The request may go once all but limit-1 of the stamps have left the window.
		const times = stamps.map((s) => s.t).sort((a, b) => a - b);
		const oldestToLeave = times[times.length - w.limit];
		wait = Math.max(wait, oldestToLeave + w.windowMs - now + 1);
	}
	return wait;
}

/** A request's place in the windows; `done()` re-stamps it with the time its answer arrived. */
export interface PacingTicket {
	done(): void;
	/** How long the request waited for its place, in ms. */
	waitedMs: number;
}

/**
 * Waits (n8n-workflow `sleep`) until the request fits every documented window of its family for this account,
 * then counts it. Requests of every item and execution of this process share the windows.
 */
export async function acquire(key: string, path: string): Promise<PacingTicket> {
	const family = familyOf(path);
	const account = accountOf(key);
	const started = Date.now();
	for (;;) {
		const now = Date.now();
		const wait = waitMs(account, family, now);
		if (wait <= 0) {
			const stamps: Stamp[] = [];
			for (const name of WINDOWS_OF[family]) {
				if (!limits[name]) continue;
				const stamp = { t: now };
				stamps.push(stamp);
				const list = account.windows.get(name) ?? [];
				list.push(stamp);
				account.windows.set(name, list);
			}
			return {
				waitedMs: now - started,
				done() {
					const t = Date.now();
					for (const s of stamps) s.t = Math.max(s.t, t);
				},
			};
		}
		// Recheck after the wait: other executions may have taken the place, or answers re-stamped requests.
		await sleep(wait);
	}
}

/** WTS answered 429 anyway (other clients of the account): every request of the family waits until `until`. */
export function block(key: string, path: string, until: number): void {
	const account = accountOf(key);
	const family = familyOf(path);
	account.blockedUntil.set(family, Math.max(account.blockedUntil.get(family) ?? 0, until));
}
