// End-to-end cases of the Contact resource (workflows in scripts/workflows/contact.mjs).
import { expect, it } from 'vitest';

import { SEED } from '../../../../sandbox/seed.mjs';

const ids = (items) => items.map((i) => i.json.id);
const paired = (items) => items.map((i) => i.pairedItem);

export function contactCases(suite) {
	const verified = new Set();

	it('Contact → Get Many, Search and List Custom Fields', async () => {
		const r = await suite.leg().run('contact-lists', { text: 'a' });
		expect(r.execution.status).toBe('success');
		const many = r.out('Get Many Contacts');
		expect(many).toHaveLength(3);
		expect(many.every((i) => i.json.status === 'ACTIVE' && Array.isArray(i.json.tagNames))).toBe(true);
		// Simplify on by default
		expect(many[0].json.companyId).toBeUndefined();
		const found = r.out('Search Contacts');
		expect(ids(found).sort()).toEqual([SEED.contacts.maria.id, SEED.contacts.juliana.id].sort());
		expect(found.every((i) => i.json.tagNames.includes('VIP'))).toBe(true);
		const fields = r.out('List Custom Fields');
		expect(fields.map((i) => i.json.key)).toContain('pontos');
		expect(paired(fields).every((p) => p.item === 0)).toBe(true);
		verified.add('getMany').add('search').add('getCustomFields');
	});

	it('Contact → Create, Get, Get By Phone, Update, Update By Phone, Update Tags, Update Tags By Phone (two items, paired)', async () => {
		const r = await suite.leg().run('contact-lifecycle', {
			items: [
				{ name: 'Rita E2E', phone: '(31) 98888-0101', points: 0 },
				{ name: 'Maria Oliveira', phone: '+55 11 99999-0001', points: 7 },
			],
		});
		expect(r.execution.status).toBe('success');
		const created = r.out('Create Contact');
		expect(paired(created)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(created[0].json).toMatchObject({ name: 'Rita E2E', phoneNumber: '+55|31988880101' });
		expect(created[1].json.id).toBe(SEED.contacts.maria.id);
		const [rita, maria] = ids(created);
		expect(ids(r.out('Get Contact'))).toEqual([rita, maria]);
		expect(r.out('Get Contact')[0].json.customFields).toEqual({ pontos: 0 });
		expect(ids(r.out('Get Contact By Phone'))).toEqual([rita, maria]);
		expect(ids(r.out('Update Contact'))).toEqual([rita, maria]);
		expect(r.out('Update Contact By Phone').map((i) => i.json.name)).toEqual(['Rita E2E (n8n)', 'Maria Oliveira (n8n)']);
		const last = r.out('Remove Tag By Phone');
		expect(paired(last)).toEqual([{ item: 0 }, { item: 1 }]);

		const stored = await suite.api(`/core/v1/contact/${rita}?IncludeDetails=Tags&IncludeDetails=CustomFields`);
		expect(stored).toMatchObject({ name: 'Rita E2E (n8n)', annotation: '', email: null, customFields: { pontos: 0, 'aceita-newsletter': false }, metadata: {} });
		expect(stored.tagNames).toEqual(['e2e']);
		const m = await suite.api(`/core/v1/contact/${maria}?IncludeDetails=Tags`);
		expect(m.tagNames).toEqual(['e2e']);
		verified.add('create').add('get').add('getByPhone').add('update').add('updateByPhone').add('updateTags').add('updateTagsByPhone');
	});

	it('Contact → Upsert Many: 230 items in 3 requests, one paired item each, a bad phone to the error output', async () => {
		const items = Array.from({ length: 230 }, (_, k) => ({ name: `Lote ${k}`, phone: `+55 41 9${String(k).padStart(4, '0')}-0000`, tags: 'Lote e2e' }));
		items[7].phone = 'não sei';
		const r = await suite.leg().run('contact-upsert-many', { items });
		expect(r.execution.status).toBe('success');
		const saved = r.out('Upsert Contacts', 0);
		const refused = r.out('Upsert Contacts', 1);
		expect(saved).toHaveLength(229);
		expect(refused).toHaveLength(1);
		expect(refused[0].pairedItem).toEqual({ item: 7 });
		expect(refused[0].json.error).toBe('"não sei" is not a valid Phone Number [item 7]');
		expect(paired(saved)).toEqual(items.map((_, item) => ({ item })).filter((p) => p.item !== 7));
		expect(saved[100].json.name).toBe('Lote 101');
		const requests = await suite.leg().state.requests();
		const batches = requests.filter((q) => q.method === 'POST' && q.path === '/core/v2/contact/batch');
		expect(batches.map((q) => q.body.items.length)).toEqual([100, 100, 29]);
		const stored = await suite.api(`/core/v1/contact/${saved[0].json.id}?IncludeDetails=Tags`);
		expect(stored).toMatchObject({ name: 'Lote 0', phoneNumber: '+55|41900000000', tagNames: ['Lote e2e'] });
		verified.add('upsertMany');
	});

	it('example: upsert contacts from a list and tag them', async () => {
		const r = await suite.leg().runExample('upsert-contacts-and-tag');
		expect(r.execution.status).toBe('success');
		const tagged = r.out('Tag as Imported');
		expect(tagged.map((i) => i.json.name)).toEqual(['Marina Lopes', 'Otávio Reis', 'Maria Oliveira']);
		expect(tagged[2].json.id).toBe(SEED.contacts.maria.id);
		expect(tagged.every((i) => i.json.tagNames.includes('Importado n8n'))).toBe(true);
		const fix = r.out('Upsert Contacts', 1);
		expect(fix.map((i) => i.json.error)).toEqual(['"ligar depois" is not a valid Phone Number [item 3]']);
	});

	it('every Contact operation of the node (as n8n loaded it) was run and checked above', async () => {
		const operations = await suite.operationsOf('contact');
		expect([...operations].sort()).toEqual(suite.declared('contact'));
		expect([...verified].sort(), `operations in n8n: ${operations.join(', ')}`).toEqual([...new Set(operations)].sort());
	});
}
