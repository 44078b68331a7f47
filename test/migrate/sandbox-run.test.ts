// Converted legacy actions, run by our node against the sandbox (the test harness, real HTTP, strict WTS contract:
// any undocumented request fails the test): the request each one makes is what the legacy action meant, without
// its bugs (listed in migrate/README.md). The batch sequence actions need n8n's expressions (their Split Out items) and
// are run in real n8n by the e2e case (test/e2e/lib/cases/migrate.mjs).
import { describe, expect, it } from 'vitest';

import { mapParameters } from '../../migrate/src/mappings';
import { SEED, useSandbox } from '../harness/fixture.mjs';

const t = useSandbox();
type Req = { method: string; path: string; query: Record<string, string[]>; body: Record<string, unknown> };

const S = SEED.sessions.inProgress[0];
const SESSION2 = SEED.sessions.inProgress[1];
/** An in-progress session on the WhatsApp channel, whose templates it can send. */
const S_WA = SEED.sessions.inProgress.find((id: string) => SEED.sessions.byChannel.whatsapp.includes(id))!;
const MSG = SEED.messages.bySession[S][0];
const CH = SEED.channels.whatsapp.id;
const CARD = SEED.cards.camisetas;
const NOTE = SEED.cardNotes.sample;
const PANEL = SEED.panels.vendas;
const SEQ = SEED.sequences.reengajamento.id;
const MARIA = SEED.contacts.maria;
const blob = (id: string, fileType = 'UNDEFINED') => JSON.stringify({ id, fileType, params: ['1'] });

/** Converts the legacy parameters, runs them, returns the API requests made and the output. */
async function runLegacy(params: Record<string, unknown>) {
	const converted = mapParameters(params);
	expect(converted, JSON.stringify(params)).toBeDefined();
	expect(converted!.notes.filter((n) => n.kind === 'todo')).toEqual([]);
	const { output } = await t.run(converted!.mapped.parameters);
	return { requests: t.apiRequests() as Req[], output: output[0].map((i: { json: Record<string, unknown> }) => i.json) };
}
const writes = (r: Req[]) => r.filter((q) => q.method !== 'GET');

describe('converted legacy actions make the request the legacy action meant (sandbox)', () => {
	it('Session → Send Text In Session (synchronous) → POST …/message/sync {text}', async () => {
		const { requests } = await runLegacy({ resource: 'session', operation: 'sendTextBySessionid', sessionId: S, textMessage: 'Olá', synchronousMessage: true });
		expect(writes(requests).map((q) => [q.method, q.path, q.body])).toEqual([['POST', `/chat/v1/session/${S}/message/sync`, { text: 'Olá' }]]);
	});

	it('Session → Send File In Session (URL) → POST …/message {fileUrl}', async () => {
		const { requests } = await runLegacy({ resource: 'session', operation: 'sendFileBySessionid', sessionId: S, urlFile: 'https://example.com/a.pdf' });
		expect(writes(requests)).toEqual([expect.objectContaining({ method: 'POST', path: `/chat/v1/session/${S}/message`, body: expect.objectContaining({ fileUrl: 'https://example.com/a.pdf' }) })]);
	});

	it('Session → Send Template In Session → POST …/message {templateId, parameters}', async () => {
		const { requests } = await runLegacy({
			resource: 'session',
			operation: 'sendTemplateBySessionid',
			sessionId: S_WA,
			templatesBySession: blob(SEED.templates.welcome.id),
			paramsTemplatesSession: { paramsTemplatesValues: [{ name: '1', value: 'Maria' }] },
		});
		const w = writes(requests);
		expect(w.map((q) => [q.method, q.path])).toEqual([['POST', `/chat/v1/session/${S_WA}/message`]]);
		expect(w[0].body).toMatchObject({ templateId: SEED.templates.welcome.id, parameters: { 1: 'Maria' } });
	});

	it('Session → ChangeStatus, Complete, Transfer, Transfer to User, UpdateSession', async () => {
		const status = await runLegacy({ resource: 'session', operation: 'updateStatusSession', sessionId: S, statusSessionOption: 'PENDING' });
		expect(writes(status.requests).map((q) => [q.method, q.path, q.body])).toEqual([['PUT', `/chat/v1/session/${S}/status`, { newStatus: 'PENDING' }]]);
		t.sandbox.reset();
		const complete = await runLegacy({ resource: 'session', operation: 'concludeSession', sessionId: S, reactivateOnNewMessage: true });
		expect(writes(complete.requests)).toEqual([expect.objectContaining({ method: 'PUT', path: `/chat/v1/session/${S}/complete`, body: expect.objectContaining({ reactivateOnNewMessage: true }) })]);
		t.sandbox.reset();
		const transfer = await runLegacy({ resource: 'session', operation: 'transferSession', sessionId: SESSION2, departmentId: SEED.departments.vendas.id, userIdByDepartment: 'NOT_SEND' });
		expect(writes(transfer.requests).map((q) => [q.method, q.path, q.body])).toEqual([['PUT', `/chat/v1/session/${SESSION2}/transfer`, { type: 'DEPARTMENT', newDepartmentId: SEED.departments.vendas.id }]]);
		t.sandbox.reset();
		const assign = await runLegacy({ resource: 'session', operation: 'transferToUser', sessionId: SESSION2, userId: SEED.agents.ana.userId });
		expect(writes(assign.requests).map((q) => [q.method, q.path, q.body])).toEqual([['PUT', `/chat/v1/session/${SESSION2}/assignee`, { userId: SEED.agents.ana.userId }]]);
		t.sandbox.reset();
		const update = await runLegacy({
			resource: 'session',
			operation: 'updateSession',
			sessionId: S,
			fieldsUpdate: ['Number', 'Metadata', 'DepartmentId', 'Autocomplete'],
			number: 'P-1',
			departmentIdUpdatedSession: 'NOT_SEND',
			metadataUpdateSession: { metadata: [{ key: 'k', value: 'v' }] },
		});
		const u = writes(update.requests);
		expect(u.map((q) => [q.method, q.path])).toEqual([['PUT', `/chat/v2/session/${S}/partial`]]);
		// legacy: {number, metadata, fields: [Number, Metadata, DepartmentId, Autocomplete]} ("Empty" department cleared)
		expect(u[0].body).toMatchObject({ number: 'P-1', metadata: { k: 'v' } });
		expect([...(u[0].body.fields as string[])].sort()).toEqual(['Autocomplete', 'DepartmentId', 'Metadata', 'Number']);
	});

	it('Session → Get All Sessions (status, page size) and Get Session By ID', async () => {
		const list = await runLegacy({ resource: 'session', statusSession: ['IN_PROGRESS'], pageSize: 3, includeDetails: ['Undefined'] });
		expect(list.output).toHaveLength(3);
		expect(list.output.every((s) => s.status === 'IN_PROGRESS')).toBe(true);
		t.sandbox.reset();
		const one = await runLegacy({ resource: 'session', operation: 'getSessionById', sessionId: S, includeDetails: ['ContactDetails'] });
		expect(one.output.map((s) => s.id)).toEqual([S]);
		expect(one.requests.at(-1)!.query.includeDetails).toEqual(['ContactDetails']);
	});

	it('Message → Get All Messages, Get Message By ID, Get Message Status', async () => {
		const list = await runLegacy({ resource: 'message', operation: 'listMessages', sessionId: S, pageSize: 100 });
		expect(list.output.map((m) => m.id).sort()).toEqual([...SEED.messages.bySession[S]].sort());
		t.sandbox.reset();
		expect((await runLegacy({ resource: 'message', messageId: MSG })).output.map((m) => m.id)).toEqual([MSG]);
		t.sandbox.reset();
		const status = await runLegacy({ resource: 'message', operation: 'getMessageStatus', messageId: MSG });
		expect(status.requests.map((q) => q.path)).toContain(`/chat/v1/message/${MSG}/status`);
	});

	it('Message → Send Text / Send File / Send Template To Contact → POST /chat/v1/message/send, no user {id: null} (B4)', async () => {
		const text = await runLegacy({ resource: 'message', operation: 'sendText', channelId: CH, numberToSend: '5511999990001', textMessage: 'Oi', departmentId: 'NOT_SEND', enableBot: true });
		const w = writes(text.requests);
		expect(w.map((q) => [q.method, q.path])).toEqual([['POST', '/chat/v1/message/send']]);
		expect(w[0].body).toMatchObject({ body: { text: 'Oi' }, options: expect.objectContaining({ enableBot: true }) });
		expect(w[0].body).not.toHaveProperty('user');
		t.sandbox.reset();
		const file = await runLegacy({ resource: 'message', operation: 'sendFile', channelId: CH, numberToSend: '5511999990001', urlFile: 'https://example.com/b.pdf', synchronousMessage: true, departmentId: SEED.departments.vendas.id });
		const f = writes(file.requests);
		expect(f.map((q) => [q.method, q.path])).toEqual([['POST', '/chat/v1/message/send-sync']]);
		expect(f[0].body).toMatchObject({ body: { fileUrl: 'https://example.com/b.pdf' }, department: { id: SEED.departments.vendas.id } });
		t.sandbox.reset();
		const tpl = await runLegacy({
			resource: 'message',
			operation: 'sendTemplate',
			channelId: CH,
			numberToSend: '5511999990001',
			templates: blob(SEED.templates.welcome.id),
			paramsTemplates: { paramsTemplatesValues: [{ name: '1', value: 'Maria' }] },
		});
		const tw = writes(tpl.requests);
		expect(tw.map((q) => [q.method, q.path])).toEqual([['POST', '/chat/v1/message/send']]);
		expect(tw[0].body).toMatchObject({ body: { templateId: SEED.templates.welcome.id, parameters: { 1: 'Maria' } } });
	});

	it('Chatbot → Send Chatbot → POST /chat/v1/chatbot/send with sessionMetadata (B6)', async () => {
		const r = await runLegacy({
			resource: 'chatbot',
			chatbotId: SEED.chatbots.triagem.key,
			channelId: CH,
			numberToSend: '5511999990001',
			skipIfBotInExecution: true,
			sessionMetadatas: { sessionMetadata: [{ key: 'a', value: '1' }] },
		});
		const w = writes(r.requests);
		expect(w.map((q) => [q.method, q.path])).toEqual([['POST', '/chat/v1/chatbot/send']]);
		expect(w[0].body).toMatchObject({ botKey: SEED.chatbots.triagem.key, sessionMetadata: { a: '1' }, options: { skipIfBotInExecution: true } });
		expect(w[0].body).not.toHaveProperty('sessionMetada');
	});

	it('Contact → Create, Get By ID, Get By Phone, Get All, Update', async () => {
		const created = await runLegacy({ resource: 'contact', operation: 'createContact', name: 'Nova', phonenumber: '5511988887777', email: 'nova@example.online', metadata: { metadata: [{ key: 'o', value: 's' }] } });
		const w = writes(created.requests);
		expect(w.map((q) => [q.method, q.path])).toEqual([['POST', '/core/v1/contact']]);
		expect(w[0].body).toMatchObject({ name: 'Nova', email: 'nova@example.online', metadata: { o: 's' } });
		t.sandbox.reset();
		expect((await runLegacy({ resource: 'contact', operation: 'getContactById', contactId: MARIA.id })).output.map((c) => c.id)).toEqual([MARIA.id]);
		t.sandbox.reset();
		expect((await runLegacy({ resource: 'contact', operation: 'getContactByPhone', phonenumber: '5511999990001' })).output.map((c) => c.id)).toEqual([MARIA.id]);
		t.sandbox.reset();
		const list = await runLegacy({ statusContact: 'ACTIVE', pageSize: 4 });
		expect(list.output).toHaveLength(4);
		t.sandbox.reset();
		const upd = await runLegacy({ resource: 'contact', operation: 'updateContact', contactId: MARIA.id, fieldsUpdateContact: ['Annotation', 'Instagram'], annotationUpdateContact: 'nota', instagramUpdateContact: '' });
		const uw = writes(upd.requests);
		expect(uw.map((q) => [q.method, q.path])).toEqual([['PUT', `/core/v2/contact/${MARIA.id}`]]);
		// legacy: annotation set and Instagram (selected, empty) cleared
		expect(uw[0].body).toMatchObject({ annotation: 'nota', instagram: null });
		expect([...(uw[0].body.fields as string[])].sort()).toEqual(['Annotation', 'Instagram']);
	});

	it('Panel → Create Card, Update Card (position 0 and Archived off sent, B8), Duplicate Card', async () => {
		const created = await runLegacy({ resource: 'panel', operation: 'createCard', panels: PANEL.id, stepPanels: PANEL.steps.novoLead.id, title: 'Migrado', monetaryAmount: 0, contactId: MARIA.id });
		const w = writes(created.requests);
		expect(w.map((q) => [q.method, q.path])).toEqual([['POST', '/crm/v2/panel/card']]);
		expect(w[0].body).toMatchObject({ stepId: PANEL.steps.novoLead.id, title: 'Migrado', monetaryAmount: 0, contactIds: [MARIA.id] });
		t.sandbox.reset();
		const upd = await runLegacy({
			resource: 'panel',
			operation: 'updateCard',
			cardIdUpdateCard: CARD.id,
			fieldsUpdateCard: ['Title', 'Position', 'Archived'],
			titleCardUpdateCard: 'Novo título',
			positionUpdateCard: 0,
			includeArchivedUpdateCard: false,
		});
		const uw = writes(upd.requests);
		expect(uw.map((q) => [q.method, q.path])).toEqual([['PUT', `/crm/v3/panel/card/${CARD.id}`]]);
		expect(uw[0].body).toMatchObject({ title: 'Novo título', position: 0, status: 'OPEN' });
		t.sandbox.reset();
		const dup = await runLegacy({ resource: 'panel', operation: 'duplicateCard', cardId: CARD.id, archiveOriginalCard: true, fieldsCard: ['Tags', 'Undefined'] });
		const dw = writes(dup.requests);
		expect(dw.map((q) => [q.method, q.path])).toEqual([['POST', `/crm/v2/panel/card/${CARD.id}/duplicate`]]);
		expect(dw[0].body).toMatchObject({ options: { archiveOriginalCard: true, fields: ['Tags'] } });
	});

	it('Panel → annotations: Create Text, Create File, Get All, Delete', async () => {
		const text = await runLegacy({ resource: 'panel', operation: 'createAnnotationText', cardId: CARD.id, textMessage: 'Nota' });
		expect(writes(text.requests).map((q) => [q.method, q.path, q.body])).toEqual([['POST', `/crm/v1/panel/card/${CARD.id}/note`, { text: 'Nota' }]]);
		t.sandbox.reset();
		const file = await runLegacy({ resource: 'panel', operation: 'createAnnotationFile', cardId: CARD.id, fileUrls: { fileUrl: ['https://example.com/1.pdf', 'https://example.com/2.pdf'] } });
		expect(writes(file.requests).map((q) => [q.method, q.path, q.body])).toEqual([
			['POST', `/crm/v1/panel/card/${CARD.id}/note`, { fileUrls: ['https://example.com/1.pdf', 'https://example.com/2.pdf'] }],
		]);
		t.sandbox.reset();
		const notes = await runLegacy({ resource: 'panel', cardId: NOTE.cardId, pageSize: 50 });
		expect(notes.output.map((x) => x.id)).toContain(NOTE.id);
		t.sandbox.reset();
		const del = await runLegacy({ resource: 'panel', operation: 'deleteCardAnnotation', cardId: NOTE.cardId, noteId: NOTE.id });
		expect(writes(del.requests).map((q) => [q.method, q.path])).toEqual([['DELETE', `/crm/v1/panel/card/${NOTE.cardId}/note/${NOTE.id}`]]);
		expect(del.output).toEqual([expect.objectContaining({ deleted: true })]);
	});

	it('Panel → Get All Panels, Get Panel By ID, Gel All Cards, Get Card By ID', async () => {
		expect((await runLegacy({ resource: 'panel', operation: 'getAllPanels', pageSize: 10 })).output.map((p) => p.id)).toContain(PANEL.id);
		t.sandbox.reset();
		const one = await runLegacy({ resource: 'panel', operation: 'getPanelById', panelId: PANEL.id, includeDetailsPanel: ['Cards', 'Steps', 'Steps'] });
		expect(one.output.map((p) => p.id)).toEqual([PANEL.id]);
		expect(one.requests.at(-1)!.query.IncludeDetails).toEqual(['Cards', 'Steps']);
		t.sandbox.reset();
		const cards = await runLegacy({ resource: 'panel', operation: 'listCards', panels: PANEL.id, pageSize: 2 });
		expect(cards.output).toHaveLength(2);
		t.sandbox.reset();
		expect((await runLegacy({ resource: 'panel', operation: 'getCardById', cardId: CARD.id })).output.map((c) => c.id)).toEqual([CARD.id]);
	});

	it('Sequence → Add / Remove Contact To Sequence, Get All Sequences, Get Contacts By Sequence', async () => {
		const add = await runLegacy({ resource: 'sequence', sequenceId: SEQ, contactId: MARIA.id });
		expect(writes(add.requests).map((q) => [q.method, q.path, q.body])).toEqual([['POST', `/chat/v1/sequence/${SEQ}/contact`, { contactId: MARIA.id }]]);
		// (no reset: the contact added above is removed)
		const rem = await runLegacy({ resource: 'sequence', operation: 'removeContactToSequence', sequenceId: SEQ, contactId: MARIA.id });
		expect(writes(rem.requests).slice(1).map((q) => [q.method, q.path, q.body])).toEqual([['DELETE', `/chat/v1/sequence/${SEQ}/contact`, { contactId: MARIA.id }]]);
		t.sandbox.reset();
		expect((await runLegacy({ resource: 'sequence', operation: 'listSequences', pageSize: 10 })).output.map((s) => s.id)).toContain(SEQ);
		t.sandbox.reset();
		const members = await runLegacy({ resource: 'sequence', operation: 'getContactsBySequence', sequenceId: SEED.sequences.boasVindas.id });
		expect(members.output.length).toBeGreaterThan(0);
	});
});
