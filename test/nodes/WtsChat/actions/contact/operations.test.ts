import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { loadOptions } from '../../../../../nodes/WtsChat/methods';
import { rl, SEED, useSandbox } from '../../../../harness/fixture.mjs';

const t = useSandbox();
const C = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'contact', operation, ...extra });
type Json = Record<string, unknown>;
type Item = { json: Json; pairedItem?: unknown; error?: unknown };
type Req = { method: string; path: string; query: Record<string, string[]>; body: Json };
const only = (output: Item[][]) => output[0].map((o) => o.json);
const lastRequest = () => t.apiRequests().at(-1) as Req;
const maria = SEED.contacts.maria;
const joao = SEED.contacts.joao;
const stored = (id: string) => t.sandbox.state.contacts.get(id) as Json;
const tag = (key: string) => SEED.tags[key].id as string;
const MISSING = '3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b';

describe('Contact → Get Many', () => {
	it('lists active contacts, one item per contact, simplified by default', async () => {
		const { output } = await t.run(C('getMany', { returnAll: true }));
		const contacts = only(output);
		const active = [...t.sandbox.state.contacts.values()].filter((c: Json) => c.status === 'ACTIVE');
		expect(contacts).toHaveLength(active.length);
		expect(Object.keys(contacts[0]).sort()).toEqual(
			['createdAt', 'customFields', 'email', 'id', 'instagram', 'metadata', 'name', 'phoneNumber', 'phoneNumberFormatted', 'status', 'tagIds', 'tagNames'].sort(),
		);
		expect(lastRequest().query).toEqual({ PageNumber: ['1'], PageSize: ['100'] });
	});

	it('filters by status and dates, includes details, orders, and keeps the raw record without Simplify', async () => {
		const { output } = await t.run(
			C('getMany', {
				returnAll: true,
				simplify: false,
				filters: { status: 'ARCHIVED', createdAtAfter: '2000-01-01T00:00:00Z' },
				options: { includeDetails: ['Tags'], orderBy: 'name', orderDirection: 'DESCENDING' },
			}),
		);
		const [lucas] = only(output);
		expect(lucas.id).toBe(SEED.contacts.lucas.id);
		expect(lucas.companyId).toBeTruthy();
		expect(lucas.tagNames).toEqual(['Orçamento']);
		expect(lastRequest().query).toMatchObject({
			Status: ['ARCHIVED'],
			'CreatedAt.After': ['2000-01-01T00:00:00.000Z'],
			IncludeDetails: ['Tags'],
			OrderBy: ['name'],
			OrderDirection: ['DESCENDING'],
		});
	});

	it('stops at the limit', async () => {
		const { output } = await t.run(C('getMany', { returnAll: false, limit: 3 }));
		expect(only(output)).toHaveLength(3);
		expect(lastRequest().query.PageSize).toEqual(['3']);
	});

	it('surfaces the API text of a failed listing and search', async () => {
		const body = { error: true, key: 'FORM_ERROR', text: 'Campo de ordenação inválido.', httpStatusCode: 'INTERNALSERVERERROR', customData: null, isUnsolvableError: false };
		t.sandbox.faults.add({ path: '/core/v1/contact', status: 500, body });
		expect((await t.runError(C('getMany', { options: { orderBy: 'nope' } }))).message).toBe('WTS Chat rejected the request (Order By): Campo de ordenação inválido. [item 0]');
		t.sandbox.faults.add({ path: '/core/v1/contact/filter', status: 500, body });
		expect((await t.runError(C('search', { options: { orderBy: 'nope' } }))).message).toBe('WTS Chat rejected the request (Order By): Campo de ordenação inválido. [item 0]');
	});

	it('refuses a bad date and a bad limit before any request', async () => {
		expect((await t.runError(C('getMany', { filters: { updatedAtBefore: '2025-02-30' } }))).message).toBe('Updated At Before is not a valid date [item 0]');
		expect((await t.runError(C('getMany', { limit: 0 }))).message).toBe('Limit must be a whole number of at least 1 [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});
});

describe('Contact → Search', () => {
	it('sends the filters in the body with the paging, only what was set', async () => {
		const { output } = await t.run(
			C('search', {
				returnAll: true,
				filters: { name: 'maria', tagIds: [tag('vip')], origin: 'CREATED_BY_USER', createdAtBefore: '2100-01-01T00:00:00Z' },
				options: { includeDetails: ['Tags'] },
			}),
		);
		expect(only(output).map((c) => c.id)).toEqual([maria.id]);
		expect(lastRequest()).toMatchObject({ method: 'POST', path: '/core/v1/contact/filter' });
		expect(lastRequest().body).toEqual({
			name: 'maria',
			origin: 'CREATED_BY_USER',
			tagIds: [tag('vip')],
			createdAt: { before: '2100-01-01T00:00:00.000Z' },
			includeDetails: ['Tags'],
			pageNumber: 1,
			pageSize: 100,
		});
	});

	it('sends every documented filter, the phone as digits', async () => {
		const portfolio = '0b0b0b0b-0000-4000-8000-000000000001';
		await t.run(
			C('search', {
				returnAll: false,
				limit: 10,
				filters: {
					textFilter: 'a',
					name: 'Maria',
					phoneNumber: '(11) 99999-0001',
					email: 'email.example',
					instagram: 'maria',
					status: 'ACTIVE',
					origin: 'IMPORTED',
					tagIds: [tag('vip')],
					tagNames: 'VIP, Pós-venda',
					portfolioIds: portfolio,
					portfolioNames: 'Carteira SP',
					createdAtAfter: '2026-01-01T00:00:00Z',
					updatedAtAfter: '2026-01-01T00:00:00',
					updatedAtBefore: '2026-02-01T00:00:00Z',
					metadata: { entries: [{ key: 'loja', value: 'Centro' }] },
					customFields: { fields: [{ key: 'aceita-newsletter', value: 'true' }] },
				},
				options: { orderBy: 'name', orderDirection: 'DESCENDING' },
			}),
			{ timezone: 'America/Sao_Paulo' },
		);
		expect(lastRequest().body).toEqual({
			textFilter: 'a',
			name: 'Maria',
			email: 'email.example',
			instagram: 'maria',
			phoneNumber: '11999990001',
			status: 'ACTIVE',
			origin: 'IMPORTED',
			tagIds: [tag('vip')],
			tagNames: ['VIP', 'Pós-venda'],
			portfolioIds: [portfolio],
			portfolioNames: ['Carteira SP'],
			createdAt: { after: '2026-01-01T00:00:00.000Z' },
			updatedAt: { after: '2026-01-01T03:00:00.000Z', before: '2026-02-01T00:00:00.000Z' },
			metadata: { loja: 'Centro' },
			customFields: { 'aceita-newsletter': true },
			orderBy: 'name',
			orderDirection: 'DESCENDING',
			pageNumber: 1,
			pageSize: 10,
		});
		const error = await t.runError(C('search', { filters: { phoneNumber: 'maria' } }));
		expect(error.message).toBe('"maria" is not a valid Phone Number filter [item 0]');
	});

	it('walks the pages of the body paging up to the limit', async () => {
		const { output } = await t.run(C('search', { returnAll: false, limit: 5, filters: { textFilter: 'a' } }));
		expect(only(output)).toHaveLength(5);
		expect((lastRequest().body as Json).pageSize).toBe(5);
	});

	it('finds contacts by custom field values and metadata, the values typed', async () => {
		await t.run(C('update', { contactId: rl(joao.id), updateFields: { customFields: { fields: [{ key: 'pontos', value: '120' }] }, metadata: { entries: [{ key: 'loja', value: 'Centro' }] } } }));
		const { output } = await t.run(
			C('search', {
				returnAll: true,
				filters: { customFields: { fields: [{ key: 'pontos', value: '120' }] }, metadata: { entries: [{ key: 'loja', value: 'Centro' }] } },
			}),
		);
		expect(only(output).map((c) => c.id)).toEqual([joao.id]);
		expect(lastRequest().body).toMatchObject({ customFields: { pontos: 120 }, metadata: { loja: 'Centro' } });
	});

	it('refuses an empty metadata value and a malformed tag ID before any request', async () => {
		const e1 = await t.runError(C('search', { filters: { metadata: { entries: [{ key: 'loja', value: '' }] } } }));
		expect(e1.message).toBe('The metadata filter "loja" has an empty value [item 0]');
		const e2 = await t.runError(C('search', { filters: { tagIds: ['vip'] } }));
		expect(e2.message).toBe('"vip" is not a valid Tag ID [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});
});

describe('Contact → Get / Get by Phone', () => {
	it('gets a contact by ID with details', async () => {
		const { output } = await t.run(C('get', { contactId: rl(maria.id, 'list'), options: { includeDetails: ['Tags', 'CustomFields'] } }));
		expect(only(output)[0]).toMatchObject({ id: maria.id, tagNames: ['VIP'], customFields: {} });
		expect(lastRequest()).toMatchObject({ path: `/core/v1/contact/${maria.id}`, query: { IncludeDetails: ['Tags', 'CustomFields'] } });
	});

	it('says which contact was not found, keeping the API text', async () => {
		const error = await t.runError(C('get', { contactId: rl(MISSING) }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(`Contact ${MISSING} not found [item 0]`);
		expect(error.description).toContain('Contato não encontrado');
	});

	it('refuses a malformed ID before any request', async () => {
		const error = await t.runError(C('get', { contactId: rl('maria') }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('"maria" is not a valid Contact ID [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});

	it.each(['+55 11 99999-0001', '(11) 99999-0001', '5511999990001', '+55|11999990001'])('finds the contact by phone written as %s', async (phone) => {
		const { output } = await t.run(C('getByPhone', { phoneNumber: phone }));
		expect(only(output)[0].id).toBe(maria.id);
		expect(lastRequest().path).toBe('/core/v1/contact/phonenumber/5511999990001');
	});

	it('uses the Default Country Code for national numbers', async () => {
		await t.runError(C('getByPhone', { phoneNumber: '(202) 555-0123', options: { defaultCountryCode: '1' } }));
		expect(lastRequest().path).toBe('/core/v1/contact/phonenumber/12025550123');
	});

	it('says which phone was not found', async () => {
		const error = await t.runError(C('getByPhone', { phoneNumber: '11 98888-7777' }));
		expect(error.message).toBe('Contact +5511988887777 not found [item 0]');
	});

	it('refuses what cannot be a phone number before any request, showing what was typed', async () => {
		const error = await t.runError(C('getByPhone', { phoneNumber: 'maria@email' }));
		expect(error.message).toBe('"maria@email" is not a valid Phone Number [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});
});

describe('Contact → Create', () => {
	it('creates a contact with only the fields set, the phone normalised, custom fields typed', async () => {
		const { output } = await t.run(
			C('create', {
				name: 'Beatriz Nunes',
				phoneNumber: '(21) 98765-4321',
				additionalFields: {
					email: 'bia@email.example',
					tagNames: 'VIP, Lead frio',
					customFields: {
						fields: [
							{ key: 'pontos', value: '0' },
							{ key: 'aceita-newsletter', value: 'false' },
							{ key: 'limite-credito', value: '1500.5' },
							{ key: 'interesses', value: 'Roupas, Calçados' },
							{ key: 'cpf', value: '' },
						],
					},
					metadata: { entries: [{ key: 'origem', value: 'planilha' }] },
				},
			}),
		);
		expect(lastRequest().body).toEqual({
			name: 'Beatriz Nunes',
			phoneNumber: '5521987654321',
			email: 'bia@email.example',
			tagNames: ['VIP', 'Lead frio'],
			customFields: { pontos: 0, 'aceita-newsletter': false, 'limite-credito': 1500.5, interesses: ['Roupas', 'Calçados'], cpf: '' },
			metadata: { origem: 'planilha' },
		});
		const [created] = only(output);
		expect(created).toMatchObject({ name: 'Beatriz Nunes', phoneNumber: '+55|21987654321', tagNames: ['VIP', 'Lead frio'] });
		expect(stored(created.id as string).customFields).toEqual({ pontos: 0, 'aceita-newsletter': false, 'limite-credito': 1500.5, interesses: ['Roupas', 'Calçados'], cpf: '' });
		// The custom-field definitions were read once, then the contact created.
		expect(t.apiRequests().map((r: Req) => `${r.method} ${r.path}`)).toEqual(['GET /core/v1/contact/custom-field', 'POST /core/v1/contact']);
	});

	it('surfaces the API text when the contact exists and no option is set', async () => {
		const error = await t.runError(C('create', { name: 'Outra Maria', phoneNumber: '+55 11 99999-0001' }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('WTS Chat rejected the request: Já existe um contato com este telefone, e-mail ou Instagram. [item 0]');
	});

	it('returns an existing contact unchanged (getIfExists)', async () => {
		const { output } = await t.run(C('create', { name: 'Outro Nome', phoneNumber: '11999990001', ifExists: 'get' }));
		expect(lastRequest().body).toEqual({ name: 'Outro Nome', phoneNumber: '5511999990001', options: { getIfExists: true } });
		expect(only(output)[0]).toMatchObject({ id: maria.id, name: 'Maria Oliveira' });
	});

	it('updates an existing contact (upsert) with the chosen fields and tag operation', async () => {
		const { output } = await t.run(
			C('create', {
				name: 'Maria O.',
				phoneNumber: '11999990001',
				additionalFields: { tagIds: [tag('posVenda')] },
				ifExists: 'update',
				upsertFields: ['Name', 'Tags'],
				upsertTagOperation: 'INSERTIFNOTEXISTS',
			}),
		);
		expect(lastRequest().body).toMatchObject({ options: { upsert: true, upsertFields: ['Name', 'Tags'], upsertTagOperation: 'INSERTIFNOTEXISTS' } });
		expect(only(output)[0]).toMatchObject({ id: maria.id, name: 'Maria O.' });
		expect(stored(maria.id).tagIds).toEqual([tag('vip'), tag('posVenda')]);
	});

	it('refuses bad input before any request', async () => {
		const cases: Array<[Json, string]> = [
			[{ name: 'Sem contato' }, 'The contact has no phone number, email or Instagram [item 0]'],
			[{ phoneNumber: 'ligar depois' }, '"ligar depois" is not a valid Phone Number [item 0]'],
			[{ phoneNumber: '11999998888', additionalFields: { tagIds: [tag('vip')], tagNames: 'x' } }, 'Tags are given both from the list and by name [item 0]'],
			[{ phoneNumber: '11999998888', additionalFields: { sequenceIds: 'abc' } }, '"abc" is not a valid Sequence ID [item 0]'],
			[{ phoneNumber: '11999998888', additionalFields: { metadata: { entries: [{ key: ' ', value: 'x' }] } } }, 'A metadata entry has an empty key [item 0]'],
			[{ phoneNumber: '11999998888', name: 'x'.repeat(256) }, 'Name is too long (256 characters) [item 0]'],
		];
		for (const [params, message] of cases) {
			expect((await t.runError(C('create', params))).message).toBe(message);
		}
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('refuses an unknown custom field and a value of the wrong type before the write', async () => {
		const e1 = await t.runError(C('create', { phoneNumber: '11999998888', additionalFields: { customFields: { fields: [{ key: 'nope', value: '1' }] } } }));
		expect(e1.message).toBe('"nope" is not a custom field of the contacts of this account [item 0]');
		expect(e1.description).toContain('Pontos de fidelidade (pontos)');
		const e2 = await t.runError(C('create', { phoneNumber: '11999998888', additionalFields: { customFields: { fields: [{ key: 'pontos', value: 'muitos' }] } } }));
		expect(e2.message).toBe('"muitos" is not a valid value for the custom field "pontos" [item 0]');
		expect(t.apiRequests().every((r: Req) => r.method === 'GET')).toBe(true);
	});
});

describe('Contact → Update / Update by Phone', () => {
	it('sends only the fields set, named in the fields mask; "", 0 and false are real values', async () => {
		const { output } = await t.run(
			C('update', {
				contactId: rl(maria.id),
				updateFields: {
					annotation: '',
					status: 'BLOCKED',
					customFields: { fields: [{ key: 'pontos', value: '0' }, { key: 'aceita-newsletter', value: 'false' }] },
					metadata: { entries: [{ key: 'vip', value: 'sim' }] },
					removeMetadataKeys: 'clienteDesde',
				},
			}),
		);
		expect(lastRequest()).toMatchObject({ method: 'PUT', path: `/core/v2/contact/${maria.id}` });
		expect(lastRequest().body).toEqual({
			annotation: '',
			status: 'BLOCKED',
			customFields: { pontos: 0, 'aceita-newsletter': false },
			metadata: { vip: 'sim', clienteDesde: null },
			fields: ['Annotation', 'CustomFields', 'Metadata', 'Status'],
		});
		expect(only(output)[0]).toMatchObject({ status: 'BLOCKED' });
		expect(stored(maria.id)).toMatchObject({ annotation: '', status: 'BLOCKED', metadata: { vip: 'sim' }, customFields: { pontos: 0, 'aceita-newsletter': false } });
		expect(stored(maria.id).name).toBe('Maria Oliveira');
	});

	it('clears fields on purpose and replaces tags with none', async () => {
		await t.run(C('update', { contactId: rl(maria.id), clearFields: ['Email', 'Tags'] }));
		expect(lastRequest().body).toEqual({ email: null, tagIds: [], options: { tagsOperation: 'ReplaceAll' }, fields: ['Email', 'Tags'] });
		expect(stored(maria.id)).toMatchObject({ email: null, tagIds: [] });
	});

	it('changes the phone number and the tags with a tag operation, and sets the UTM', async () => {
		await t.run(
			C('update', {
				contactId: rl(joao.id),
				updateFields: { phoneNumber: '+55 (31) 97777-0000', tagNames: 'VIP', utm: { values: { source: 'instagram', campaign: 'natal' } } },
				options: { tagsOperation: 'ReplaceAll' },
			}),
		);
		expect(lastRequest().body).toEqual({
			phoneNumber: '5531977770000',
			tagNames: ['VIP'],
			utm: { source: 'instagram', campaign: 'natal' },
			options: { tagsOperation: 'ReplaceAll' },
			fields: ['PhoneNumber', 'Tags', 'Utm'],
		});
		expect(stored(joao.id)).toMatchObject({ phoneNumber: '+55|31977770000', tagIds: [tag('vip')] });
	});

	it('updates by phone with the same body', async () => {
		const { output } = await t.run(C('updateByPhone', { contactPhone: '(11) 99999-0002', updateFields: { name: 'João S.' } }));
		expect(lastRequest()).toMatchObject({ method: 'PUT', path: '/core/v1/contact/phonenumber/5511999990002', body: { name: 'João S.', fields: ['Name'] } });
		expect(only(output)[0]).toMatchObject({ id: joao.id, name: 'João S.' });
	});

	it('surfaces not found and the API text', async () => {
		expect((await t.runError(C('update', { contactId: rl(MISSING), updateFields: { name: 'x' } }))).message).toBe(`Contact ${MISSING} not found [item 0]`);
		expect((await t.runError(C('updateByPhone', { contactPhone: '11988887777', updateFields: { name: 'x' } }))).message).toBe(
			'Contact +5511988887777 not found [item 0]',
		);
		const clash = await t.runError(C('update', { contactId: rl(joao.id), updateFields: { phoneNumber: '11999990001' } }));
		expect(clash.message).toBe('WTS Chat rejected the request: Já existe um contato com este telefone. [item 0]');
	});

	it('refuses an empty update, a field both set and cleared, and a bad phone before any request', async () => {
		const cases: Array<[string, Json, string]> = [
			['update', { contactId: rl(maria.id) }, 'Nothing to update [item 0]'],
			['update', { contactId: rl(maria.id), updateFields: { name: 'x' }, clearFields: ['Name'] }, 'Name is both set and cleared [item 0]'],
			['update', { contactId: rl(maria.id), updateFields: { metadata: { entries: [{ key: 'a', value: '1' }] }, removeMetadataKeys: 'a' } }, 'The metadata key "a" is both set and removed [item 0]'],
			['update', { contactId: rl(maria.id), updateFields: { name: 'x' }, options: { tagsOperation: 'ReplaceAll' } }, 'Tag Operation is set but no tags are given [item 0]'],
			['update', { contactId: rl(maria.id), clearFields: ['Tags'], options: { tagsOperation: 'DeleteIfExists' } }, 'Tags are cleared but Tag Operation is not Replace [item 0]'],
			['update', { contactId: rl(maria.id), updateFields: { phoneNumber: '' } }, 'The Phone Number field is empty [item 0]'],
			['update', { contactId: rl(maria.id), updateFields: { status: 'active' } }, '"active" is not a valid Status [item 0]'],
			['updateByPhone', { contactPhone: '12', updateFields: { name: 'x' } }, '"12" is not a valid Phone Number [item 0]'],
		];
		for (const [operation, params, message] of cases) {
			expect((await t.runError(C(operation, params))).message).toBe(message);
		}
		expect(t.apiRequests()).toHaveLength(0);
	});
});

describe('Contact → Update Tags / Update Tags by Phone', () => {
	it('adds tags by name (unknown names become tags), removes by ID, replaces with none', async () => {
		await t.run(C('updateTags', { contactId: rl(maria.id), tagNames: 'Cliente novo' }));
		expect(lastRequest()).toMatchObject({ path: `/core/v1/contact/${maria.id}/tags`, body: { tagNames: ['Cliente novo'], operation: 'InsertIfNotExists' } });
		expect(stored(maria.id).tagIds).toHaveLength(2);
		await t.run(C('updateTags', { contactId: rl(maria.id), tagOperation: 'DeleteIfExists', tagIds: [tag('vip')] }));
		expect(lastRequest().body).toEqual({ tagIds: [tag('vip')], operation: 'DeleteIfExists' });
		expect(stored(maria.id).tagIds).not.toContain(tag('vip'));
		const { output } = await t.run(C('updateTags', { contactId: rl(maria.id), tagOperation: 'ReplaceAll' }));
		expect(lastRequest().body).toEqual({ tagIds: [], operation: 'ReplaceAll' });
		expect(stored(maria.id).tagIds).toEqual([]);
		expect(only(output)[0].id).toBe(maria.id);
	});

	it('changes the tags of the contact with a phone number', async () => {
		await t.run(C('updateTagsByPhone', { contactPhone: '+55 11 99999-0002', tagOperation: 'ReplaceAll', tagIds: [tag('vip'), tag('orcamento')] }));
		expect(lastRequest()).toMatchObject({ path: '/core/v1/contact/phonenumber/5511999990002/tags', body: { tagIds: [tag('vip'), tag('orcamento')], operation: 'ReplaceAll' } });
		expect(stored(joao.id).tagIds).toEqual([tag('vip'), tag('orcamento')]);
	});

	it('surfaces the API text for an unknown tag and not found', async () => {
		const e1 = await t.runError(C('updateTags', { contactId: rl(maria.id), tagIds: [MISSING] }));
		expect(e1.message).toBe('Tag not found [item 0]');
		const e2 = await t.runError(C('updateTagsByPhone', { contactPhone: '11988887777', tagNames: 'x' }));
		expect(e2.message).toBe('Contact +5511988887777 not found [item 0]');
	});

	it('refuses no tags for Add/Remove and a bad phone before any request', async () => {
		expect((await t.runError(C('updateTags', { contactId: rl(maria.id) }))).message).toBe('No tags given [item 0]');
		expect((await t.runError(C('updateTagsByPhone', { contactPhone: 'x', tagNames: 'VIP' }))).message).toBe('"x" is not a valid Phone Number [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});
});

describe('Contact → Get Custom Fields', () => {
	it('lists the contact custom fields, flat or nested in groups', async () => {
		const { output } = await t.run(C('getCustomFields'));
		const fields = only(output);
		expect(fields.map((f) => f.key)).toContain('pontos');
		expect(Object.keys(fields[1]).sort()).toEqual(['children', 'id', 'key', 'name', 'options', 'parentId', 'required', 'type', 'visible']);
		expect(lastRequest().query).toEqual({});
		const { output: nested } = await t.run(C('getCustomFields', { options: { nestedList: true } }));
		expect(only(nested)).toHaveLength(1);
		expect((only(nested)[0].children as Json[]).length).toBe(8);
		expect(lastRequest().query).toEqual({ NestedList: ['true'] });
	});

	it('loads the custom fields for the picker by name, the key as value, groups left out', async () => {
		const options = await loadOptions.getContactCustomFields.call(t.loadOptions());
		expect(options.find((o: Json) => o.value === 'pontos')).toMatchObject({ name: 'Pontos de fidelidade' });
		expect(options).toHaveLength(8);
	});

	it('surfaces an API failure', async () => {
		t.sandbox.faults.add({ path: '/core/v1/contact/custom-field', status: 401 });
		const error = await t.runError(C('getCustomFields'));
		expect(error.message).toMatch(/^WTS Chat refused the API token.*\[item 0\]$/);
	});
});

describe('Contact: several items, pairing and Continue On Fail', () => {
	const ids = [maria.id, 'not-a-uuid', SEED.contacts.fernanda.id];
	const params = (i: number) => C('get', { contactId: rl(ids[i]) });
	const items = [{ json: {} }, { json: {} }, { json: {} }];

	it('pairs every output item with its input', async () => {
		const { output } = await t.run((i: number) => C('get', { contactId: rl([maria.id, joao.id][i]) }), { items: items.slice(0, 2) });
		expect(output[0].map((o: Item) => [o.json.id, o.pairedItem])).toEqual([
			[maria.id, { item: 0 }],
			[joao.id, { item: 1 }],
		]);
	});

	it('Continue (regular output): the error item stays in place, paired', async () => {
		const { output } = await t.run(params, { items, onError: 'continueRegularOutput' });
		expect(output[0]).toHaveLength(3);
		expect(output[0][1].json).toEqual({ error: '"not-a-uuid" is not a valid Contact ID [item 1]' });
		expect(output[0][1].pairedItem).toEqual({ item: 1 });
		expect(output[0][2].json.id).toBe(SEED.contacts.fernanda.id);
	});

	it('Continue (error output): the failing item goes to the error output', async () => {
		const { output } = await t.run(params, { items, onError: 'continueErrorOutput' });
		expect(output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(output[1].map((o: Item) => o.pairedItem)).toEqual([{ item: 1 }]);
	});
});

describe('Contact → Create: Fields to Update offers only what Create can send', () => {
	it('refuses a mask value Create has no input for (Picture URL, Status, UTM) before any request', async () => {
		const error = await t.runError(C('create', { name: 'Maria', phoneNumber: '11999990001', ifExists: 'update', upsertFields: ['Utm'] }));
		expect(error.message).toBe('"Utm" is not a valid Fields to Update [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});
});

describe('Contact → portfolios (carteiras) on Create, Upsert and Update', () => {
	const vip = SEED.portfolios.vip.id as string;
	const sul = SEED.portfolios.sul.id as string;
	const members = (portfolioId: string) =>
		([...t.sandbox.state.portfolioContacts.values()] as Array<{ portfolioId: string; contactId: string }>)
			.filter((l) => l.portfolioId === portfolioId)
			.map((l) => l.contactId);

	it('Create puts the new contact in the portfolios picked from the list', async () => {
		const { output } = await t.run(C('create', { name: 'Bia', phoneNumber: '(21) 98765-4321', additionalFields: { portfolioIds: [vip, sul] } }));
		expect(lastRequest().body).toEqual({ name: 'Bia', phoneNumber: '5521987654321', portfolioIds: [vip, sul] });
		const id = only(output)[0].id as string;
		expect(stored(id).portfolioIds).toEqual([vip, sul]);
		expect(members(sul)).toContain(id);
	});

	it('Create by portfolio name; an unknown name comes back with the API text', async () => {
		await t.run(C('create', { phoneNumber: '21 98765-0000', additionalFields: { portfolioNames: ' Carteira Região Sul ' } }));
		expect(lastRequest().body).toEqual({ phoneNumber: '5521987650000', portfolioNames: ['Carteira Região Sul'] });
		const error = await t.runError(C('create', { phoneNumber: '21 98765-1111', additionalFields: { portfolioNames: 'Nenhuma' } }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.description).toContain('Carteira não encontrada.');
	});

	it('refuses portfolios given both from the list and by name, and a malformed ID, before any request', async () => {
		const both = await t.runError(C('create', { phoneNumber: '21 98765-4321', additionalFields: { portfolioIds: [vip], portfolioNames: 'Sul' } }));
		expect(both).toBeInstanceOf(NodeOperationError);
		expect(both.message).toBe('Portfolios are given both from the list and by name [item 0]');
		expect(both.description).toContain('Portfolio Names or IDs');
		const bad = await t.runError(C('update', { contactId: rl(maria.id), updateFields: { portfolioIds: ['vip'] } }));
		expect(bad.message).toBe('"vip" is not a valid Portfolio ID [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('Update replaces the portfolios with the Portfolio mask; Fields to Clear takes the contact out of every one', async () => {
		await t.run(C('update', { contactId: rl(maria.id), updateFields: { portfolioIds: [sul] } }));
		expect(lastRequest().body).toEqual({ fields: ['Portfolio'], portfolioIds: [sul] });
		expect(stored(maria.id).portfolioIds).toEqual([sul]);
		expect(members(vip)).not.toContain(maria.id);
		await t.run(C('update', { contactId: rl(maria.id), clearFields: ['Portfolio'] }));
		expect(lastRequest().body).toEqual({ fields: ['Portfolio'], portfolioIds: [] });
		expect(stored(maria.id).portfolioIds).toEqual([]);
		const both = await t.runError(C('update', { contactId: rl(maria.id), updateFields: { portfolioIds: [vip] }, clearFields: ['Portfolio'] }));
		expect(both.message).toBe('Portfolio is both set and cleared [item 0]');
	});

	it('Create with If the Contact Exists → Update It may update the portfolios (Fields to Update: Portfolio)', async () => {
		await t.run(
			C('create', { phoneNumber: '+55 11 99999-0001', additionalFields: { portfolioIds: [sul] }, ifExists: 'update', upsertFields: ['Portfolio'] }),
		);
		expect(lastRequest().body).toMatchObject({ portfolioIds: [sul], options: { upsert: true, upsertFields: ['Portfolio'] } });
		expect(stored(maria.id).portfolioIds).toEqual([sul]);
	});

	it('the portfolio picker lists every portfolio by name', async () => {
		const options = await loadOptions.getPortfolios.call(t.loadOptions());
		expect(options.map((o: { value: string }) => o.value).sort()).toEqual(Object.values(SEED.portfolios).map((p) => (p as { id: string }).id).sort());
		expect(options.find((o: { value: string }) => o.value === sul)?.name).toBe('Carteira Região Sul');
	});
});

describe('Contact custom fields: typed and checked like a card’s (helpers/customFields.ts)', () => {
	const create = (key: string, value: unknown) =>
		C('create', { phoneNumber: '11999998888', additionalFields: { customFields: { fields: [{ key, value }] } } });

	it.each([
		['data-nascimento', '2026-02-30', 'a date such as 2026-01-31'],
		['data-nascimento', '2025-02-29', 'a date such as 2026-01-31'],
		['plano', 'Ouro', 'one of: Básico, Premium'],
		['interesses', 'Roupas, Viagens', 'one of: Calçados, Roupas, Acessórios'],
		['aceita-newsletter', 'talvez', 'true or false'],
		['pontos', '1.5', 'a whole number'],
		['pontos', '', 'Custom Fields to Clear'],
	])('refuses %s = "%s" before any write', async (key, value, hint) => {
		const error = await t.runError(create(key, value));
		expect(`${error.message} ${error.description}`).toContain(hint);
		expect(error.message).toMatch(/\[item 0\]$/);
		expect(t.apiRequests().every((r: Req) => r.method === 'GET')).toBe(true);
	});

	it('takes yes/no words, leap days, option names in any case and accents, and an empty text as a real value', async () => {
		await t.run(
			C('create', {
				phoneNumber: '11999998888',
				additionalFields: {
					customFields: {
						fields: [
							{ key: 'aceita-newsletter', value: 'sim' },
							{ key: 'data-nascimento', value: '2024-02-29' },
							{ key: 'plano', value: 'basico' },
							{ key: 'interesses', value: 'roupas, ACESSÓRIOS' },
							{ key: 'cpf', value: '' },
						],
					},
				},
			}),
		);
		expect(lastRequest().body.customFields).toEqual({
			'aceita-newsletter': true,
			'data-nascimento': '2024-02-29',
			plano: 'Básico',
			interesses: ['Roupas', 'Acessórios'],
			cpf: '',
		});
	});

	it('clears the fields listed under Custom Fields to Clear (null under the CustomFields mask), refusing one both set and cleared', async () => {
		await t.run(C('update', { contactId: rl(maria.id), updateFields: { clearCustomFields: ['plano', 'pontos'] } }));
		expect(lastRequest().body).toEqual({ customFields: { plano: null, pontos: null }, fields: ['CustomFields'] });
		const error = await t.runError(
			C('update', { contactId: rl(maria.id), updateFields: { customFields: { fields: [{ key: 'plano', value: 'Premium' }] }, clearCustomFields: ['plano'] } }),
		);
		expect(error.message).toBe('The custom field "plano" is both set and cleared [item 0]');
	});
});
