import { describe, it, expect, beforeAll } from 'vitest';
import { SEED } from '../../sandbox/server.mjs';
import { useStrictSandbox } from './helpers.mjs';

let sb;
let api;
const strict = useStrictSandbox();
beforeAll(() => {
	({ sb, api } = strict);
});

const members = (sequenceId) =>
	[...sb.state.sequenceContacts.values()].filter((sc) => sc.sequenceId === sequenceId && sc.active).map((sc) => sc.contactId);

describe('sequences (services/sequences.mjs)', () => {
	const seq = SEED.sequences.boasVindas.id;

	it('a batch add creates unknown phones, answers one page with the contact details; a batch remove skips non-members', async () => {
		const r = await api.post(`/chat/v1/sequence/${seq}/contact/batch`, { contactIds: [SEED.contacts.paulo.id], phoneNumbers: ['5511977770000'] });
		expect(r.status).toBe(200);
		expect(r.body.items).toHaveLength(2);
		expect(r.body.items[1].contactDetails.phonenumber).toBe('+55|11977770000');
		expect(members(seq)).toHaveLength(4);
		const d = await api.del(`/chat/v1/sequence/${seq}/contact/batch`, { body: { contactIds: [SEED.contacts.paulo.id, SEED.contacts.maria.id] } });
		expect(d.status).toBe(200);
		expect(members(seq)).not.toContain(SEED.contacts.paulo.id);
	});

	it('a single remove of a contact not in the sequence is a FORM_ERROR; adding to a disabled sequence too', async () => {
		const r = await api.del(`/chat/v1/sequence/${seq}/contact`, { body: { contactId: SEED.contacts.paulo.id } });
		expect(r.status).toBe(500);
		expect(r.body.text).toBe('O contato não está na sequência.');
		const d = await api.post(`/chat/v1/sequence/${SEED.sequences.cobranca.id}/contact`, { contactId: SEED.contacts.paulo.id });
		expect(d.body.text).toBe('A sequência está desativada.');
	});
});

describe('agents and departments (services/team.mjs)', () => {
	it('an agent added to a department is listed by it and leaves it when the department is deleted', async () => {
		const { bruno } = SEED.agents;
		const dep = SEED.departments.financeiro.id;
		expect((await api.post(`/core/v1/agent/${bruno.id}/departments`, { action: 'Upsert', items: [{ departmentId: dep, isSupervisor: true }] })).status).toBe(200);
		const got = await api.get(`/core/v1/department/${dep}`);
		expect(got.body.agents).toContainEqual({ userId: bruno.userId, departmentId: dep, isAgent: true, isSupervisor: true });
		await api.del(`/core/v1/department/${dep}`);
		expect(sb.state.agents.get(bruno.id).departments.map((d) => d.departmentId)).not.toContain(dep);
	});

	it('deleting an agent returns its open sessions to pending by default', async () => {
		const { carla } = SEED.agents;
		const open = [...sb.state.sessions.values()].filter((s) => s.userId === carla.userId && s.status === 'IN_PROGRESS');
		expect(open.length).toBeGreaterThan(0);
		expect((await api.del(`/core/v1/agent/${carla.id}`)).status).toBe(200);
		expect(open.every((s) => s.status === 'PENDING' && s.userId === null)).toBe(true);
		expect((await api.get(`/core/v1/agent/${carla.id}`)).status).toBe(500);
	});

	it('department channels are resolved by id, name or number', async () => {
		const r = await api.post('/core/v1/department', { name: 'Canais', channelsConfig: { scope: 'SELECTED', channels: ['Loja Exemplo Vendas', '5511300000001'] } });
		expect(r.status).toBe(200);
		expect(r.body.channels.map((c) => c.id).sort()).toEqual([SEED.channels.zapi.id, SEED.channels.whatsapp.id].sort());
	});
});
