/**
 * The retry policy of every WTS Chat request, in one place.
 *
 * - 429: the request was rejected before being processed, so it is retried whatever the method, for as long as
 *   the node option "Max Wait on Rate Limit" allows (default: the longest documented window, 5 minutes),
 *   honouring Retry-After when WTS sends it; without it, a paced API request waits for the account's next probe
 *   (pacing.ts: timed from this process's own requests, one probe per account), anything else 1, 2, 4 … 30 s
 *   (production does not document
 *   Retry-After). The pacing (pacing.ts) keeps requests inside the documented windows, so a 429 only comes when
 *   other clients share the account.
 * - 502/503/504 and dropped connections: retried only when resending cannot repeat a write
 *   (reads and idempotent writes such as PUT on a session).
 * - ECONNREFUSED: nothing reached the server, so it is retried for every method.
 * - 500 (WTS's "not found / invalid" FORM_ERROR and real server errors) is never retried.
 */
export const MAX_ATTEMPTS = 4;

/** Wait after a 429 without Retry-After: 1 s, doubling, at most this. */
const RATE_LIMIT_MAX_STEP_MS = 30_000;
/** A Retry-After of 0 still waits this long (no hammering). */
const RATE_LIMIT_MIN_WAIT_MS = 250;

/** How long to wait after the `rejection`-th 429 in a row (1-based): Retry-After when given, else 1, 2, 4 … 30 s. */
export function rateLimitWaitMs(rejection: number, retryAfterSeconds: number | undefined): number {
	if (retryAfterSeconds !== undefined) return Math.max(RATE_LIMIT_MIN_WAIT_MS, Math.ceil(retryAfterSeconds * 1000));
	return Math.min(RATE_LIMIT_MAX_STEP_MS, 1000 * 2 ** (rejection - 1));
}

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8000;

export function isRetryableStatus(status: number, idempotent: boolean): boolean {
	if (status === 429) return true;
	return idempotent && (status === 502 || status === 503 || status === 504);
}

export function isRetryableNetworkError(code: string, idempotent: boolean): boolean {
	return code === 'ECONNREFUSED' || idempotent;
}

/** Retry-After as seconds (delta-seconds or HTTP date), or undefined. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
	const raw = Array.isArray(value) ? value[0] : value;
	if (typeof raw === 'number' && Number.isFinite(raw)) return Math.max(0, raw);
	if (typeof raw !== 'string' || raw.trim() === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(raw.trim())) return Math.max(0, Number(raw.trim()));
	const date = Date.parse(raw);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, Math.ceil((date - now) / 1000));
}

/** Exponential backoff with "equal jitter": half the step is fixed, half random. attempt starts at 1. */
export function backoffDelayMs(attempt: number, random = Math.random): number {
	const step = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
	return Math.round(step / 2 + random() * (step / 2));
}
