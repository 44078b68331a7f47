import { describe, it, expect, beforeAll } from 'vitest';
import { SEED } from '../../sandbox/server.mjs';
import { useStrictSandbox } from './helpers.mjs';

let sb;
let api;

const strict = useStrictSandbox();
beforeAll(() => {
	({ sb, api } = strict);
});

const vip = SEED.portfolios.vip.id;
const sul = SEED.portfolios.sul.id;
const paulo = SEED.contacts.paulo.id;
const maria = SEED.contacts.maria.id;
const missing = '00000000-0000-4000-8000-000000000000';

describe('portfolios', () => {
	it('lists the seeded portfolios; counts and departments only when asked', async () => {
		const plain = await api.get('/core/v1/portfolio');
		expect(plain.body.items.map((p) => p.name)).toEqual(['Carteira Região Sul', 'Clientes VIP', 'Recuperação de inativos']);
		expect(plain.body.items.every((p) => p.departments === null && p.contactsCount === 0)).toBe(true);
		const full = await api.get('/core/v1/portfolio?IncludeDetails=ContactCount&IncludeDetails=Departments');
		const v = full.body.items.find((p) => p.id === vip);
		expect(v.contactsCount).toBe(2);
		expect(v.departments[0].userIds).toHaveLength(2);
	});

	it('adds a contact by ID or phone: listed in the portfolio and in the contact (IncludeDetails=Portfolios)', async () => {
		const added = await api.post(`/core/v1/portfolio/${sul}/contact`, { phoneNumber: '5511999990006' });
		expect(added.body).toMatchObject({ portfolioId: sul, contactId: paulo, contactDetails: { name: 'Paulo Ribeiro' } });
		const again = await api.post(`/core/v1/portfolio/${sul}/contact`, { contactId: paulo });
		expect(again.body.id).toBe(added.body.id);
		const list = await api.get(`/core/v1/portfolio/${sul}/contact?Page=1&PageSize=10`);
		expect(list.body.items.map((l) => l.contactId)).toContain(paulo);
		const c = await api.get(`/core/v1/contact/${paulo}?IncludeDetails=Portfolios`);
		expect(c.body.portfolioIds).toEqual([sul]);
		expect(c.body.portfolioNames).toEqual(['Carteira Região Sul']);
	});

	it('batch add answers one page of links (unknown contacts left out); batch remove unlinks', async () => {
		const r = await api.post(`/core/v1/portfolio/${sul}/contact/batch`, { contactIds: [paulo, missing, maria] });
		expect(r.body.items.map((l) => l.contactId)).toEqual([paulo, maria]);
		const del = await api.call('DELETE', `/core/v1/portfolio/${sul}/contact/batch`, { body: { contactIds: [paulo, maria, missing] } });
		expect(del.status).toBe(200);
		expect(sb.state.contacts.get(maria).portfolioIds).toEqual([vip]);
	});

	it('refuses an unknown portfolio, an unknown contact, a removal of a non-member and an empty batch', async () => {
		expect((await api.get(`/core/v1/portfolio/${missing}/contact`)).body.text).toBe('Carteira não encontrada.');
		expect((await api.post(`/core/v1/portfolio/${vip}/contact`, { contactId: missing })).body.text).toBe('Contato não encontrado.');
		expect((await api.call('DELETE', `/core/v1/portfolio/${vip}/contact`, { body: { contactId: paulo } })).body.text).toBe('Contato não encontrado na carteira.');
		expect((await api.post(`/core/v1/portfolio/${vip}/contact/batch`, { contactIds: [] })).status).toBe(500);
	});
});

describe('custom fields', () => {
	it('lists contact fields by default, panel fields on request, nested in groups when asked', async () => {
		const contact = await api.get('/core/v1/custom-field');
		expect(contact.body.every((f) => f.entityType === 'CONTACT')).toBe(true);
		expect(contact.body.map((f) => f.key)).toContain('cpf');
		const panel = await api.get('/core/v1/custom-field?EntityType=PANEL');
		expect(panel.body.map((f) => f.key)).toEqual(['origem-negocio', 'previsao-fechamento']);
		const nested = await api.get('/core/v1/custom-field?NestedList=true');
		expect(nested.body).toHaveLength(1);
		expect(nested.body[0].children.length).toBe(contact.body.length - 1);
	});
});
