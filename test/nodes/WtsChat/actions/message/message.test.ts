import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { rl, SEED, useSandbox } from '../../../../harness/fixture.mjs';

const t = useSandbox();
type Json = Record<string, unknown>;
type Item = { json: Json; pairedItem?: unknown; binary?: Record<string, Json>; error?: Error };
type Req = { method: string; path: string; query: Record<string, string[]>; body: Json };
const M = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'message', operation, ...extra });
const only = (output: Item[][]) => output[0].map((o) => o.json);
const lastRequest = () => t.apiRequests().at(-1) as Req;
const sessionId = SEED.sessions.inProgress[0];
const whatsapp = SEED.channels.whatsapp;
const maria = SEED.contacts.maria;
const messageOf = (id: string) => t.sandbox.state.messages.get(id) as Json;
const sessionOf = (id: string) => t.sandbox.state.sessions.get(id) as Json;
/** A text send to a phone number through the WhatsApp channel. */
const sendText = (extra: Record<string, unknown> = {}) =>
	M('send', { sendTo: 'phone', phoneNumber: '+55 11 99999-0001', channelId: rl(whatsapp.id, 'list'), content: 'text', text: 'Olá!', ...extra });

describe('Message → Get Many / Get / Get Status / Delete', () => {
	it('lists a session’s messages with a limit, simplified by default, raw when asked', async () => {
		const { output } = await t.run(M('getMany', { sessionId: rl(sessionId), returnAll: false, limit: 2 }));
		expect(output[0]).toHaveLength(Math.min(2, SEED.messages.bySession[sessionId].length));
		expect(lastRequest().query).toMatchObject({ SessionId: [sessionId], PageSize: ['2'] });
		expect(Object.keys(only(output)[0]).every((k) => ['id', 'createdAt', 'sessionId', 'direction', 'type', 'status', 'text', 'fileId', 'userId', 'failedReason'].includes(k))).toBe(true);
		const { output: raw } = await t.run(M('getMany', { sessionId: rl(sessionId), returnAll: true, simplify: false, filters: { createdAtAfter: '2000-01-01T00:00:00Z' }, options: { orderBy: 'createdAt', orderDirection: 'DESCENDING' } }));
		expect(only(raw)).toHaveLength(SEED.messages.bySession[sessionId].length);
		expect(only(raw)[0]).toHaveProperty('details');
		expect(lastRequest().query).toMatchObject({ 'CreatedAt.After': ['2000-01-01T00:00:00.000Z'], OrderBy: ['createdAt'], OrderDirection: ['DESCENDING'] });
	});

	it('gets a message, its status, and deletes it ({deleted: true, id})', async () => {
		const id = SEED.messages.bySession[sessionId][0];
		const { output } = await t.run(M('get', { messageId: id }));
		expect(only(output)[0]).toMatchObject({ id, sessionId });
		const { output: status } = await t.run(M('getStatus', { messageId: id }));
		expect(only(status)[0]).toMatchObject({ id, sessionId, status: messageOf(id).status });
		expect(lastRequest().path).toBe(`/chat/v1/message/${id}/status`);
		const { output: deleted } = await t.run(M('delete', { messageId: id }));
		expect(only(deleted)).toEqual([{ deleted: true, id }]);
		expect(messageOf(id)._deleted).toBe(true);
	});

	it('says which message was not found, keeping WTS’s text', async () => {
		const id = '3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b';
		const error = await t.runError(M('get', { messageId: id }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(`Message ${id} not found [item 0]`);
		expect(error.description).toMatch(/Mensagem não encontrada/);
	});

	it('refuses a malformed Message ID or Session ID before any request', async () => {
		expect((await t.runError(M('get', { messageId: 'abc' }))).message).toBe('"abc" is not a valid Message ID [item 0]');
		expect((await t.runError(M('getStatus', { messageId: '' }))).message).toBe('The Message ID field is empty [item 0]');
		expect((await t.runError(M('getMany', { sessionId: rl('x') }))).message).toBe('"x" is not a valid Session ID [item 0]');
		expect((await t.runError(M('getMany', { sessionId: rl(sessionId), returnAll: false, limit: 0 }))).message).toBe('Limit must be a whole number of at least 1 [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('pairs several items and continues on fail in both modes', async () => {
		const good = SEED.messages.bySession[sessionId][0];
		const ids = [good, 'not-a-uuid', '3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b'];
		const items = ids.map((id) => ({ json: { id } }));
		const params = (i: number) => M('getStatus', { messageId: ids[i] });
		const { output } = await t.run(params, { items, onError: 'continueRegularOutput' });
		expect(output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0][0].json.id).toBe(good);
		expect(output[0][1].json.error).toBe('"not-a-uuid" is not a valid Message ID [item 1]');
		expect(output[0][2].json.error).toMatch(/not found \[item 2\]$/);
		const { output: split } = await t.run(params, { items, onError: 'continueErrorOutput' });
		expect(split[0]).toHaveLength(1);
		expect(split[1].map((o: Item) => o.pairedItem)).toEqual([{ item: 1 }, { item: 2 }]);
	});
});

describe('Message → Send', () => {
	it('sends a text to a phone number through the channel (queued), into the contact’s session', async () => {
		const { output } = await t.run(sendText());
		const api = t.apiRequests() as Req[];
		expect(api.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /chat/v1/channel', 'POST /chat/v1/message/send']);
		expect(api[1].body).toEqual({ to: '5511999990001', from: whatsapp.number, body: { text: 'Olá!' } });
		const sent = only(output)[0];
		expect(sent).toMatchObject({ status: 'QUEUED' });
		const session = sessionOf(sent.sessionId as string);
		expect(session).toMatchObject({ contactId: maria.id, channelId: whatsapp.id });
		const { output: list } = await t.run(M('getMany', { sessionId: rl(session.id as string), returnAll: true }));
		expect(only(list).map((m) => m.id)).toContain(sent.id);
		const { output: status } = await t.run(M('getStatus', { messageId: sent.id }));
		expect(['SENT', 'FAILED']).toContain(only(status)[0].status);
	});

	it('sends to a picked contact, with Wait for Channel (send-sync), only the options set (no user: {id: null})', async () => {
		const { output } = await t.run(
			sendText({ sendTo: 'contact', contactId: rl(maria.id, 'list'), options: { waitForChannel: true, hiddenSession: false } }),
		);
		const api = t.apiRequests() as Req[];
		expect(api.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /core/v1/contact/${maria.id}`, 'GET /chat/v1/channel', 'POST /chat/v1/message/send-sync']);
		expect(api[2].body).toEqual({ to: '5511999990001', from: whatsapp.number, body: { text: 'Olá!' }, options: { hiddenSession: false } });
		expect(only(output)[0]).toMatchObject({ text: 'Olá!', direction: 'TO_HUB' });
		expect(['SENT', 'FAILED']).toContain(only(output)[0].status);
	});

	it('reaches a picked contact without a phone by its Instagram, through an Instagram channel; refuses one with neither', async () => {
		const contacts = t.sandbox.state.contacts;
		const juliana = contacts.get(SEED.contacts.juliana.id);
		juliana.phoneNumber = null;
		const ig = SEED.channels.instagram;
		await t.run(sendText({ sendTo: 'contact', contactId: rl(juliana.id), channelId: rl(ig.id) }));
		expect(lastRequest().body).toEqual({ to: '@ju.pereira', from: ig.number, body: { text: 'Olá!' } });
		juliana.instagram = null;
		const error = await t.runError(sendText({ sendTo: 'contact', contactId: rl(juliana.id) }));
		expect(error.message).toBe(`Contact ${juliana.id} has no phone number or Instagram [item 0]`);
	});

	it('sends department, agent and bot options only when picked', async () => {
		const dep = SEED.departments.vendas.id;
		const agent = SEED.agents.carla.userId;
		await t.run(sendText({ phoneNumber: '11988887777', options: { departmentId: dep, agentId: agent, enableBot: true, forceStartSession: true } }));
		expect(lastRequest().body).toEqual({
			to: '5511988887777',
			from: whatsapp.number,
			body: { text: 'Olá!' },
			department: { id: dep },
			user: { id: agent },
			options: { enableBot: true, forceStartSession: true },
		});
		const created = [...t.sandbox.state.contacts.values()].find((c: Json) => c.phoneNumber === '+55|11988887777') as Json;
		expect(created).toBeTruthy();
	});

	it('sends a template of the channel with its variables by name; free text outside the 24 h window fails', async () => {
		const tpl = SEED.templates.orderUpdate;
		const { output } = await t.run(
			sendText({
				phoneNumber: '5511977776666',
				content: 'template',
				templateId: rl(tpl.id, 'list'),
				templateParameters: { parameter: [{ name: 'nome', value: 'Ana' }, { name: 'pedido', value: '#9' }, { name: 'situacao', value: 'enviado' }] },
				options: { waitForChannel: true },
			}),
		);
		expect(lastRequest().body).toEqual({
			to: '5511977776666',
			from: whatsapp.number,
			body: { templateId: tpl.id, parameters: { nome: 'Ana', pedido: '#9', situacao: 'enviado' } },
		});
		expect(only(output)[0]).toMatchObject({ status: 'SENT', text: 'Oi Ana, seu pedido #9 foi enviado.' });
		const { output: text } = await t.run(sendText({ phoneNumber: '5511966665555', options: { waitForChannel: true } }));
		expect(only(text)[0]).toMatchObject({ status: 'FAILED' });
		expect(String(only(text)[0].failedReason)).toMatch(/24 horas/);
	});

	it('surfaces WTS’s text when the template is not of the channel', async () => {
		const error = await t.runError(
			sendText({ channelId: rl(SEED.channels.zapi.id), content: 'template', templateId: rl(SEED.templates.followUp.id) }),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('WTS Chat rejected the request (Template): O modelo de mensagem não pertence ao canal da conversa. [item 0]');
	});

	it('sends a file from a URL with a caption, and from a binary field for every item (upload chain per item)', async () => {
		await t.run(sendText({ content: 'file', fileSource: 'url', fileUrl: 'https://example.com/nota.pdf', options: { caption: 'Sua nota' } }));
		expect(lastRequest().body).toEqual({ to: '5511999990001', from: whatsapp.number, body: { fileUrl: 'https://example.com/nota.pdf', text: 'Sua nota' } });

		t.sandbox.reset();
		const files = [0, 1, 2].map((n) => Buffer.from([0x25, 0x50, 0x44, 0x46, n, 0xff, 0x00, ...Buffer.from(`fatura ${n}\n`)]));
		const items = files.map((bytes, n) => ({ json: { n }, binary: { data: { data: bytes.toString('base64'), mimeType: 'application/pdf', fileName: `fatura-${n}.pdf`, fileExtension: 'pdf' } } }));
		const phones = ['5511999990001', '5511999990002', '5511999990003'];
		const { output, stats } = await t.run((i: number) => sendText({ phoneNumber: phones[i], content: 'file', fileSource: 'binary' }), { items });
		expect(stats.binaryReads).toBe(3);
		expect(output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const sends = (t.apiRequests() as Req[]).filter((r) => r.path === '/chat/v1/message/send');
		expect(sends).toHaveLength(3);
		for (const [n, send] of sends.entries()) {
			const fileId = (send.body.body as Json).fileId as string;
			const stored = Buffer.from(await (await fetch(`${t.sandbox.url}/__sandbox/files/${fileId}`)).arrayBuffer());
			expect(stored.equals(files[n])).toBe(true);
			expect(send.body.to).toBe(phones[n]);
		}
		// one channel listing per run, not per item
		expect((t.apiRequests() as Req[]).filter((r) => r.path === '/chat/v1/channel')).toHaveLength(1);
	});

	it('refuses bad phone numbers, empty text, a missing binary and bad IDs before any request', async () => {
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ phoneNumber: 'abc' }, '"abc" is not a valid Phone Number [item 0]'],
			[{ phoneNumber: '12345' }, '"12345" is not a valid Phone Number [item 0]'],
			[{ phoneNumber: '' }, 'The Phone Number field is empty [item 0]'],
			[{ text: '  ' }, 'The Text field is empty [item 0]'],
			[{ channelId: rl('') }, 'The Channel ID field is empty [item 0]'],
			[{ content: 'file', fileSource: 'binary', binaryPropertyName: 'file' }, 'Item has no binary property "file" [item 0]'],
			[{ content: 'file', fileSource: 'url', fileUrl: 'nota.pdf' }, '"nota.pdf" is not a valid File URL [item 0]'],
			[{ content: 'template', templateId: rl('x') }, '"x" is not a valid Template ID [item 0]'],
			[{ sendTo: 'contact', contactId: rl('maria') }, '"maria" is not a valid Contact ID [item 0]'],
			[{ options: { departmentId: 'vendas' } }, '"vendas" is not a valid Department ID [item 0]'],
			[{ options: { replyTo: 'x' } }, '"x" is not a valid Reply to Message ID [item 0]'],
		];
		for (const [extra, message] of cases) {
			const error = await t.runError(sendText(extra));
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe(message);
		}
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('says when a channel ID is not one of the account’s channels', async () => {
		const error = await t.runError(sendText({ channelId: rl('3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b') }));
		expect(error.message).toBe('Channel 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b not found [item 0]');
		expect(t.apiRequests().map((r: Req) => r.path)).toEqual(['/chat/v1/channel']);
	});
});

describe('Message → Download Media', () => {
	it('downloads a sent file back byte-identical, with its name and MIME type', async () => {
		const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x7f, 0x80, 0x01]);
		const items = [{ json: {}, binary: { data: { data: bytes.toString('base64'), mimeType: 'image/png', fileName: 'foto.png', fileExtension: 'png' } } }];
		const { output: sent } = await t.run(sendText({ content: 'file', fileSource: 'binary', options: { waitForChannel: true } }), { items });
		const messageId = only(sent)[0].id as string;
		const { output } = await t.run(M('downloadMedia', { messageId, binaryPropertyName: 'foto' }));
		const [item] = output[0] as Item[];
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.json).toMatchObject({ messageId, fileName: 'foto.png', mimeType: 'image/png', fileSize: bytes.length, type: 'IMAGE' });
		const binary = item.binary?.foto as Json;
		expect(binary).toMatchObject({ fileName: 'foto.png', mimeType: 'image/png' });
		expect(Buffer.from(binary.data as string, 'base64').equals(bytes)).toBe(true);
	});

	it('refuses a message without a file, naming its type', async () => {
		const id = SEED.messages.bySession[sessionId].find((m: string) => (messageOf(m).type as string) === 'TEXT');
		const error = await t.runError(M('downloadMedia', { messageId: id }));
		expect(error.message).toBe(`Message ${id} has no file [item 0]`);
		expect(error.description).toMatch(/TEXT/);
	});

	it('reports a file that cannot be downloaded, and continues on fail with the other items', async () => {
		const bytes = Buffer.from('abc');
		const items = [{ json: {}, binary: { data: { data: bytes.toString('base64'), mimeType: 'text/plain', fileName: 'a.txt' } } }];
		const { output: sent } = await t.run(sendText({ content: 'file', fileSource: 'binary' }), { items });
		const good = only(sent)[0].id as string;
		// a file WTS Chat keeps only as a link that no longer answers
		const gone = `${t.sandbox.url}/__sandbox/files/3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b`;
		const { output: sentLink } = await t.run(sendText({ content: 'file', fileSource: 'url', fileUrl: gone }));
		const broken = only(sentLink)[0].id as string;
		const ids = [broken, good];
		const { output } = await t.run((i: number) => M('downloadMedia', { messageId: ids[i] }), { items: [{ json: {} }, { json: {} }], onError: 'continueRegularOutput' });
		expect(output[0][0].json.error).toMatch(new RegExp(`^The file of message ${broken} could not be downloaded \\(HTTP 4\\d\\d\\) \\[item 0\\]$`));
		expect(output[0][1].binary?.data).toBeTruthy();
		expect(output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});
