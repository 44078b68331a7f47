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

	it('lists contacts page by page without a filter, the token going on', async () => {
		const ctx = t.loadOptions();
		const first = await t.node().methods.listSearch.searchContacts.call(ctx);
		expect((first.results as Item[]).length).toBeGreaterThan(3);
		expect(t.apiRequests()).toHaveLength(1);
	});
});
