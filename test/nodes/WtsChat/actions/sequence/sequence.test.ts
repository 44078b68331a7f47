import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { listSearch } from '../../../../../nodes/WtsChat/methods';
import { rl, SEED, useSandbox } from '../../../../harness/fixture.mjs';

const t = useSandbox();
type Json = Record<string, unknown>;
type Item = { json: Json; pairedItem?: unknown; error?: unknown };
type Req = { method: string; path: string; query: Record<string, string[]>; body: Json };
const S = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'sequence', operation, ...extra });
const only = (output: Item[][]) => output[0].map((o) => o.json);
const lastRequest = () => t.apiRequests().at(-1) as Req;
const boasVindas = SEED.sequences.boasVindas.id;
const reengajamento = SEED.sequences.reengajamento.id;
const cobranca = SEED.sequences.cobranca.id;
const missing = '00000000-0000-4000-8000-000000000000';
/** The active members (contact IDs) of a sequence, from the sandbox's state. */
const members = (sequenceId: string) =>
	[...t.sandbox.state.sequenceContacts.values()]
		.filter((sc: Json) => sc.sequenceId === sequenceId && sc.active)
		.map((sc: Json) => sc.contactId)
		.sort();

describe('Sequence → Get Many', () => {
	it('lists sequences with filters and details, one item per sequence', async () => {
		const { output } = await t.run(S('getMany', { returnAll: true, options: { includeDetails: ['ContactExecutingCount'] } }));
		const all = only(output);
		expect(all.map((s) => s.id).sort()).toEqual([boasVindas, reengajamento, cobranca].sort());
		expect(all.find((s) => s.id === boasVindas)?.contactExecutingCount).toBe(2);
		expect(lastRequest()).toMatchObject({ method: 'GET', path: '/chat/v1/sequence' });
		expect(lastRequest().query.IncludeDetails).toEqual(['ContactExecutingCount']);

		const { output: mine } = await t.run(S('getMany', { returnAll: true, filters: { contactId: SEED.contacts.paulo.id, name: 'reengaj' } }));
		expect(only(mine).map((s) => s.id)).toEqual([reengajamento]);
		expect(lastRequest().query).toMatchObject({ ContactId: [SEED.contacts.paulo.id], Name: ['reengaj'] });
	});

	it('applies Limit', async () => {
		const { output } = await t.run(S('getMany', { returnAll: false, limit: 2 }));
		expect(output[0]).toHaveLength(2);
	});

	it('refuses a malformed contact ID or limit before any request', async () => {
		expect((await t.runError(S('getMany', { returnAll: true, filters: { contactId: 'paulo' } }))).message).toBe('"paulo" is not a valid Contact ID [item 0]');
		expect((await t.runError(S('getMany', { returnAll: false, limit: 0 }))).message).toBe('Limit must be a whole number of at least 1 [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});
});

describe('Sequence → Get Contacts', () => {
	it('lists the contacts of a sequence (v2 endpoint), simplified, with details when asked', async () => {
		const { output } = await t.run(S('getContacts', { sequenceId: rl(boasVindas, 'list'), returnAll: true, options: { includeContactDetails: true } }));
		const contacts = only(output);
		expect(contacts.map((c) => c.contactId).sort()).toEqual([SEED.contacts.joao.id, SEED.contacts.camila.id].sort());
		expect(Object.keys(contacts[0]).sort()).toEqual(['active', 'contactDetails', 'contactId', 'contactName', 'createdAt', 'id', 'lastAddedAt', 'origin', 'sequenceId'].sort());
		expect(lastRequest().path).toBe(`/chat/v2/sequence/${boasVindas}/contact`);
		expect(lastRequest().query.IncludeDetails).toEqual(['ContactDetails']);

		const { output: raw } = await t.run(S('getContacts', { sequenceId: rl(boasVindas), returnAll: true, simplify: false, filters: { phoneNumber: '(11) 99999-0002' } }));
		expect(only(raw).map((c) => c.contactId)).toEqual([SEED.contacts.joao.id]);
		expect(only(raw)[0]).toHaveProperty('companyId');
		expect(lastRequest().query.PhoneNumber).toEqual(['5511999990002']);
	});

	it('pages with Limit', async () => {
		const { output } = await t.run(S('getContacts', { sequenceId: rl(boasVindas), returnAll: false, limit: 1 }));
		expect(output[0]).toHaveLength(1);
	});

	it("surfaces WTS's not-found for an unknown sequence", async () => {
		const error = await t.runError(S('getContacts', { sequenceId: rl(missing), returnAll: true }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(`Sequence ${missing} not found [item 0]`);
		expect(error.description).toContain('Sequência não encontrada.');
	});

	it('refuses an empty sequence and a bad phone before any request', async () => {
		expect((await t.runError(S('getContacts', { sequenceId: rl(''), returnAll: true }))).message).toBe('The Sequence ID field is empty [item 0]');
		expect((await t.runError(S('getContacts', { sequenceId: rl(boasVindas), returnAll: true, filters: { phoneNumber: '12ab' } }))).message).toBe(
			'"12ab" is not a valid Phone Number [item 0]',
		);
		expect(t.apiRequests()).toHaveLength(0);
	});
});

describe('Sequence → Add Contact / Remove Contact', () => {
	it('adds a contact by ID and by phone, then removes it: it leaves the sequence', async () => {
		const paulo = SEED.contacts.paulo.id;
		const { output } = await t.run(S('addContact', { sequenceId: rl(boasVindas), contactBy: 'contact', contactId: rl(paulo, 'list') }));
		expect(lastRequest()).toMatchObject({ method: 'POST', path: `/chat/v1/sequence/${boasVindas}/contact`, body: { contactId: paulo } });
		expect(only(output)[0]).toMatchObject({ sequenceId: boasVindas, contactId: paulo, active: true });
		expect(members(boasVindas)).toContain(paulo);

		await t.run(S('addContact', { sequenceId: rl(reengajamento), contactBy: 'phoneNumber', phoneNumber: '+55 (11) 99999-0001' }));
		expect(lastRequest().body).toEqual({ phoneNumber: '5511999990001' });
		expect(members(reengajamento)).toContain(SEED.contacts.maria.id);

		const { output: removed } = await t.run(S('removeContact', { sequenceId: rl(boasVindas), contactBy: 'contact', contactId: rl(paulo) }));
		expect(lastRequest()).toMatchObject({ method: 'DELETE', path: `/chat/v1/sequence/${boasVindas}/contact`, body: { contactId: paulo } });
		expect(only(removed)).toEqual([{ deleted: true, id: paulo, sequenceId: boasVindas }]);
		expect(members(boasVindas)).not.toContain(paulo);
		const { output: listed } = await t.run(S('getContacts', { sequenceId: rl(boasVindas), returnAll: true }));
		expect(only(listed).map((c) => c.contactId)).not.toContain(paulo);
	});

	it("surfaces the API's text: a disabled sequence, a contact not in the sequence, an unknown contact", async () => {
		const e1 = await t.runError(S('addContact', { sequenceId: rl(cobranca), contactId: rl(SEED.contacts.paulo.id) }));
		expect(e1.message).toBe('WTS Chat rejected the request (Sequence): A sequência está desativada. [item 0]');
		const e2 = await t.runError(S('removeContact', { sequenceId: rl(boasVindas), contactId: rl(SEED.contacts.paulo.id) }));
		expect(e2.message).toBe('WTS Chat rejected the request (Sequence): O contato não está na sequência. [item 0]');
		const e3 = await t.runError(S('addContact', { sequenceId: rl(boasVindas), contactId: rl(missing) }));
		expect(e3.message).toBe('Contact not found [item 0]');
	});

	it('refuses a bad contact ID, phone or sequence before any request', async () => {
		expect((await t.runError(S('addContact', { sequenceId: rl(boasVindas), contactId: rl('x') }))).message).toBe('"x" is not a valid Contact ID [item 0]');
		expect((await t.runError(S('addContact', { sequenceId: rl(boasVindas), contactBy: 'phoneNumber', phoneNumber: '' }))).message).toBe(
			'The Phone Number field is empty [item 0]',
		);
		expect((await t.runError(S('removeContact', { sequenceId: rl('seq'), contactId: rl(SEED.contacts.paulo.id) }))).message).toBe(
			'"seq" is not a valid Sequence ID [item 0]',
		);
		expect(t.apiRequests()).toHaveLength(0);
	});
});

describe('Sequence → Add Contacts / Remove Contacts (batches)', () => {
	const contacts = [SEED.contacts.maria.id, SEED.contacts.fernanda.id, SEED.contacts.ricardo.id];

	it('groups the items by sequence into one request each, one paired output per item', async () => {
		const params = (i: number) =>
			i === 3
				? S('addContacts', { sequenceId: rl(reengajamento), contactBy: 'phoneNumber', phoneNumber: '11 97777-0000' })
				: S('addContacts', { sequenceId: rl(boasVindas), contactId: rl(contacts[i]) });
		const { output } = await t.run(params, { items: [0, 1, 2, 3].map((i) => ({ json: { i } })) });
		const posts = t.apiRequests().filter((r: Req) => r.method === 'POST');
		expect(posts).toHaveLength(2);
		expect(posts[0]).toMatchObject({ path: `/chat/v1/sequence/${boasVindas}/contact/batch`, body: { contactIds: contacts } });
		expect(posts[1]).toMatchObject({ path: `/chat/v1/sequence/${reengajamento}/contact/batch`, body: { phoneNumbers: ['5511977770000'] } });
		expect(output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(only(output).slice(0, 3).map((r) => r.contactId)).toEqual(contacts);
		expect(only(output)[3]).toMatchObject({ sequenceId: reengajamento, active: true });
		expect(members(boasVindas)).toEqual(expect.arrayContaining(contacts));
		expect(members(reengajamento)).toHaveLength(2); // Paulo and the contact the phone created

		const { output: removed } = await t.run((i: number) => S('removeContacts', { sequenceId: rl(boasVindas), contactId: rl(contacts[i]) }), {
			items: [0, 1, 2].map(() => ({ json: {} })),
		});
		const deletes = t.apiRequests().filter((r: Req) => r.method === 'DELETE');
		expect(deletes).toHaveLength(1);
		expect(deletes[0]).toMatchObject({ path: `/chat/v1/sequence/${boasVindas}/contact/batch`, body: { contactIds: contacts } });
		expect(only(removed)).toEqual(contacts.map((id) => ({ deleted: true, id, sequenceId: boasVindas })));
		expect(members(boasVindas)).toEqual([SEED.contacts.joao.id, SEED.contacts.camila.id].sort());
	});

	it('sends at most 100 contacts a request', async () => {
		const phones = Array.from({ length: 150 }, (_, i) => `11 9${String(1000000 + i).padStart(8, '0')}`);
		const { output } = await t.run((i: number) => S('removeContacts', { sequenceId: rl(boasVindas), contactBy: 'phoneNumber', phoneNumber: phones[i] }), {
			items: phones.map(() => ({ json: {} })),
		});
		expect(output[0]).toHaveLength(150);
		expect(t.apiRequests().map((r: Req) => (r.body.phoneNumbers as string[]).length)).toEqual([100, 50]);
	});

	it("surfaces the API's error for every item of the request", async () => {
		const error = await t.runError(S('addContacts', { sequenceId: rl(cobranca), contactId: rl(contacts[0]) }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('WTS Chat rejected the request (Sequence): A sequência está desativada. [item 0]');
	});

	describe('a bad item among good ones', () => {
		const ids = () => [contacts[0], 'nope', contacts[1]];
		const params = (i: number) => S('addContacts', { sequenceId: rl(boasVindas), contactId: rl(ids()[i]) });
		const items = [{ json: {} }, { json: {} }, { json: {} }];

		it('Continue (regular output): the bad item stays in place, the others go in one request', async () => {
			const { output } = await t.run(params, { items, onError: 'continueRegularOutput' });
			expect(output[0]).toHaveLength(3);
			expect(output[0][1].json).toEqual({ error: '"nope" is not a valid Contact ID [item 1]' });
			expect(output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(t.apiRequests()).toHaveLength(1);
			expect(lastRequest().body).toEqual({ contactIds: [contacts[0], contacts[1]] });
		});

		it('Continue (error output): the bad item goes to the error output', async () => {
			const { output } = await t.run(params, { items, onError: 'continueErrorOutput' });
			expect(output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
			expect(output[1]).toHaveLength(1);
			expect(output[1][0].pairedItem).toEqual({ item: 1 });
			expect(output[1][0].error).toBeInstanceOf(NodeOperationError);
		});

		it('Stop workflow: stops at the bad item before any request', async () => {
			const error = await t.runError(params, { items });
			expect(error.message).toBe('"nope" is not a valid Contact ID [item 1]');
			expect(t.apiRequests()).toHaveLength(0);
		});
	});

	it('Continue On Fail on single operations: a failing item does not stop the others', async () => {
		const seqs = [boasVindas, cobranca, reengajamento];
		const { output } = await t.run((i: number) => S('addContact', { sequenceId: rl(seqs[i]), contactId: rl(SEED.contacts.maria.id) }), {
			items: seqs.map(() => ({ json: {} })),
			onError: 'continueErrorOutput',
		});
		expect(output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(output[1][0].json.error).toBe('WTS Chat rejected the request (Sequence): A sequência está desativada. [item 1]');
	});
});

describe('Sequence picker', () => {
	it('searches sequences on their labels, accents and case folded', async () => {
		const result = await listSearch.searchSequences.call(t.loadOptions(), 'cobranca');
		expect(result.results).toEqual([{ name: 'Cobrança amigável (disabled)', value: cobranca }]);
	});
});
