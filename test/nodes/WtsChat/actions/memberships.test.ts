// Portfolio and Sequence share one membership mechanism (actions/contactMemberships.ts). A batch add answers one page of
// memberships only (the sandbox, like the spec's page DTO, gives the first 15): every item past that page still
// reports what WTS did with its contact, looked up in the list's own listing, never a false "not added".
import { describe, expect, it } from 'vitest';

import { rl, SEED, useSandbox } from '../../../harness/fixture.mjs';

const t = useSandbox();
type Json = Record<string, unknown>;
type Req = { method: string; path: string; body?: Json };

const phones = Array.from({ length: 20 }, (_, k) => `+55 11 97000-${String(1000 + k)}`);
const items = phones.map(() => ({ json: {} }));

async function createContacts(): Promise<string[]> {
	const { output } = await t.run((i: number) => ({ resource: 'contact', operation: 'upsertMany', name: `Cliente ${i}`, phoneNumber: phones[i] }), { items });
	return output[0].map((o: { json: Json }) => String(o.json.id));
}

describe('memberships past the first page of a batch answer', () => {
	it('Portfolio → Add Contacts: 20 contacts by ID in one request, each item outputs its link', async () => {
		const ids = await createContacts();
		const before = t.apiRequests().length;
		const { output } = await t.run((i: number) => ({ resource: 'portfolio', operation: 'addContacts', portfolioId: rl(SEED.portfolios.inativos.id), contactId: rl(ids[i]) }), { items });
		const out = output[0].map((o: { json: Json }) => o.json);
		expect(out.map((o: Json) => o.contactId)).toEqual(ids);
		expect(out.every((o: Json) => o.portfolioId === SEED.portfolios.inativos.id && !('error' in o))).toBe(true);
		const requests = (t.apiRequests() as Req[]).slice(before);
		expect(requests.filter((r) => r.method === 'POST')).toHaveLength(1);
	});

	it('Sequence → Add Contacts: 20 contacts by phone number in one request, each item outputs its membership', async () => {
		const { output } = await t.run(
			(i: number) => ({ resource: 'sequence', operation: 'addContacts', sequenceId: rl(SEED.sequences.boasVindas.id), contactBy: 'phoneNumber', phoneNumber: phones[i] }),
			{ items },
		);
		const out = output[0].map((o: { json: Json }) => o.json);
		expect(out).toHaveLength(20);
		expect(out.every((o: Json) => typeof o.contactId === 'string' && !('error' in o) && !('added' in o))).toBe(true);
		const digits = out.map((o: Json) => String((o.contactDetails as Json)?.phonenumber).replace(/\D/g, ''));
		expect(digits).toEqual(phones.map((p) => p.replace(/\D/g, '')));
	});

	it('Portfolio: a contact in neither the answer nor the listing fails that item alone, the others are paired', async () => {
		const missing = '3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b';
		const ids = [SEED.contacts.maria.id, missing, SEED.contacts.joao.id];
		const { output } = await t.run(
			(i: number) => ({ resource: 'portfolio', operation: 'addContacts', portfolioId: rl(SEED.portfolios.inativos.id), contactId: rl(ids[i]) }),
			{ items: ids.map(() => ({ json: {} })), onError: 'continueRegularOutput' },
		);
		const out = output[0];
		expect(out.map((o: { pairedItem: unknown }) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out[0].json.contactId).toBe(SEED.contacts.maria.id);
		expect(out[1].json.error).toBe(`Contact ${missing} was not added to portfolio ${SEED.portfolios.inativos.id} [item 1]`);
		expect(out[2].json.contactId).toBe(SEED.contacts.joao.id);
	});
});
