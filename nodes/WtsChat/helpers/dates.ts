/**
 * Date-times as n8n users give them, parsed in one place (`toUtcIso`, and `dateTimeToUtcIso` for every value an
 * expression can give). n8n's date picker and many expressions produce a local date-time without a zone
 * ("2026-01-31T18:00:00"); like n8n's own nodes, such a value is read in the workflow's time zone (Settings → Time
 * zone of the workflow, else the instance's GENERIC_TIMEZONE), never in the time zone of the n8n server. A value
 * with a zone (Z or ±hh:mm) is taken as it is.
 *
 * - Any year 0001–9999 is taken as typed (JavaScript's `Date.UTC` would read 0026 as 1926); the UTC instant must
 *   stay within 0001-01-01T00:00:00Z … 9999-12-31T23:59:59.999Z (what an ISO 8601 / RFC 3339 date-time can hold).
 * - A local time that a daylight-saving change skips (02:30 on the spring-forward night in New York) moves forward
 *   by the gap (03:30 daylight time), as n8n's Luxon and JavaScript's Temporal ("compatible") do.
 * - A local time that occurs twice (01:30 on the fall-back night in New York) is the first occurrence (daylight time).
 */

const LOCAL_OR_ZONED =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** The earliest and latest instants a 4-digit-year ISO date-time can hold. */
const MIN_UTC_MS = utcMs(1, 1, 1, 0, 0, 0, 0);
const MAX_UTC_MS = utcMs(9999, 12, 31, 23, 59, 59, 999);
const DAY_MS = 24 * 60 * 60 * 1000;

/** `Date.UTC` for every year as given (Date.UTC maps years 0–99 to 1900–1999). Month 1–12. */
function utcMs(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number): number {
	const d = new Date(0);
	d.setUTCFullYear(year, month - 1, day);
	d.setUTCHours(hour, minute, second, ms);
	return d.getTime();
}

function daysInMonth(year: number, month: number): number {
	return new Date(utcMs(year, month + 1, 0, 0, 0, 0, 0)).getUTCDate();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			era: 'short',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(timeZone, f);
	}
	return f;
}

/** Milliseconds the zone's wall clock is ahead of UTC at the instant `instantMs`. */
function zoneOffsetMs(timeZone: string, instantMs: number): number {
	const parts: Record<string, number> = {};
	let beforeChrist = false;
	for (const p of formatter(timeZone).formatToParts(new Date(instantMs))) {
		if (p.type === 'era') beforeChrist = /^B/i.test(p.value);
		else if (p.type !== 'literal') parts[p.type] = Number(p.value);
	}
	const year = beforeChrist ? 1 - parts.year : parts.year;
	const wall = utcMs(year, parts.month, parts.day, parts.hour, parts.minute, parts.second, 0);
	return wall - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The UTC instant at which the zone's wall clock shows `wallMs` (a local date-time written as if it were UTC): the
 * first of two in an overlap, moved forward by the gap in a gap.
 */
function wallTimeToUtc(wallMs: number, timeZone: string): number {
	const before = zoneOffsetMs(timeZone, wallMs - DAY_MS);
	const after = zoneOffsetMs(timeZone, wallMs + DAY_MS);
	const candidates = [wallMs - before, wallMs - after].filter((utc) => utc + zoneOffsetMs(timeZone, utc) === wallMs);
	if (candidates.length) return Math.min(...candidates);
	// Skipped by the change: read with the offset in force before it, which lands the gap's length later.
	return wallMs - before;
}

/**
 * Parses an ISO-8601 date or date-time and returns it as an ISO UTC string, or `undefined` when the text is not a
 * real calendar date-time (2025-02-30, 24:00, year 0000, ...). Without a zone the value is read in `timeZone`.
 */
export function toUtcIso(text: string, timeZone: string): string | undefined {
	const m = LOCAL_OR_ZONED.exec(text.trim());
	if (!m) return undefined;
	const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
	const year = Number(y);
	const month = Number(mo);
	const day = Number(d);
	const hour = Number(h);
	const minute = Number(mi);
	const second = Number(s);
	if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
	if (hour > 23 || minute > 59 || second > 59) return undefined;
	const ms = Number(frac.padEnd(3, '0').slice(0, 3));
	const wall = utcMs(year, month, day, hour, minute, second, ms);
	let utc: number;
	if (zone === undefined) {
		utc = wallTimeToUtc(wall, timeZone);
	} else if (zone.toUpperCase() === 'Z') {
		utc = wall;
	} else {
		const sign = zone.startsWith('-') ? -1 : 1;
		const digits = zone.slice(1).replace(':', '');
		const offH = Number(digits.slice(0, 2));
		const offM = Number(digits.slice(2));
		if (offH > 14 || offM > 59) return undefined;
		utc = wall - sign * (offH * 60 + offM) * 60_000;
	}
	return isoOf(utc);
}

/** The ISO UTC string of an instant, or `undefined` outside the years 0001–9999. */
function isoOf(utc: number): string | undefined {
	if (!Number.isFinite(utc) || utc < MIN_UTC_MS || utc > MAX_UTC_MS) return undefined;
	return new Date(utc).toISOString();
}

/**
 * Any date-time value a parameter can hold (text, a JavaScript Date, a Luxon DateTime from an expression such as
 * {{ $now.plus({ days: 1 }) }}, which carries its own zone) as an ISO UTC string; `undefined` when it is not one.
 * Text without a zone is read in `timeZone`.
 */
export function dateTimeToUtcIso(value: unknown, timeZone: string): string | undefined {
	if (value instanceof Date) return isoOf(value.getTime());
	if (value !== null && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		const text = (value as { toISO: () => string | null }).toISO();
		return typeof text === 'string' ? toUtcIso(text, 'UTC') : undefined;
	}
	return typeof value === 'string' ? toUtcIso(value, timeZone) : undefined;
}

/** Midnight UTC of a calendar day given as year, month (1–12), day, in ms; `undefined` when no such day. */
export function utcDay(year: number, month: number, day: number): number | undefined {
	const iso = toUtcIso(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, 'UTC');
	return iso === undefined ? undefined : Date.parse(iso);
}
