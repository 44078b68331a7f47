import { describe, expect, it } from 'vitest';

import { listSearch, loadOptions } from '../../../../nodes/WtsChat/methods';
import { rl, SEED, useSandbox } from '../../../harness/fixture.mjs';

const t = useSandbox();
type Result = { name: string; value: string };

describe('list search (resource locators "From list")', () => {
	it('lists open sessions with the contact name, paged, and filters by text', async () => {
		const ctx = t.loadOptions();
		const first = await listSearch.searchSessions.call(ctx);
		const open = [...SEED.sessions.started, ...SEED.sessions.pending, ...SEED.sessions.inProgress];
		expect(first.results.length).toBeGreaterThan(0);
		expect(first.results.every((r: Result) => open.includes(r.value))).toBe(true);
		const name = first.results[0].name.split(' · ')[0];
		const filtered = await listSearch.searchSessions.call(ctx, name.toLowerCase());
		expect(filtered.results.length).toBeGreaterThan(0);
		expect(filtered.results.every((r: Result) => r.name.startsWith(name))).toBe(true);
	});

	it('lists departments, agents (by userId) and channels from plain-array listings', async () => {
		const ctx = t.loadOptions();
		const deps = await listSearch.searchDepartments.call(ctx, 'vend');
		expect(deps.results).toEqual([{ name: 'Vendas', value: SEED.departments.vendas.id }]);
		const agents = await listSearch.searchAgents.call(ctx, 'carla');
		expect(agents.results.map((r: Result) => r.value)).toEqual([SEED.agents.carla.userId]);
		const channels = await listSearch.searchChannels.call(ctx);
		expect(channels.results.map((r: Result) => r.value).sort()).toEqual(
			Object.values(SEED.channels as Record<string, { id: string }>).map((c) => c.id).sort(),
		);
	});

	it("narrows templates to the chosen session's channel", async () => {
		const zapiSession = SEED.sessions.byChannel.zapi[0];
		const ctx = t.loadOptions({ resource: 'session', operation: 'sendTemplate', sessionId: rl(zapiSession) });
		const result = await listSearch.searchTemplates.call(ctx);
		expect(result.results.length).toBeGreaterThan(0);
		const zapiTemplates = Object.values(SEED.templates as Record<string, { id: string; channelId: string }>)
			.filter((x) => x.channelId === SEED.channels.zapi.id)
			.map((x) => x.id);
		expect(result.results.every((r: Result) => zapiTemplates.includes(r.value))).toBe(true);
	});
});

describe('load options', () => {
	it('loads tags, channels, departments and agents', async () => {
		const ctx = t.loadOptions();
		const tags = await loadOptions.getTags.call(ctx);
		expect(tags.map((o: Result) => o.value)).toContain(SEED.tags.vip.id);
		expect((await loadOptions.getChannels.call(ctx)).length).toBe(Object.keys(SEED.channels).length);
		expect((await loadOptions.getDepartments.call(ctx)).map((o: Result) => o.name)).toEqual(['Financeiro', 'Suporte', 'Vendas']);
		expect((await loadOptions.getAgents.call(ctx)).map((o: Result) => o.value)).toContain(SEED.agents.diego.userId);
	});

	it('loads the variables of the chosen template', async () => {
		const ctx = t.loadOptions({ resource: 'session', operation: 'sendTemplate', templateId: rl(SEED.templates.orderUpdate.id) });
		const params = await loadOptions.getTemplateParameters.call(ctx);
		expect(params.map((o: Result) => o.value)).toEqual(['nome', 'pedido', 'situacao']);
	});
});
