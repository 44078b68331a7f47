import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { rl, SEED, useSandbox } from '../../../../harness/fixture.mjs';

const t = useSandbox();
const P = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'portfolio', operation, ...extra });
type Json = Record<string, unknown>;
type Item = { json: Json; pairedItem?: unknown; error?: unknown };
type Req = { method: string; path: string; query: Record<string, string[]>; body: Json };
const only = (output: Item[][]) => output[0].map((o) => o.json);
const requests = () => t.apiRequests() as Req[];
const lastRequest = () => requests().at(-1) as Req;
const vip = SEED.portfolios.vip.id;
const sul = SEED.portfolios.sul.id;
const inativos = SEED.portfolios.inativos.id;
const paulo = SEED.contacts.paulo.id;
const camila = SEED.contacts.camila.id;
const maria = SEED.contacts.maria.id;
const missing = '00000000-0000-4000-8000-000000000000';
const contact = (id: string) => t.sandbox.state.contacts.get(id) as { portfolioIds: string[] };
const members = (portfolioId: string) =>
	([...t.sandbox.state.portfolioContacts.values()] as Array<{ portfolioId: string; contactId: string }>)
		.filter((l) => l.portfolioId === portfolioId)
		.map((l) => l.contactId)
		.sort();

describe('Portfolio → Get Many', () => {
	it('lists the portfolios simplified, with the contact count when asked', async () => {
		const { output } = await t.run(P('getMany', { returnAll: true, simplify: true, options: { includeDetails: ['ContactCount'] } }));
		const list = only(output);
		expect(list).toHaveLength(3);
		const v = list.find((p) => p.id === vip) as Json;
		expect(Object.keys(v).sort()).toEqual(['active', 'automaticAttribution', 'contactsCount', 'expirationDurationInMonths', 'id', 'name', 'type']);
		expect(v.contactsCount).toBe(2);
		expect(lastRequest().query).toMatchObject({ IncludeDetails: ['ContactCount'], PageNumber: ['1'], PageSize: ['100'] });
	});

	it('returns the raw records with Simplify off and applies the limit and date filters', async () => {
		const { output } = await t.run(P('getMany', { returnAll: false, limit: 1, simplify: false, filters: { createdAtAfter: '2000-01-01T00:00:00Z' } }));
		expect(only(output)).toHaveLength(1);
		expect(only(output)[0]).toHaveProperty('companyId');
		expect(lastRequest().query).toMatchObject({ 'CreatedAt.After': ['2000-01-01T00:00:00.000Z'], PageSize: ['1'] });
		const error = await t.runError(P('getMany', { returnAll: true, filters: { updatedAtBefore: '31/02/2026' } }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(requests()).toHaveLength(1);
	});
});

describe('Portfolio → Get Contacts', () => {
	it("lists a portfolio's contacts with their details, paged with Page / PageSize (this endpoint's own model)", async () => {
		const { output } = await t.run(P('getContacts', { portfolioId: rl(vip, 'list'), returnAll: true }));
		const links = only(output);
		expect(links.map((l) => l.contactId).sort()).toEqual([...SEED.portfolios.vip.contacts].sort());
		expect((links[0].contactDetails as Json).name).toBeTruthy();
		expect(Object.keys(lastRequest().query).sort()).toEqual(['Page', 'PageSize']);
	});

	it('filters by contact IDs and refuses a malformed one before any request', async () => {
		const { output } = await t.run(P('getContacts', { portfolioId: rl(vip), returnAll: true, filters: { contactIds: ` ${maria} ` } }));
		expect(only(output).map((l) => l.contactId)).toEqual([maria]);
		expect(lastRequest().query.ContactIds).toEqual([maria]);
		const error = await t.runError(P('getContacts', { portfolioId: rl(vip), returnAll: true, filters: { contactIds: 'maria' } }));
		expect(error.message).toBe('"maria" is not a valid Contact ID [item 0]');
		expect(requests()).toHaveLength(1);
	});

	it('names the portfolio in a not-found, keeping the API text', async () => {
		const error = await t.runError(P('getContacts', { portfolioId: rl(missing), returnAll: true }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(`Portfolio ${missing} not found [item 0]`);
		expect(error.description).toContain('Carteira não encontrada.');
	});

	it('pages on until the limit', async () => {
		await t.run(P('addContacts', { portfolioId: rl(inativos), contactId: rl(paulo) }));
		await t.run(P('addContacts', { portfolioId: rl(inativos), contactId: rl(camila) }));
		const { output } = await t.run(P('getContacts', { portfolioId: rl(inativos), returnAll: false, limit: 1 }));
		expect(only(output)).toHaveLength(1);
		expect(lastRequest().query).toMatchObject({ Page: ['1'], PageSize: ['1'] });
	});
});

describe('Portfolio → Add Contact / Remove Contact', () => {
	it("adds a contact: it shows in the portfolio's contacts and in the contact's portfolioIds", async () => {
		const { output } = await t.run(P('addContact', { portfolioId: rl(sul), contactId: rl(paulo, 'list') }));
		expect(lastRequest()).toMatchObject({ method: 'POST', path: `/core/v1/portfolio/${sul}/contact`, body: { contactId: paulo } });
		expect(only(output)[0]).toMatchObject({ portfolioId: sul, contactId: paulo });
		expect(members(sul)).toContain(paulo);
		expect(contact(paulo).portfolioIds).toContain(sul);
	});

	it('removes a contact with a DELETE carrying a JSON body and outputs what was unlinked', async () => {
		const { output } = await t.run(P('removeContact', { portfolioId: rl(vip), contactId: rl(maria) }));
		expect(lastRequest()).toMatchObject({ method: 'DELETE', path: `/core/v1/portfolio/${vip}/contact`, body: { contactId: maria } });
		expect(only(output)).toEqual([{ deleted: true, id: maria, portfolioId: vip }]);
		expect(members(vip)).not.toContain(maria);
		expect(contact(maria).portfolioIds).not.toContain(vip);
	});

	it("surfaces WTS's refusal (unknown contact, contact not in the portfolio) with its text", async () => {
		const e1 = await t.runError(P('addContact', { portfolioId: rl(sul), contactId: rl(missing) }));
		expect(e1).toBeInstanceOf(NodeApiError);
		expect(e1.description).toContain('Contato não encontrado.');
		const e2 = await t.runError(P('removeContact', { portfolioId: rl(sul), contactId: rl(camila) }));
		expect(e2.description).toContain('Contato não encontrado na carteira.');
	});

	it('refuses empty or malformed IDs before any request', async () => {
		expect((await t.runError(P('addContact', { portfolioId: rl(''), contactId: rl(paulo) }))).message).toBe('The Portfolio ID field is empty [item 0]');
		expect((await t.runError(P('removeContact', { portfolioId: rl(vip), contactId: rl('12') }))).message).toBe('"12" is not a valid Contact ID [item 0]');
		expect(requests()).toHaveLength(0);
	});

	it('one request per item, paired; Continue On Fail in both modes', async () => {
		const ids = [paulo, 'bad', camila];
		const params = (i: number) => P('addContact', { portfolioId: rl(inativos), contactId: rl(ids[i]) });
		const items = ids.map(() => ({ json: {} }));
		const regular = await t.run(params, { items, onError: 'continueRegularOutput' });
		expect(regular.output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(regular.output[0][1].json).toEqual({ error: '"bad" is not a valid Contact ID [item 1]' });
		expect(members(inativos)).toEqual([paulo, camila].sort());
		const split = await t.run(params, { items, onError: 'continueErrorOutput' });
		expect(split.output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(split.output[1].map((o: Item) => o.pairedItem)).toEqual([{ item: 1 }]);
	});
});

describe('Portfolio → Add Contacts / Remove Contacts (batch)', () => {
	const allContacts = Object.values(SEED.contacts).map((c) => (c as { id: string }).id);

	it('groups the items by portfolio into one request each, one paired output per item', async () => {
		const plan = [
			[inativos, paulo],
			[sul, camila],
			[inativos, camila],
			[inativos, paulo],
		];
		const { output } = await t.run((i: number) => P('addContacts', { portfolioId: rl(plan[i][0]), contactId: rl(plan[i][1]) }), {
			items: plan.map(() => ({ json: {} })),
		});
		const posts = requests().filter((r) => r.method === 'POST');
		expect(posts).toHaveLength(2);
		expect(posts[0]).toMatchObject({ path: `/core/v1/portfolio/${inativos}/contact/batch`, body: { contactIds: [paulo, camila] } });
		expect(posts[1].body).toEqual({ contactIds: [camila] });
		expect(output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(output[0].map((o: Item) => [o.json.portfolioId, o.json.contactId])).toEqual(plan);
		expect(members(inativos)).toEqual([paulo, camila].sort());
		expect(contact(camila).portfolioIds.sort()).toEqual([sul, inativos].sort());
	});

	it('sends at most 100 contacts per request: 250 items → 3 requests', async () => {
		const ids = Array.from({ length: 250 }, (_, k) => allContacts[k % allContacts.length]);
		const { output } = await t.run((i: number) => P('addContacts', { portfolioId: rl(inativos), contactId: rl(ids[i]) }), {
			items: ids.map(() => ({ json: {} })),
		});
		expect(requests().map((r) => (r.body.contactIds as string[]).length)).toEqual([allContacts.length, allContacts.length, allContacts.length]);
		expect(requests()).toHaveLength(3);
		expect(output[0]).toHaveLength(250);
	});

	it('fails only the item whose contact the answer leaves out (Continue On Fail), the others are added', async () => {
		const ids = [paulo, missing, camila];
		const params = (i: number) => P('addContacts', { portfolioId: rl(inativos), contactId: rl(ids[i]) });
		const items = ids.map(() => ({ json: {} }));
		const { output } = await t.run(params, { items, onError: 'continueRegularOutput' });
		expect(requests()).toHaveLength(1);
		expect(output[0][1].json.error).toBe(`Contact ${missing} was not added to portfolio ${inativos} [item 1]`);
		expect(output[0][2].json.contactId).toBe(camila);
		const split = await t.run(params, { items, onError: 'continueErrorOutput' });
		expect(split.output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(split.output[1].map((o: Item) => o.pairedItem)).toEqual([{ item: 1 }]);
		const stop = await t.runError(params, { items });
		expect(stop.message).toBe(`Contact ${missing} was not added to portfolio ${inativos} [item 1]`);
	});

	it('refuses a malformed item before any request; a missing portfolio fails every item of its request', async () => {
		const bad = await t.runError((i: number) => P('addContacts', { portfolioId: rl(vip), contactId: rl([paulo, 'x'][i]) }), {
			items: [{ json: {} }, { json: {} }],
		});
		expect(bad.message).toBe('"x" is not a valid Contact ID [item 1]');
		expect(requests()).toHaveLength(0);
		const { output } = await t.run(P('removeContacts', { portfolioId: rl(missing), contactId: rl(paulo) }), {
			items: [{ json: {} }, { json: {} }],
			onError: 'continueRegularOutput',
		});
		expect(output[0].map((o: Item) => o.json.error)).toEqual([`Portfolio ${missing} not found [item 0]`, `Portfolio ${missing} not found [item 1]`]);
	});

	it('removes contacts with DELETE + JSON body, grouped by portfolio', async () => {
		const plan = [
			[vip, maria],
			[sul, SEED.contacts.joao.id],
			[vip, SEED.contacts.juliana.id],
		];
		const { output } = await t.run((i: number) => P('removeContacts', { portfolioId: rl(plan[i][0]), contactId: rl(plan[i][1]) }), {
			items: plan.map(() => ({ json: {} })),
		});
		expect(requests().map((r) => [r.method, r.path, r.body])).toEqual([
			['DELETE', `/core/v1/portfolio/${vip}/contact/batch`, { contactIds: [maria, SEED.contacts.juliana.id] }],
			['DELETE', `/core/v1/portfolio/${sul}/contact/batch`, { contactIds: [SEED.contacts.joao.id] }],
		]);
		expect(only(output)).toEqual(plan.map(([portfolioId, id]) => ({ deleted: true, id, portfolioId })));
		expect(members(vip)).toEqual([]);
		expect(contact(maria).portfolioIds).toEqual([]);
	});
});

describe('Portfolio → contacts by phone number (Contact By: Phone Number)', () => {
	const byPhone = (operation: string, portfolioId: string, phoneNumber: string, extra: Record<string, unknown> = {}) =>
		P(operation, { portfolioId: rl(portfolioId), contactBy: 'phoneNumber', phoneNumber, ...extra });

	it('adds and removes one contact by a number as people write it, sent as digits with the country code', async () => {
		const { output } = await t.run(byPhone('addContact', sul, '(11) 99999-0006'));
		expect(lastRequest()).toMatchObject({ method: 'POST', path: `/core/v1/portfolio/${sul}/contact`, body: { phoneNumber: '5511999990006' } });
		expect(only(output)[0]).toMatchObject({ portfolioId: sul, contactId: paulo });
		expect(members(sul)).toContain(paulo);
		const removedOut = await t.run(byPhone('removeContact', sul, '+55 11 99999-0006'));
		expect(lastRequest()).toMatchObject({ method: 'DELETE', body: { phoneNumber: '5511999990006' } });
		expect(only(removedOut.output)).toEqual([{ deleted: true, id: '5511999990006', portfolioId: sul }]);
		expect(members(sul)).not.toContain(paulo);
	});

	it('uses the Default Country Code option for a national number', async () => {
		await t.run(byPhone('addContact', sul, '11 99999-0006', { options: { defaultCountryCode: '+1' } }), { onError: 'continueRegularOutput' });
		expect(lastRequest().body).toEqual({ phoneNumber: '111999990006' });
	});

	it('refuses a number that cannot be a phone number, and an empty one, before any request', async () => {
		expect((await t.runError(byPhone('addContact', sul, 'abc'))).message).toBe('"abc" is not a valid Phone Number [item 0]');
		expect((await t.runError(byPhone('removeContacts', sul, ''))).message).toMatch(/Phone Number.*\[item 0\]/);
		expect(requests()).toHaveLength(0);
	});

	it('batches mix contacts and numbers in one request (contactIds and phoneNumbers), each item paired with its link', async () => {
		const plan: Array<Record<string, unknown>> = [
			{ contactBy: 'phoneNumber', phoneNumber: '(11) 99999-0006' },
			{ contactId: rl(camila) },
			{ contactBy: 'phoneNumber', phoneNumber: '11 90000-0000' },
		];
		const params = (i: number) => P('addContacts', { portfolioId: rl(inativos), ...plan[i] });
		const { output } = await t.run(params, { items: plan.map(() => ({ json: {} })), onError: 'continueRegularOutput' });
		expect(requests()).toHaveLength(1);
		expect(lastRequest().body).toEqual({ contactIds: [camila], phoneNumbers: ['5511999990006', '5511900000000'] });
		expect(output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0][0].json).toMatchObject({ portfolioId: inativos, contactId: paulo });
		expect(output[0][1].json).toMatchObject({ portfolioId: inativos, contactId: camila });
		expect(output[0][2].json.error).toBe(`The contact with phone number +5511900000000 was not added to portfolio ${inativos} [item 2]`);
		expect(members(inativos)).toEqual([paulo, camila].sort());

		const removedOut = await t.run((i: number) => P('removeContacts', { portfolioId: rl(inativos), ...plan[i] }), { items: plan.slice(0, 2).map(() => ({ json: {} })) });
		expect(lastRequest()).toMatchObject({ method: 'DELETE', body: { contactIds: [camila], phoneNumbers: ['5511999990006'] } });
		expect(only(removedOut.output)).toEqual([
			{ deleted: true, id: '5511999990006', portfolioId: inativos },
			{ deleted: true, id: camila, portfolioId: inativos },
		]);
		expect(members(inativos)).toEqual([]);
	});
});

describe('Portfolio picker (searchPortfolios)', () => {
	it('labels portfolios with their contact count and matches folded text', async () => {
		const { results } = await t.node().methods.listSearch.searchPortfolios.call(t.loadOptions(), 'regiao sul');
		expect(results).toEqual([{ name: 'Carteira Região Sul (1 contact)', value: sul }]);
	});
});
