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

function compare(a, b) {
	if (a === b) return 0;
	if (a === null || a === undefined) return 1;
	if (b === null || b === undefined) return -1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	const x = String(a);
	const y = String(b);
	if (x.length === y.length && ISO_SHAPE.test(x) && ISO_SHAPE.test(y) && x.slice(19) .replace(/\d/g, '0') === y.slice(19).replace(/\d/g, '0')) {
		return x < y ? -1 : x > y ? 1 : 0;
	}
	return collator.compare(x, y);
}

/**
 * Sorts DTOs by the query's OrderBy (matched case-insensitively against the DTO's keys, plus
 * aliases) and OrderDirection; falls back to the listing's default order. Ties break on id.
 * @param {any[]} items DTOs
 * @param {Record<string, any>} query
 * @param {{by: string, direction?: 'ASCENDING'|'DESCENDING', aliases?: Record<string,string>}} defaults
 */
export function sortItems(items, query, defaults) {
	let by = defaults.by;
	let direction = defaults.direction ?? 'ASCENDING';
	if (query.OrderBy) {
		const wanted = String(query.OrderBy).toLowerCase();
		const sample = items[0] ?? {};
		const alias = Object.entries(defaults.aliases ?? {}).find(([k]) => k.toLowerCase() === wanted)?.[1];
		const key = alias ?? Object.keys(sample).find((k) => k.toLowerCase() === wanted);
		if (key) {
			by = key;
			direction = 'ASCENDING';
		}
	}
	if (query.OrderDirection) direction = query.OrderDirection;
	const sign = direction === 'DESCENDING' ? -1 : 1;
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
export function listPage(records, query, { toDto, dateFields = CU_FIELDS, order, project }) {
	if (!project || records.length === 0) {
		const dtos = filterDateRanges(records.map(toDto), query, dateFields);
		return pageEnvelope(sortItems(dtos, query, order), query);
	}
	// Same result, without building every DTO: filter and sort on a cheap projection of the fields that decide
	// (the raw values the DTO copies), and build full DTOs only for the page. A field the projection lacks (a
	// computed one) falls back to the record's full DTO.
	const sample = toDto(records[0]);
	const needed = [sortKey(sample, query, order), 'id'];
	for (const [prefix, prop] of Object.entries(dateFields)) {
		if (query[`${prefix}.Before`] !== undefined || query[`${prefix}.After`] !== undefined) needed.push(prop);
	}
	const rows = records.map((record) => {
		const row = project(record);
		if (needed.some((k) => !(k in row))) return { record, row: toDto(record), full: true };
		return { record, row, full: false };
	});
	const kept = new Set(filterDateRanges(rows.map((r) => r.row), query, dateFields));
	const sorted = sortItems(rows.filter((r) => kept.has(r.row)).map((r) => r.row), query, order);
	const byRow = new Map(rows.map((r) => [r.row, r]));
	const page = pageEnvelope(sorted, query);
	page.items = page.items.map((row) => {
		const r = byRow.get(row);
		return r.full ? r.row : toDto(r.record);
	});
	return page;
}

/** The IncludeDetails (or any array) query value as a Set. */
export const includeSet = (values) => new Set(values ?? []);

/** Case-insensitive "contains" used by Name / Title / TextFilter filters. */
export const contains = (haystack, needle) =>
	String(haystack ?? '')
		.toLocaleLowerCase('pt-BR')
		.includes(String(needle).toLocaleLowerCase('pt-BR'));
