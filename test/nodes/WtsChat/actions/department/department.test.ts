import { NodeApiError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { listSearch, loadOptions } from '../../../../../nodes/WtsChat/methods';
import { rl, SEED, useSandbox } from '../../../../harness/fixture.mjs';

const t = useSandbox();
type Json = Record<string, unknown>;
type Item = { json: Json; pairedItem?: unknown; error?: unknown };
type Req = { method: string; path: string; query: Record<string, string[]>; body: Json | null };
const D = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'department', operation, ...extra });
const only = (output: Item[][]) => output[0].map((o) => o.json);
const lastRequest = () => t.apiRequests().at(-1) as Req;
const missing = '00000000-0000-4000-8000-000000000000';
const { suporte, vendas, financeiro } = SEED.departments;
const { ana, bruno, carla, diego } = SEED.agents;

describe('Department → Get Many / Get / Get Channels', () => {
	it('lists departments (v2), simplified, with Limit', async () => {
		const { output } = await t.run(D('getMany', { returnAll: true }));
		expect(only(output).map((d) => d.name)).toEqual(['Financeiro', 'Suporte', 'Vendas']);
		expect(Object.keys(only(output)[0])).not.toContain('companyId');
		expect(lastRequest()).toMatchObject({ method: 'GET', path: '/core/v2/department' });
		const { output: one } = await t.run(D('getMany', { returnAll: false, limit: 1 }));
		expect(one[0]).toHaveLength(1);
	});

	it('gets a department with the details asked for', async () => {
		const { output } = await t.run(D('get', { departmentId: rl(vendas.id, 'list'), options: { includeDetails: 'Agents' }, simplify: false }));
		expect(lastRequest()).toMatchObject({ path: `/core/v1/department/${vendas.id}`, query: { includeDetails: ['Agents'] } });
		expect(only(output)[0]).toMatchObject({ id: vendas.id, name: 'Vendas', description: 'Orçamentos, pedidos e atacado.' });
	});

	it('gets the channels a department serves', async () => {
		const { output } = await t.run(D('getChannels', { departmentId: rl(financeiro.id) }));
		expect(lastRequest().path).toBe(`/core/v1/department/${financeiro.id}/channel`);
		expect(only(output)).toEqual([{ departmentId: financeiro.id, scope: 'SELECTED', channels: [SEED.channels.whatsapp.id] }]);
	});

	it("surfaces WTS's not-found and refuses bad IDs before any request", async () => {
		const error = await t.runError(D('get', { departmentId: rl(missing) }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(`Department ${missing} not found [item 0]`);
		const requests = t.apiRequests().length;
		expect((await t.runError(D('getChannels', { departmentId: rl('') }))).message).toBe('The Department ID field is empty [item 0]');
		expect((await t.runError(D('delete', { departmentId: rl('vendas') }))).message).toBe('"vendas" is not a valid Department ID [item 0]');
		expect(t.apiRequests()).toHaveLength(requests);
	});
});

describe('Department → Create / Update / Delete', () => {
	it('creates a department with agents and settings; it shows up in the pickers with its agents', async () => {
		const { output } = await t.run(
			D('create', {
				name: 'Pós-venda',
				members: { entries: [{ agentId: carla.userId, isAgent: true, isSupervisor: true }] },
				additionalFields: { channels: [SEED.channels.zapi.id], distributionIsEnabled: false, maximumDurationInMinutes: 30 },
			}),
		);
		expect(lastRequest().body).toEqual({
			name: 'Pós-venda',
			distributionIsEnabled: false,
			channelsConfig: { scope: 'SELECTED', channels: [SEED.channels.zapi.id] },
			distributionConfig: { maximumDurationInMinutes: 30 },
			agents: [{ userId: carla.userId, isAgent: true, isSupervisor: true }],
		});
		const created = only(output)[0];
		expect(created).toMatchObject({ name: 'Pós-venda', distribuitionEnabled: false });
		expect((created.agents as Json[]).map((a) => a.userId)).toEqual([carla.userId]);
		const picked = await listSearch.searchDepartments.call(t.loadOptions(), 'pos venda');
		expect(picked.results).toEqual([{ name: 'Pós-venda', value: created.id }]);
		const options = await loadOptions.getDepartments.call(t.loadOptions());
		expect(options.map((o: { value: string }) => o.value)).toContain(created.id);
	});

	it("surfaces the API's text and refuses bad input before any request", async () => {
		const e1 = await t.runError(D('create', { name: 'vendas' }));
		expect(e1.message).toBe('WTS Chat rejected the request: Já existe uma equipe com este nome. [item 0]');
		const requests = t.apiRequests().length;
		expect((await t.runError(D('create', { name: ' ' }))).message).toBe('The Name field is empty [item 0]');
		expect((await t.runError(D('create', { name: 'X', additionalFields: { channelScope: 'SELECTED' } }))).message).toBe(
			'Selected Channels needs at least one channel [item 0]',
		);
		expect((await t.runError(D('create', { name: 'X', additionalFields: { inactivityTimeInMinutes: -5 } }))).message).toBe(
			'Distribution Inactivity Time must be a whole number at least 0 and at most 2147483647 [item 0]',
		);
		expect((await t.runError(D('create', { name: 'X', members: { entries: [{ agentId: 'carla' }] } }))).message).toBe('"carla" is not a valid Agent ID [item 0]');
		expect(t.apiRequests()).toHaveLength(requests);
	});

	it('updates only the settings added, named in the fields mask', async () => {
		const { output } = await t.run(D('update', { departmentId: rl(vendas.id), updateFields: { name: 'Vendas B2B', channelScope: 'ALL', restrictionType: 'USER_RESTRICTION' } }));
		expect(lastRequest()).toMatchObject({ method: 'PUT', path: `/core/v1/department/${vendas.id}` });
		expect(lastRequest().body).toEqual({
			name: 'Vendas B2B',
			restrictionType: 'USER_RESTRICTION',
			channelsConfig: { scope: 'ALL' },
			fields: ['Name', 'RestrictionType', 'ChannelsConfig'],
		});
		expect(only(output)[0]).toMatchObject({ name: 'Vendas B2B', restrictionType: 'USER_RESTRICTION', isDefault: false });
		expect((await t.runError(D('update', { departmentId: rl(vendas.id) }))).message).toBe('No field to update [item 0]');
	});

	it('deletes a department: {deleted, id}; it leaves the listing and its agents', async () => {
		const { output } = await t.run(D('delete', { departmentId: rl(financeiro.id) }));
		expect(lastRequest()).toMatchObject({ method: 'DELETE', path: `/core/v1/department/${financeiro.id}` });
		expect(only(output)).toEqual([{ deleted: true, id: financeiro.id }]);
		const { output: left } = await t.run(D('getMany', { returnAll: true }));
		expect(only(left).map((d) => d.id)).not.toContain(financeiro.id);
		expect(t.sandbox.state.agents.get(diego.id).departments).toEqual([]);
		const e = await t.runError(D('delete', { departmentId: rl(suporte.id) }));
		expect(e.message).toBe('WTS Chat rejected the request: A equipe padrão não pode ser excluída. [item 0]');
	});
});

describe('Department → Update Agents', () => {
	it('adds, replaces and removes agents; the agent record follows', async () => {
		const { output } = await t.run(D('updateAgents', { departmentId: rl(financeiro.id), membershipAction: 'Upsert', members: { entries: [{ agentId: bruno.userId }] } }));
		expect(lastRequest()).toMatchObject({ method: 'PUT', path: `/core/v1/department/${financeiro.id}/agents` });
		expect(lastRequest().body).toEqual({ action: 'Upsert', items: [{ userId: bruno.userId, isAgent: true, isSupervisor: false }] });
		expect(only(output)[0]).toMatchObject({ departmentId: financeiro.id, action: 'Upsert' });
		const { output: agentOut } = await t.run({ resource: 'agent', operation: 'get', agentId: rl(bruno.id) });
		expect((only(agentOut)[0].departments as Json[]).map((d) => d.departmentId)).toContain(financeiro.id);

		await t.run(D('updateAgents', { departmentId: rl(financeiro.id), membershipAction: 'ReplaceAll', members: { entries: [{ agentId: ana.userId }] } }));
		const { output: dep } = await t.run(D('get', { departmentId: rl(financeiro.id) }));
		expect((only(dep)[0].agents as Json[]).map((a) => a.userId)).toEqual([ana.userId]);
		await t.run(D('updateAgents', { departmentId: rl(financeiro.id), membershipAction: 'Remove', members: { entries: [{ agentId: ana.userId }] } }));
		const { output: empty } = await t.run(D('get', { departmentId: rl(financeiro.id) }));
		expect(only(empty)[0].agents).toEqual([]);
	});

	it("surfaces the API's not-found for an agent record ID given as a user ID", async () => {
		const error = await t.runError(D('updateAgents', { departmentId: rl(financeiro.id), membershipAction: 'Upsert', members: { entries: [{ agentId: bruno.id }] } }));
		expect(error.message).toBe('Agent not found [item 0]');
	});

	describe('several items, one failing', () => {
		const ids = [vendas.id, missing, financeiro.id];
		const params = (i: number) => D('getChannels', { departmentId: rl(ids[i]) });
		const items = ids.map(() => ({ json: {} }));

		it('Continue (regular output): paired, the error in place', async () => {
			const { output } = await t.run(params, { items, onError: 'continueRegularOutput' });
			expect(output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(output[0][1].json).toEqual({ error: `Department ${missing} not found [item 1]` });
		});

		it('Continue (error output): the failing item on the error output', async () => {
			const { output } = await t.run(params, { items, onError: 'continueErrorOutput' });
			expect(output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
			expect(output[1][0].pairedItem).toEqual({ item: 1 });
		});
	});
});
