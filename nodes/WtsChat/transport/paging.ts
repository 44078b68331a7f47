import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from './api';
import { apiRequest } from './api';
import type { WtsRequest } from './request';

export interface PageOptions {
	returnAll: boolean;
	/** Used when returnAll is false. */
	limit?: number;
}

const MAX_PAGE_SIZE = 100;
/** Guards against an API that keeps saying hasMorePages. */
const MAX_PAGES = 10_000;

/**
 * Every record of a listing, as an array: the documented page envelope (`PageNumber`/`PageSize` in,
 * `items`/`hasMorePages` out) is walked page by page with a constant page size (100 for Return All); a
 * listing that answers a plain array is returned as it is (cut to the limit).
 */
export async function apiRequestAllItems(
	this: RequestContext,
	request: WtsRequest,
	paging: PageOptions,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const limit = paging.returnAll ? Infinity : Math.max(1, paging.limit ?? 50);
	const pageSize = Math.min(MAX_PAGE_SIZE, limit);
	const results: IDataObject[] = [];
	for (let page = 1; page <= MAX_PAGES; page++) {
		const { items, hasMorePages } = await apiRequestPage.call(this, request, page, pageSize, itemIndex);
		results.push(...items);
		if (results.length >= limit) return results.slice(0, limit);
		if (!hasMorePages || items.length === 0) break;
	}
	return results;
}

/** One page of a listing: the documented envelope, or a plain array (a single page). */
export async function apiRequestPage(
	this: RequestContext,
	request: WtsRequest,
	page: number,
	pageSize: number,
	itemIndex?: number,
): Promise<{ items: IDataObject[]; hasMorePages: boolean }> {
	const { pageIn = 'PageNumber', ...rest } = request;
	const paged: WtsRequest =
		pageIn === 'body'
			? { ...rest, body: { ...(rest.body as IDataObject | undefined), pageNumber: page, pageSize } }
			: { ...rest, qs: { ...rest.qs, [pageIn]: page, PageSize: pageSize } };
	const body = await apiRequest.call(this, paged, itemIndex);
	if (Array.isArray(body)) return { items: body as IDataObject[], hasMorePages: false };
	const envelope = (body ?? {}) as IDataObject;
	return {
		items: Array.isArray(envelope.items) ? (envelope.items as IDataObject[]) : [],
		hasMorePages: envelope.hasMorePages === true,
	};
}

