import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { rl, SEED, useSandbox } from '../../../../harness/fixture.mjs';

const t = useSandbox();
const C = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'card', operation, ...extra });
const V = SEED.panels.vendas;
const SUP = SEED.panels.suporte;
const cards = SEED.cards;
const missing = '00000000-0000-4000-8000-000000000000';
type Json = Record<string, unknown>;
type Item = { json: Json; pairedItem?: unknown; error?: unknown };
type Req = { method: string; path: string; query: Record<string, string[]>; body: Json };
const only = (output: Item[][]) => output[0].map((o) => o.json);
const lastRequest = () => t.apiRequests().at(-1) as Req;
const card = (id: string) => t.sandbox.state.cards.get(id) as Json;
const writes = () => t.apiRequests().filter((r: Req) => r.method !== 'GET');

describe('Card → Get Many', () => {
	it('lists the open cards of a panel (archived left out by WTS), simplified, with the details asked for', async () => {
		const { output } = await t.run(C('getMany', { panelId: rl(V.id, 'list'), returnAll: true, options: { includeDetails: ['StepTitle'] } }));
		const list = only(output);
		const inPanel = Object.values(cards as Record<string, { id: string; panelId: string }>).filter((c) => c.panelId === V.id);
		expect(list.map((c) => c.id).sort()).toEqual(inPanel.map((c) => c.id).sort());
		expect(Object.keys(list[0]).sort()).toEqual(
			['id', 'key', 'title', 'status', 'panelId', 'stepId', 'position', 'monetaryAmount', 'dueDate', 'responsibleUserId', 'contactIds', 'stepTitle'].sort(),
		);
		expect(lastRequest().query).toMatchObject({ PanelId: [V.id], IncludeDetails: ['StepTitle'] });
	});

	it('filters by step, responsible agent, statuses and text, sending only what was set', async () => {
		const { output } = await t.run(
			C('getMany', {
				panelId: rl(V.id),
				returnAll: true,
				filters: { stepId: V.steps.fechado.id, statuses: ['WON', 'LOST'], responsibleUserId: SEED.agents.ana.userId, textFilter: 'campinas' },
			}),
		);
		expect(only(output).map((c) => c.id)).toEqual([cards.parceiraCampinas.id]);
		const q = lastRequest().query;
		expect(Object.keys(q).sort()).toEqual(['PageNumber', 'PageSize', 'PanelId', 'ResponsibleUserId', 'Statuses', 'StepId', 'TextFilter']);
		expect(q.Statuses).toEqual(['WON', 'LOST']);
	});

	it('refuses a missing panel and malformed filter IDs before any request', async () => {
		expect((await t.runError(C('getMany', { panelId: rl(''), returnAll: true }))).message).toBe('The Panel ID field is empty [item 0]');
		const e = await t.runError(C('getMany', { panelId: rl(V.id), returnAll: true, filters: { contactId: 'maria' } }));
		expect(e).toBeInstanceOf(NodeOperationError);
		expect(e.message).toBe('"maria" is not a valid Contact ID [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('surfaces WTS’s text for an unknown panel', async () => {
		const error = await t.runError(C('getMany', { panelId: rl(missing), returnAll: true }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(`Panel ${missing} not found [item 0]`);
	});
});

describe('Card → Get', () => {
	it('gets a card with details, and the raw card with Simplify off', async () => {
		const id = cards.revendaSorocaba.id;
		const { output } = await t.run(C('get', { cardId: rl(id, 'list'), options: { includeDetails: ['LostReason', 'ResponsibleUser'] } }));
		const [c] = only(output);
		expect(c).toMatchObject({ id, status: 'LOST', lostReason: { name: V.lostReasons.preco.description } });
		expect((c.responsibleUser as Json).id).toBe(SEED.agents.carla.userId);
		const { output: raw } = await t.run(C('get', { cardId: rl(id), simplify: false }));
		expect(Object.keys(only(raw)[0])).toEqual(expect.arrayContaining(['createdAt', 'metadata', 'isOverdue', 'number']));
	});

	it('says which card was not found, and refuses a bad Card ID with no request', async () => {
		const error = await t.runError(C('get', { cardId: rl(missing) }));
		expect(error.message).toBe(`Card ${missing} not found [item 0]`);
		expect(error.description).toContain('Card não encontrado.');
		const bad = await t.runError(C('get', { cardId: rl('VEN-1') }));
		expect(bad.message).toBe('"VEN-1" is not a valid Card ID [item 0]');
		expect(t.apiRequests()).toHaveLength(1);
	});
});

describe('Card → Create', () => {
	it('creates a card in the chosen step with only the values set (0 is a real amount and position); it is then listed in its step', async () => {
		const contact = SEED.contacts.maria.id;
		const { output } = await t.run(
			C('create', {
				panelId: rl(V.id),
				stepId: V.steps.proposta.id,
				title: 'Kit 10 camisetas',
				additionalFields: {
					monetaryAmount: 0,
					position: 0,
					dueDate: '2026-12-24T18:00:00',
					responsibleUserId: SEED.agents.carla.userId,
					tagIds: [V.tags.quente.id],
					contactIds: contact,
					metadata: { entries: [{ key: 'pedido', value: '123' }] },
				},
			}),
			{ timezone: 'America/Sao_Paulo' },
		);
		const created = only(output)[0];
		const post = writes()[0];
		expect(post).toMatchObject({ method: 'POST', path: '/crm/v2/panel/card' });
		expect(post.body).toEqual({
			stepId: V.steps.proposta.id,
			title: 'Kit 10 camisetas',
			monetaryAmount: 0,
			position: 0,
			dueDate: '2026-12-24T21:00:00.000Z',
			responsibleUserId: SEED.agents.carla.userId,
			tagIds: [V.tags.quente.id],
			contactIds: [contact],
			metadata: { pedido: '123' },
		});
		expect(card(created.id as string)).toMatchObject({ stepId: V.steps.proposta.id, monetaryAmount: 0, position: 0, status: 'OPEN' });
		const { output: listed } = await t.run(C('getMany', { panelId: rl(V.id), returnAll: true, filters: { stepId: V.steps.proposta.id } }));
		expect(only(listed).map((c) => c.id)).toContain(created.id);
	});

	it('sends custom fields by their key with values of their type', async () => {
		const { output } = await t.run(
			C('create', {
				panelId: rl(V.id),
				stepId: V.steps.novoLead.id,
				title: 'Com campos',
				customFields: {
					entries: [
						{ key: 'origem-do-lead', value: 'indicacao' },
						{ key: 'canais', value: 'WhatsApp, e-mail' },
						{ key: 'quantidade', value: '50' },
						{ key: 'desconto', value: '7.5' },
						{ key: 'primeira-compra', value: 'true' },
						{ key: 'data-entrega', value: '2026-12-20' },
					],
				},
			}),
		);
		const post = writes()[0];
		expect(post.body.customFields).toEqual({
			'origem-do-lead': 'Indicação',
			canais: ['WhatsApp', 'E-mail'],
			quantidade: 50,
			desconto: 7.5,
			'primeira-compra': true,
			'data-entrega': '2026-12-20',
		});
		expect(card(only(output)[0].id as string).customFields).toEqual(post.body.customFields);
	});

	it.each([
		[{ customFields: { entries: [{ key: 'quantidade', value: '2.5' }] } }, '"2.5" is not a valid value for the custom field "quantidade" [item 0]'],
		[{ customFields: { entries: [{ key: 'origem-do-lead', value: 'TV' }] } }, '"TV" is not a valid value for the custom field "origem-do-lead" [item 0]'],
		[{ customFields: { entries: [{ key: 'data-entrega', value: '2026-02-30' }] } }, '"2026-02-30" is not a valid value for the custom field "data-entrega" [item 0]'],
		[{ customFields: { entries: [{ key: 'Origem do lead', value: 'Site' }] } }, `"Origem do lead" is not a custom field of the panel ${V.id} [item 0]`],
		[{ customFields: { entries: [{ key: 'primeira-compra', value: 'talvez' }] } }, '"talvez" is not a valid value for the custom field "primeira-compra" [item 0]'],
		[{ customFields: { entries: [{ key: 'canais', value: 'WhatsApp, Fax' }] } }, '"Fax" is not a valid value for the custom field "canais" [item 0]'],
		[{ customFields: { entries: [{ key: 'desconto', value: '7,5' }] } }, '"7,5" is not a valid value for the custom field "desconto" [item 0]'],
		[{ customFields: { entries: [{ key: 'quantidade', value: '' }] } }, 'The custom field "quantidade" has an empty value [item 0]'],
		[{ customFields: { entries: [{ key: '', value: '1' }] } }, 'A custom field entry has no field [item 0]'],
	])('refuses a custom field value of the wrong type or an unknown key before any write (%#)', async (extra, message) => {
		const error = await t.runError(C('create', { panelId: rl(V.id), stepId: V.steps.novoLead.id, title: 'X', ...extra }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
		expect(writes()).toHaveLength(0);
	});

	it.each([
		[{ additionalFields: { monetaryAmount: -1 } }, 'Monetary Amount must be a number at least 0 [item 0]'],
		[{ additionalFields: { monetaryAmount: 10.005 } }, 'Monetary Amount has more than two decimals [item 0]'],
		[{ additionalFields: { monetaryAmount: '12,50' } }, 'Monetary Amount must be a number at least 0 [item 0]'],
		[{ additionalFields: { position: -2 } }, 'Position must be a number at least 0 and at most 2147483647 [item 0]'],
		[{ additionalFields: { dueDate: '2026-13-01' } }, 'Due Date is not a valid date [item 0]'],
		[{ title: '' }, 'The Title field is empty [item 0]'],
		[{ title: 'x'.repeat(501) }, 'Title is too long (501 characters) [item 0]'],
		[{ stepId: '' }, 'The Step ID field is empty [item 0]'],
		[{ additionalFields: { contactIds: 'maria' } }, '"maria" is not a valid Contact ID [item 0]'],
	])('refuses bad input before any request (%#)', async (extra, message) => {
		const error = await t.runError(C('create', { panelId: rl(V.id), stepId: V.steps.novoLead.id, title: 'X', ...extra }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('surfaces WTS’s text for an unknown step', async () => {
		const error = await t.runError(C('create', { panelId: rl(V.id), stepId: missing, title: 'X' }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(`${error.message} ${error.description}`).toContain('Etapa não encontrada.');
	});

	it('creates one card per item, paired; with Continue On Fail a bad item is reported in place (both modes)', async () => {
		const titles = ['A', '', 'C'];
		const params = (i: number) => C('create', { panelId: rl(V.id), stepId: V.steps.novoLead.id, title: titles[i] });
		const items = titles.map(() => ({ json: {} }));
		const regular = await t.run(params, { items, onError: 'continueRegularOutput' });
		expect(regular.output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(regular.output[0][1].json).toEqual({ error: 'The Title field is empty [item 1]' });
		expect(regular.output[0][2].json.title).toBe('C');
		const split = await t.run(params, { items, onError: 'continueErrorOutput' });
		expect(split.output[0].map((o: Item) => o.json.title)).toEqual(['A', 'C']);
		expect(split.output[1].map((o: Item) => o.pairedItem)).toEqual([{ item: 1 }]);
		const stopped = await t.runError(params, { items });
		expect(stopped.message).toBe('The Title field is empty [item 1]');
	});
});

describe('Card → Update', () => {
	const id = cards.camisetas.id;

	it('moves a card, puts it at position 0 and sets 0 as its amount, with exactly those fields in the mask', async () => {
		await t.run(C('update', { cardId: rl(id), panelId: rl(V.id), updateFields: { stepId: V.steps.negociacao.id, position: 0, monetaryAmount: 0 } }));
		const put = writes()[0];
		expect(put).toMatchObject({ method: 'PUT', path: `/crm/v3/panel/card/${id}` });
		expect(put.body).toEqual({ fields: ['StepId', 'Position', 'MonetaryAmount'], stepId: V.steps.negociacao.id, position: 0, monetaryAmount: 0 });
		expect(card(id)).toMatchObject({ stepId: V.steps.negociacao.id, position: 0, monetaryAmount: 0 });
	});

	it('archives and un-archives (Archived on / off are the status ARCHIVED / OPEN)', async () => {
		await t.run(C('update', { cardId: rl(id), updateFields: { archived: true } }));
		expect(writes()[0].body).toEqual({ fields: ['Status'], status: 'ARCHIVED' });
		expect(card(id).status).toBe('ARCHIVED');
		const { output: listed } = await t.run(C('getMany', { panelId: rl(V.id), returnAll: true }));
		expect(only(listed).map((c) => c.id)).not.toContain(id);
		await t.run(C('update', { cardId: rl(id), updateFields: { archived: false } }));
		expect(writes()[1].body).toEqual({ fields: ['Status'], status: 'OPEN' });
		expect(card(id).status).toBe('OPEN');
	});

	it('clears the due date and the responsible agent only through Fields to Clear', async () => {
		await t.run(C('update', { cardId: rl(id), clearFields: ['dueDate', 'responsibleUserId'] }));
		expect(writes()[0].body).toEqual({ fields: ['DueDate', 'ResponsibleUserId'], dueDate: null, responsibleUserId: null });
		expect(card(id)).toMatchObject({ dueDate: null, responsibleUserId: null });
		const error = await t.runError(C('update', { cardId: rl(id), updateFields: { responsibleUserId: '' } }));
		expect(error.message).toBe('Responsible Agent is added under Update Fields but empty [item 0]');
		expect(error.description).toMatch(/Fields to Clear/);
	});

	it('loses a card with a lost reason, and adds tags without replacing the others', async () => {
		await t.run(C('update', { cardId: rl(id), panelId: rl(V.id), updateFields: { status: 'LOST', lostReasonId: V.lostReasons.concorrente.id } }));
		expect(writes()[0].body).toEqual({ fields: ['Status'], status: 'LOST', lostReasonId: V.lostReasons.concorrente.id });
		expect(card(id)).toMatchObject({ status: 'LOST', lostReasonId: V.lostReasons.concorrente.id });
		const tagged = cards.contratoAnual.id;
		await t.run(C('update', { cardId: rl(tagged), updateFields: { tagIds: [V.tags.frio.id] }, options: { tagOperation: 'InsertIfNotExists' } }));
		expect(writes()[1].body).toEqual({ fields: ['TagIds'], tagIds: [V.tags.frio.id], options: { upsertTagOperation: 'InsertIfNotExists' } });
		expect(card(tagged).tagIds).toEqual([V.tags.quente.id, V.tags.frio.id]);
	});

	it('moves a card to a step of another panel, sets the session and metadata, removes a metadata key, unlinks contacts and tags', async () => {
		const tagged = cards.contratoAnual.id;
		const session = SEED.sessions.completed[0];
		await t.run(
			C('update', {
				cardId: rl(tagged),
				panelId: rl(SUP.id),
				updateFields: { stepId: SUP.steps.emAndamento.id, sessionId: session, metadata: { entries: [{ key: 'origem', value: 'site' }] } },
				clearFields: ['contactIds', 'tagIds'],
			}),
		);
		expect(writes()[0].body).toEqual({
			fields: ['StepId', 'SessionId', 'Metadata', 'ContactIds', 'TagIds'],
			stepId: SUP.steps.emAndamento.id,
			sessionId: session,
			metadata: { origem: 'site' },
			contactIds: [],
			tagIds: [],
			options: { upsertTagOperation: 'ReplaceAll' },
		});
		expect(card(tagged)).toMatchObject({ panelId: SUP.id, stepId: SUP.steps.emAndamento.id, sessionId: session, contactIds: [], tagIds: [], metadata: { origem: 'site' } });
		await t.run(C('update', { cardId: rl(tagged), updateFields: { removeMetadataKeys: 'origem' } }));
		expect(writes()[1].body).toEqual({ fields: ['Metadata'], metadata: { origem: null } });
		expect(card(tagged).metadata).toEqual({});
	});

	it('sets a date-time and a time custom field in the workflow’s time zone', async () => {
		// the seed has no DATETIME or TIME field: give the sales panel one of each for this test
		const panel = t.sandbox.state.panels.get(V.id) as { _customFields: Json[] };
		const base = panel._customFields[0];
		panel._customFields.push({ ...base, id: '11111111-1111-4111-8111-111111111111', key: 'visita', name: 'Visita', type: 'DATETIME', options: null });
		panel._customFields.push({ ...base, id: '22222222-2222-4222-8222-222222222222', key: 'horario', name: 'Horário', type: 'TIME', options: null });
		await t.run(
			C('update', { cardId: rl(id), panelId: rl(V.id), customFields: { entries: [{ key: 'visita', value: '2026-03-10T14:00:00' }, { key: 'horario', value: '09:30' }] } }),
			{ timezone: 'America/Sao_Paulo' },
		);
		expect(writes()[0].body.customFields).toEqual({ visita: '2026-03-10T17:00:00.000Z', horario: '09:30' });
		const bad = await t.runError(C('update', { cardId: rl(id), panelId: rl(V.id), customFields: { entries: [{ key: 'horario', value: '25:00' }] } }));
		expect(bad.message).toBe('"25:00" is not a valid value for the custom field "horario" [item 0]');
	});

	it('sets and clears custom fields against the card’s own panel when no panel is chosen (one read first)', async () => {
		await t.run(C('update', { cardId: rl(id), customFields: { entries: [{ key: 'quantidade', value: 0 }] } }));
		expect(card(id).customFields).toEqual({ quantidade: 0 });
		await t.run(C('update', { cardId: rl(id), panelId: rl(V.id), clearCustomFields: ['quantidade'], updateFields: { description: '' } }));
		expect(writes()[1].body).toEqual({ fields: ['Description', 'CustomFields'], description: '', customFields: { quantidade: null } });
		expect(card(id).customFields).toEqual({});
		expect(card(id).description).toBe('');
	});

	it.each([
		[{}, 'Nothing to update [item 0]'],
		[{ updateFields: { archived: true, status: 'WON' } }, 'Status and Archived are both added [item 0]'],
		[{ updateFields: { lostReasonId: SEED.panels.vendas.lostReasons.preco.id } }, 'Lost Reason is set without Status Lost [item 0]'],
		[{ updateFields: { dueDate: '' } }, 'Due Date is added but empty [item 0]'],
		[{ updateFields: { position: 2147483648 } }, 'Position must be a number at least 0 and at most 2147483647 [item 0]'],
		[{ updateFields: { title: '  ' } }, 'Title is added under Update Fields but empty [item 0]'],
		[{ updateFields: { status: 'won' } }, '"won" is not a valid Status [item 0]'],
		[{ updateFields: { dueDate: '2026-01-01T10:00:00' }, clearFields: ['dueDate'] }, 'DueDate is both set and cleared [item 0]'],
		[{ updateFields: { description: 'x'.repeat(8001) } }, 'Description is too long (8001 characters) [item 0]'],
	])('refuses bad or contradictory input before any request (%#)', async (extra, message) => {
		const error = await t.runError(C('update', { cardId: rl(id), ...extra }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('surfaces WTS’s not-found text', async () => {
		const error = await t.runError(C('update', { cardId: rl(missing), updateFields: { title: 'T' } }));
		expect(error.message).toBe(`Card ${missing} not found [item 0]`);
	});
});

describe('Card → Duplicate', () => {
	it('copies a card to a step of another panel, archiving the original, with the fields chosen', async () => {
		const id = cards.contratoAnual.id;
		const { output } = await t.run(
			C('duplicate', {
				cardId: rl(id),
				panelId: rl(SUP.id),
				copyToStepId: SUP.steps.aFazer.id,
				options: { archiveOriginalCard: true, fields: ['Contacts', 'Notes'] },
			}),
		);
		const copy = only(output)[0];
		expect(writes()[0]).toMatchObject({ method: 'POST', path: `/crm/v2/panel/card/${id}/duplicate` });
		expect(writes()[0].body).toEqual({ copyToStepId: SUP.steps.aFazer.id, options: { archiveOriginalCard: true, fields: ['Contacts', 'Notes'] } });
		expect(copy).toMatchObject({ panelId: SUP.id, stepId: SUP.steps.aFazer.id, status: 'OPEN', monetaryAmount: null });
		expect(card(id).status).toBe('ARCHIVED');
		const { output: notes } = await t.run(C('getNotes', { cardId: rl(copy.id as string), returnAll: true }));
		expect(only(notes)).toHaveLength(1);
	});

	it('keeps the copy in the same step when no step is chosen, and sends an empty body', async () => {
		const id = cards.camisetas.id;
		const { output } = await t.run(C('duplicate', { cardId: rl(id) }));
		expect(writes()[0].body).toEqual({});
		expect(only(output)[0]).toMatchObject({ stepId: V.steps.novoLead.id, monetaryAmount: 2750 });
		expect(card(id).status).toBe('OPEN');
	});

	it('refuses a malformed step before any request, and surfaces WTS’s not-found text', async () => {
		const e = await t.runError(C('duplicate', { cardId: rl(cards.camisetas.id), copyToStepId: 'fechado' }));
		expect(e.message).toBe('"fechado" is not a valid Copy to Step ID [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
		const nf = await t.runError(C('duplicate', { cardId: rl(missing) }));
		expect(nf.message).toBe(`Card ${missing} not found [item 0]`);
	});
});

describe('Card notes', () => {
	const id = cards.camisetas.id;

	it('adds a text note with file URLs, lists it, deletes it ({deleted: true, id})', async () => {
		const { output } = await t.run(C('addNote', { cardId: rl(id), text: 'Cliente aprovou', fileUrls: 'https://example.com/proposta.pdf, https://example.com/logo.png' }));
		const note = only(output)[0];
		expect(writes()[0]).toMatchObject({ method: 'POST', path: `/crm/v1/panel/card/${id}/note` });
		expect(writes()[0].body).toEqual({ text: 'Cliente aprovou', fileUrls: ['https://example.com/proposta.pdf', 'https://example.com/logo.png'] });
		expect(note).toMatchObject({ cardId: id, text: 'Cliente aprovou' });
		expect((note.files as Json[]).map((f) => f.name)).toEqual(['proposta.pdf', 'logo.png']);

		const { output: listed } = await t.run(C('getNotes', { cardId: rl(id), returnAll: true }));
		expect(only(listed).map((n) => n.id)).toEqual([note.id]);

		const { output: deleted } = await t.run(C('deleteNote', { cardId: rl(id), noteId: note.id }));
		expect(only(deleted)).toEqual([{ deleted: true, id: note.id }]);
		expect(t.apiRequests().at(-1)).toMatchObject({ method: 'DELETE', path: `/crm/v1/panel/card/${id}/note/${note.id}` });
		const { output: after } = await t.run(C('getNotes', { cardId: rl(id), returnAll: true }));
		expect(only(after)).toEqual([]);
	});

	it.each([
		[{ text: '  ' }, 'The note is empty [item 0]'],
		[{ text: 'x', fileUrls: 'ftp://example.com/a.pdf' }, '"ftp://example.com/a.pdf" is not a valid File URL [item 0]'],
		[{ fileUrls: 'https://a.example/1.pdf,https://a.example/2.pdf,https://a.example/3.pdf,https://a.example/4.pdf' }, 'A card note takes at most 3 files, got 4 [item 0]'],
		[{ text: 'x'.repeat(8001) }, 'Text is too long (8001 characters) [item 0]'],
	])('refuses a bad note before any request (%#)', async (extra, message) => {
		const error = await t.runError(C('addNote', { cardId: rl(id), ...extra }));
		expect(error.message).toBe(message);
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('Get Notes pages with a Limit and a date filter', async () => {
		const sampleCard = SEED.cardNotes.sample.cardId;
		const { output } = await t.run(C('getNotes', { cardId: rl(sampleCard), returnAll: false, limit: 1, filters: { createdAtAfter: '2000-01-01T00:00:00Z' } }));
		expect(only(output).map((n) => n.id)).toEqual([SEED.cardNotes.sample.id]);
		expect(lastRequest().query).toMatchObject({ PageSize: ['1'], 'CreatedAt.After': ['2000-01-01T00:00:00.000Z'] });
	});

	it('Delete Note: refuses a bad Note ID first, surfaces WTS’s text for a missing note, one paired item per input', async () => {
		expect((await t.runError(C('deleteNote', { cardId: rl(id), noteId: '' }))).message).toBe('The Note ID field is empty [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
		const nf = await t.runError(C('deleteNote', { cardId: rl(id), noteId: missing }));
		expect(nf).toBeInstanceOf(NodeApiError);
		expect(`${nf.message} ${nf.description}`).toContain('Anotação não encontrada.');
		const sample = SEED.cardNotes.sample;
		const noteIds = [sample.id, missing];
		const { output } = await t.run((i: number) => C('deleteNote', { cardId: rl(sample.cardId), noteId: noteIds[i] }), {
			items: [{ json: {} }, { json: {} }],
			onError: 'continueRegularOutput',
		});
		expect(output[0][0].json).toEqual({ deleted: true, id: sample.id });
		expect(output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(String(output[0][1].json.error)).toContain('not found [item 1]');
	});
});
