import { describe, expect, it } from 'vitest';

import {
	backoffDelayMs,
	isRetryableNetworkError,
	isRetryableStatus,
	parseRetryAfter,
} from '../../../../nodes/WtsChat/transport/retry';

describe('retry policy', () => {
	it('retries 429 for every request, 502/503/504 only when idempotent, never 500 or 4xx', () => {
		expect(isRetryableStatus(429, false)).toBe(true);
		expect(isRetryableStatus(429, true)).toBe(true);
		for (const s of [502, 503, 504]) {
			expect(isRetryableStatus(s, true)).toBe(true);
			expect(isRetryableStatus(s, false)).toBe(false);
		}
		for (const s of [400, 401, 403, 404, 500]) {
			expect(isRetryableStatus(s, true)).toBe(false);
		}
	});

	it('retries a refused connection always, other network errors only when idempotent', () => {
		expect(isRetryableNetworkError('ECONNREFUSED', false)).toBe(true);
		expect(isRetryableNetworkError('ECONNRESET', false)).toBe(false);
		expect(isRetryableNetworkError('ECONNRESET', true)).toBe(true);
		expect(isRetryableNetworkError('ETIMEDOUT', false)).toBe(false);
	});

	it('parses Retry-After as seconds or as an HTTP date', () => {
		expect(parseRetryAfter('3')).toBe(3);
		expect(parseRetryAfter('0.5')).toBe(0.5);
		expect(parseRetryAfter(['7'])).toBe(7);
		expect(parseRetryAfter(undefined)).toBeUndefined();
		expect(parseRetryAfter('soon')).toBeUndefined();
		const now = Date.parse('2026-11-25T10:00:00Z');
		expect(parseRetryAfter('Wed, 25 Nov 2026 10:00:05 GMT', now)).toBe(5);
		expect(parseRetryAfter('Wed, 25 Nov 2026 09:59:00 GMT', now)).toBe(0);
	});

	it('backs off exponentially with jitter inside [step/2, step]', () => {
		expect(backoffDelayMs(1, () => 0)).toBe(250);
		expect(backoffDelayMs(1, () => 1)).toBe(500);
		expect(backoffDelayMs(2, () => 0)).toBe(500);
		expect(backoffDelayMs(3, () => 1)).toBe(2000);
		expect(backoffDelayMs(20, () => 1)).toBe(8000);
		const samples = Array.from({ length: 50 }, () => backoffDelayMs(2));
		expect(Math.min(...samples)).toBeGreaterThanOrEqual(500);
		expect(Math.max(...samples)).toBeLessThanOrEqual(1000);
		expect(new Set(samples).size).toBeGreaterThan(1);
	});
});
