import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { rl, SEED, useSandbox } from '../../../../harness/fixture.mjs';

const t = useSandbox();
const T = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'tag', operation, ...extra });
type Json = Record<string, unknown>;
type Item = { json: Json; pairedItem?: unknown; error?: unknown };
type Req = { method: string; path: string; query: Record<string, string[]>; body: Json };
const only = (output: Item[][]) => output[0].map((o) => o.json);
const lastRequest = () => t.apiRequests().at(-1) as Req;
const vip = SEED.tags.vip.id;
const missing = '00000000-0000-4000-8000-000000000000';

describe('Tag → Get Many', () => {
	it('lists every tag, one item each, with no paging keys (the listing is a plain array)', async () => {
		const { output } = await t.run(T('getMany', { returnAll: true }));
		const tags = only(output);
		expect(tags.length).toBe(Object.keys(SEED.tags).length);
		expect(tags.map((x) => x.id)).toContain(vip);
		expect(lastRequest()).toMatchObject({ method: 'GET', path: '/core/v1/tag', query: {} });
	});

	it('cuts the list to the limit and refuses a bad limit before any request', async () => {
		const { output } = await t.run(T('getMany', { returnAll: false, limit: 2 }));
		expect(only(output)).toHaveLength(2);
		const error = await t.runError(T('getMany', { returnAll: false, limit: 0 }));
		expect(error.message).toBe('Limit must be a whole number of at least 1 [item 0]');
		expect(t.apiRequests()).toHaveLength(1);
	});
});

describe('Tag → Get Colors', () => {
	it('lists the 54 documented colours, and the colour picker offers them', async () => {
		const { output } = await t.run(T('getColors'));
		const colors = only(output);
		expect(colors).toHaveLength(54);
		expect(colors[0]).toMatchObject({ color: 'BROWN_100' });
		expect(colors[0].bgColor).toMatch(/^#/);
		const options = await t.node().methods.loadOptions.getTagColors.call(t.loadOptions());
		expect(options.map((o: { value: string }) => o.value)).toEqual(colors.map((c) => c.color));
	});
});

describe('Tag → Create', () => {
	it('creates a tag with a colour; it is then listed', async () => {
		const { output } = await t.run(T('create', { name: '  Atacado ', color: 'GREEN_500' }));
		const [tag] = only(output);
		expect(lastRequest().body).toEqual({ name: 'Atacado', color: 'GREEN_500' });
		expect(tag).toMatchObject({ name: 'Atacado', color: 'GREEN_500' });
		expect(t.sandbox.state.tags.get(tag.id as string)).toBeTruthy();
	});

	it('sends no colour when none is chosen (WTS uses GRAY_600)', async () => {
		const { output } = await t.run(T('create', { name: 'Sem cor', color: '' }));
		expect(lastRequest().body).toEqual({ name: 'Sem cor' });
		expect(only(output)[0].color).toBe('GRAY_600');
	});

	it("surfaces the API's refusal of a duplicate name with its text", async () => {
		const error = await t.runError(T('create', { name: SEED.tags.vip.name }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/Já existe uma etiqueta com este nome\. \[item 0\]$/);
	});

	it('refuses an empty name, a too long name and an unknown colour before any request', async () => {
		expect((await t.runError(T('create', { name: '  ' }))).message).toBe('The Name field is empty [item 0]');
		expect((await t.runError(T('create', { name: 'x'.repeat(256) }))).message).toBe('Name is too long (256 characters) [item 0]');
		const bad = await t.runError(T('create', { name: 'ok', color: 'green_500' }));
		expect(bad).toBeInstanceOf(NodeOperationError);
		expect(bad.message).toBe('"green_500" is not a valid Color [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('creates one tag per item, paired; Continue On Fail keeps going in both modes', async () => {
		const names = ['A1', '', 'A3'];
		const items = names.map((name) => ({ json: { name } }));
		const params = (i: number) => T('create', { name: names[i] });
		const regular = await t.run(params, { items, onError: 'continueRegularOutput' });
		expect(regular.output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(regular.output[0][1].json).toEqual({ error: 'The Name field is empty [item 1]' });
		expect(regular.output[0][2].json.name).toBe('A3');
		t.sandbox.reset();
		const split = await t.run(params, { items, onError: 'continueErrorOutput' });
		expect(split.output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(split.output[1][0].pairedItem).toEqual({ item: 1 });
	});
});

describe('Tag → Update', () => {
	it('renames and recolours; without a colour the current one is kept', async () => {
		await t.run(T('update', { tagId: rl(vip, 'list'), name: 'VIP Ouro', color: 'YELLOW_400' }));
		expect(lastRequest()).toMatchObject({ method: 'PUT', path: `/core/v1/tag/${vip}`, body: { name: 'VIP Ouro', color: 'YELLOW_400' } });
		const { output } = await t.run(T('update', { tagId: rl(vip), name: 'VIP' }));
		expect(lastRequest().body).toEqual({ name: 'VIP' });
		expect(only(output)[0]).toMatchObject({ id: vip, name: 'VIP', color: 'YELLOW_400' });
		expect(t.sandbox.state.tags.get(vip)).toMatchObject({ name: 'VIP', color: 'YELLOW_400' });
	});

	it('names the tag in a not-found and refuses a malformed ID before any request', async () => {
		const error = await t.runError(T('update', { tagId: rl(missing), name: 'x' }));
		expect(error.message).toBe(`Tag ${missing} not found [item 0]`);
		expect(error.description).toContain('Etiqueta não encontrada.');
		const bad = await t.runError(T('update', { tagId: rl('vip'), name: 'x' }));
		expect(bad.message).toBe('"vip" is not a valid Tag ID [item 0]');
		expect(t.apiRequests()).toHaveLength(1);
	});
});

describe('Tag → Delete', () => {
	it('deletes an unused tag and outputs {deleted, id}', async () => {
		const { output: created } = await t.run(T('create', { name: 'Temporária' }));
		const id = only(created)[0].id as string;
		const { output } = await t.run(T('delete', { tagId: rl(id), removeFromContacts: false }));
		expect(only(output)).toEqual([{ deleted: true, id }]);
		expect(lastRequest()).toMatchObject({ method: 'DELETE', path: `/core/v1/tag/${id}`, body: { removeFromContacts: false } });
		expect(t.sandbox.state.tags.has(id)).toBe(false);
	});

	it("keeps WTS's refusal of a tag in use, and with Remove From Contacts takes it off every contact", async () => {
		const refused = await t.runError(T('delete', { tagId: rl(vip) }));
		expect(refused).toBeInstanceOf(NodeApiError);
		expect(refused.message).toContain('A etiqueta está em uso por contatos');
		const { output } = await t.run(T('delete', { tagId: rl(vip), removeFromContacts: true }));
		expect(only(output)).toEqual([{ deleted: true, id: vip }]);
		const contacts = [...t.sandbox.state.contacts.values()] as Array<{ tagIds: string[] }>;
		expect(contacts.some((c) => c.tagIds.includes(vip))).toBe(false);
	});

	it('refuses an empty Tag ID before any request', async () => {
		const error = await t.runError(T('delete', { tagId: rl('') }));
		expect(error.message).toBe('The Tag ID field is empty [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});
});

describe('Tag picker (searchTags)', () => {
	it('matches the label folded (case and accents), one request', async () => {
		const { results } = await t.node().methods.listSearch.searchTags.call(t.loadOptions(), 'vip');
		expect(results.map((r: { value: string }) => r.value)).toContain(vip);
		expect(results.every((r: { name: string }) => /vip/i.test(r.name))).toBe(true);
		expect(t.apiRequests()).toHaveLength(1);
	});
});
