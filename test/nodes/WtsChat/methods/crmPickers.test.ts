import { describe, expect, it } from 'vitest';

import { listSearch, loadOptions } from '../../../../nodes/WtsChat/methods';
import { rl, SEED, useSandbox } from '../../../harness/fixture.mjs';

const t = useSandbox();
type Result = { name: string; value: string };
const V = SEED.panels.vendas;
const SUP = SEED.panels.suporte;
const inPanel = (panelId: string, operation = 'create') => t.loadOptions({ resource: 'card', operation, panelId: rl(panelId, 'list') });

describe('CRM pickers that read the chosen panel (getCurrentNodeParameter("panelId", {extractValue: true}))', () => {
	it('steps: the chosen panel’s steps in board order, initial and final marked', async () => {
		const steps = (await loadOptions.getPanelSteps.call(inPanel(V.id))) as Result[];
		expect(steps.map((s) => s.value)).toEqual(Object.values(V.steps as Record<string, { id: string }>).map((s) => s.id));
		expect(steps[0].name).toBe('Novo lead (initial)');
		expect(steps.at(-1)?.name).toBe('Fechado (final)');
		const other = (await loadOptions.getPanelSteps.call(inPanel(SUP.id))) as Result[];
		expect(other.map((s) => s.value)).toEqual(Object.values(SUP.steps as Record<string, { id: string }>).map((s) => s.id));
	});

	it('tags: the panel’s own tags', async () => {
		const tags = (await loadOptions.getPanelTags.call(inPanel(V.id))) as Result[];
		expect(tags).toEqual([
			{ name: 'Frio', value: V.tags.frio.id },
			{ name: 'Quente', value: V.tags.quente.id },
		]);
	});

	it('responsible agents: the agents of a department panel’s departments, every agent for a company panel', async () => {
		const support = (await loadOptions.getPanelAgents.call(inPanel(SUP.id))) as Result[];
		expect(support.map((a) => a.value).sort()).toEqual([SEED.agents.ana.userId, SEED.agents.bruno.userId].sort());
		const sales = (await loadOptions.getPanelAgents.call(inPanel(V.id))) as Result[];
		expect(sales).toHaveLength(Object.keys(SEED.agents).length);
	});

	it('custom fields: value is the key (what WTS expects), label shows name, key and type; groups left out', async () => {
		const fields = (await loadOptions.getPanelCustomFields.call(inPanel(V.id, 'update'))) as Result[];
		expect(fields.map((f) => f.value).sort()).toEqual(
			Object.entries(V.customFields as Record<string, { type: string }>)
				.filter(([, f]) => f.type !== 'GROUP')
				.map(([k]) => k)
				.sort(),
		);
		expect(fields.find((f) => f.value === 'origem-do-lead')?.name).toBe('Origem do lead (origem-do-lead, single select)');
	});

	it('lost reasons: a sales panel’s reasons; none for a management panel', async () => {
		const reasons = (await loadOptions.getPanelLostReasons.call(inPanel(V.id, 'update'))) as Result[];
		expect(reasons.map((r) => r.value).sort()).toEqual(Object.values(V.lostReasons as Record<string, { id: string }>).map((r) => r.id).sort());
		expect(await loadOptions.getPanelLostReasons.call(inPanel(SUP.id, 'update'))).toEqual([]);
	});

	it('without a chosen panel each panel list shows one plain "Choose a panel first" option (no error), with no request', async () => {
		// Throwing here made n8n show a red "Error fetching options from WTS Chat" (issue 23).
		for (const method of ['getPanelSteps', 'getPanelTags', 'getPanelAgents', 'getPanelCustomFields', 'getPanelLostReasons'] as const) {
			for (const panelId of [undefined, '', 'not-a-uuid']) {
				const ctx = t.loadOptions({ resource: 'card', operation: 'create', ...(panelId === undefined ? {} : { panelId }) });
				const options = (await loadOptions[method].call(ctx)) as Array<Result & { description?: string }>;
				expect(options, `${method} ${panelId}`).toEqual([
					{ name: 'Choose a Panel First', value: '', description: expect.stringContaining('Panel field') },
				]);
			}
		}
		expect(t.apiRequests()).toHaveLength(0);
	});
});

describe('Panel and Card locators (From List)', () => {
	it('panels: labelled with their type, searched with accents and case folded', async () => {
		const all = await listSearch.searchPanels.call(t.loadOptions());
		expect(all.results.map((r: Result) => r.name).sort()).toEqual(['Funil de Vendas (Sales)', 'Suporte Técnico (Management)']);
		const found = await listSearch.searchPanels.call(t.loadOptions(), 'TECNICO');
		expect(found.results).toEqual([{ name: 'Suporte Técnico (Management)', value: SUP.id }]);
	});

	it('cards: in the chosen panel, every status, labelled key · title · step; else across every panel', async () => {
		const inSales = await listSearch.searchCards.call(inPanel(V.id, 'get'), 'orcamento');
		expect(inSales.results).toEqual([{ name: expect.stringMatching(/^VEN-\d+ · Orçamento 50 camisetas personalizadas · Novo lead$/), value: SEED.cards.camisetas.id }]);
		const lost = await listSearch.searchCards.call(inPanel(V.id, 'get'), 'sorocaba lost');
		expect(lost.results.map((r: Result) => r.value)).toEqual([SEED.cards.revendaSorocaba.id]);
		const anywhere = await listSearch.searchCards.call(t.loadOptions({ resource: 'card', operation: 'getNotes' }), 'segunda via');
		expect(anywhere.results.map((r: Result) => r.value)).toEqual([SEED.cards.segundaViaNota.id]);
	});
});
