import { describe, expect, it } from 'vitest';

import { listSearch, loadOptions } from '../../../../nodes/WtsChat/methods';
import { rl, SEED, useSandbox } from '../../../harness/fixture.mjs';

const t = useSandbox();
type Result = { name: string; value: string };

describe('list search (resource locators "From list")', () => {
	it('lists sessions with the contact name, open ones first, and filters by text', async () => {
		const ctx = t.loadOptions();
		const first = await listSearch.searchSessions.call(ctx);
		const open = [...SEED.sessions.started, ...SEED.sessions.pending, ...SEED.sessions.inProgress];
		expect(first.results.length).toBeGreaterThan(open.length);
		expect(first.results.slice(0, open.length).every((r: Result) => open.includes(r.value))).toBe(true);
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

	it('department, agent and channel searches fold accents and case on both sides, on the label', async () => {
		const ctx = t.loadOptions();
		// Filter side: accents and capitals typed by the user.
		expect((await listSearch.searchDepartments.call(ctx, 'SUPÓRTE')).results.map((r: Result) => r.value)).toEqual([SEED.departments.suporte.id]);
		expect((await listSearch.searchAgents.call(ctx, 'Cárla')).results.map((r: Result) => r.value)).toEqual([SEED.agents.carla.userId]);
		// Label side: the seed has no accented department, agent or channel names and the sandbox simulates no
		// endpoint that renames them, so this test renames them in its own sandbox state.
		const state = t.sandbox.state;
		state.departments.get(SEED.departments.suporte.id).name = 'Atenção ao Cliente';
		state.agents.get(SEED.agents.bruno.id).name = 'Bruno Conceição';
		state.channels.get(SEED.channels.instagram.id).identity.displayName = 'Loja São João';
		const deps = await listSearch.searchDepartments.call(ctx, 'atencao');
		expect(deps.results).toEqual([{ name: 'Atenção ao Cliente', value: SEED.departments.suporte.id }]);
		const agents = await listSearch.searchAgents.call(ctx, 'CONCEICAO');
		expect(agents.results.map((r: Result) => r.value)).toEqual([SEED.agents.bruno.userId]);
		const channels = await listSearch.searchChannels.call(ctx, 'sao joao');
		expect(channels.results).toEqual([{ name: 'Loja São João · @lojaexemplo (Instagram)', value: SEED.channels.instagram.id }]);
		// The label is what is searched: the channel number shown in the label finds it, digits only too.
		expect((await listSearch.searchChannels.call(ctx, '11 3000-0002')).results.map((r: Result) => r.value)).toEqual([SEED.channels.zapi.id]);
		expect((await listSearch.searchChannels.call(ctx, '1130000002')).results.map((r: Result) => r.value)).toEqual([SEED.channels.zapi.id]);
		// An agent is found by the e-mail shown in the label.
		expect((await listSearch.searchAgents.call(ctx, 'diego.rocha@')).results.map((r: Result) => r.value)).toEqual([SEED.agents.diego.userId]);
	});

	it('the load options show the same labels as the list searches, sorted', async () => {
		const ctx = t.loadOptions();
		const names = (list: Result[]) => list.map((r) => `${r.value}=${r.name}`).sort();
		expect(names(await loadOptions.getChannels.call(ctx))).toEqual(names((await listSearch.searchChannels.call(ctx)).results));
		expect(names(await loadOptions.getAgents.call(ctx))).toEqual(names((await listSearch.searchAgents.call(ctx)).results));
		expect(names(await loadOptions.getDepartments.call(ctx))).toEqual(names((await listSearch.searchDepartments.call(ctx)).results));
		expect((await loadOptions.getAgents.call(ctx)).map((o: Result) => o.name)).toEqual([
			'Ana Souza (ana.souza@lojaexemplo.example)',
			'Bruno Lima (bruno.lima@lojaexemplo.example)',
			'Carla Mendes (carla.mendes@lojaexemplo.example)',
			'Diego Rocha (diego.rocha@lojaexemplo.example)',
		]);
		expect((await loadOptions.getTags.call(ctx)).map((o: Result) => o.name)).toEqual([
			'Inadimplente',
			'Novo cliente',
			'Orçamento',
			'Pós-venda',
			'Reclamação',
			'VIP',
		]);
	});

	it('template search matches the label client-side (the API Name filter is accent-sensitive) and pages on', async () => {
		const ctx = t.loadOptions();
		const values = (r: { results: Result[] }) => r.results.map((x) => x.value);
		expect(values(await listSearch.searchTemplates.call(ctx, 'boas vindas'))).toEqual([SEED.templates.welcome.id]);
		expect(values(await listSearch.searchTemplates.call(ctx, 'ATUALIZAÇÃO'))).toEqual([SEED.templates.orderUpdate.id]);
		const inRevision = await listSearch.searchTemplates.call(ctx, 'inrevision');
		expect(inRevision.results).toEqual([{ name: 'lembrete_pagamento (InRevision)', value: SEED.templates.paymentReminder.id }]);
		const templateRequests = t.apiRequests().filter((r: { path: string }) => r.path === '/chat/v1/template');
		expect(templateRequests.every((r: { query: Record<string, unknown> }) => r.query.Name === undefined)).toBe(true);

		// A label with accents, found without them; and paging: 150 more templates (test-local state, the
		// sandbox simulates no template creation) put it on the second page of the listing (sorted by name).
		const state = t.sandbox.state;
		const base = state.templates.get(SEED.templates.followUp.id);
		for (let i = 0; i < 150; i++) {
			const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
			state.templates.set(id, { ...structuredClone(base), id, name: `aviso_${String(i).padStart(3, '0')}` });
		}
		state.templates.get(SEED.templates.followUp.id).name = 'promoção_verão';
		const found = await listSearch.searchTemplates.call(ctx, 'promocao verao');
		expect(found.results).toEqual([{ name: 'promoção_verão (Approved)', value: SEED.templates.followUp.id }]);
		expect(found.paginationToken).toBeUndefined();

		// Without a filter: a full page per call, the token round-trips ("<group>:<page>"), every template once:
		// the active ones, then the archived ones, labelled so.
		const first = await listSearch.searchTemplates.call(ctx);
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('0:2');
		const second = await listSearch.searchTemplates.call(ctx, undefined, first.paginationToken as string);
		// The rest of the active ones (52, a scrollable list): the archived group comes on the next scroll.
		expect(second.paginationToken).toBe('1:1');
		const third = await listSearch.searchTemplates.call(ctx, undefined, second.paginationToken as string);
		expect(third.paginationToken).toBeUndefined();
		const all = [...values(first), ...values(second), ...values(third)];
		const every = [...state.templates.values()].map((x: { id: string }) => x.id);
		expect(all.sort()).toEqual(every.sort());
		const archived = [...state.templates.values()].filter((x: { archived: boolean }) => x.archived);
		expect(archived.length).toBeGreaterThan(0);
		for (const x of archived) expect(third.results.find((r: Result) => r.value === x.id)?.name).toMatch(/, archived\)$/);
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
