/**
 * Date-times as n8n users give them. n8n's date picker and many expressions produce a local date-time without a
 * zone ("2026-01-31T18:00:00"); like n8n's own nodes, such a value is read in the workflow's time zone
 * (Settings → Time zone of the workflow, else the instance's GENERIC_TIMEZONE), never in the time zone of the
 * n8n server. A value with a zone (Z or ±hh:mm) is taken as it is.
 */

const LOCAL_OR_ZONED =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
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

/** Milliseconds the zone's wall clock is ahead of UTC at the instant `utcMs`. */
function zoneOffsetMs(timeZone: string, utcMs: number): number {
	const parts: Record<string, number> = {};
	for (const p of formatter(timeZone).formatToParts(new Date(utcMs))) {
		if (p.type !== 'literal') parts[p.type] = Number(p.value);
	}
	const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
	return wall - Math.floor(utcMs / 1000) * 1000;
}

/** The UTC instant at which the zone's wall clock shows `wallMs` (a local date-time written as if it were UTC). */
function wallTimeToUtc(wallMs: number, timeZone: string): number {
	// Two passes settle the offset across a DST change; a wall time skipped by the change moves forward by the gap.
	const first = wallMs - zoneOffsetMs(timeZone, wallMs);
	return wallMs - zoneOffsetMs(timeZone, first);
}

/**
 * Parses an ISO-8601 date or date-time and returns it as an ISO UTC string, or `undefined` when the text is not a
 * real calendar date-time (2025-02-30, 24:00, ...). Without a zone the value is read in `timeZone`.
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
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
	if (hour > 23 || minute > 59 || second > 59) return undefined;
	const ms = Number(frac.padEnd(3, '0').slice(0, 3));
	const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
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
	return new Date(utc).toISOString();
}
