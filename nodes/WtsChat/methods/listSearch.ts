import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { filterByLabel, matchesSearch, searchTerms } from '../helpers/search';
import { isUuid } from '../helpers/validation';
import type { WtsRequest } from '../transport';
import { apiRequest, apiRequestPage } from '../transport';
import {
	agentLabel,
	cardLabel,
	channelLabel,
	chatbotLabel,
	contactLabel,
	departmentLabel,
	panelLabel,
	portfolioLabel,
	scheduledMessageLabel,
	sequenceLabel,
	subscriptionLabel,
	tagLabel,
	templateLabel,
} from './labels';
import { CONTACT_STATUSES, contactLookupBody } from './contactLookup';
import { searchSessionList } from './sessionSearch';

// Every search here matches the filter against the label it returns, folded (case and accents ignored) by
// helpers/search.ts: see that file for the rule, labels.ts for the labels.

/** Sessions: pages on through the listing and looks deep history up directly; see sessionSearch.ts. */
export async function searchSessions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchSessionList(this, filter, paginationToken);
}

/** Listings that answer one plain array (departments, agents, channels): one request, filtered on the label. */
async function searchPlainList(
	ctx: ILoadOptionsFunctions,
	path: string,
	filter: string | undefined,
	toItem: (record: IDataObject) => INodeListSearchItems,
): Promise<INodeListSearchResult> {
	const body = await apiRequest.call(ctx, { method: 'GET', path });
	const records = (Array.isArray(body) ? body : ((body as IDataObject)?.items as IDataObject[]) ?? []) as IDataObject[];
	return { results: filterByLabel(records.map(toItem), filter) };
}

export async function searchDepartments(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchPlainList(this, '/core/v2/department', filter, (d) => ({
		name: departmentLabel(d),
		value: d.id as string,
	}));
}

export async function searchAgents(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchPlainList(this, '/core/v1/agent', filter, (a) => ({
		name: agentLabel(a),
		// Sessions, transfers and assignments reference the agent's userId, not the agent record id.
		value: (a.userId ?? a.id) as string,
	}));
}

/** Agents as the Agent resource's endpoints (`/core/v1/agent/{id}`) take them: the agent record id. */
export async function searchAgentRecords(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchPlainList(this, '/core/v1/agent', filter, (a) => ({ name: agentLabel(a), value: a.id as string }));
}

export async function searchChannels(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchPlainList(this, '/chat/v1/channel', filter, (c) => ({
		name: channelLabel(c),
		value: c.id as string,
	}));
}

export async function searchWebhookSubscriptions(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchPlainList(this, '/core/v1/webhook/subscription', filter, (s) => ({
		name: subscriptionLabel(s),
		value: s.id as string,
	}));
}

/** The channel chosen in the node (Message → Send, Scheduled Message → Create), else the chosen session's channel. */
async function currentSessionChannel(ctx: ILoadOptionsFunctions): Promise<string | undefined> {
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
async function currentFromChannel(ctx: ILoadOptionsFunctions): Promise<string | undefined> {
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

const TEMPLATE_PAGE_SIZE = 100;
/** Listing pages one template search call may read (plus one request for the chosen session's channel). */
const TEMPLATE_PAGES_PER_CALL = 5;
const TEMPLATE_ENOUGH = 30;

/**
 * A paged listing searched on its labels, walked group after group (one request shape per group: e.g. the contact
 * listing once per status). One call reads pages from `paginationToken` on ("<group>:<page>"; a bare page number
 * is group 0), at most `pagesPerCall`, keeps the records whose label matches, and stops once `enough` match; the
 * token it returns is where the next call goes on. It does not stop at the end of a group while it holds fewer
 * than `enough`: n8n only asks for more when the user scrolls, and a short list cannot be scrolled.
 */
async function searchPagedListing(
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

/**
 * Templates, narrowed to the chosen session's channel: the active ones, then the archived ones (labelled so). The
 * API's Name filter is not used: it is a plain case-insensitive "contains" on the name (accents count, "boas vindas"
 * misses "boas_vindas"), so the filter is matched here on the label, paging on through the listing.
 */
export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const channelId = (await currentSessionChannel(this)) ?? (await currentFromChannel(this));
	const listing = (archived: boolean): WtsRequest => ({ method: 'GET', path: '/chat/v1/template', qs: { ChannelId: channelId, Archived: archived } });
	return await searchPagedListing(
		this,
		[listing(false), listing(true)],
		filter,
		paginationToken,
		(t) => ({ name: templateLabel(t), value: t.id as string }),
		{ pageSize: TEMPLATE_PAGE_SIZE, pagesPerCall: TEMPLATE_PAGES_PER_CALL, enough: TEMPLATE_ENOUGH },
	);
}

const CONTACT_PAGES_PER_CALL = 5;
const CONTACT_LOOKUP_SIZE = 20;
/** Every contact status the API lists (GET /core/v1/contact and POST /core/v1/contact/filter default to ACTIVE). */


/**
 * Contacts of every status, labelled "Name · phone" (", archived" / "· blocked" added). The listing is walked
 * status by status on the labels (accents and case folded, like every picker); on the first call of a search the
 * API's own contact search is asked too, once per status, so a contact beyond the pages read is still found when
 * typed as saved. Bound: 3 + 5 requests per call.
 */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const toItem = (c: IDataObject) => ({ name: contactLabel(c), value: c.id as string });
	const found: INodeListSearchItems[] = [];
	if (paginationToken === undefined && searchTerms(filter).length > 0) {
		for (const status of CONTACT_STATUSES) {
			const body = (await apiRequest.call(this, {
				method: 'POST',
				path: '/core/v1/contact/filter',
				body: contactLookupBody(String(filter), status, CONTACT_LOOKUP_SIZE),
				idempotent: true,
			})) as IDataObject | undefined;
			const items = Array.isArray(body?.items) ? (body.items as IDataObject[]) : [];
			for (const c of items) if (matchesSearch(filter, contactLabel(c))) found.push(toItem(c));
		}
	}
	const walked = await searchPagedListing(
		this,
		CONTACT_STATUSES.map((Status) => ({ method: 'GET', path: '/core/v1/contact', qs: { Status } })),
		filter,
		paginationToken,
		toItem,
		{ pageSize: 100, pagesPerCall: CONTACT_PAGES_PER_CALL, enough: 30 },
	);
	const seen = new Set(found.map((r) => r.value));
	return { results: [...found, ...walked.results.filter((r) => !seen.has(r.value))], paginationToken: walked.paginationToken };
}

/** A paged listing of records picked by their `id`, searched on `label` (100 a page, up to 5 pages a call). */
async function searchRecordsById(
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

/** Panels (funnels / boards), labelled "Title (Sales)", searched on the label through the paged listing. */
export async function searchPanels(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchRecordsById(this, '/crm/v2/panel', panelLabel, filter, paginationToken);
}

const CARD_STATUSES = ['OPEN', 'WON', 'LOST', 'ARCHIVED'];
const CARD_REQUESTS_PER_CALL = 6;

/** The panel chosen in the node (Card operations have one), if any. */
function currentPanelId(ctx: ILoadOptionsFunctions): string | undefined {
	try {
		const value = ctx.getCurrentNodeParameter('panelId', { extractValue: true });
		return typeof value === 'string' && isUuid(value.trim()) ? value.trim().toLowerCase() : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Cards of every status, labelled "VEN-3 · Title · Step". The card listing needs a panel: the one chosen in the
 * node, else every panel in turn. The position (panel index and page) travels in paginationToken
 * ("<panel>:<page>"); one call sends at most CARD_REQUESTS_PER_CALL requests (the panel list counts as one).
 */
export async function searchCards(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const chosen = currentPanelId(this);
	let requests = 0;
	let panels: string[];
	if (chosen) {
		panels = [chosen];
	} else {
		const { items } = await apiRequestPage.call(this, { method: 'GET', path: '/crm/v2/panel' }, 1, 100);
		requests++;
		panels = items.map((p) => p.id as string);
	}
	const match = /^(\d+):(\d+)$/.exec(paginationToken ?? '');
	let panelIndex = match ? Number(match[1]) : 0;
	let page = match ? Math.max(1, Number(match[2])) : 1;
	const results: INodeListSearchItems[] = [];
	while (panelIndex < panels.length && requests < CARD_REQUESTS_PER_CALL) {
		const { items, hasMorePages } = await apiRequestPage.call(
			this,
			{
				method: 'GET',
				path: '/crm/v2/panel/card',
				qs: { PanelId: panels[panelIndex], Statuses: CARD_STATUSES, IncludeDetails: ['StepTitle'] },
			},
			page,
			100,
		);
		requests++;
		for (const card of items) {
			const name = cardLabel(card);
			if (matchesSearch(filter, name)) results.push({ name, value: card.id as string });
		}
		if (hasMorePages && items.length > 0) page++;
		else {
			panelIndex++;
			page = 1;
		}
		if (results.length >= 30) break;
	}
	return { results, paginationToken: panelIndex < panels.length ? `${panelIndex}:${page}` : undefined };
}

/** Chatbots, labelled "Name (type, publish status)"; the value is the bot's key (botKey), which starts it. */
export async function searchChatbots(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPagedListing(
		this,
		{ method: 'GET', path: '/chat/v1/chatbot' },
		filter,
		paginationToken,
		(b) => ({ name: chatbotLabel(b), value: b.key as string }),
		{ pageSize: 100, pagesPerCall: 5, enough: 30 },
	);
}

/** Scheduled messages, labelled "contact · template or chatbot · when · status", walked on their labels. */
export async function searchScheduledMessages(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPagedListing(
		this,
		{ method: 'GET', path: '/chat/v1/scheduled-message', qs: { IncludeDetails: ['Contact', 'Template', 'Chatbot'], OrderBy: 'scheduling', OrderDirection: 'DESCENDING' } },
		filter,
		paginationToken,
		(r) => ({ name: scheduledMessageLabel(r), value: r.id as string }),
		{ pageSize: 100, pagesPerCall: 5, enough: 30 },
	);
}

/** Sequences, labelled by name ("(disabled)" added), paging on through the listing on the labels. */
export async function searchSequences(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchRecordsById(this, '/chat/v1/sequence', sequenceLabel, filter, paginationToken);
}

/** Tags (a plain list, one request), labelled "Name (COLOR)". */
export async function searchTags(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchPlainList(this, '/core/v1/tag', filter, (t) => ({ name: tagLabel(t), value: t.id as string }));
}

/** Portfolios (a paged listing, with their contact count), labelled "Name (N contacts)". */
export async function searchPortfolios(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPagedListing(
		this,
		{ method: 'GET', path: '/core/v1/portfolio', qs: { IncludeDetails: ['ContactCount'] } },
		filter,
		paginationToken,
		(p) => ({ name: portfolioLabel(p), value: p.id as string }),
		{ pageSize: 100, pagesPerCall: 5, enough: 30 },
	);
}
