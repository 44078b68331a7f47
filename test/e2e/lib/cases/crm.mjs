// End-to-end cases of the CRM resources (Panel and Card) in real n8n: workflows from scripts/workflows/crm.mjs.
import { expect, it } from 'vitest';

import { SEED } from '../../../../sandbox/seed.mjs';

const V = SEED.panels.vendas;
const SUP = SEED.panels.suporte;
const MISSING_CARD = '0b0b0b0b-0000-4000-8000-000000000000';
const ids = (items) => items.map((i) => i.json.id);
const paired = (items) => items.map((i) => i.pairedItem);

export default function crmCases(suite) {
	const verified = { panel: new Set(), card: new Set() };

	it('CRM: Panel → Get Many, Get, Get Custom Fields, Get Lost Reasons and Card → Get Many match the API', async () => {
		const r = await suite.leg().run('crm-panels', {});
		expect(r.execution.status).toBe('success');
		expect(ids(r.out('Get Panels')).sort()).toEqual([V.id, SUP.id].sort());
		const [sales] = r.out('Get Sales Panel');
		expect(sales.json.steps.map((s) => s.id)).toEqual(Object.values(V.steps).map((s) => s.id));
		expect(sales.json.tags.map((t) => t.id).sort()).toEqual(Object.values(V.tags).map((t) => t.id).sort());
		expect(r.out('Get Custom Fields').map((i) => i.json.key)).toEqual(Object.keys(V.customFields));
		expect(r.out('Get Lost Reasons').map((i) => i.json.id).sort()).toEqual(Object.values(V.lostReasons).map((x) => x.id).sort());
		const closed = r.out('Get Closed Cards');
		const expected = (await suite.api(`/crm/v2/panel/card?PanelId=${V.id}&Statuses=WON&Statuses=LOST&PageSize=100`)).items;
		expect(ids(closed).sort()).toEqual(expected.map((c) => c.id).sort());
		expect(closed.find((i) => i.json.status === 'LOST').json.lostReason.name).toBe(V.lostReasons.preco.description);
		for (const op of ['getMany', 'get', 'getCustomFields', 'getLostReasons']) verified.panel.add(op);
		verified.card.add('getMany');
	});

	it('CRM: a card’s life — created (amount 0, position 0, typed custom fields), moved, cleared, noted, note deleted, duplicated to another panel', async () => {
		const items = [
			{ stepId: V.steps.novoLead.id, title: 'E2E camisetas', amount: 0, dueDate: '2026-12-24T18:00:00', qty: '5', moveTo: V.steps.proposta.id },
			{ stepId: V.steps.qualificacao.id, title: 'E2E uniformes', amount: 1500.5, dueDate: '2026-12-31T09:30:00Z', qty: '0', moveTo: V.steps.negociacao.id },
		];
		const r = await suite.leg().run('crm-card-life', { items });
		expect(r.execution.status).toBe('success');
		const created = r.out('Create Card');
		expect(created.map((i) => i.json.title)).toEqual(['E2E camisetas', 'E2E uniformes']);
		expect(paired(created)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(created.map((i) => i.json.monetaryAmount)).toEqual([0, 1500.5]);
		const moved = r.out('Move Card');
		expect(moved.map((i) => [i.json.stepId, i.json.position, i.json.dueDate, i.json.responsibleUserId])).toEqual([
			[V.steps.proposta.id, 0, null, null],
			[V.steps.negociacao.id, 0, null, null],
		]);
		const notes = r.out('Add Note');
		expect(notes.map((i) => i.json.text)).toEqual(['Proposta enviada para E2E camisetas', 'Proposta enviada para E2E uniformes']);
		expect(notes[0].json.files.map((f) => f.name)).toEqual(['proposta.pdf']);
		expect(ids(r.out('Get Notes'))).toEqual(ids(notes));
		expect(r.out('Delete Note').map((i) => i.json)).toEqual(notes.map((n) => ({ deleted: true, id: n.json.id })));
		const copies = r.out('Get Copy');
		expect(copies.map((i) => [i.json.panelId, i.json.stepId, i.json.panelTitle, i.json.stepTitle])).toEqual(
			items.map(() => [SUP.id, SUP.steps.aFazer.id, 'Suporte Técnico', 'A fazer']),
		);
		expect(paired(copies)).toEqual([{ item: 0 }, { item: 1 }]);
		for (const [k, c] of created.entries()) {
			const now = await suite.api(`/crm/v2/panel/card/${c.json.id}?IncludeDetails=CustomFields`);
			expect(now).toMatchObject({ status: 'ARCHIVED', stepId: items[k].moveTo, customFields: { quantidade: Number(items[k].qty), 'origem-do-lead': 'Site' } });
			expect((await suite.api(`/crm/v1/panel/card/${c.json.id}/note`)).items).toEqual([]);
		}
		for (const op of ['create', 'update', 'addNote', 'getNotes', 'deleteNote', 'duplicate', 'get']) verified.card.add(op);
	});

	it('CRM: Card → Get with the error output — a bad ID and an unknown card go to the error output, paired, with our messages', async () => {
		const cardIds = [SEED.cards.camisetas.id, 'VEN-1', MISSING_CARD, SEED.cards.uniformes.id];
		const r = await suite.leg().run('crm-card-errors', { items: cardIds.map((cardId) => ({ cardId })) });
		expect(r.execution.status).toBe('success');
		const ok = r.out('Get Card', 0);
		const failed = r.out('Get Card', 1);
		expect(ids(ok)).toEqual([SEED.cards.camisetas.id, SEED.cards.uniformes.id]);
		expect(paired(ok)).toEqual([{ item: 0 }, { item: 3 }]);
		expect(failed.map((i) => i.json.error)).toEqual(['"VEN-1" is not a valid Card ID [item 1]', `Card ${MISSING_CARD} not found [item 2]`]);
		expect(paired(failed)).toEqual([{ item: 1 }, { item: 2 }]);
	});

	it('CRM example card-per-completed-session: one card per completed session, linked to it, with a note', async () => {
		const completed = (await suite.api('/chat/v2/session?Status=COMPLETED&PageSize=3')).items;
		const r = await suite.leg().runExample('card-per-completed-session');
		expect(r.execution.status).toBe('success');
		const sessions = r.out('Get Completed Sessions');
		expect(ids(sessions)).toEqual(completed.map((s) => s.id));
		const cards = r.out('Create Card');
		expect(cards.map((c) => c.json.sessionId)).toEqual(completed.map((s) => s.id));
		expect(cards.map((c) => c.json.contactIds)).toEqual(completed.map((s) => [s.contactId]));
		expect(cards.every((c) => c.json.stepId === V.steps.novoLead.id && c.json.title.startsWith('Follow-up: '))).toBe(true);
		const notes = r.out('Add Note');
		expect(paired(notes)).toEqual(completed.map((_, i) => ({ item: i })));
		for (const [i, c] of cards.entries()) {
			const listed = (await suite.api(`/crm/v1/panel/card/${c.json.id}/note`)).items;
			expect(listed.map((n) => n.text)).toEqual([notes[i].json.text]);
			expect(notes[i].json.text).toContain(`Session #${completed[i].number} completed`);
		}
		const inStep = (await suite.api(`/crm/v2/panel/card?PanelId=${V.id}&StepId=${V.steps.novoLead.id}&PageSize=100`)).items;
		expect(inStep.map((c) => c.id)).toEqual(expect.arrayContaining(ids(cards)));
	});

	it('every Panel and Card operation of the node (as n8n loaded it) was run and checked above', async () => {
		const panelOps = await suite.operationsOf('panel');
		const cardOps = await suite.operationsOf('card');
		expect([...panelOps].sort()).toEqual(suite.declared('panel'));
		expect([...cardOps].sort()).toEqual(suite.declared('card'));
		expect([...verified.panel].sort(), `panel operations in n8n: ${panelOps.join(', ')}`).toEqual([...new Set(panelOps)].sort());
		expect([...verified.card].sort(), `card operations in n8n: ${cardOps.join(', ')}`).toEqual([...new Set(cardOps)].sort());
	});
}
