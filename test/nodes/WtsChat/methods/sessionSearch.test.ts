import { randomUUID } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { listSearch } from '../../../../nodes/WtsChat/methods';
import { foldText } from '../../../../nodes/WtsChat/helpers/search';
import { SEED, useSandbox } from '../../../harness/fixture.mjs';

const t = useSandbox();

type Result = { name: string; value: string; url?: string };
type Req = { method: string; path: string; query: Record<string, string[]>; body: unknown };
interface Call {
	results: Result[];
	requests: Req[];
	token: unknown;
}

/** The documented bound of one search call (sessionSearch.ts MAX_REQUESTS_PER_CALL), written out on purpose. */
const MAX_REQUESTS_PER_CALL = 10;
const OPEN = ['STARTED', 'PENDING', 'IN_PROGRESS'];

/** One call of the Session picker's search, with the API requests it sent. */
async function search(filter?: string, token?: unknown): Promise<Call> {
	const before = t.apiRequests().length;
	const result = await listSearch.searchSessions.call(t.loadOptions(), filter, token as string | undefined);
	return { results: result.results as Result[], requests: t.apiRequests().slice(before) as Req[], token: result.paginationToken };
}

/** What n8n does while the user scrolls: calls again with the token until there is none. */
async function walk(filter?: string, maxCalls = 40): Promise<Call[]> {
	const calls: Call[] = [];
	let token: unknown;
	do {
		calls.push(await search(filter, token));
		token = calls[calls.length - 1].token;
	} while (token !== undefined && calls.length < maxCalls);
	expect(token, 'the search ends').toBeUndefined();
	return calls;
}

const ids = (calls: Call[]) => calls.flatMap((c) => c.results.map((r) => r.value));
const stateSessions = () => [...(t.sandbox.state.sessions as Map<string, Record<string, unknown>>).values()];
const sessionsOf = (contactId: string) => stateSessions().filter((s) => s.contactId === contactId).map((s) => s.id as string);
const statusOf = (id: string) => (t.sandbox.state.sessions.get(id) as { status: string }).status;

/**
 * Test-local setup: `count` more open sessions of Maria with a message newer than any seeded one, so they come
 * first in the listing (most recent interaction first) and push the seeded sessions past the first pages. The
 * sandbox has no endpoint that creates a session (the documented sends that would are not simulated), so the
 * records are added to this test's sandbox state directly, cloned from a seeded session and message.
 */
function addRecentSessions(count: number): string[] {
	const state = t.sandbox.state;
	const base = state.sessions.get(SEED.sessions.inProgress[0]);
	const baseMessage = state.messages.get(SEED.messages.bySession[base.id][0]);
	const now = new Date().toISOString();
	const added: string[] = [];
	for (let i = 0; i < count; i++) {
		const id = randomUUID();
		state.sessions.set(id, {
			...structuredClone(base),
			id,
			contactId: SEED.contacts.maria.id,
			status: 'IN_PROGRESS',
			number: `19990101${String(i).padStart(5, '0')}`,
			_seedIndex: undefined,
		});
		const messageId = randomUUID();
		state.messages.set(messageId, { ...structuredClone(baseMessage), id: messageId, sessionId: id, createdAt: now, updatedAt: now, timestamp: now });
		added.push(id);
	}
	return added;
}

describe('Session picker search', () => {
	it('without a filter lists the open sessions first, then the others, in one call while the list is short', async () => {
		// n8n asks for more only when the user scrolls: a call that stopped at the end of the open sessions (26
		// here) left the completed ones unreachable in a list too short to scroll, so the call goes on.
		const calls = await walk();
		expect(calls).toHaveLength(1);
		const open = [...SEED.sessions.started, ...SEED.sessions.pending, ...SEED.sessions.inProgress];
		const values = calls[0].results.map((r) => r.value);
		expect(values.slice(0, open.length).sort()).toEqual([...open].sort());
		expect(values.slice(open.length).sort()).toEqual([...SEED.sessions.completed].sort());
		// Every session exactly once.
		expect([...values].sort()).toEqual([...SEED.sessions.all].sort());
		// The open statuses first, then every other status, most recent first: one request each.
		expect(calls[0].requests).toHaveLength(2);
		expect(calls[0].requests[0].query).toMatchObject({ Status: OPEN, OrderBy: ['LastInteractionAt'], OrderDirection: ['DESCENDING'] });
		expect(calls[0].requests[1].query.Status).toEqual(['UNDEFINED', 'COMPLETED', 'HIDDEN']);
	});

	it('finds completed sessions by reversed name order, by phone as shown or as digits, and by first name (issue 23)', async () => {
		const paulo = sessionsOf(SEED.contacts.paulo.id);
		expect(paulo.some((id) => statusOf(id) === 'COMPLETED')).toBe(true);
		for (const filter of ['ribeiro paulo', '(11) 99999-0006', '5511999990006', '11999990006', '+55 11 99999-0006', 'Paulo']) {
			const first = await search(filter);
			// All of them in the FIRST call (the one n8n shows before any scrolling), the search over.
			expect(first.results.map((r) => r.value).sort(), filter).toEqual([...paulo].sort());
			expect(first.token, filter).toBeUndefined();
			expect(first.requests.length, filter).toBeLessThanOrEqual(MAX_REQUESTS_PER_CALL);
		}
		// Lucas Carvalho is an archived contact: his sessions, completed ones too, by his first name alone.
		const lucas = sessionsOf(SEED.contacts.lucas.id);
		expect(lucas.some((id) => statusOf(id) === 'COMPLETED')).toBe(true);
		const first = await search('Lucas');
		expect(first.results.map((r) => r.value).sort()).toEqual([...lucas].sort());
		// The contact lookup went on to the archived contacts (the API's contact search defaults to ACTIVE).
		const lookups = first.requests.filter((r) => r.path === '/core/v1/contact/filter').map((r) => (r.body as { status: string }).status);
		expect(lookups).toEqual(['ACTIVE', 'ARCHIVED', 'BLOCKED']);
		expect(first.requests.some((r) => r.query.ContactId?.[0] === SEED.contacts.lucas.id)).toBe(true);
		// A phone typed in any format is looked up by its digits (phoneNumber), not as text.
		const byPhone = await search('(11) 99999-0006');
		expect(byPhone.requests.find((r) => r.path === '/core/v1/contact/filter')?.body).toMatchObject({ phoneNumber: '11999990006' });
	});

	it('labels show contact, status words, #number and phone, the same through every path', async () => {
		const joao = SEED.contacts.joao.id;
		const session = sessionsOf(joao).find((id) => statusOf(id) === 'IN_PROGRESS') as string;
		const number = (t.sandbox.state.sessions.get(session) as { number: string }).number;
		const label = `João Santos · in progress · #${number} · (11) 99999-0002`;
		const listed = (await walk()).flatMap((c) => c.results).find((r) => r.value === session);
		expect(listed?.name).toBe(label);
		expect(listed?.url).toMatch(new RegExp(`/sessions/${session}$`));
		// Found through the contact lookup (the API's contact search matches "João"): same label.
		const viaContact = (await search('João')).results.find((r) => r.value === session);
		expect(viaContact?.name).toBe(label);
		// Found through the protocol-number lookup: same label.
		expect((await search(`#${number}`)).results).toEqual([listed]);
	});

	it('"joao" finds João Santos\'s sessions of every status, open ones first (accents and case folded)', async () => {
		const expected = sessionsOf(SEED.contacts.joao.id);
		expect(expected.some((id) => statusOf(id) === 'COMPLETED')).toBe(true);
		for (const filter of ['joao', 'JOAO', 'joão', 'Joao Santos', 'santos joao']) {
			const calls = await walk(filter);
			const found = [...new Set(ids(calls))];
			expect(found.sort(), filter).toEqual([...expected].sort());
			for (const r of calls.flatMap((c) => c.results)) expect(foldText(r.name)).toContain('joao santos');
			// Open sessions come before the completed ones.
			const order = [...new Set(ids(calls))].map(statusOf);
			expect(order.findIndex((s) => s === 'COMPLETED'), filter).toBeGreaterThan(order.findLastIndex((s) => OPEN.includes(s)));
		}
	});

	it("the label's #number (copied as shown) finds that session, completed ones too, in one request", async () => {
		const completed = SEED.sessions.completed[3];
		const label = (await walk()).flatMap((c) => c.results).find((r) => r.value === completed)?.name as string;
		const copied = /#\d+/.exec(label)?.[0] as string;
		expect(label).toContain(`· completed · ${copied}`);
		for (const filter of [copied, copied.slice(1), ` ${copied} `]) {
			const call = await search(filter);
			expect(call.results.map((r) => r.value), filter).toEqual([completed]);
			// Exact number found: the search is over, no token, and it took a single listing request.
			expect(call.token).toBeUndefined();
			expect(call.requests).toHaveLength(1);
			expect(call.requests[0].query['CreatedAt.After']).toBeDefined();
		}
		// The date part of a number lists that day's sessions.
		const day = copied.slice(0, 9);
		const sameDay = [...new Set(ids(await walk(day)))];
		expect(sameDay).toContain(completed);
		for (const id of sameDay) expect((t.sandbox.state.sessions.get(id) as { number: string }).number.startsWith(day.slice(1))).toBe(true);
	});

	it('the status words as displayed filter the sessions', async () => {
		const found = [...new Set(ids(await walk('In Progress')))];
		expect(found.sort()).toEqual([...SEED.sessions.inProgress].sort());
	});

	it('finds sessions far beyond the first page, with a bounded number of requests per call', async () => {
		addRecentSessions(1000);
		const joaoSessions = sessionsOf(SEED.contacts.joao.id);
		// The first page of the unfiltered picker is all new sessions: none of João's.
		const first = await search();
		expect(first.results).toHaveLength(100);
		expect(first.results.some((r) => joaoSessions.includes(r.value))).toBe(false);

		// "joao santos": the API's contact search is accent-sensitive and finds no contact, so only paging on
		// through the listing reaches João's sessions (1,000 open sessions before them). The first call scans
		// as deep as its bound allows and, finding nothing, hands on the position; the next ones get there.
		const calls = await walk('joao santos');
		// One lookup per contact status (none finds "joao santos").
		expect(calls[0].requests.filter((r) => r.path === '/core/v1/contact/filter')).toHaveLength(3);
		expect(calls.flatMap((c) => c.requests).filter((r) => r.query.ContactId)).toHaveLength(0);
		expect([...new Set(ids(calls))].sort()).toEqual([...joaoSessions].sort());
		for (const call of calls) expect(call.requests.length).toBeLessThanOrEqual(MAX_REQUESTS_PER_CALL);
		// The listing was read page by page, each page once, 100 at a time.
		const pages = calls.flatMap((c) => c.requests).filter((r) => r.path === '/chat/v2/session');
		expect(pages.every((r) => r.query.PageSize?.[0] === '100')).toBe(true);
		const keys = pages.map((r) => `${r.query.Status?.join(',')}#${r.query.PageNumber?.[0]}`);
		expect(new Set(keys).size).toBe(keys.length);
		expect(calls.length).toBeGreaterThan(1);
		expect(calls.map((c) => c.token)).toEqual(['open:8', undefined]);
		expect(calls[0].requests).toHaveLength(MAX_REQUESTS_PER_CALL);

		// "João": the contact lookup reaches them all in the first call, whatever their place in the listing.
		const direct = await search('João');
		expect(direct.requests.length).toBeLessThanOrEqual(MAX_REQUESTS_PER_CALL);
		expect(direct.requests.some((r) => r.query.ContactId?.[0] === SEED.contacts.joao.id)).toBe(true);
		expect(direct.results.map((r) => r.value).sort()).toEqual([...joaoSessions].sort());
	});

	it('a filter that matches nothing ends, every call within the request bound', async () => {
		addRecentSessions(780);
		const calls = await walk('nobody by this name');
		expect(ids(calls)).toEqual([]);
		for (const call of calls) expect(call.requests.length).toBeLessThanOrEqual(MAX_REQUESTS_PER_CALL);
		// 806 open + 14 other sessions, 100 per page: 9 + 1 pages (each read once), then the search ends.
		const pages = calls.flatMap((c) => c.requests).filter((r) => r.path === '/chat/v2/session');
		expect(pages).toHaveLength(10);
		// First call: 3 contact lookups (one per contact status) + 7 pages; the second reads the last 3 pages.
		expect(calls.map((c) => c.requests.length)).toEqual([MAX_REQUESTS_PER_CALL, 3]);
		expect(calls[0].token).toBe('open:8');
	});

	it('a stale or foreign token starts over instead of failing', async () => {
		const open = [...SEED.sessions.started, ...SEED.sessions.pending, ...SEED.sessions.inProgress];
		for (const token of ['garbage', '7', 'number:2']) {
			const call = await search(undefined, token);
			expect(call.results.map((r) => r.value).slice(0, open.length).sort()).toEqual([...open].sort());
			expect(call.results.map((r) => r.value).sort()).toEqual([...SEED.sessions.all].sort());
		}
	});
});
