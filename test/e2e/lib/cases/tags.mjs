// End-to-end cases of Tag, Portfolio, Custom Field and Company in real n8n (workflows: scripts/workflows/tags.mjs).
import { expect, it } from 'vitest';

import { SEED } from '../../../../sandbox/seed.mjs';

const paired = (items) => items.map((i) => i.pairedItem);
const P = SEED.portfolios;
const C = SEED.contacts;

export default function directoryCases(suite) {
	const ran = { tag: new Set(), portfolio: new Set(), customField: new Set(), company: new Set() };

	it('Tag: Create → Update → Delete per item (chained by expressions); Get Many; Get Colors', async () => {
		const leg = suite.leg();
		const r = await leg.run('tag-lifecycle', {
			items: [
				{ name: 'E2E Um', color: 'BLUE_300' },
				{ name: 'E2E Dois', color: '' },
			],
		});
		expect(r.execution.status).toBe('success');
		const created = r.out('Create Tag');
		expect(created.map((i) => [i.json.name, i.json.color])).toEqual([
			['E2E Um', 'BLUE_300'],
			['E2E Dois', 'GRAY_600'],
		]);
		expect(paired(created)).toEqual([{ item: 0 }, { item: 1 }]);
		const updated = r.out('Update Tag');
		expect(updated.map((i) => [i.json.name, i.json.color])).toEqual([
			['E2E Um (2)', 'BLUE_300'],
			['E2E Dois (2)', 'GRAY_600'],
		]);
		const deleted = r.out('Delete Tag');
		expect(deleted.map((i) => i.json)).toEqual(created.map((i) => ({ deleted: true, id: i.json.id })));
		const left = (await suite.api('/core/v1/tag')).map((t) => t.id);
		expect(created.some((i) => left.includes(i.json.id))).toBe(false);
		expect(r.out('Get Many Tags').map((i) => i.json.id).sort()).toEqual(Object.values(SEED.tags).map((t) => t.id).sort());
		expect(r.out('Get Tag Colors')).toHaveLength(54);
		for (const op of ['create', 'update', 'delete', 'getMany', 'getColors']) ran.tag.add(op);
	});

	it('Portfolio: Add Contacts groups the items into one request, one paired item each; Get Contacts; Get Many', async () => {
		const leg = suite.leg();
		const contacts = [C.paulo.id, C.camila.id, C.fernanda.id];
		const r = await leg.run('portfolio-add', { items: contacts.map((contactId) => ({ portfolioId: P.inativos.id, contactId })) });
		expect(r.execution.status).toBe('success');
		const added = r.out('Add Contacts');
		expect(added.map((i) => i.json.contactId)).toEqual(contacts);
		expect(paired(added)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const posts = (await leg.state.requests()).filter((q) => q.method === 'POST' && q.path.endsWith('/contact/batch'));
		expect(posts).toHaveLength(1);
		expect(r.out('Get Contacts').map((i) => i.json.contactId).sort()).toEqual([...contacts].sort());
		const all = r.out('Get Many Portfolios');
		expect(all).toHaveLength(3);
		expect(all.find((i) => i.json.id === P.vip.id).json.contactsCount).toBe(2);
		const page = await suite.api(`/core/v1/portfolio/${P.inativos.id}/contact?Page=1&PageSize=100`);
		expect(page.items).toHaveLength(3);
		for (const op of ['addContacts', 'getContacts', 'getMany']) ran.portfolio.add(op);
	});

	it('Portfolio: Add Contact → Remove Contact (by the phone number of the link) per item; Remove Contacts (DELETE with a body) per portfolio', async () => {
		const leg = suite.leg();
		const r = await leg.run('portfolio-remove', {
			items: [
				{ portfolioId: P.sul.id, contactId: C.paulo.id, batchPortfolioId: P.vip.id, batchContactId: C.maria.id },
				{ portfolioId: P.sul.id, contactId: C.camila.id, batchPortfolioId: P.vip.id, batchContactId: C.juliana.id },
			],
		});
		expect(r.execution.status).toBe('success');
		expect(r.out('Add Contact').map((i) => i.json.contactId)).toEqual([C.paulo.id, C.camila.id]);
		expect(r.out('Remove Contact').map((i) => i.json)).toEqual([
			{ deleted: true, id: '5511999990006', portfolioId: P.sul.id },
			{ deleted: true, id: '5511999990007', portfolioId: P.sul.id },
		]);
		expect(paired(r.out('Remove Contacts'))).toEqual([{ item: 0 }, { item: 1 }]);
		const deletes = (await leg.state.requests()).filter((q) => q.method === 'DELETE' && q.path.endsWith('/contact/batch'));
		expect(deletes).toHaveLength(1);
		expect((await suite.api(`/core/v1/portfolio/${P.vip.id}/contact?Page=1&PageSize=100`)).items).toEqual([]);
		expect((await suite.api(`/core/v1/portfolio/${P.sul.id}/contact?Page=1&PageSize=100`)).items.map((l) => l.contactId)).toEqual([C.joao.id]);
		for (const op of ['addContact', 'removeContact', 'removeContacts']) ran.portfolio.add(op);
	});

	it('Custom Field → Get Many and Company → Get Office Hours', async () => {
		const r = await suite.leg().run('directory', {});
		expect(r.execution.status).toBe('success');
		const fields = r.out('Get Custom Fields');
		expect(fields.length).toBeGreaterThan(1);
		expect(fields.every((i) => i.json.entityType === 'CONTACT' && !('companyId' in i.json))).toBe(true);
		const [hours] = r.out('Get Office Hours');
		expect(hours.json.days).toHaveLength(7);
		ran.customField.add('getMany');
		ran.company.add('getOfficeHours');
	});

	it('example add-contacts-to-portfolio: the three listed contacts are in the portfolio, one item each', async () => {
		const leg = suite.leg();
		const r = await leg.runExample('add-contacts-to-portfolio');
		expect(r.execution.status).toBe('success');
		expect(r.out('Add to Portfolio')).toHaveLength(3);
		expect(r.out('Portfolio Contacts').map((i) => i.json.contactId).sort()).toEqual([C.paulo.id, C.camila.id, C.fernanda.id].sort());
	});

	it('every Tag, Portfolio, Custom Field and Company operation of the node (as n8n loaded it) was run and checked above', async () => {
		for (const resource of Object.keys(ran)) {
			const operations = await suite.operationsOf(resource);
			expect([...ran[resource]].sort(), `${resource} operations in n8n: ${operations.join(', ')}`).toEqual([...new Set(operations)].sort());
		}
	});
}
