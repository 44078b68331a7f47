import { NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { rl, SEED, useSandbox } from '../../../../harness/fixture.mjs';

const t = useSandbox();
const S = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'session', operation, ...extra });
const sessionId = SEED.sessions.inProgress[0];
/** An open WhatsApp session (templates belong to a channel). */
const whatsappSession = SEED.sessions.inProgress.find((id: string) => SEED.sessions.byChannel.whatsapp.includes(id));
type Json = Record<string, unknown>;
type Item = { json: Json; pairedItem?: unknown };
type Req = { method: string; path: string; query: Record<string, string[]>; body: Json };
const only = (output: Item[][]) => output[0].map((o) => o.json);
const lastRequest = () => t.apiRequests().at(-1) as Req;
const state = (id: string) => t.sandbox.state.sessions.get(id) as Json;

describe('Session → Get Many', () => {
	it('filters by status and includes details only when asked', async () => {
		const { output } = await t.run(S('getMany', { returnAll: true, filters: { status: ['PENDING'] }, options: { includeDetails: ['ContactDetails'] } }));
		const sessions = only(output);
		expect(sessions.length).toBe(SEED.sessions.pending.length);
		expect(sessions.every((s) => s.status === 'PENDING')).toBe(true);
		expect(sessions.every((s) => (s.contactDetails as Json)?.name)).toBe(true);
		expect(lastRequest().query).toMatchObject({ Status: ['PENDING'], IncludeDetails: ['ContactDetails'] });
		const { output: plain } = await t.run(S('getMany', { returnAll: true }));
		expect(only(plain).every((s) => !s.contactDetails)).toBe(true);
	});

	it('filters by department, agent, channels and dates, sending only what was set', async () => {
		const dep = SEED.departments.suporte.id;
		const { output } = await t.run(
			S('getMany', {
				returnAll: true,
				filters: { departmentId: dep, channelIds: [SEED.channels.whatsapp.id], createdAtAfter: '2000-01-01T00:00:00Z' },
			}),
		);
		expect(only(output).length).toBeGreaterThan(0);
		expect(only(output).every((s) => s.departmentId === dep && s.channelId === SEED.channels.whatsapp.id)).toBe(true);
		const q = lastRequest().query;
		expect(Object.keys(q).sort()).toEqual(['ChannelsId', 'CreatedAt.After', 'DepartmentId', 'PageNumber', 'PageSize']);
		expect(q['CreatedAt.After']).toEqual(['2000-01-01T00:00:00.000Z']);

		const agent = SEED.agents.ana.userId;
		const { output: mine } = await t.run(S('getMany', { returnAll: true, filters: { agentId: agent } }));
		expect(only(mine).every((s) => s.userId === agent)).toBe(true);
	});

	it('refuses malformed filter IDs and dates before any request', async () => {
		const e1 = await t.runError(S('getMany', { returnAll: true, filters: { departmentId: 'suporte' } }));
		expect(e1).toBeInstanceOf(NodeOperationError);
		expect(e1.message).toBe('"suporte" is not a valid Department ID [item 0]');
		const e2 = await t.runError(S('getMany', { returnAll: true, filters: { endAtBefore: 'yesterday-ish' } }));
		expect(e2.message).toBe('End At Before is not a valid date [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});
});

describe('Session → Get Many: the Contact filter', () => {
	it('takes a contact picked in its resource locator, and the plain ID an older workflow saved', async () => {
		const contact = SEED.contacts.maria.id;
		const { output } = await t.run(S('getMany', { returnAll: true, filters: { contactId: rl(contact, 'list') } }));
		expect(lastRequest().query.ContactId).toEqual([contact]);
		expect(only(output).every((o) => o.contactId === contact)).toBe(true);
		await t.run(S('getMany', { returnAll: true, filters: { contactId: contact } }));
		expect(lastRequest().query.ContactId).toEqual([contact]);
		const error = await t.runError(S('getMany', { returnAll: true, filters: { contactId: rl('maria') } }));
		expect(error.message).toBe('"maria" is not a valid Contact ID [item 0]');
	});
});

describe('Session → Get', () => {
	it('gets one session with the details asked for', async () => {
		const { output } = await t.run(S('get', { sessionId: rl(sessionId), options: { includeDetails: ['AgentDetails', 'DepartmentsDetails'] } }));
		const [s] = only(output);
		expect(s.id).toBe(sessionId);
		expect(lastRequest().query.includeDetails).toEqual(['AgentDetails', 'DepartmentsDetails']);
		expect(s.departmentDetails).toBeTruthy();
	});
});

describe('Session → Transfer / Assign / Update Status', () => {
	it('transfers to a department (type DEPARTMENT)', async () => {
		const dep = SEED.departments.financeiro.id;
		const { output } = await t.run(S('transfer', { sessionId: rl(sessionId), departmentId: rl(dep, 'list') }));
		expect(lastRequest().body).toEqual({ type: 'DEPARTMENT', newDepartmentId: dep });
		expect(only(output)[0].departmentId).toBe(dep);
		expect(state(sessionId).departmentId).toBe(dep);
	});

	it('transfers to an agent of a department (type USER) and can stop a running bot', async () => {
		const dep = SEED.departments.vendas.id;
		const agent = SEED.agents.carla.userId;
		await t.run(
			S('transfer', { sessionId: rl(sessionId), departmentId: rl(dep), agentId: rl(agent), options: { stopBotInExecution: true } }),
		);
		expect(lastRequest().body).toEqual({ type: 'USER', newDepartmentId: dep, newUserId: agent, options: { stopBotInExecution: true } });
		expect(state(sessionId)).toMatchObject({ departmentId: dep, userId: agent });
	});

	it('requires a department or an agent', async () => {
		const error = await t.runError(S('transfer', { sessionId: rl(sessionId) }));
		expect(error.message).toBe('No department or agent to transfer to [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('assigns an agent', async () => {
		const agent = SEED.agents.bruno.userId;
		const { output } = await t.run(S('assign', { sessionId: rl(sessionId), agentId: rl(agent, 'list') }));
		expect(lastRequest().body).toEqual({ userId: agent });
		expect(only(output)[0].userId).toBe(agent);
	});

	it('changes the status', async () => {
		const id = SEED.sessions.pending[0];
		const { output } = await t.run(S('updateStatus', { sessionId: rl(id), status: 'IN_PROGRESS' }));
		expect(lastRequest().body).toEqual({ newStatus: 'IN_PROGRESS' });
		expect(only(output)[0].status).toBe('IN_PROGRESS');
	});

	it('refuses a status in the wrong case (WTS enums are case-sensitive) before any request', async () => {
		const error = await t.runError(S('updateStatus', { sessionId: rl(sessionId), status: 'started' }));
		expect(error.message).toBe('"started" is not a valid Status [item 0]');
		expect(error.description).toMatch(/STARTED/);
		expect(t.apiRequests()).toHaveLength(0);
	});
});

describe('Session → Update (partial)', () => {
	it('sends only the fields that were set, named in the fields mask', async () => {
		const before = structuredClone(state(sessionId));
		await t.run(S('update', { sessionId: rl(sessionId), updateFields: { number: '2026-0001', metadata: { entries: [{ key: 'orderId', value: '42' }] } } }));
		expect(lastRequest().body).toEqual({ number: '2026-0001', metadata: { orderId: '42' }, fields: ['Number', 'Metadata'] });
		const after = state(sessionId);
		expect(after.number).toBe('2026-0001');
		expect((after.metadata as Json).orderId).toBe('42');
		expect(after.status).toBe(before.status);
		expect(after.userId).toBe(before.userId);
	});

	it('clears fields and removes metadata keys', async () => {
		await t.run(S('update', { sessionId: rl(sessionId), updateFields: { metadata: { entries: [{ key: 'a', value: '1' }] } } }));
		await t.run(S('update', { sessionId: rl(sessionId), updateFields: { removeMetadataKeys: 'a' }, clearFields: ['UserId'] }));
		expect(lastRequest().body).toEqual({ metadata: { a: null }, userId: null, fields: ['Metadata', 'UserId'] });
		expect(state(sessionId).userId ?? null).toBeNull();
		expect((state(sessionId).metadata as Json | null)?.a).toBeUndefined();
	});

	it('sets classification, status, agent and department', async () => {
		const dep = SEED.departments.vendas.id;
		const agent = SEED.agents.carla.userId;
		const { output } = await t.run(
			S('update', {
				sessionId: rl(sessionId),
				updateFields: { status: 'PENDING', agentId: agent, departmentId: dep, classificationCategory: 'WON', classificationDescription: 'Pedido fechado', classificationAmount: 199.9 },
			}),
		);
		expect(lastRequest().body.fields).toEqual(['Status', 'UserId', 'DepartmentId', 'Classification']);
		expect(lastRequest().body.classification).toEqual({ category: 'WON', description: 'Pedido fechado', amount: 199.9 });
		expect(only(output)[0]).toMatchObject({ status: 'PENDING', userId: agent, departmentId: dep });
	});

	it('refuses an update with nothing to change, or a field both set and cleared', async () => {
		const e1 = await t.runError(S('update', { sessionId: rl(sessionId) }));
		expect(e1.message).toBe('Nothing to update [item 0]');
		const e2 = await t.runError(S('update', { sessionId: rl(sessionId), updateFields: { number: '1' }, clearFields: ['Number'] }));
		expect(e2.message).toBe('Number is both set and cleared [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});
});

describe('Session → Send Text / File / Template', () => {
	it('queues a text (async) and, with Wait for Channel, returns the sent message (sync)', async () => {
		const { output } = await t.run(S('sendText', { sessionId: rl(sessionId), text: 'Seu pedido saiu para entrega.' }));
		expect(lastRequest().path).toBe(`/chat/v1/session/${sessionId}/message`);
		expect(lastRequest().body).toEqual({ text: 'Seu pedido saiu para entrega.' });
		expect(only(output)[0]).toMatchObject({ sessionId, status: 'QUEUED' });

		const { output: sync } = await t.run(S('sendText', { sessionId: rl(sessionId), text: 'Oi!', options: { waitForChannel: true } }));
		expect(lastRequest().path).toBe(`/chat/v1/session/${sessionId}/message/sync`);
		expect(only(sync)[0]).toMatchObject({ text: 'Oi!', sessionId });

		const { output: messages } = await t.run(S('getMessages', { sessionId: rl(sessionId), returnAll: true }));
		const texts = only(messages).map((m) => m.text);
		expect(texts).toContain('Seu pedido saiu para entrega.');
		expect(texts).toContain('Oi!');
	});

	it('refuses an empty text before any request', async () => {
		const error = await t.runError(S('sendText', { sessionId: rl(sessionId), text: '  ' }));
		expect(error.message).toBe('The Text field is empty [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('sends a file by URL with a caption', async () => {
		await t.run(S('sendFile', { sessionId: rl(sessionId), fileSource: 'url', fileUrl: 'https://example.com/nota.pdf', options: { caption: 'Sua nota fiscal' } }));
		expect(lastRequest().body).toEqual({ fileUrl: 'https://example.com/nota.pdf', text: 'Sua nota fiscal' });
		const bad = await t.runError(S('sendFile', { sessionId: rl(sessionId), fileSource: 'url', fileUrl: 'nota.pdf' }));
		expect(bad.message).toBe('"nota.pdf" is not a valid File URL [item 0]');
	});

	it('uploads an input binary property and sends it; the bytes arrive unchanged', async () => {
		const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x10, 0x80, ...Buffer.from('fatura de teste\n')]);
		const items = [{ json: {}, binary: { invoice: { data: bytes.toString('base64'), mimeType: 'application/pdf', fileName: 'fatura.pdf', fileExtension: 'pdf' } } }];
		const { output, stats } = await t.run(S('sendFile', { sessionId: rl(sessionId), fileSource: 'binary', binaryPropertyName: 'invoice' }), { items });
		expect(stats.binaryReads).toBe(1);
		const api = t.apiRequests() as Req[];
		expect(api.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /core/v2/file', 'POST /core/v2/file', `POST /chat/v1/session/${sessionId}/message`]);
		expect(api[0].query).toMatchObject({ Type: ['PDF'], Name: ['fatura.pdf'], MimeType: ['application/pdf'] });
		const fileId = api[2].body.fileId as string;
		expect(fileId).toMatch(/^[0-9a-f-]{36}$/);
		const stored = Buffer.from(await (await fetch(`${t.sandbox.url}/__sandbox/files/${fileId}`)).arrayBuffer());
		expect(stored.equals(bytes)).toBe(true);
		expect(only(output)[0].sessionId).toBe(sessionId);
	});

	it('says which binary properties exist when the named one is missing', async () => {
		const items = [{ json: {}, binary: { data: { data: 'aGk=', mimeType: 'text/plain', fileName: 'a.txt' } } }];
		const error = await t.runError(S('sendFile', { sessionId: rl(sessionId), fileSource: 'binary', binaryPropertyName: 'file' }), { items });
		expect(error.message).toBe('Item has no binary property "file" [item 0]');
		expect(error.description).toMatch(/one of: data/);
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('sends a template with its parameters', async () => {
		const tpl = SEED.templates.orderUpdate;
		const { output } = await t.run(
			S('sendTemplate', {
				sessionId: rl(whatsappSession),
				templateId: rl(tpl.id, 'list'),
				templateParameters: { parameter: [{ name: 'nome', value: 'Maria' }, { name: 'pedido', value: '#123' }, { name: 'situacao', value: 'enviado' }] },
			}),
		);
		expect(lastRequest().body).toEqual({ templateId: tpl.id, parameters: { nome: 'Maria', pedido: '#123', situacao: 'enviado' } });
		expect(only(output)[0].sessionId).toBe(whatsappSession);
	});

	it('sends a media template with its header image from a URL', async () => {
		const tpl = SEED.templates.promoImage;
		await t.run(
			S('sendTemplate', {
				sessionId: rl(whatsappSession),
				templateId: rl(tpl.id),
				templateParameters: { parameter: [{ name: '1', value: 'Maria' }] },
				fileSource: 'url',
				fileUrl: 'https://example.com/ofertas.png',
				options: { waitForChannel: true },
			}),
		);
		expect(lastRequest().path).toMatch(/\/message\/sync$/);
		expect(lastRequest().body).toEqual({ templateId: tpl.id, parameters: { '1': 'Maria' }, fileUrl: 'https://example.com/ofertas.png' });
	});
});

describe('Session → messages and notes', () => {
	it('gets messages with a limit', async () => {
		const { output } = await t.run(S('getMessages', { sessionId: rl(sessionId), returnAll: false, limit: 2 }));
		expect(output[0]).toHaveLength(Math.min(2, SEED.messages.bySession[sessionId].length));
	});

	it('adds, lists, gets and deletes an internal note', async () => {
		const { output: added } = await t.run(S('addNote', { sessionId: rl(sessionId), text: 'Cliente pediu retorno amanhã.' }));
		const note = only(added)[0];
		expect(lastRequest().body).toEqual({ text: 'Cliente pediu retorno amanhã.' });
		expect(note.id).toBeTruthy();

		const { output: list } = await t.run(S('getNotes', { sessionId: rl(sessionId), returnAll: true }));
		expect(only(list).map((n) => n.id)).toContain(note.id);

		const { output: got } = await t.run(S('getNote', { noteId: note.id }));
		expect(only(got)[0]).toMatchObject({ id: note.id, text: 'Cliente pediu retorno amanhã.' });

		const { output: deleted } = await t.run(S('deleteNote', { noteId: note.id }));
		expect(only(deleted)[0]).toMatchObject({ deleted: true, id: note.id });
		const { output: after } = await t.run(S('getNotes', { sessionId: rl(sessionId), returnAll: true }));
		expect(only(after).map((n) => n.id)).not.toContain(note.id);
	});

	it('refuses an empty note and a malformed Note ID before any request', async () => {
		const e1 = await t.runError(S('addNote', { sessionId: rl(sessionId), text: '' }));
		expect(e1.message).toBe('The note is empty [item 0]');
		const e2 = await t.runError(S('getNote', { noteId: 'abc' }));
		expect(e2.message).toBe('"abc" is not a valid Note ID [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});
});
