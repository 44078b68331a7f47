import { describe, expect, it } from 'vitest';

import { SEED, useSandbox } from '../../../harness/fixture.mjs';

const t = useSandbox();
type Item = { name: string; value: string };

describe('Contact picker (searchContacts)', () => {
	it('labels contacts "Name · phone" and folds accents and case', async () => {
		const ctx = t.loadOptions();
		const { results } = await t.node().methods.listSearch.searchContacts.call(ctx, 'joao');
		const joao = (results as Item[]).find((r) => r.value === SEED.contacts.joao.id);
		expect(joao?.name).toMatch(/^João .* · /);
		// the API's own search is asked on the first call, then the listing is walked: 1 + pages requests
		expect(t.apiRequests().length).toBeLessThanOrEqual(6);
		expect((results as Item[]).every((r) => /jo[aã]o/i.test(r.name))).toBe(true);
	});

	it('lists contacts of every status without a filter: active, then archived and blocked ones, labelled so', async () => {
		const first = await t.node().methods.listSearch.searchContacts.call(t.loadOptions());
		const results = first.results as Item[];
		expect(results.length).toBe(t.sandbox.state.contacts.size);
		expect(first.paginationToken).toBeUndefined();
		expect(t.apiRequests().map((r: { query: { Status?: string[] } }) => r.query.Status?.[0])).toEqual(['ACTIVE', 'ARCHIVED', 'BLOCKED']);
		expect(results.find((r) => r.value === SEED.contacts.lucas.id)?.name).toBe('Lucas Carvalho · (11) 99999-0008 · archived');
		expect(results.findIndex((r) => r.value === SEED.contacts.lucas.id)).toBeGreaterThan(results.findIndex((r) => r.value === SEED.contacts.maria.id));
	});

	it('finds the archived contact Lucas Carvalho by first name, reversed name and phone in any format (issue 23)', async () => {
		for (const filter of ['Lucas', 'carvalho lucas', '(11) 99999-0008', '5511999990008', 'lúcas']) {
			const { results } = await t.node().methods.listSearch.searchContacts.call(t.loadOptions(), filter);
			const values = (results as Item[]).map((r) => r.value);
			expect(values, filter).toEqual([SEED.contacts.lucas.id]);
			expect((results as Item[])[0].name, filter).toMatch(/ · archived$/);
		}
	});

	it('pages through a long contact listing with the "<status>:<page>" token, each record once', async () => {
		const state = t.sandbox.state;
		const base = state.contacts.get(SEED.contacts.maria.id);
		for (let i = 0; i < 150; i++) {
			const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
			state.contacts.set(id, { ...structuredClone(base), id, name: `Cliente ${i}`, phoneNumber: `55119${String(i).padStart(8, '0')}`, email: null, instagram: null });
		}
		const calls = [await t.node().methods.listSearch.searchContacts.call(t.loadOptions())];
		expect(calls[0].results).toHaveLength(100);
		expect(calls[0].paginationToken).toBe('0:2');
		while (calls[calls.length - 1].paginationToken !== undefined && calls.length < 5) {
			calls.push(await t.node().methods.listSearch.searchContacts.call(t.loadOptions(), undefined, calls[calls.length - 1].paginationToken));
		}
		expect(calls[calls.length - 1].paginationToken).toBeUndefined();
		const all = calls.flatMap((c) => c.results).map((r) => r.value as string);
		expect(new Set(all).size).toBe(all.length);
		expect(all.sort()).toEqual([...state.contacts.keys()].sort());
	});
});
