import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { matchesSearch, searchTerms } from '../helpers/search';
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
import { CARD_REQUESTS_PER_CALL, CARD_STATUSES, CONTACT_LOOKUP_SIZE, CONTACT_PAGES_PER_CALL, TEMPLATE_ENOUGH, TEMPLATE_PAGES_PER_CALL, TEMPLATE_PAGE_SIZE, currentFromChannel, currentPanelId, currentSessionChannel, searchPagedListing, searchPlainList, searchRecordsById } from './searchListings';

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

/** Panels (funnels / boards), labelled "Title (Sales)", searched on the label through the paged listing. */
export async function searchPanels(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchRecordsById(this, '/crm/v2/panel', panelLabel, filter, paginationToken);
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
