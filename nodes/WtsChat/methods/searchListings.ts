// How the pickers page through the listings (plain lists, paged listings, records by ID) and read what the node has
// chosen so far (the session's, the sending and the panel's context); listSearch.ts holds the pickers themselves.

import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { filterByLabel, matchesSearch } from '../helpers/search';
import { isUuid } from '../helpers/validation';
import type { WtsRequest } from '../transport';
import { apiRequest, apiRequestPage } from '../transport';

/** Listings that answer one plain array (departments, agents, channels): one request, filtered on the label. */
export async function searchPlainList(
	ctx: ILoadOptionsFunctions,
	path: string,
	filter: string | undefined,
	toItem: (record: IDataObject) => INodeListSearchItems,
): Promise<INodeListSearchResult> {
	const body = await apiRequest.call(ctx, { method: 'GET', path });
	const records = (Array.isArray(body) ? body : ((body as IDataObject)?.items as IDataObject[]) ?? []) as IDataObject[];
	return { results: filterByLabel(records.map(toItem), filter) };
}

/** The channel chosen in the node (Message → Send, Scheduled Message → Create), else the chosen session's channel. */
export async function currentSessionChannel(ctx: ILoadOptionsFunctions): Promise<string | undefined> {
	let channelId: unknown;
	try {
		channelId = ctx.getCurrentNodeParameter('channelId', { extractValue: true });
	} catch {
		channelId = undefined;
	}
	if (typeof channelId === 'string' && isUuid(channelId.trim())) return channelId.trim().toLowerCase();
	let sessionId: unknown;
	try {
		sessionId = ctx.getCurrentNodeParameter('sessionId', { extractValue: true });
	} catch {
		return undefined;
	}
	if (typeof sessionId !== 'string' || !isUuid(sessionId.trim())) return undefined;
	try {
		const session = (await apiRequest.call(ctx, {
			method: 'GET',
			path: '/chat/v2/session/{id}',
			pathParams: { id: sessionId.trim() },
		})) as IDataObject;
		return typeof session?.channelId === 'string' ? session.channelId : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The sending channel chosen in the node (Send API, Chatbot: the "From Channel" locator), so templates can be
 * narrowed to it: its ID, or the channel whose number / @user was typed (one channel listing).
 */
export async function currentFromChannel(ctx: ILoadOptionsFunctions): Promise<string | undefined> {
	let from: unknown;
	try {
		from = ctx.getCurrentNodeParameter('from', { extractValue: true });
	} catch {
		return undefined;
	}
	const value = typeof from === 'string' ? from.trim() : '';
	if (value === '') return undefined;
	if (isUuid(value)) return value.toLowerCase();
	try {
		const channels = (await apiRequest.call(ctx, { method: 'GET', path: '/chat/v1/channel' })) as IDataObject[];
		const digits = (v: unknown) => String(v ?? '').replace(/\D/g, '');
		const found = (Array.isArray(channels) ? channels : []).find((c) =>
			value.startsWith('@') ? String(c.number).toLowerCase() === value.toLowerCase() : digits(c.number) !== '' && digits(c.number) === digits(value),
		);
		return typeof found?.id === 'string' ? found.id : undefined;
	} catch {
		return undefined;
	}
}

export const TEMPLATE_PAGE_SIZE = 100;

/** Listing pages one template search call may read (plus one request for the chosen session's channel). */
export const TEMPLATE_PAGES_PER_CALL = 5;

export const TEMPLATE_ENOUGH = 30;

/**
 * A paged listing searched on its labels, walked group after group (one request shape per group: e.g. the contact
 * listing once per status). One call reads pages from `paginationToken` on ("<group>:<page>"; a bare page number
 * is group 0), at most `pagesPerCall`, keeps the records whose label matches, and stops once `enough` match; the
 * token it returns is where the next call goes on. It does not stop at the end of a group while it holds fewer
 * than `enough`: n8n only asks for more when the user scrolls, and a short list cannot be scrolled.
 */
export async function searchPagedListing(
	ctx: ILoadOptionsFunctions,
	request: WtsRequest | WtsRequest[],
	filter: string | undefined,
	paginationToken: string | undefined,
	toItem: (record: IDataObject) => INodeListSearchItems,
	o: { pageSize: number; pagesPerCall: number; enough: number },
): Promise<INodeListSearchResult> {
	const groups = Array.isArray(request) ? request : [request];
	const match = /^(?:(\d+):)?(\d+)$/.exec(paginationToken ?? '');
	let group = match?.[1] !== undefined ? Number(match[1]) : 0;
	let page = match ? Math.max(1, Number(match[2])) : 1;
	if (group >= groups.length) group = 0;
	const results: INodeListSearchItems[] = [];
	for (let read = 0; read < o.pagesPerCall && group < groups.length; read++) {
		const { items, hasMorePages } = await apiRequestPage.call(ctx, groups[group], page, o.pageSize);
		for (const record of items) {
			const item = toItem(record);
			if (matchesSearch(filter, item.name)) results.push(item);
		}
		if (!hasMorePages || items.length === 0) {
			group++;
			page = 1;
		} else page++;
		if (results.length >= o.enough) break;
	}
	if (group >= groups.length) return { results };
	return { results, paginationToken: groups.length > 1 ? `${group}:${page}` : String(page) };
}

export const CONTACT_PAGES_PER_CALL = 5;

export const CONTACT_LOOKUP_SIZE = 20;

/** A paged listing of records picked by their `id`, searched on `label` (100 a page, up to 5 pages a call). */
export async function searchRecordsById(
	ctx: ILoadOptionsFunctions,
	path: string,
	label: (record: IDataObject) => string,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	return await searchPagedListing(ctx, { method: 'GET', path }, filter, paginationToken, (r) => ({ name: label(r), value: r.id as string }), {
		pageSize: 100,
		pagesPerCall: 5,
		enough: 30,
	});
}

export const CARD_STATUSES = ['OPEN', 'WON', 'LOST', 'ARCHIVED'];

export const CARD_REQUESTS_PER_CALL = 6;

/** The panel chosen in the node (Card operations have one), if any. */
export function currentPanelId(ctx: ILoadOptionsFunctions): string | undefined {
	try {
		const value = ctx.getCurrentNodeParameter('panelId', { extractValue: true });
		return typeof value === 'string' && isUuid(value.trim()) ? value.trim().toLowerCase() : undefined;
	} catch {
		return undefined;
	}
}
