import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { SEED, useSandbox } from '../../../../harness/fixture.mjs';

// 10,000 items in 100 requests stay under the sandbox's rate limits (200 / 5 s, 1,000 / 5 min).
const t = useSandbox();
type Json = Record<string, unknown>;
type Item = { json: Json; pairedItem?: unknown; error?: unknown };
type Req = { method: string; path: string; body: Json };
const batches = () => t.apiRequests().filter((r: Req) => r.path === '/core/v2/contact/batch') as Req[];
const phone = (n: number) => `(11) 9${String(n).padStart(4, '0')}-${String(n % 10000).padStart(4, '0')}`;
const rows = (n: number) => Array.from({ length: n }, (_, k) => ({ json: { name: `Cliente ${k}`, phone: phone(k) } }));
const params = (items: Array<{ json: Json }>, extra: Json = {}) => (i: number) => ({
	resource: 'contact',
	operation: 'upsertMany',
	name: items[i].json.name,
	phoneNumber: items[i].json.phone,
	...extra,
});

describe('Contact → Upsert Many', () => {
	it('groups 250 items into requests of at most 100, one paired output item per input item', async () => {
		const items = rows(250);
		const { output } = await t.run(params(items), { items });
		expect(batches().map((r) => (r.body.items as Json[]).length)).toEqual([100, 100, 50]);
		expect(output[0]).toHaveLength(250);
		output[0].forEach((o: Item, k: number) => {
			expect(o.pairedItem).toEqual({ item: k });
			expect(o.json.name).toBe(`Cliente ${k}`);
		});
		expect(batches()[0].body).toEqual({
			items: expect.arrayContaining([{ name: 'Cliente 0', phoneNumber: '5511900000000' }]),
			// Exactly the fields each item carries may change (without upsertFields WTS updates every field), and tags
			// given with an upsert are added, not replaced.
			options: { upsert: true, upsertFields: ['Name', 'PhoneNumber'], upsertTagOperation: 'INSERTIFNOTEXISTS' },
		});
		expect(t.sandbox.state.contacts.size).toBe(8 + 250);
	});

	it('takes no more than ⌈10,000/100⌉ = 100 requests for 10,000 items', async () => {
		const items = rows(10_000);
		const { output } = await t.run(params(items), { items });
		expect(t.apiRequests()).toHaveLength(100);
		expect(batches().every((r) => (r.body.items as Json[]).length === 100)).toBe(true);
		expect(output[0]).toHaveLength(10_000);
		expect(output[0][9_999].pairedItem).toEqual({ item: 9_999 });
		expect(output[0][9_999].json.phoneNumber).toBe('+55|11999999999');
	}, 60_000);

	it('updates existing contacts (same phone) and honours Return It Unchanged', async () => {
		const items = [
			{ json: { name: 'Maria Atualizada', phone: '+55 11 99999-0001' } },
			{ json: { name: 'Nova Pessoa', phone: '21 98888-0000' } },
		];
		const { output } = await t.run(params(items), { items });
		expect(output[0].map((o: Item) => o.json.id)[0]).toBe(SEED.contacts.maria.id);
		expect(output[0][0].json.name).toBe('Maria Atualizada');
		const again = [{ json: { name: 'Outro', phone: '11999990002' } }];
		const { output: kept } = await t.run(params(again, { ifExists: 'get' }), { items: again });
		expect(batches().at(-1)?.body.options).toEqual({ getIfExists: true });
		expect(kept[0][0].json).toMatchObject({ id: SEED.contacts.joao.id, name: 'João Santos' });
	});

	it('items with different options go in separate requests', async () => {
		const items = rows(4);
		const { output } = await t.run((i: number) => ({ ...params(items)(i), ifExists: i % 2 ? 'get' : 'update' }), { items });
		expect(batches()).toHaveLength(2);
		expect(output[0].map((o: Item) => o.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
	});

	it('reports a contact WTS Chat left out of its answer as that item’s error (Continue On Fail)', async () => {
		const items = rows(3);
		const missingTag = '3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b';
		const withBadTag = (i: number) => ({ ...params(items)(i), additionalFields: i === 1 ? { tagIds: [missingTag] } : {} });
		const { output } = await t.run(withBadTag, { items, onError: 'continueRegularOutput' });
		// The item with tags carries one more field, so it may change one more field: its own request.
		expect(batches().map((r) => (r.body.options as Json).upsertFields)).toEqual([['Name', 'PhoneNumber'], ['Name', 'PhoneNumber', 'Tags']]);
		expect(output[0]).toHaveLength(3);
		expect(output[0][1].json.error).toBe('WTS Chat did not save the contact 5511900010001 [item 1]');
		expect(output[0][1].pairedItem).toEqual({ item: 1 });
		expect(output[0][2].json.name).toBe('Cliente 2');

		const { output: split } = await t.run(withBadTag, { items, onError: 'continueErrorOutput' });
		expect(split[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(split[1].map((o: Item) => o.pairedItem)).toEqual([{ item: 1 }]);
		expect(split[1][0].error).toBeInstanceOf(NodeOperationError);
	});

	it('refuses a bad item before any request; with Continue On Fail the others are still sent', async () => {
		const items = [{ json: { name: 'A', phone: '11 98888-1111' } }, { json: { name: 'B', phone: 'sem telefone' } }, { json: { name: 'C', phone: '' } }];
		const error = await t.runError(params(items), { items });
		expect(error.message).toBe('"sem telefone" is not a valid Phone Number [item 1]');
		expect(t.apiRequests()).toHaveLength(0);

		const { output } = await t.run(params(items), { items, onError: 'continueRegularOutput' });
		expect(output[0].map((o: Item) => o.json.error ?? o.json.name)).toEqual([
			'A',
			'"sem telefone" is not a valid Phone Number [item 1]',
			'The contact has no phone number, email or Instagram [item 2]',
		]);
		expect(batches()).toHaveLength(1);
		expect((batches()[0].body.items as Json[]).length).toBe(1);
	});

	it('an error of the whole request is each item’s, with the API text', async () => {
		t.sandbox.faults.add({ method: 'POST', path: '/core/v2/contact/batch', status: 500, body: { error: true, key: 'FORM_ERROR', text: 'Limite de contatos do plano atingido.', httpStatusCode: 'INTERNALSERVERERROR', customData: null, isUnsolvableError: false } });
		const items = rows(2);
		const { output } = await t.run(params(items), { items, onError: 'continueRegularOutput' });
		expect(output[0].map((o: Item) => o.json.error)).toEqual([
			'WTS Chat rejected the request: Limite de contatos do plano atingido. [item 0]',
			'WTS Chat rejected the request: Limite de contatos do plano atingido. [item 1]',
		]);
		t.sandbox.faults.add({ method: 'POST', path: '/core/v2/contact/batch', status: 500, body: { error: true, key: 'FORM_ERROR', text: 'Limite de contatos do plano atingido.', httpStatusCode: 'INTERNALSERVERERROR', customData: null, isUnsolvableError: false } });
		const error = await t.runError(params(items), { items });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('WTS Chat rejected the request: Limite de contatos do plano atingido. [item 0]');
	});

	it('keeps what an item does not name: a contact tagged VIP upserted with only name and phone keeps its tags, e-mail and custom fields', async () => {
		const maria = SEED.contacts.maria;
		const before = t.sandbox.state.contacts.get(maria.id) as Json;
		expect((before.tagIds as string[]).length).toBeGreaterThan(0);
		const items = [{ json: { name: 'Maria O.', phone: '5511999990001' } }];
		await t.run(params(items), { items });
		expect(batches()[0].body).toEqual({
			items: [{ name: 'Maria O.', phoneNumber: '5511999990001' }],
			options: { upsert: true, upsertFields: ['Name', 'PhoneNumber'], upsertTagOperation: 'INSERTIFNOTEXISTS' },
		});
		const after = t.sandbox.state.contacts.get(maria.id) as Json;
		expect(after.name).toBe('Maria O.');
		expect(after.tagIds).toEqual(before.tagIds);
		expect(after.email).toBe(before.email);
		expect(after.customFields).toEqual(before.customFields);
	});

	it('adds the tags an upsert gives, and replaces them only when Tag Operation is Replace', async () => {
		const maria = SEED.contacts.maria;
		const before = [...((t.sandbox.state.contacts.get(maria.id) as Json).tagIds as string[])];
		const extra = Object.values(SEED.tags as Record<string, { id: string }>).map((g) => g.id).find((id) => !before.includes(id)) as string;
		const items = [{ json: { name: 'Maria', phone: '5511999990001' } }];
		await t.run((i: number) => ({ ...params(items)(i), additionalFields: { tagIds: [extra] } }), { items });
		expect(((t.sandbox.state.contacts.get(maria.id) as Json).tagIds as string[]).sort()).toEqual([...before, extra].sort());
		await t.run((i: number) => ({ ...params(items)(i), additionalFields: { tagIds: [extra] }, upsertTagOperation: 'REPLACEALL' }), { items });
		expect((t.sandbox.state.contacts.get(maria.id) as Json).tagIds).toEqual([extra]);
	});
});
