import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PageOptions, Query, WtsRequest } from '../transport';
import { apiRequestAllItems } from '../transport';
import { dateRangeQuery, readLimit } from './validation';

/** Return All / Limit of a listing operation, checked before any request. */
export function readPaging(ctx: IExecuteFunctions, itemIndex: number): PageOptions {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return { returnAll, limit: returnAll ? undefined : readLimit(ctx, itemIndex) };
}

/** OrderBy / OrderDirection query keys from a listing's options; the direction is sent only with a field. */
export function orderQuery(options: IDataObject): Query {
	const orderBy = typeof options.orderBy === 'string' ? options.orderBy.trim() : '';
	return { OrderBy: orderBy || undefined, OrderDirection: orderBy ? (options.orderDirection as string) : undefined };
}

/** The record reduced to `keys` (missing keys are left out), for n8n's Simplify toggle. */
export function pickFields(record: IDataObject, keys: readonly string[]): IDataObject {
	const out: IDataObject = {};
	for (const key of keys) if (record[key] !== undefined) out[key] = record[key];
	return out;
}

/** Applies the Simplify toggle of item `itemIndex` to one record or a list of records. */
export function simplifyIfAsked<T extends IDataObject | IDataObject[]>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	data: T,
	keys: readonly string[],
): T {
	if (!(ctx.getNodeParameter('simplify', itemIndex, true) as boolean)) return data;
	return (Array.isArray(data) ? data.map((r) => pickFields(r, keys)) : pickFields(data, keys)) as T;
}

/**
 * A paged listing read with the operation's Return All / Limit, its CreatedAt/UpdatedAt-style date filters
 * (`filters.<key>After/Before`) and its Order By / Direction options, added to the request's own query.
 */
export async function listWithDateFilters(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: WtsRequest,
	ranges: Array<{ key: string; api: string; label: string }>,
): Promise<IDataObject[]> {
	const paging = readPaging(ctx, itemIndex);
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs = { ...request.qs, ...dateRangeQuery(ctx, filters, itemIndex, ranges), ...orderQuery(options) };
	return await apiRequestAllItems.call(ctx, { ...request, qs }, paging, itemIndex);
}
