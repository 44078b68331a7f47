import { describe, it, expect, beforeAll } from 'vitest';
import { SEED } from '../../sandbox/server.mjs';
import { useStrictSandbox } from './helpers.mjs';

let sb;
let api;

const strict = useStrictSandbox();
beforeAll(() => {
	({ sb, api } = strict);
});

describe('contacts', () => {
	it('creates a contact, normalising the phone to +DDI|number', async () => {
		const r = await api.post('/core/v1/contact', { name: 'Beatriz Nunes', phoneNumber: '5521988887777', tagNames: ['VIP', 'Atacado'], metadata: { origem: 'n8n' } });
		expect(r.status).toBe(200);
		expect(r.body).toMatchObject({ name: 'Beatriz Nunes', phoneNumber: '+55|21988887777', phoneNumberFormatted: '(21) 98888-7777', status: 'ACTIVE', metadata: { origem: 'n8n' } });
		expect(r.body.tagNames).toEqual(['VIP', 'Atacado']); // unknown tag names are created
		expect((await api.get('/core/v1/contact/phonenumber/5521988887777')).body.id).toBe(r.body.id);
		expect((await api.get('/core/v1/tag')).body).toHaveLength(7);
	});

	it('existing contact: error, getIfExists or upsert', async () => {
		const dup = await api.post('/core/v1/contact', { phoneNumber: '+55 (11) 99999-0001' });
		expect(dup.status).toBe(500);
		expect(dup.body.key).toBe('FORM_ERROR');
		const got = await api.post('/core/v1/contact', { phoneNumber: '5511999990001', name: 'Outro', options: { getIfExists: true } });
		expect(got.body).toMatchObject({ id: SEED.contacts.maria.id, name: 'Maria Oliveira' });
		const up = await api.post('/core/v1/contact', { phoneNumber: '5511999990001', name: 'Maria O.', options: { upsert: true, upsertFields: ['Name'] } });
		expect(up.body).toMatchObject({ id: SEED.contacts.maria.id, name: 'Maria O.', tagNames: ['VIP'] });
	});

	it('updates only the fields in the mask; tags use tagsOperation', async () => {
		const id = SEED.contacts.maria.id;
		const r = await api.put(`/core/v2/contact/${id}`, {
			fields: ['Email', 'Tags', 'Metadata'],
			name: 'ignored',
			email: 'maria@novo.example',
			tagIds: [SEED.tags.posVenda.id],
			metadata: { clienteDesde: null, plano: 'ouro' },
		});
		expect(r.status).toBe(200);
		expect(r.body).toMatchObject({ name: 'Maria Oliveira', email: 'maria@novo.example', tagNames: ['VIP', 'Pós-venda'], metadata: { plano: 'ouro' } });
		const replaced = await api.put(`/core/v1/contact/phonenumber/5511999990001`, { fields: ['Tags'], tagNames: ['Reclamação'], options: { tagsOperation: 'ReplaceAll' } });
		expect(replaced.body.tagNames).toEqual(['Reclamação']);
		const removed = await api.post(`/core/v1/contact/${id}/tags`, { tagIds: [SEED.tags.reclamacao.id], operation: 'DeleteIfExists' });
		expect(removed.body.tagIds).toEqual([]);
		const added = await api.post('/core/v1/contact/phonenumber/5511999990001/tags', { tagNames: ['VIP'], operation: 'InsertIfNotExists' });
		expect(added.body.tagNames).toEqual(['VIP']);
	});

	it('filter body with paging fields', async () => {
		const r = await api.post('/core/v1/contact/filter', { pageSize: 2, pageNumber: 1, tagNames: ['Novo cliente'] });
		expect(r.body).toMatchObject({ pageSize: 2, totalItems: 2, hasMorePages: false });
		expect(r.body.items.map((c) => c.id).sort()).toEqual([SEED.contacts.joao.id, SEED.contacts.camila.id].sort());
	});
});
