import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Problem, UrlKind } from '../transport/rules';
import { emailProblem, enumHint, urlHint, urlProblem, uuidProblem } from '../transport/rules';
import { dateTimeToUtcIso } from './dates';
import { splitList } from './utils';

// The rules live once, in transport/rules.ts (the transport applies them to every request); these helpers apply
// them earlier, where an operation reads a parameter.
export { isUuid, UUID_PATTERN } from '../transport/rules';

function refuse(ctx: IExecuteFunctions, problem: Problem, itemIndex: number): never {
	throw new NodeOperationError(ctx.getNode(), problem.message, { description: problem.hint, itemIndex });
}

/** An e-mail address (the one e-mail rule of the node), trimmed. */
export function assertEmail(ctx: IExecuteFunctions, value: unknown, itemIndex: number, label: string): string {
	const s = String(value ?? '').trim();
	const problem = emailProblem(s, label);
	if (problem) refuse(ctx, problem, itemIndex);
	return s;
}

/** The string value of a parameter that may be a resource locator, a plain string or a number. */
function readIdParameter(ctx: IExecuteFunctions, name: string, itemIndex: number): string {
	const raw = ctx.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const value = raw && typeof raw === 'object' ? (raw as IDataObject).value : raw;
	if (value === undefined || value === null) return '';
	return String(value).trim();
}

/**
 * A required UUID parameter (usually a resource locator), checked before any request: empty or blank, or not a
 * UUID, gives a NodeOperationError naming the field and the item.
 */
export function requireUuid(ctx: IExecuteFunctions, name: string, itemIndex: number, label: string): string {
	const value = readIdParameter(ctx, name, itemIndex);
	if (value === '') {
		throw new NodeOperationError(ctx.getNode(), `The ${label} field is empty`, {
			description: `Fill in the ${label} field: pick one from the list, or enter its ID (a UUID such as 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b) or an expression that gives one.`,
			itemIndex,
		});
	}
	return assertUuid(ctx, value, itemIndex, label);
}

/** Like requireUuid, but an empty value is allowed and gives undefined. */
export function optionalUuid(ctx: IExecuteFunctions, name: string, itemIndex: number, label: string): string | undefined {
	const value = readIdParameter(ctx, name, itemIndex);
	return value === '' ? undefined : assertUuid(ctx, value, itemIndex, label);
}

/** Checks a UUID that came from inside a collection or list. */
export function assertUuid(ctx: IExecuteFunctions, value: unknown, itemIndex: number, label: string): string {
	const s = typeof value === 'string' ? value.trim() : String(value ?? '').trim();
	const problem = uuidProblem(s, label);
	if (problem) refuse(ctx, problem, itemIndex);
	return s.toLowerCase();
}

export function requireText(ctx: IExecuteFunctions, name: string, itemIndex: number, label: string): string {
	const value = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const s = value === undefined || value === null ? '' : String(value);
	if (s.trim() === '') {
		throw new NodeOperationError(ctx.getNode(), `The ${label} field is empty`, {
			description: `Fill in the ${label} field.`,
			itemIndex,
		});
	}
	return s;
}

/** A JSON object given as text or already as an object (from an expression). */
export function parseJsonObject(ctx: IExecuteFunctions, value: unknown, itemIndex: number, label: string): IDataObject {
	if (value && typeof value === 'object' && !Array.isArray(value)) return value as IDataObject;
	const text = typeof value === 'string' ? value.trim() : '';
	if (text === '') return {};
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `${label} is not valid JSON`, {
			description: `Enter a JSON object such as {"key": "value"}. The parser said: ${(error as Error).message}`,
			itemIndex,
		});
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new NodeOperationError(ctx.getNode(), `${label} must be a JSON object`, {
			description: 'Enter a JSON object such as {"key": "value"}, not an array or a single value.',
			itemIndex,
		});
	}
	return parsed as IDataObject;
}

/**
 * A date-time parameter as ISO-8601 UTC, or undefined when empty. A value without a zone (what n8n's date picker
 * gives) is read in the workflow's time zone, as n8n's own nodes do; impossible dates are refused.
 */
export function optionalDateTime(ctx: IExecuteFunctions, value: unknown, itemIndex: number, label: string): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const iso = dateTimeToUtcIso(value, ctx.getTimezone());
	if (iso === undefined) {
		throw new NodeOperationError(ctx.getNode(), `${label} is not a valid date`, {
			description: `Use an ISO 8601 date and time with a year from 0001 to 9999, such as 2026-01-31T18:00:00 (read in the workflow's time zone, ${ctx.getTimezone()}) or 2026-01-31T18:00:00Z (UTC), or pick a date.`,
			itemIndex,
		});
	}
	return iso;
}

/**
 * An http(s) URL, with the hint of its kind (a file WTS Chat downloads, a URL WTS Chat calls). Whether its host is
 * public and it is https is checked by the transport before the request (it knows the credential's host).
 */
export function requireHttpUrl(ctx: IExecuteFunctions, value: unknown, itemIndex: number, label: string, kind: UrlKind): string {
	const s = typeof value === 'string' ? value.trim() : '';
	const problem = urlProblem(s, label, 'link');
	if (problem) refuse(ctx, { ...problem, hint: urlHint(kind) }, itemIndex);
	return s;
}

/** Query keys `<Api>.After` / `<Api>.Before` from `<key>After` / `<key>Before` entries of a filters collection. */
export function dateRangeQuery(
	ctx: IExecuteFunctions,
	filters: IDataObject,
	itemIndex: number,
	ranges: Array<{ key: string; api: string; label: string }>,
): Record<string, string | undefined> {
	const qs: Record<string, string | undefined> = {};
	for (const { key, api, label } of ranges) {
		qs[`${api}.After`] = optionalDateTime(ctx, filters[`${key}After`], itemIndex, `${label} After`);
		qs[`${api}.Before`] = optionalDateTime(ctx, filters[`${key}Before`], itemIndex, `${label} Before`);
	}
	return qs;
}

/** A list of UUIDs from a multi-select or a comma-separated expression, each checked. */
export function uuidList(ctx: IExecuteFunctions, value: unknown, itemIndex: number, label: string): string[] {
	return splitList(value).map((v) => assertUuid(ctx, v, itemIndex, label));
}

/** The Limit parameter, checked to be a whole number of at least 1. */
export function readLimit(ctx: IExecuteFunctions, itemIndex: number): number {
	const limit = ctx.getNodeParameter('limit', itemIndex, 50) as number;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(ctx.getNode(), `Limit must be a whole number of at least 1`, {
			description: 'Set Limit to 1 or more, or turn on Return All.',
			itemIndex,
		});
	}
	return limit;
}

/** A value that must be one of an API enum (WTS enums are case-sensitive), e.g. a status set by expression. */
export function assertOneOf(
	ctx: IExecuteFunctions,
	value: unknown,
	allowed: Array<{ name: string; value: string }>,
	itemIndex: number,
	label: string,
): string {
	const s = String(value ?? '');
	if (!allowed.some((o) => o.value === s)) {
		refuse(ctx, { message: `"${s.slice(0, 60)}" is not a valid ${label}`, hint: enumHint(allowed.map((o) => o.value)) }, itemIndex);
	}
	return s;
}

/** A finite number (also from an expression giving a numeric string), optionally within bounds. */
export function assertNumber(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label: string,
	bounds: { min?: number; max?: number; integer?: boolean } = {},
): number {
	const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
	const { min, max, integer } = bounds;
	const ok = Number.isFinite(n) && (!integer || Number.isInteger(n)) && (min === undefined || n >= min) && (max === undefined || n <= max);
	if (!ok) {
		const range = [min !== undefined ? `at least ${min}` : '', max !== undefined ? `at most ${max}` : ''].filter(Boolean).join(' and ');
		throw new NodeOperationError(ctx.getNode(), `${label} must be ${integer ? 'a whole number' : 'a number'}${range ? ` ${range}` : ''}`, {
			description: `Got "${String(value).slice(0, 60)}". Enter ${integer ? 'a whole number' : 'a number'}${range ? ` ${range}` : ''}.`,
			itemIndex,
		});
	}
	return n;
}

/** The `entries` of a key/value fixedCollection (e.g. metadata), keys trimmed; an entry without a key is refused. */
export function readKeyValueEntries(
	ctx: IExecuteFunctions,
	collection: unknown,
	itemIndex: number,
	what: string,
): Array<{ key: string; value: string }> {
	const entries = ((collection as IDataObject | undefined)?.entries as IDataObject[] | undefined) ?? [];
	return entries.map(({ key, value }) => {
		const k = String(key ?? '').trim();
		if (k === '') {
			throw new NodeOperationError(ctx.getNode(), `A ${what} has an empty key`, {
				description: `Give every ${what} a key, or remove the entry.`,
				itemIndex,
			});
		}
		return { key: k, value: value === undefined || value === null ? '' : String(value) };
	});
}
