import { beforeAll, describe, expect, it } from 'vitest';

import { SEED } from '../../sandbox/server.mjs';
import { useStrictSandbox } from './helpers.mjs';

let sb;
let api;
const strict = useStrictSandbox();
beforeAll(() => {
	({ sb, api } = strict);
});

const V = SEED.panels.vendas;
const SUP = SEED.panels.suporte;
const listStep = async (panelId, stepId, extra = '') =>
	(await api.get(`/crm/v2/panel/card?PanelId=${panelId}&StepId=${stepId}&PageSize=100${extra}`)).body.items.map((c) => c.id);

describe('crm service: a card’s life, statefully', () => {
	it('every crm operation of the contract is simulated (none answers 501)', async () => {
		const ops = (await (await fetch(`${sb.url}/__sandbox/routes`)).json()).filter((o) => o.path.startsWith('/crm/'));
		expect(ops).toHaveLength(12);
		expect(ops.filter((o) => !o.simulated)).toEqual([]);
	});

	it('a created card is listed in its step, moved, archived (left out of the default listing), duplicated, and notes attach to it', async () => {
		const created = await api.post('/crm/v2/panel/card', { stepId: V.steps.novoLead.id, title: 'Novo', monetaryAmount: 0, position: 0 });
		expect(created.status).toBe(200);
		const id = created.body.id;
		expect(created.body).toMatchObject({ panelId: V.id, status: 'OPEN', monetaryAmount: 0, position: 0 });
		expect(await listStep(V.id, V.steps.novoLead.id)).toContain(id);

		const moved = await api.put(`/crm/v3/panel/card/${id}`, { fields: ['StepId'], stepId: V.steps.proposta.id, title: 'ignored' });
		expect(moved.body).toMatchObject({ stepId: V.steps.proposta.id, title: 'Novo' });
		expect(await listStep(V.id, V.steps.novoLead.id)).not.toContain(id);
		expect(await listStep(V.id, V.steps.proposta.id)).toContain(id);

		const note = await api.post(`/crm/v1/panel/card/${id}/note`, { text: 'Nota', fileUrls: ['https://example.com/a.pdf'] });
		expect(note.body).toMatchObject({ cardId: id, text: 'Nota', isFromPublicApi: true });
		expect(note.body.files[0].name).toBe('a.pdf');

		const copy = await api.post(`/crm/v2/panel/card/${id}/duplicate`, { copyToStepId: SUP.steps.aFazer.id, options: { archiveOriginalCard: true, fields: ['Notes'] } });
		expect(copy.body).toMatchObject({ panelId: SUP.id, stepId: SUP.steps.aFazer.id, status: 'OPEN', monetaryAmount: null });
		expect(copy.body.key).toMatch(/^SUP-/);
		expect((await api.get(`/crm/v1/panel/card/${copy.body.id}/note`)).body.items.map((n) => n.text)).toEqual(['Nota']);
		expect(await listStep(V.id, V.steps.proposta.id)).not.toContain(id);
		expect(await listStep(V.id, V.steps.proposta.id, '&Statuses=ARCHIVED')).toContain(id);

		const back = await api.put(`/crm/v3/panel/card/${id}`, { fields: ['Status'], status: 'OPEN' });
		expect(back.body.status).toBe('OPEN');
		expect((await api.call('DELETE', `/crm/v1/panel/card/${id}/note/${note.body.id}`)).status).toBe(200);
		expect((await api.get(`/crm/v1/panel/card/${id}/note`)).body.items).toEqual([]);
	});

	it('position 0, clearing a due date and a responsible agent, and un-archiving are applied as sent', async () => {
		const id = SEED.cards.camisetas.id;
		const r = await api.put(`/crm/v3/panel/card/${id}`, { fields: ['Position', 'DueDate', 'ResponsibleUserId'], position: 0, dueDate: null, responsibleUserId: null });
		expect(r.body).toMatchObject({ position: 0, dueDate: null, responsibleUserId: null });
	});

	it('custom fields: kept only for known keys with values of their type; null removes; flat or nested listing', async () => {
		const id = SEED.cards.camisetas.id;
		await api.put(`/crm/v3/panel/card/${id}`, {
			fields: ['CustomFields'],
			customFields: { quantidade: 3, desconto: 'muito', 'origem-do-lead': 'Site', desconhecido: 'x', canais: ['Fax'] },
		});
		expect(sb.state.cards.get(id).customFields).toEqual({ quantidade: 3, 'origem-do-lead': 'Site' });
		await api.put(`/crm/v3/panel/card/${id}`, { fields: ['CustomFields'], customFields: { quantidade: null } });
		expect(sb.state.cards.get(id).customFields).toEqual({ 'origem-do-lead': 'Site' });
		const flat = (await api.get(`/crm/v1/panel/${V.id}/custom-fields`)).body;
		expect(flat.map((f) => f.key)).toEqual(Object.keys(V.customFields));
		const nested = (await api.get(`/crm/v1/panel/${V.id}/custom-fields?NestedList=true`)).body;
		expect(nested.find((f) => f.type === 'GROUP').children).toHaveLength(2);
		expect((await api.get(`/crm/v1/panel/${SUP.id}/custom-fields`)).body.map((f) => f.key)).toEqual(['numero-pedido']);
	});

	it('duplicate without a step keeps the copy in the original step and copies everything', async () => {
		const id = SEED.cards.contratoAnual.id;
		const copy = (await api.post(`/crm/v2/panel/card/${id}/duplicate`, {})).body;
		const original = sb.state.cards.get(id);
		expect(copy).toMatchObject({ stepId: original.stepId, monetaryAmount: original.monetaryAmount, tagIds: original.tagIds, responsibleUserId: original.responsibleUserId });
		expect(original.status).toBe('OPEN');
	});

	it('not-found texts (HTTP 500 FORM_ERROR) for an unknown card, step and note', async () => {
		const missing = '00000000-0000-4000-8000-000000000000';
		const dup = await api.post(`/crm/v2/panel/card/${missing}/duplicate`, {});
		expect(dup.status).toBe(500);
		expect(JSON.stringify(dup.body)).toContain('Card não encontrado.');
		const step = await api.post(`/crm/v2/panel/card/${SEED.cards.camisetas.id}/duplicate`, { copyToStepId: missing });
		expect(JSON.stringify(step.body)).toContain('Etapa não encontrada.');
	});
});
