import { describe, it, expect, beforeAll } from 'vitest';
import { SEED } from '../../sandbox/server.mjs';
import { CONTACT_CUSTOM_FIELDS } from '../../sandbox/services/customFields.mjs';
import { useStrictSandbox } from './helpers.mjs';

let sb;
let api;

const strict = useStrictSandbox();
beforeAll(() => {
	({ sb, api } = strict);
});

describe('contact custom fields (GET /core/v1/contact/custom-field)', () => {
	it('lists the definitions flat, or nested in their group', async () => {
		const flat = await api.get('/core/v1/contact/custom-field');
		expect(flat.status).toBe(200);
		expect(flat.body.map((f) => f.key)).toEqual(CONTACT_CUSTOM_FIELDS.map((f) => f.key));
		expect(flat.body.every((f) => f.entityType === 'CONTACT' && f.children === null)).toBe(true);
		const nested = await api.get('/core/v1/contact/custom-field?NestedList=true');
		expect(nested.body).toHaveLength(1);
		expect(nested.body[0]).toMatchObject({ type: 'GROUP', name: 'Dados do cliente' });
		expect(nested.body[0].children).toHaveLength(CONTACT_CUSTOM_FIELDS.length - 1);
	});

	it('stores custom-field values of the right type, ignores unknown keys and wrong types, null empties', async () => {
		const r = await api.post('/core/v1/contact', {
			phoneNumber: '5521988887777',
			customFields: { pontos: 10, cpf: '123', 'aceita-newsletter': 'sim', inexistente: 'x', interesses: ['Roupas'] },
		});
		expect(sb.state.contacts.get(r.body.id).customFields).toEqual({ pontos: 10, cpf: '123', interesses: ['Roupas'] });
		await api.put(`/core/v2/contact/${r.body.id}`, { fields: ['CustomFields'], customFields: { pontos: null, 'limite-credito': 2.5 } });
		expect(sb.state.contacts.get(r.body.id).customFields).toEqual({ cpf: '123', interesses: ['Roupas'], 'limite-credito': 2.5 });
		const found = await api.post('/core/v1/contact/filter', { customFields: { interesses: 'Roupas' } });
		expect(found.body.items.map((c) => c.id)).toEqual([r.body.id]);
	});
});

describe('batch upsert (POST /core/v2/contact/batch)', () => {
	it('creates new contacts and updates existing ones (same phone, e-mail or Instagram), in order', async () => {
		const r = await api.post('/core/v2/contact/batch', {
			items: [
				{ name: 'Nova', phoneNumber: '5521911112222', tagNames: ['Atacado'] },
				{ name: 'Maria Nova', phoneNumber: '+55 11 99999-0001' },
				{ name: 'Pelo e-mail', email: 'FERNANDA.COSTA@email.example' },
			],
		});
		expect(r.status).toBe(200);
		expect(r.body.map((c) => c.name)).toEqual(['Nova', 'Maria Nova', 'Pelo e-mail']);
		expect(r.body[1].id).toBe(SEED.contacts.maria.id);
		expect(r.body[2].id).toBe(SEED.contacts.fernanda.id);
		expect(sb.state.contacts.size).toBe(Object.keys(SEED.contacts).length + 1);
	});

	it('getIfExists returns existing contacts unchanged; upsertFields limit what changes', async () => {
		const kept = await api.post('/core/v2/contact/batch', { items: [{ name: 'X', phoneNumber: '5511999990001' }], options: { getIfExists: true } });
		expect(kept.body[0]).toMatchObject({ id: SEED.contacts.maria.id, name: 'Maria Oliveira' });
		const limited = await api.post('/core/v2/contact/batch', {
			items: [{ name: 'Y', email: 'novo@email.example', phoneNumber: '5511999990001' }],
			options: { upsertFields: ['Email'] },
		});
		expect(limited.body[0]).toMatchObject({ name: 'Maria Oliveira', email: 'novo@email.example' });
	});

	it('leaves an item it cannot save out of the answer and saves the others (guess)', async () => {
		const r = await api.post('/core/v2/contact/batch', {
			items: [{ name: 'Sem contato' }, { name: 'Ok', phoneNumber: '5521933334444' }, { name: 'Tag', phoneNumber: '5521955556666', tagIds: ['3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b'] }],
		});
		expect(r.body.map((c) => c.name)).toEqual(['Ok']);
	});

	it('refuses more than 100 items and an empty list (contract)', async () => {
		const many = Array.from({ length: 101 }, (_, k) => ({ phoneNumber: `55219${String(k).padStart(8, '0')}` }));
		expect((await api.post('/core/v2/contact/batch', { items: many })).status).toBe(400);
		expect((await api.post('/core/v2/contact/batch', { items: [] })).status).toBe(400);
		expect(sb.takeViolations()).toHaveLength(2);
	});
});
