import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { isUuid } from '../helpers/validation';
import { apiRequest, apiRequestPage } from '../transport';

const PAGE_SIZE = 50;

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const f = filter.toLowerCase();
	return texts.some((t) => typeof t === 'string' && t.toLowerCase().includes(f));
}

function nextToken(page: number, hasMorePages: boolean): string | undefined {
	return hasMorePages ? String(page + 1) : undefined;
}

export async function searchSessions(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1) || 1;
	const { items, hasMorePages } = await apiRequestPage.call(
		this,
		{
			method: 'GET',
			path: '/chat/v2/session',
			qs: {
				IncludeDetails: ['ContactDetails'],
				Status: ['STARTED', 'PENDING', 'IN_PROGRESS'],
				OrderBy: 'LastInteractionAt',
				OrderDirection: 'DESCENDING',
			},
		},
		page,
		PAGE_SIZE,
	);
	const results: INodeListSearchItems[] = [];
	for (const s of items) {
		const contact = (s.contactDetails ?? {}) as IDataObject;
		const who = (contact.name as string) || (contact.phonenumberFormatted as string) || 'Unknown contact';
		if (!matches(filter, who, s.number, s.id, s.lastMessageText)) continue;
		results.push({
			name: `${who} · ${String(s.status ?? '').replace('_', ' ').toLowerCase()}${s.number ? ` · #${s.number}` : ''}`,
			value: s.id as string,
			url: typeof s.previewUrl === 'string' ? s.previewUrl : undefined,
		});
	}
	return { results, paginationToken: nextToken(page, hasMorePages) };
}

async function searchPlainList(
	ctx: ILoadOptionsFunctions,
	path: string,
	filter: string | undefined,
	toItem: (record: IDataObject) => { item: INodeListSearchItems; search: unknown[] },
): Promise<INodeListSearchResult> {
	const body = await apiRequest.call(ctx, { method: 'GET', path });
	const records = (Array.isArray(body) ? body : ((body as IDataObject)?.items as IDataObject[]) ?? []) as IDataObject[];
	const results = records
		.map(toItem)
		.filter((r) => matches(filter, ...r.search))
		.map((r) => r.item)
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}

export async function searchDepartments(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchPlainList(this, '/core/v2/department', filter, (d) => ({
		item: { name: String(d.name ?? d.id), value: d.id as string },
		search: [d.name, d.id],
	}));
}

export async function searchAgents(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchPlainList(this, '/core/v1/agent', filter, (a) => ({
		item: {
			name: a.email ? `${String(a.name ?? a.userId)} (${String(a.email)})` : String(a.name ?? a.userId),
			// Sessions, transfers and assignments reference the agent's userId, not the agent record id.
			value: (a.userId ?? a.id) as string,
		},
		search: [a.name, a.shortName, a.email, a.userId],
	}));
}

export async function searchChannels(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await searchPlainList(this, '/chat/v1/channel', filter, (c) => {
		const identity = (c.identity ?? {}) as IDataObject;
		const label = (identity.displayName as string) || (c.numberFormatted as string) || (c.number as string) || String(c.id);
		return {
			item: { name: `${label} (${String(c.type ?? identity.platform ?? 'channel')})`, value: c.id as string },
			search: [label, c.number, identity.humanId, c.type, c.id],
		};
	});
}

/** The channel of the session chosen in the node, so templates can be narrowed to it. */
async function currentSessionChannel(ctx: ILoadOptionsFunctions): Promise<string | undefined> {
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

export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1) || 1;
	const channelId = await currentSessionChannel(this);
	const { items, hasMorePages } = await apiRequestPage.call(
		this,
		{
			method: 'GET',
			path: '/chat/v1/template',
			qs: { Name: filter || undefined, ChannelId: channelId, Archived: false },
		},
		page,
		PAGE_SIZE,
	);
	const results = items.map((t) => ({
		name: `${String(t.name ?? t.id)}${t.status ? ` (${String(t.status)})` : ''}`,
		value: t.id as string,
	}));
	return { results, paginationToken: nextToken(page, hasMorePages) };
}
