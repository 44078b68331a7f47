// The properties every listing shares: Return All / Limit, filters and options collections, date ranges, order, Simplify.

import type { INodeProperties } from 'n8n-workflow';

import { LONGEST_WINDOW_SECONDS } from '../transport/pacing';

/**
 * How long an item may wait when WTS Chat still answers 429 (read by the transport for every request as
 * `options.maxWaitOnRateLimit`). The node already spaces its requests to the documented limits; a 429 comes only
 * when other clients use the same account.
 */
const maxWaitOnRateLimitOption: INodeProperties = {
	displayName: 'Max Wait on Rate Limit',
	name: 'maxWaitOnRateLimit',
	type: 'number',
	default: LONGEST_WINDOW_SECONDS,
	typeOptions: { minValue: 0, numberPrecision: 0 },
	description:
		"Seconds an item may wait in total when WTS Chat answers 429 (rate limit reached, e.g. because other clients use the same account) before it fails. The node already spaces its requests to the account's documented limits; the default is the longest of them (5 minutes).",
};

/** Return All + Limit, as n8n's built-in nodes have them. */
export const returnAllOrLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** The "Options" collection every operation puts its optional settings in; Max Wait on Rate Limit is always one. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'Optional settings of this operation',
		options: sortedByName([...options, maxWaitOnRateLimitOption]),
	};
}

/** The "Filters" collection of a listing, in alphabetical order. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Only records that match every filter added here are returned',
		options: sortedByName(options),
	};
}

/** A date range filter: `<key>After` / `<key>Before` in the node, `<api>.After` / `<api>.Before` in the query. */
export interface DateRange {
	key: string;
	api: string;
	label: string;
}

/** The CreatedAt / UpdatedAt range filters every paged WTS listing has. */
export const CREATED_UPDATED_RANGES: DateRange[] = [
	{ key: 'createdAt', api: 'CreatedAt', label: 'Created At' },
	{ key: 'updatedAt', api: 'UpdatedAt', label: 'Updated At' },
];

export const TIME_ZONE_HINT = "Without a time zone the date is read in the workflow's time zone (workflow settings)";

/** Date-range filters of a listing; names follow the API's `X.After` / `X.Before`. */
export function dateRangeFilters(ranges: DateRange[]): INodeProperties[] {
	return ranges.flatMap(({ key, label }) => [
		{
			displayName: `${label} After`,
			name: `${key}After`,
			type: 'dateTime' as const,
			default: '',
			description: `Only records whose ${label.toLowerCase()} is after this moment`,
			hint: TIME_ZONE_HINT,
		},
		{
			displayName: `${label} Before`,
			name: `${key}Before`,
			type: 'dateTime' as const,
			default: '',
			description: `Only records whose ${label.toLowerCase()} is before this moment`,
			hint: TIME_ZONE_HINT,
		},
	]);
}

/** Order By / Order Direction of a paged listing. */
export const orderOptions: INodeProperties[] = [
	{
		displayName: 'Order By',
		name: 'orderBy',
		type: 'string',
		default: '',
		placeholder: 'e.g. createdAt',
		description: 'Name of the field to sort by. Leave empty for the default order.',
	},
	{
		displayName: 'Order Direction',
		name: 'orderDirection',
		type: 'options',
		default: 'ASCENDING',
		description: 'Sort direction, used with Order By',
		options: [
			{ name: 'Ascending', value: 'ASCENDING' },
			{ name: 'Descending', value: 'DESCENDING' },
		],
	},
];

/**
 * n8n's Simplify toggle for reads of records with many fields (n8n UX guideline: more than 10 fields). `kept`
 * lists the fields the simplified output keeps, shown in the hint.
 */
export const simplifyProperty = (kept: readonly string[], extra = ''): INodeProperties => ({
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
	hint: `Simplified output keeps ${kept.join(', ')}${extra}`,
});

/** Options of a collection in alphabetical order of their display names (n8n lists them as given). */
export function sortedByName(options: INodeProperties[]): INodeProperties[] {
	return [...options].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Return All / Limit, Created At / Updated At filters and Order By / Direction: a plain dated listing (read with listWithDateFilters). */
export const datedListingProperties = (): INodeProperties[] => [
	...returnAllOrLimit,
	filtersCollection(dateRangeFilters(CREATED_UPDATED_RANGES)),
	optionsCollection(orderOptions),
];

/** The message (and note) fields Simplify keeps (10 of 19). */
export const MESSAGE_SIMPLE_FIELDS = [
	'id',
	'createdAt',
	'sessionId',
	'direction',
	'type',
	'status',
	'text',
	'fileId',
	'userId',
	'failedReason',
] as const;

export const messageSimplifyProperty = simplifyProperty(MESSAGE_SIMPLE_FIELDS);
