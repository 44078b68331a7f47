/**
 * The retry policy of every WTS Chat request, in one place.
 *
 * - 429: the request was rejected before being processed, so it is retried whatever the method,
 *   honouring Retry-After when WTS sends it, else exponential backoff with jitter.
 * - 502/503/504 and dropped connections: retried only when resending cannot repeat a write
 *   (reads and idempotent writes such as PUT on a session).
 * - ECONNREFUSED: nothing reached the server, so it is retried for every method.
 * - 500 (WTS's "not found / invalid" FORM_ERROR and real server errors) is never retried.
 */
export const MAX_ATTEMPTS = 4;

/** Retry-After above this is not waited for: the error tells the user how long WTS asked to wait. */
export const MAX_RETRY_AFTER_SECONDS = 60;

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
