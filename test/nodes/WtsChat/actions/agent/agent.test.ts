import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { listSearch } from '../../../../../nodes/WtsChat/methods';
import { rl, SEED, useSandbox } from '../../../../harness/fixture.mjs';

const t = useSandbox();
type Json = Record<string, unknown>;
type Item = { json: Json; pairedItem?: unknown; error?: unknown };
type Req = { method: string; path: string; query: Record<string, string[]>; body: Json | null };
const A = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'agent', operation, ...extra });
const only = (output: Item[][]) => output[0].map((o) => o.json);
const lastRequest = () => t.apiRequests().at(-1) as Req;
const agent = (id: string) => t.sandbox.state.agents.get(id) as Json;
const missing = '00000000-0000-4000-8000-000000000000';
const { ana, bruno, carla, diego } = SEED.agents;

describe('Agent → Get Many / Get', () => {
	it('lists agents, simplified by default, with Limit applied to the plain list', async () => {
		const { output } = await t.run(A('getMany', { returnAll: true }));
		expect(only(output).map((a) => a.id).sort()).toEqual([ana.id, bruno.id, carla.id, diego.id].sort());
		expect(Object.keys(only(output)[0])).not.toContain('companyId');
		const { output: two } = await t.run(A('getMany', { returnAll: false, limit: 2, simplify: false }));
		expect(two[0]).toHaveLength(2);
		expect(only(two)[0]).toHaveProperty('companyId');
		expect(lastRequest()).toMatchObject({ method: 'GET', path: '/core/v1/agent' });
	});

	it('gets one agent by its record ID', async () => {
		const { output } = await t.run(A('get', { agentId: rl(carla.id, 'list') }));
		expect(only(output)[0]).toMatchObject({ id: carla.id, userId: carla.userId, name: 'Carla Mendes' });
		expect(lastRequest().path).toBe(`/core/v1/agent/${carla.id}`);
	});

	it("surfaces WTS's not-found, e.g. for a user ID given where the agent ID is expected", async () => {
		const error = await t.runError(A('get', { agentId: rl(carla.userId) }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(`Agent ${carla.userId} not found [item 0]`);
		expect(error.description).toContain('Usuário não encontrado.');
	});

	it('refuses an empty or malformed ID before any request', async () => {
		expect((await t.runError(A('get', { agentId: rl('') }))).message).toBe('The Agent ID field is empty [item 0]');
		expect((await t.runError(A('logOut', { agentId: rl('carla') }))).message).toBe('"carla" is not a valid Agent ID [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('the Agent picker of this resource gives the agent record ID (sessions’ pickers keep the user ID)', async () => {
		const records = await listSearch.searchAgentRecords.call(t.loadOptions(), 'cárla');
		expect(records.results).toEqual([{ name: 'Carla Mendes (carla.mendes@lojaexemplo.example)', value: carla.id }]);
		const users = await listSearch.searchAgents.call(t.loadOptions(), 'carla');
		expect(users.results.map((r: { value: string }) => r.value)).toEqual([carla.userId]);
	});
});

describe('Agent → Create / Update', () => {
	it('creates an agent with only what was set; the new agent can be assigned sessions', async () => {
		const { output } = await t.run(A('create', { name: ' Eva Nunes ', profile: 'Agent', additionalFields: { email: 'eva@lojaexemplo.example', phoneNumber: '(11) 98888-0009' } }));
		expect(lastRequest().body).toEqual({ name: 'Eva Nunes', profile: 'Agent', email: 'eva@lojaexemplo.example', phoneNumber: '5511988880009' });
		const eva = only(output)[0];
		expect(eva).toMatchObject({ name: 'Eva Nunes', profile: 'Agent', availability: 'AVAILABLE' });
		const session = SEED.sessions.inProgress[0];
		const { output: assigned } = await t.run({ resource: 'session', operation: 'assign', sessionId: rl(session), agentId: rl(eva.userId) });
		expect(only(assigned)[0].userId).toBe(eva.userId);
	});

	it("surfaces the API's text and refuses bad input before any request", async () => {
		const e1 = await t.runError(A('create', { name: 'Outra Carla', profile: 'Agent', additionalFields: { email: 'carla.mendes@lojaexemplo.example' } }));
		expect(e1.message).toBe('WTS Chat rejected the request: Já existe um usuário com este e-mail. [item 0]');
		const requests = t.apiRequests().length;
		expect((await t.runError(A('create', { name: '  ', profile: 'Agent' }))).message).toBe('The Name field is empty [item 0]');
		expect((await t.runError(A('create', { name: 'X', profile: 'admin' }))).message).toBe('"admin" is not a valid Profile [item 0]');
		expect((await t.runError(A('create', { name: 'X', profile: 'Agent', additionalFields: { email: 'x@' } }))).message).toBe('"x@" is not a valid Email [item 0]');
		expect((await t.runError(A('create', { name: 'x'.repeat(101), profile: 'Agent' }))).message).toBe('Name is too long (101 characters) [item 0]');
		expect(t.apiRequests()).toHaveLength(requests);
	});

	it('updates only the fields set or cleared, named in the fields mask', async () => {
		const { output } = await t.run(A('update', { agentId: rl(bruno.id), updateFields: { shortName: 'Bruninho', availability: 'UNAVAILABLE' }, clearFields: ['PhoneNumber'] }));
		expect(lastRequest()).toMatchObject({ method: 'PUT', path: `/core/v1/agent/${bruno.id}` });
		expect(lastRequest().body).toEqual({ shortName: 'Bruninho', availability: 'UNAVAILABLE', phoneNumber: null, fields: ['ShortName', 'Availability', 'PhoneNumber'] });
		expect(only(output)[0]).toMatchObject({ shortName: 'Bruninho', availability: 'UNAVAILABLE', phoneNumber: null, name: 'Bruno Lima' });
		expect(agent(bruno.id).email).toBe('bruno.lima@lojaexemplo.example');
	});

	it('refuses an update with nothing to change, or a field both set and cleared', async () => {
		expect((await t.runError(A('update', { agentId: rl(bruno.id) }))).message).toBe('No field to update [item 0]');
		expect((await t.runError(A('update', { agentId: rl(bruno.id), updateFields: { email: 'a@b.co' }, clearFields: ['Email'] }))).message).toBe(
			'Email is both set and cleared [item 0]',
		);
		expect(t.apiRequests()).toHaveLength(0);
	});
});

describe('Agent → Delete', () => {
	it('transfers the open sessions to another agent and outputs {deleted, id}', async () => {
		const open = [...t.sandbox.state.sessions.values()].filter((s: Json) => s.userId === bruno.userId && s.status === 'IN_PROGRESS');
		expect(open.length).toBeGreaterThan(0);
		const { output } = await t.run(A('delete', { agentId: rl(bruno.id), sessionResolution: 'TRANSFER', transferAgentId: ana.userId }));
		expect(lastRequest()).toMatchObject({ method: 'DELETE', path: `/core/v1/agent/${bruno.id}`, body: { sessionResolution: 'TRANSFER', transferUserId: ana.userId } });
		expect(only(output)).toEqual([{ deleted: true, id: bruno.id }]);
		expect(open.every((s: Json) => s.userId === ana.userId)).toBe(true);
		const { output: left } = await t.run(A('getMany', { returnAll: true }));
		expect(only(left).map((a) => a.id)).not.toContain(bruno.id);
	});

	it('sends no body when WTS Chat decides; refuses a transfer without an agent before any request', async () => {
		await t.run(A('delete', { agentId: rl(diego.id) }));
		expect(lastRequest().body).toBeNull();
		const error = await t.runError(A('delete', { agentId: rl(carla.id), sessionResolution: 'TRANSFER', transferAgentId: '' }));
		expect(error.message).toBe('The Transfer to Agent field is empty [item 0]');
		expect(t.apiRequests()).toHaveLength(1);
	});

	it("surfaces the API's text (the owner cannot be deleted)", async () => {
		const error = await t.runError(A('delete', { agentId: rl(ana.id), sessionResolution: 'COMPLETE' }));
		expect(error.message).toBe('WTS Chat rejected the request: O proprietário da conta não pode ser excluído. [item 0]');
	});
});

describe('Agent → Update Departments', () => {
	it('adds the agent to a department: the department lists it, and sessions can be transferred to it there', async () => {
		const vendas = SEED.departments.vendas.id;
		const { output } = await t.run(
			A('updateDepartments', { agentId: rl(bruno.id), membershipAction: 'Upsert', members: { entries: [{ departmentId: vendas, isAgent: true, isSupervisor: true }] } }),
		);
		expect(lastRequest()).toMatchObject({ method: 'POST', path: `/core/v1/agent/${bruno.id}/departments` });
		expect(lastRequest().body).toEqual({ action: 'Upsert', items: [{ departmentId: vendas, isAgent: true, isSupervisor: true }] });
		expect(only(output)[0]).toEqual({ id: bruno.id, action: 'Upsert', departments: [{ departmentId: vendas, isAgent: true, isSupervisor: true }] });
		const { output: dep } = await t.run({ resource: 'department', operation: 'get', departmentId: rl(vendas) });
		expect((only(dep)[0].agents as Json[]).map((a) => a.userId)).toContain(bruno.userId);
		const session = SEED.sessions.inProgress[0];
		const { output: moved } = await t.run({ resource: 'session', operation: 'transfer', sessionId: rl(session), departmentId: rl(vendas), agentId: rl(bruno.userId) });
		expect(only(moved)[0]).toMatchObject({ departmentId: vendas, userId: bruno.userId });

		await t.run(A('updateDepartments', { agentId: rl(bruno.id), membershipAction: 'ReplaceAll', members: { entries: [{ departmentId: vendas }] } }));
		expect((agent(bruno.id).departments as Json[]).map((d) => d.departmentId)).toEqual([vendas]);
		await t.run(A('updateDepartments', { agentId: rl(bruno.id), membershipAction: 'Remove', members: { entries: [{ departmentId: vendas }] } }));
		expect(agent(bruno.id).departments).toEqual([]);
	});

	it("surfaces the API's not-found and refuses bad input before any request", async () => {
		const error = await t.runError(A('updateDepartments', { agentId: rl(bruno.id), membershipAction: 'Upsert', members: { entries: [{ departmentId: missing }] } }));
		expect(error.message).toBe('Department not found [item 0]');
		const requests = t.apiRequests().length;
		expect((await t.runError(A('updateDepartments', { agentId: rl(bruno.id), membershipAction: 'Upsert' }))).message).toBe('No department given [item 0]');
		expect((await t.runError(A('updateDepartments', { agentId: rl(bruno.id), membershipAction: 'UPSERT', members: { entries: [{ departmentId: missing }] } }))).message).toBe(
			'"UPSERT" is not a valid Action [item 0]',
		);
		expect((await t.runError(A('updateDepartments', { agentId: rl(bruno.id), members: { entries: [{ departmentId: 'Vendas' }] } }))).message).toBe(
			'"Vendas" is not a valid Department ID [item 0]',
		);
		expect(t.apiRequests()).toHaveLength(requests);
	});
});

describe('Agent → Log Out / Change Status', () => {
	it('logs an agent out: it becomes unavailable', async () => {
		const { output } = await t.run(A('logOut', { agentId: rl(carla.id) }));
		expect(lastRequest()).toMatchObject({ method: 'POST', path: `/core/v1/agent/${carla.id}/logout` });
		expect(only(output)).toEqual([{ loggedOut: true, id: carla.id }]);
		expect(agent(carla.id)).toMatchObject({ availability: 'UNAVAILABLE' });
		expect(agent(carla.id)._loggedOutAt).toBeTruthy();
	});

	it('blocks an agent: it can no longer be assigned sessions; activating it again lets it', async () => {
		const { output } = await t.run(A('changeStatus', { agentId: rl(carla.id), status: 'Blocked' }));
		expect(lastRequest().body).toEqual({ status: 'Blocked' });
		expect(only(output)[0]).toMatchObject({ id: carla.id, availability: 'UNAVAILABLE' });
		const session = SEED.sessions.inProgress[0];
		const assign = { resource: 'session', operation: 'assign', sessionId: rl(session), agentId: rl(carla.userId) };
		expect((await t.runError(assign)).message).toBe('WTS Chat rejected the request: O usuário está bloqueado. [item 0]');
		await t.run(A('changeStatus', { agentId: rl(carla.id), status: 'Active' }));
		const { output: assigned } = await t.run(assign);
		expect(only(assigned)[0].userId).toBe(carla.userId);
	});

	it('refuses a status in the wrong case before any request', async () => {
		expect((await t.runError(A('changeStatus', { agentId: rl(carla.id), status: 'blocked' }))).message).toBe('"blocked" is not a valid Status [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});

	describe('several items, one failing', () => {
		const ids = [carla.id, missing, diego.id];
		const params = (i: number) => A('logOut', { agentId: rl(ids[i]) });
		const items = ids.map(() => ({ json: {} }));

		it('Continue (regular output): paired, the error in place', async () => {
			const { output } = await t.run(params, { items, onError: 'continueRegularOutput' });
			expect(output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(output[0][1].json).toEqual({ error: `Agent ${missing} not found [item 1]` });
			expect(output[0][2].json).toEqual({ loggedOut: true, id: diego.id });
		});

		it('Continue (error output): the failing item on the error output', async () => {
			const { output } = await t.run(params, { items, onError: 'continueErrorOutput' });
			expect(output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
			expect(output[1][0].pairedItem).toEqual({ item: 1 });
			expect(output[1][0].error).toBeInstanceOf(NodeApiError);
		});

		it('Stop workflow: throws for the failing item', async () => {
			const error = await t.runError(params, { items });
			expect(error).not.toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe(`Agent ${missing} not found [item 1]`);
			expect(t.apiRequests()).toHaveLength(2);
		});
	});
});
