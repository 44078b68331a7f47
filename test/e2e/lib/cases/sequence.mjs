// End-to-end cases of the Sequence resource (see ./index.mjs for `suite`).
import { expect, it } from 'vitest';

import { SEED } from '../../../../sandbox/seed.mjs';

export default function sequenceCases(suite) {
	const sequenceId = SEED.sequences.boasVindas.id;
	const contacts = [SEED.contacts.maria.id, SEED.contacts.fernanda.id];
	const membersNow = async () => (await suite.api(`/chat/v2/sequence/${sequenceId}/contact?PageSize=100`)).items.map((c) => c.contactId);

	it('Sequence: every operation chained by expressions, the batches paired per item, the contacts leave the sequence', async () => {
		const before = await membersNow();
		const r = await suite.leg().run('sequence', { sequenceId, items: contacts.map((contactId) => ({ sequenceId, contactId })) });
		expect(r.execution.status).toBe('success');
		const paired = (node) => r.out(node).map((i) => i.pairedItem);
		expect(r.out('Get Many Sequences').map((i) => i.json.id)).toContain(sequenceId);
		expect(r.out('Get Contacts').map((i) => i.json.contactId).sort()).toEqual([...before].sort());
		expect(r.out('Add Contact').map((i) => i.json.contactId)).toEqual(contacts);
		expect(r.out('Remove Contact').map((i) => i.json)).toEqual(contacts.map((id) => ({ deleted: true, id, sequenceId })));
		expect(r.out('Add Contacts').map((i) => i.json.contactId)).toEqual(contacts);
		expect(paired('Add Contacts')).toEqual([{ item: 0 }, { item: 1 }]);
		expect(r.out('Remove Contacts').map((i) => i.json.deleted)).toEqual([true, true]);
		expect(paired('Remove Contacts')).toEqual([{ item: 0 }, { item: 1 }]);
		expect((await membersNow()).sort()).toEqual([...before].sort());
		// The two batch operations sent one request each for both items.
		const requests = (await (await fetch(`${suite.leg().sandbox.url}/__sandbox/requests`)).json()).filter((q) => q.path === `/chat/v1/sequence/${sequenceId}/contact/batch`);
		expect(requests.slice(-2).map((q) => q.method)).toEqual(['POST', 'DELETE']);
	});

	it('every Sequence operation of the node (as n8n loaded it) was run above', async () => {
		expect((await suite.operationsOf('sequence')).sort()).toEqual(suite.declared('sequence'));
	});
}
