// Filtering, ordering and paging helpers for GET listings.

import { pageEnvelope } from './envelopes.mjs';

/**
 * Keeps items whose date fields fall inside the query's `<Name>.Before` / `<Name>.After` bounds
 * (inclusive). An item with a null date is dropped when a bound on that date is given.
 * @param {any[]} items
 * @param {Record<string, any>} query validated query (canonical names)
 * @param {Record<string, string>} fields query prefix → item property, e.g. { CreatedAt: 'createdAt' }
 */
export function filterDateRanges(items, query, fields) {
	let out = items;
	for (const [prefix, prop] of Object.entries(fields)) {
		const before = query[`${prefix}.Before`];
		const after = query[`${prefix}.After`];
		if (before === undefined && after === undefined) continue;
		const b = before !== undefined ? Date.parse(before) : Infinity;
		const a = after !== undefined ? Date.parse(after) : -Infinity;
		out = out.filter((it) => {
			if (!it[prop]) return false;
			const t = Date.parse(it[prop]);
			return t >= a && t <= b;
		});
	}
	return out;
}

export const CU_FIELDS = { CreatedAt: 'createdAt', UpdatedAt: 'updatedAt' };

// One collator for every comparison: String#localeCompare(…, 'pt-BR') builds one per call (same order, far slower).
const collator = new Intl.Collator('pt-BR');
// Two ISO date-times of the same shape (digits in the same places, same separators) order like their code points
// under the collator too (only digits differ, and the collator orders digits 0-9): compared without it.
const ISO_SHAPE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/** The "shape" of an ISO date-time (its length and the non-digit tail), or null for any other value. */
function isoShape(v) {
	if (typeof v !== 'string' || !ISO_SHAPE.test(v)) return null;
	return `${v.length}${v.slice(19).replace(/\d/g, '0')}`;
}

function compare(a, b) {
	if (a === b) return 0;
	if (a === null || a === undefined) return 1;
	if (b === null || b === undefined) return -1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	const x = String(a);
	const y = String(b);
	const shape = isoShape(x);
	if (shape !== null && shape === isoShape(y)) return x < y ? -1 : x > y ? 1 : 0;
	return collator.compare(x, y);
}

/** compare() with the ISO shape of each value computed once (for sorting many rows). */
function compareDecorated(a, b) {
	if (a.shape !== null && a.shape === b.shape) return a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
	return compare(a.v, b.v);
}

/**
 * Sorts DTOs by the query's OrderBy (matched case-insensitively against the DTO's keys, plus
 * aliases) and OrderDirection; falls back to the listing's default order. Ties break on id.
 * @param {any[]} items DTOs
 * @param {Record<string, any>} query
 * @param {{by: string, direction?: 'ASCENDING'|'DESCENDING', aliases?: Record<string,string>}} defaults
 */
export function sortItems(items, query, defaults) {
	const sample = items[0] ?? {};
	const by = sortKey(sample, query, defaults);
	const sign = resolvedDirection(sample, query, defaults) === 'DESCENDING' ? -1 : 1;
	return [...items].sort((x, y) => sign * compare(x[by], y[by]) || compare(x.id, y.id));
}

/** The DTO field sortItems orders by for this query (same resolution as sortItems). */
function sortKey(sample, query, defaults) {
	if (query.OrderBy) {
		const wanted = String(query.OrderBy).toLowerCase();
		const alias = Object.entries(defaults.aliases ?? {}).find(([k]) => k.toLowerCase() === wanted)?.[1];
		const key = alias ?? Object.keys(sample).find((k) => k.toLowerCase() === wanted);
		if (key) return key;
	}
	return defaults.by;
}

/**
 * map to DTO → filter by date ranges (on DTO fields, so computed dates work) → sort → page.
 * @param {any[]} records
 * @param {Record<string, any>} query validated query
 * @param {{toDto: (r:any)=>any, dateFields?: Record<string,string>, order: {by:string, direction?: 'ASCENDING'|'DESCENDING', aliases?: Record<string,string>}}} how
 */
export function listPage(records, query, { toDto, dateFields = CU_FIELDS, order, project, cacheKey }) {
	if (!project || records.length === 0) {
		const dtos = filterDateRanges(records.map(toDto), query, dateFields);
		return pageEnvelope(sortItems(dtos, query, order), query);
	}
	// Same result, without building every DTO: filter and sort on a cheap projection of the fields that decide
	// (the raw values the DTO copies), and build full DTOs only for the page. A field the projection lacks (a
	// computed one) falls back to the record's full DTO. With a cacheKey, the next page of the same query reuses
	// the order when the records and their deciding values are unchanged (checked, not assumed).
	const cached = cacheKey !== undefined ? sortedCache.get(cacheKey) : undefined;
	let sorted = cached && cached.records.length === records.length ? cached : undefined;
	if (sorted) {
		// Reuse the last order only if every record is the same object with the same deciding values.
		for (let i = 0; i < records.length && sorted; i++) {
			if (records[i] !== sorted.records[i]) sorted = undefined;
			else {
				const row = project(records[i]);
				for (const k of sorted.needed) if (row[k] !== sorted.values[i][k]) sorted = undefined;
			}
		}
	}
	if (!sorted) {
		sorted = sortRows(records, query, { toDto, dateFields, order, project });
		if (cacheKey !== undefined && sorted.cacheable) {
			sortedCache.delete(cacheKey);
			sortedCache.set(cacheKey, sorted);
			if (sortedCache.size > 8) sortedCache.delete(sortedCache.keys().next().value);
		}
	}
	const page = pageEnvelope(sorted.order, query);
	page.items = page.items.map((r) => (r.full ? r.row : toDto(r.record)));
	return page;
}

/** The `cacheKey` of a listing query: its route, the sandbox and every query value but the page. */
export const listingCacheKey = (route, baseUrl, query) =>
	`${route} ${baseUrl} ${JSON.stringify({ ...query, PageNumber: undefined, PageSize: undefined })}`;

/** Last sorted order per listing query (sessions, contacts), reused while the records and their deciding values are unchanged. */
const sortedCache = new Map();

function sortRows(records, query, { toDto, dateFields, order, project }) {
	const sample = toDto(records[0]);
	const needed = [sortKey(sample, query, order), 'id'];
	for (const [prefix, prop] of Object.entries(dateFields)) {
		if (query[`${prefix}.Before`] !== undefined || query[`${prefix}.After`] !== undefined) needed.push(prop);
	}
	let cacheable = true;
	const values = [];
	const rows = records.map((record) => {
		const row = project(record);
		values.push(row);
		if (needed.some((k) => !(k in row))) {
			cacheable = false; // a computed field decides: it may change with time or other records
			return { record, row: toDto(record), full: true };
		}
		return { record, row, full: false };
	});
	const kept = filterDateRanges(rows.map((r) => r.row), query, dateFields);
	const keptSet = kept.length === rows.length ? null : new Set(kept);
	// Sort exactly like sortItems (key resolved on the first kept row), each value's ISO shape computed once.
	const by = kept.length ? sortKey(kept[0], query, order) : order.by;
	const direction = resolvedDirection(kept[0] ?? {}, query, order);
	const sign = direction === 'DESCENDING' ? -1 : 1;
	const decorated = rows
		.filter((r) => !keptSet || keptSet.has(r.row))
		.map((r) => ({ r, key: { v: r.row[by], shape: isoShape(r.row[by]) } }));
	decorated.sort((x, y) => sign * compareDecorated(x.key, y.key) || compare(x.r.row.id, y.r.row.id));
	return { records, values, needed, cacheable, order: decorated.map((d) => d.r) };
}

/** The direction sortItems uses for this query (an OrderBy it recognises resets the default to ASCENDING). */
function resolvedDirection(sample, query, defaults) {
	let direction = defaults.direction ?? 'ASCENDING';
	if (query.OrderBy) {
		const wanted = String(query.OrderBy).toLowerCase();
		const alias = Object.entries(defaults.aliases ?? {}).find(([k]) => k.toLowerCase() === wanted)?.[1];
		const key = alias ?? Object.keys(sample).find((k) => k.toLowerCase() === wanted);
		if (key) direction = 'ASCENDING';
	}
	if (query.OrderDirection) direction = query.OrderDirection;
	return direction;
}

/** The IncludeDetails (or any array) query value as a Set. */
export const includeSet = (values) => new Set(values ?? []);

/** Case-insensitive "contains" used by Name / Title / TextFilter filters. */
export const contains = (haystack, needle) =>
	String(haystack ?? '')
		.toLocaleLowerCase('pt-BR')
		.includes(String(needle).toLocaleLowerCase('pt-BR'));
