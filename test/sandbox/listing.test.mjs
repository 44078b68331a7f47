import { describe, expect, it } from 'vitest';

import { listPage } from '../../sandbox/listing.mjs';
import { createState } from '../../sandbox/state.mjs';
import { messagesBySession, sessionDto, sessionSortFields } from '../../sandbox/dto.mjs';
import { startSandbox } from '../../sandbox/server.mjs';

const ORDER = { by: 'createdAt', direction: 'DESCENDING', aliases: { LastInteractionAt: 'lastInteractionDate', ActiveAt: 'startAt' } };
const DATES = { CreatedAt: 'createdAt', UpdatedAt: 'updatedAt', EndAt: 'endAt', ActiveAt: 'startAt', LastInteractionAt: 'lastInteractionDate' };

function manySessions(state, n) {
	const template = [...state.sessions.values()][0];
	for (let k = 0; k < n; k++) {
		const id = `bbbbbbbb-0000-4000-8000-${String(k).padStart(12, '0')}`;
		const at = new Date(Date.parse('2026-01-01T00:00:00Z') + ((k * 7919) % 100_000) * 60_000).toISOString();
		state.sessions.set(id, { ...structuredClone(template), id, createdAt: at, updatedAt: at, title: k % 3 ? `Sessão ${k}` : null });
	}
}

describe('session listing (projection + page DTOs)', () => {
	it('answers exactly what building and sorting every DTO answers, for orders, directions, date filters and pages', () => {
		const state = createState({ anchor: Date.parse('2026-06-01T00:00:00Z') });
		manySessions(state, 500);
		const records = [...state.sessions.values()];
		const now = Date.parse('2026-06-02T00:00:00Z');
		const queries = [
			{ PageNumber: 1, PageSize: 100 },
			{ PageNumber: 3, PageSize: 100 },
			{ PageNumber: 2, PageSize: 7, OrderBy: 'createdAt', OrderDirection: 'ASCENDING' },
			{ PageNumber: 1, PageSize: 50, OrderBy: 'title' },
			{ PageNumber: 2, PageSize: 50, OrderBy: 'LastInteractionAt', OrderDirection: 'DESCENDING' },
			{ PageNumber: 1, PageSize: 100, 'CreatedAt.After': '2026-01-20T00:00:00Z', 'CreatedAt.Before': '2026-02-20T00:00:00.000Z' },
			{ PageNumber: 1, PageSize: 100, 'LastInteractionAt.After': '2020-01-01T00:00:00Z' },
			{ PageNumber: 9, PageSize: 100, OrderBy: 'nonexistent' },
		];
		for (const query of queries) {
			const ctx = { state, now, baseUrl: 'http://x' };
			const toDto = (s) => sessionDto(ctx, s, { include: new Set(), v2: true });
			const expected = listPage(records, query, { toDto, dateFields: DATES, order: ORDER });
			const fast = { ...ctx, messagesBySession: messagesBySession(state) };
			const got = listPage(records, query, {
				toDto: (s) => sessionDto(fast, s, { include: new Set(), v2: true }),
				dateFields: DATES,
				order: ORDER,
				project: sessionSortFields,
			});
			expect(got, JSON.stringify(query)).toEqual(expected);
		}
	});

	it('pages 10,000 sessions at PageSize 100 in well under a second per page', async () => {
		const sb = await startSandbox({ port: 0, quiet: true, rateLimits: false });
		try {
			manySessions(sb.state, 10_000);
			const started = performance.now();
			for (const page of [1, 50, 101]) {
				const r = await fetch(`${sb.url}/chat/v2/session?PageNumber=${page}&PageSize=100`, { headers: { authorization: `Bearer ${sb.token}` } });
				expect(r.status).toBe(200);
				expect((await r.json()).items.length).toBe(page === 101 ? sb.state.sessions.size - 10_000 : 100);
			}
			expect((performance.now() - started) / 3).toBeLessThan(500);
		} finally {
			await sb.close();
		}
	});
});
