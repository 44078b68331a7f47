import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { utcDay } from '../helpers/dates';
import { foldText, matchesSearch, searchTerms } from '../helpers/search';
import type { Query } from '../transport';
import { apiRequest, apiRequestPage } from '../transport';
import { sessionLabel } from './labels';
import { CONTACT_STATUSES, contactLookupBody } from './contactLookup';

/*
 * The Session picker's search. Design (how it reaches every session, and what one call costs):
 *
 * - Matching happens here, on the label the user sees ("João Santos · completed · #2026113000119 · (11) 99999-0002"),
 *   folded by helpers/search.ts. The session listing has no text filter, and the API's contact search is not
 *   accent-insensitive (the sandbox's is not, and nothing documents that WTS's is), so only a client-side match
 *   is right for "joao", "#2026113000119" or "in progress".
 * - Completeness comes from paging on through the listing (GET /chat/v2/session, PAGE_SIZE 100 per page, most recent
 *   interaction first) until enough matches are found: first the open sessions (STARTED, PENDING, IN_PROGRESS),
 *   then every other status (COMPLETED, HIDDEN, UNDEFINED). The position (group and page) travels in
 *   paginationToken, so each "load more" of n8n continues where the previous call stopped and every session is
 *   reached. Open sessions come first; a call goes on into the other statuses while it holds fewer than ENOUGH
 *   matches (n8n asks for more only when the user scrolls, and a list of 3 cannot be scrolled, so stopping at the
 *   end of the open group hid the completed sessions). Without a filter the picker is the same walk.
 * - Deep history is reached at once when the filter names it, on the first call of a search (no token):
 *   - a protocol number (yyyymmdd + counter, "#2024062700164" as in the API reference, or just "#20240627") is
 *     looked up in the CreatedAt window of that day (± 1 day for time zones), all statuses; once the exact number
 *     is found the search ends;
 *   - a name, phone or e-mail (3+ characters) goes to POST /core/v1/contact/filter (textFilter, or phoneNumber
 *     as digits when a phone was typed in any format), active contacts first, then archived and blocked ones
 *     while fewer than CONTACT_LOOKUPS were found, and the sessions of the first CONTACT_LOOKUPS contacts are read
 *     by ContactId, all statuses.
 *   Both only add sessions whose label matches the filter too, so a result always shows what was searched for.
 * - Bound: one call sends at most MAX_REQUESTS_PER_CALL (10) requests (on the first call: contact lookups 1 to 3 +
 *   CONTACT_LOOKUPS, the rest listing pages) and stops early once it holds ENOUGH matches. A search that matches
 *   little keeps going through the token as the user scrolls; n8n also asks for more by itself while the list is
 *   not full. n8n's editor does stop, showing "No results", when the FIRST call of a search returns nothing, so
 *   that call scans as deep as the bound allows (about 600 sessions after the lookups, 1,000 on later calls):
 *   a session older than that is found by its contact's name as saved (the contact lookup) or by its number.
 *   Across calls a session found by a lookup can come again from the walk; n8n's list shows each value once.
 */

const PAGE_SIZE = 100; // the API's maximum
const MAX_REQUESTS_PER_CALL = 10;
const CONTACT_LOOKUPS = 3;
const MIN_CONTACT_FILTER_LENGTH = 3;
const ENOUGH = 30;

const OPEN_STATUSES = ['STARTED', 'PENDING', 'IN_PROGRESS'];
const OTHER_STATUSES = ['UNDEFINED', 'COMPLETED', 'HIDDEN'];

const LISTING = {
	IncludeDetails: ['ContactDetails'],
	OrderBy: 'LastInteractionAt',
	OrderDirection: 'DESCENDING',
} satisfies Query;

type Group = 'number' | 'open' | 'rest';

interface Cursor {
	group: Group;
	page: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A filter that is a protocol number or its date prefix: the day it was created and the number itself. */
function protocolNumber(filter: string | undefined): { number: string; day: number } | undefined {
	const match = /^#?((\d{4})(\d{2})(\d{2})\d*)$/.exec(foldText(filter));
	if (!match) return undefined;
	const [, number, y, m, d] = match;
	const day = utcDay(Number(y), Number(m), Number(d));
	if (day === undefined || Number(y) < 2000) return undefined;
	return { number, day };
}

function groupsFor(filter: string | undefined): Group[] {
	return protocolNumber(filter) ? ['number', 'open', 'rest'] : ['open', 'rest'];
}

function groupQuery(group: Group, filter: string | undefined): Query {
	if (group === 'open') return { ...LISTING, Status: OPEN_STATUSES };
	if (group === 'rest') return { ...LISTING, Status: OTHER_STATUSES };
	const { day } = protocolNumber(filter) as { day: number };
	return {
		...LISTING,
		'CreatedAt.After': new Date(day - DAY_MS).toISOString(),
		'CreatedAt.Before': new Date(day + 2 * DAY_MS).toISOString(),
	};
}

function parseToken(token: unknown, groups: Group[]): Cursor | undefined {
	if (typeof token !== 'string') return undefined;
	const match = /^(number|open|rest):(\d+)$/.exec(token);
	if (!match || !groups.includes(match[1] as Group)) return undefined;
	return { group: match[1] as Group, page: Math.max(1, Number(match[2])) };
}

function formatToken(cursor: Cursor | undefined): string | undefined {
	return cursor ? `${cursor.group}:${cursor.page}` : undefined;
}

function nextGroup(groups: Group[], group: Group): Cursor | undefined {
	const next = groups[groups.indexOf(group) + 1];
	return next ? { group: next, page: 1 } : undefined;
}

class Matches {
	readonly items: INodeListSearchItems[] = [];
	private readonly seen = new Set<string>();
	exactNumberFound = false;

	constructor(
		private readonly filter: string | undefined,
		private readonly number: string | undefined,
	) {}

	add(sessions: IDataObject[]): void {
		for (const session of sessions) {
			const id = typeof session.id === 'string' ? session.id : '';
			if (id === '' || this.seen.has(id)) continue;
			const name = sessionLabel(session);
			if (!matchesSearch(this.filter, name)) continue;
			this.seen.add(id);
			if (this.number !== undefined && session.number === this.number) this.exactNumberFound = true;
			this.items.push({ name, value: id, url: typeof session.previewUrl === 'string' ? session.previewUrl : undefined });
		}
	}
}

const isOpen = (session: IDataObject) => OPEN_STATUSES.includes(String(session.status));

/** Sessions (any status, open ones first) of the first contacts the API's contact search returns. Returns the requests sent. */
async function addSessionsOfMatchingContacts(ctx: ILoadOptionsFunctions, filter: string, matches: Matches): Promise<number> {
	const contacts: IDataObject[] = [];
	let requests = 0;
	for (const status of CONTACT_STATUSES) {
		if (contacts.length >= CONTACT_LOOKUPS) break;
		const body = (await apiRequest.call(ctx, {
			method: 'POST',
			path: '/core/v1/contact/filter',
			body: contactLookupBody(filter, status, CONTACT_LOOKUPS),
			idempotent: true,
		})) as IDataObject | undefined;
		requests++;
		if (Array.isArray(body?.items)) contacts.push(...(body.items as IDataObject[]));
	}
	for (const contact of contacts.slice(0, CONTACT_LOOKUPS)) {
		if (typeof contact.id !== 'string') continue;
		const { items } = await apiRequestPage.call(
			ctx,
			{ method: 'GET', path: '/chat/v2/session', qs: { ...LISTING, ContactId: contact.id } },
			1,
			PAGE_SIZE,
		);
		requests++;
		matches.add([...items.filter(isOpen), ...items.filter((s) => !isOpen(s))]);
	}
	return requests;
}

/** The Session picker's search: one call, the matches it found and where the next call goes on. */
export async function searchSessionList(
	ctx: ILoadOptionsFunctions,
	filter: string | undefined,
	paginationToken: unknown,
): Promise<INodeListSearchResult> {
	const hasFilter = searchTerms(filter).length > 0;
	const groups = groupsFor(filter);
	const firstCall = paginationToken === undefined || paginationToken === null || paginationToken === '';
	let cursor = parseToken(paginationToken, groups) ?? { group: groups[0], page: 1 };
	const number = protocolNumber(filter)?.number;
	const matches = new Matches(filter, number);
	let requests = 0;

	if (firstCall && hasFilter && !number && foldText(filter).length >= MIN_CONTACT_FILTER_LENGTH) {
		requests += await addSessionsOfMatchingContacts(ctx, filter as string, matches);
	}

	let next: Cursor | undefined = cursor;
	while (next && requests < MAX_REQUESTS_PER_CALL) {
		cursor = next;
		const { items, hasMorePages } = await apiRequestPage.call(
			ctx,
			{ method: 'GET', path: '/chat/v2/session', qs: groupQuery(cursor.group, filter) },
			cursor.page,
			PAGE_SIZE,
		);
		requests++;
		matches.add(items);
		const groupDone = !hasMorePages || items.length === 0;
		next = groupDone ? nextGroup(groups, cursor.group) : { group: cursor.group, page: cursor.page + 1 };
		// A protocol number names one session: once it is found there is nothing more to look for.
		if (matches.exactNumberFound) return { results: matches.items };
		if (matches.items.length >= ENOUGH) break;
	}
	return { results: matches.items, paginationToken: formatToken(next) };
}
