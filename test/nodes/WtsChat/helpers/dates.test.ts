// Issue 20 item 2: every date-time a parameter takes is parsed by one function (helpers/dates.ts): any year
// 0001–9999 as typed, a local time in a daylight-saving gap moves forward, in an overlap it is the first occurrence.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';

import { dateTimeToUtcIso, toUtcIso, utcDay } from '../../../../nodes/WtsChat/helpers/dates';
import { useSandbox } from '../../../harness/fixture.mjs';

describe('toUtcIso: years as typed', () => {
	it.each([
		['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z'],
		['0026-01-31T10:00:00Z', '0026-01-31T10:00:00.000Z'],
		['0099-12-31T23:59:59Z', '0099-12-31T23:59:59.000Z'],
		['0100-03-01', '0100-03-01T00:00:00.000Z'],
		['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
		['0004-02-29T12:00:00+02:00', '0004-02-29T10:00:00.000Z'], // year 4 is a leap year
	])('%s → %s', (text, iso) => {
		expect(toUtcIso(text, 'UTC')).toBe(iso);
	});

	it('reads a local time of year 0026 or 0099 in the workflow zone without turning it into 19xx', () => {
		// Before 1883 New York kept local mean time, UTC−4:56:02.
		expect(toUtcIso('0026-01-31T10:00:00', 'America/New_York')).toBe('0026-01-31T14:56:02.000Z');
		expect(toUtcIso('0099-06-30T12:00:00', 'Europe/Berlin')).toBe('0099-06-30T11:06:32.000Z'); // Berlin LMT +0:53:28
		expect(toUtcIso('9999-12-31T12:00:00', 'America/New_York')).toBe('9999-12-31T17:00:00.000Z');
	});

	it.each([
		'0000-01-01T00:00:00Z', // no year 0
		'0001-01-01T00:00:00+01:00', // would be 0000-12-31 in UTC
		'9999-12-31T23:00:00-05:00', // would be year 10000 in UTC
		'0003-02-29', // not a leap year
		'0100-02-29', // not a leap year (century)
		'+010000-01-01T00:00:00Z',
		'-000001-01-01T00:00:00Z',
		'2026-02-30T10:00:00',
		'2026-04-31',
		'2026-01-01T24:00:00',
		'2026-01-01T10:60:00',
		'2026-01-01T10:00:00+15:00',
		'26-01-31',
		'',
	])('refuses %s', (text) => {
		expect(toUtcIso(text, 'America/New_York')).toBeUndefined();
	});
});

describe('toUtcIso: daylight-saving changes (a gap moves forward, an overlap is its first occurrence)', () => {
	// [zone, local date-time, UTC it is sent as, why]
	it.each([
		// America/New_York: 2026-03-08 02:00 EST → 03:00 EDT; 2026-11-01 02:00 EDT → 01:00 EST.
		['America/New_York', '2026-03-08T01:59:59', '2026-03-08T06:59:59.000Z', 'last second before the gap (EST)'],
		['America/New_York', '2026-03-08T02:00:00', '2026-03-08T07:00:00.000Z', 'start of the gap → 03:00 EDT'],
		['America/New_York', '2026-03-08T02:30:00', '2026-03-08T07:30:00.000Z', 'in the gap → 03:30 EDT'],
		['America/New_York', '2026-03-08T03:00:00', '2026-03-08T07:00:00.000Z', 'first time after the gap (EDT)'],
		['America/New_York', '2026-11-01T00:59:59', '2026-11-01T04:59:59.000Z', 'before the overlap (EDT)'],
		['America/New_York', '2026-11-01T01:00:00', '2026-11-01T05:00:00.000Z', 'start of the overlap, first occurrence (EDT)'],
		['America/New_York', '2026-11-01T01:30:00', '2026-11-01T05:30:00.000Z', 'in the overlap, first occurrence (EDT)'],
		['America/New_York', '2026-11-01T02:00:00', '2026-11-01T07:00:00.000Z', 'after the overlap (EST)'],
		// Europe/Berlin: 2026-03-29 02:00 CET → 03:00 CEST; 2026-10-25 03:00 CEST → 02:00 CET.
		['Europe/Berlin', '2026-03-29T01:59:00', '2026-03-29T00:59:00.000Z', 'before the gap (CET)'],
		['Europe/Berlin', '2026-03-29T02:30:00', '2026-03-29T01:30:00.000Z', 'in the gap → 03:30 CEST'],
		['Europe/Berlin', '2026-03-29T03:00:00', '2026-03-29T01:00:00.000Z', 'after the gap (CEST)'],
		['Europe/Berlin', '2026-10-25T02:30:00', '2026-10-25T00:30:00.000Z', 'in the overlap, first occurrence (CEST)'],
		['Europe/Berlin', '2026-10-25T03:00:00', '2026-10-25T02:00:00.000Z', 'after the overlap (CET)'],
		// Australia/Sydney (southern hemisphere): 2026-04-05 03:00 AEDT → 02:00 AEST; 2026-10-04 02:00 AEST → 03:00 AEDT.
		['Australia/Sydney', '2026-04-05T02:30:00', '2026-04-04T15:30:00.000Z', 'in the overlap, first occurrence (AEDT)'],
		['Australia/Sydney', '2026-04-05T03:00:00', '2026-04-04T17:00:00.000Z', 'after the overlap (AEST)'],
		['Australia/Sydney', '2026-10-04T02:30:00', '2026-10-03T16:30:00.000Z', 'in the gap → 03:30 AEDT'],
		// America/Sao_Paulo kept DST until 2019: 2018-11-04 00:00 → 01:00 (gap), 2019-02-17 00:00 → 2018-02-16 23:00 (overlap).
		['America/Sao_Paulo', '2018-11-04T00:30:00', '2018-11-04T03:30:00.000Z', 'in the gap at midnight → 01:30 -02'],
		['America/Sao_Paulo', '2018-11-04', '2018-11-04T03:00:00.000Z', 'a date whose midnight was skipped → 01:00 -02'],
		['America/Sao_Paulo', '2019-02-16T23:30:00', '2019-02-17T01:30:00.000Z', 'in the overlap, first occurrence (-02)'],
	])('%s %s → %s (%s)', (zone, local, iso, why) => {
		expect(toUtcIso(local, zone)).toBe(iso);
		// Outside an overlap, the same answer as n8n's Luxon, which expressions use. (In an overlap Luxon takes the
		// first occurrence in Sydney but the second in New York, Berlin and São Paulo: the node always takes the first.)
		if (!why.includes('first occurrence')) expect(DateTime.fromISO(local, { zone }).toUTC().toISO()).toBe(iso);
	});
});

describe('dateTimeToUtcIso: every kind of value an expression gives', () => {
	it('takes a Date, a Luxon DateTime (with its own zone) and text', () => {
		expect(dateTimeToUtcIso(new Date('2026-01-31T10:00:00Z'), 'Asia/Tokyo')).toBe('2026-01-31T10:00:00.000Z');
		expect(dateTimeToUtcIso(DateTime.fromISO('2026-03-08T02:30:00', { zone: 'America/New_York' }), 'UTC')).toBe('2026-03-08T07:30:00.000Z');
		expect(dateTimeToUtcIso(DateTime.fromObject({ year: 26, month: 1, day: 31 }, { zone: 'UTC' }), 'UTC')).toBe('0026-01-31T00:00:00.000Z');
		expect(dateTimeToUtcIso('2026-01-31T18:00:00', 'America/Sao_Paulo')).toBe('2026-01-31T21:00:00.000Z');
	});

	it('refuses what is not a date-time', () => {
		const year10000 = new Date(0);
		year10000.setUTCFullYear(10000);
		for (const value of [new Date(Number.NaN), year10000, DateTime.invalid('bad'), 20260131, true, {}, ['2026-01-31']]) {
			expect(dateTimeToUtcIso(value, 'UTC')).toBeUndefined();
		}
	});

	it('utcDay is midnight UTC of a real day only', () => {
		expect(utcDay(2026, 1, 31)).toBe(Date.parse('2026-01-31T00:00:00Z'));
		expect(utcDay(26, 1, 31)).toBe(Date.parse('0026-01-31T00:00:00Z'));
		expect(utcDay(2026, 2, 29)).toBeUndefined();
	});
});

describe('through the node: what is sent, and what is refused before any request', () => {
	const t = useSandbox();
	const getMany = (filters: Record<string, unknown>) => ({ resource: 'session', operation: 'getMany', limit: 1, filters });
	const sent = (key: string) => ((t.apiRequests().at(-1) as { query: Record<string, string[]> }).query[key] ?? [])[0];

	it('sends year 0026 as 0026, and 9999 as 9999', async () => {
		await t.run(getMany({ createdAtAfter: '0026-01-31T10:00:00Z', createdAtBefore: '9999-12-31T23:59:59Z' }));
		expect(sent('CreatedAt.After')).toBe('0026-01-31T10:00:00.000Z');
		expect(sent('CreatedAt.Before')).toBe('9999-12-31T23:59:59.000Z');
	});

	it('sends 02:30 of the spring-forward night in New York as 03:30 EDT, not an hour early', async () => {
		await t.run(getMany({ updatedAtAfter: '2026-03-08T02:30:00' }), { timezone: 'America/New_York' });
		expect(sent('UpdatedAt.After')).toBe('2026-03-08T07:30:00.000Z');
		await t.run(getMany({ updatedAtAfter: '2026-10-25T02:30:00' }), { timezone: 'Europe/Berlin' });
		expect(sent('UpdatedAt.After')).toBe('2026-10-25T00:30:00.000Z');
	});

	it.each(['0000-06-01T00:00:00Z', '0001-01-01T00:00:00', '2026-02-30', '10000-01-01T00:00:00Z'])(
		'refuses %s naming the field, with no request',
		async (value) => {
			// 0001-01-01T00:00 in New York (UTC−4:56) is still year 0001 in UTC, so take Berlin (UTC+0:53) for it.
			const error = await t.runError(getMany({ createdAtBefore: value }), { timezone: 'Europe/Berlin' });
			expect(error.message).toBe('Created At Before is not a valid date [item 0]');
			expect(error.description).toMatch(/0001 to 9999/);
			expect(t.apiRequests()).toHaveLength(0);
		},
	);
});
