import { createHash } from 'node:crypto';

import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { listSearch } from '../../../../../nodes/WtsChat/methods';
import { rl, SEED, useSandbox } from '../../../../harness/fixture.mjs';

const t = useSandbox();
type Json = Record<string, unknown>;
type Item = { json: Json; pairedItem?: unknown; error?: Error };
type Req = { method: string; path: string; query: Record<string, string[]>; body: Json };
const S = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'sendApi', operation, ...extra });
const only = (output: Item[][]) => output[0].map((o) => o.json);
const posts = (path: string) => (t.apiRequests() as Req[]).filter((r) => r.method === 'POST' && r.path === path);
const WHATSAPP = SEED.channels.whatsapp;
const fromList = rl(WHATSAPP.id, 'list');
const ORDER_TEMPLATE = SEED.templates.orderUpdate.id;
const orderParams = (nome = 'Ana') => ({
	parameter: [
		{ name: 'nome', value: nome },
		{ name: 'pedido', value: '4821' },
		{ name: 'situacao', value: 'enviado' },
	],
});
const message = (id: string) => t.sandbox.state.messages.get(id) as Json;
const session = (id: string) => t.sandbox.state.sessions.get(id) as Json;

describe('Send API → Send Text', () => {
	it('sends to a phone number in any usual format through the channel picked from the list (looked up once per run)', async () => {
		const items = [{ json: { phone: '(11) 98888-0001' } }, { json: { phone: '+55 11 98888-0002' } }, { json: { phone: '5511988880003' } }];
		const { output } = await t.run((i: number) => S('sendText', { to: items[i].json.phone, from: fromList, text: `Olá ${i}` }), { items });
		const sent = only(output);
		expect(sent).toHaveLength(3);
		expect(output[0].map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(sent.every((m) => m.status === 'QUEUED' && typeof m.id === 'string')).toBe(true);
		expect(posts('/chat/v1/send/text').map((r) => r.body)).toEqual([
			{ to: '+5511988880001', from: '+5511300000001', text: 'Olá 0' },
			{ to: '+5511988880002', from: '+5511300000001', text: 'Olá 1' },
			{ to: '+5511988880003', from: '+5511300000001', text: 'Olá 2' },
		]);
		expect((t.apiRequests() as Req[]).filter((r) => r.path === '/chat/v1/channel')).toHaveLength(1);
		// Unknown contacts are created, each in a new session on the channel; the message shows in it.
		const m = message(sent[0].id as string);
		expect(session(m.sessionId as string)).toMatchObject({ channelId: WHATSAPP.id, status: 'PENDING' });
	});

	it('is QUEUED, then FAILED outside the 24-hour window (Get Message Status), as WhatsApp does', async () => {
		const { output } = await t.run(S('sendText', { to: '+55 11 97777-0001', from: rl('5511300000001', 'number'), text: 'oi' }));
		const [queued] = only(output);
		expect(queued.status).toBe('QUEUED');
		const { output: status } = await t.run(S('getMessageStatus', { messageId: queued.id }));
		expect(only(status)[0]).toMatchObject({ id: queued.id, status: 'FAILED' });
		expect(String(only(status)[0].failedReason)).toMatch(/24 horas/);
		expect((t.apiRequests() as Req[]).at(-1)?.path).toBe(`/chat/v1/send/message/${queued.id}`);
	});

	it('sends only the options that were set; never user: {id: null} (legacy bug B4)', async () => {
		await t.run(S('sendText', { to: '11988880001', from: fromList, text: 'a', options: {} }));
		expect(posts('/chat/v1/send/text')[0].body).toEqual({ to: '+5511988880001', from: '+5511300000001', text: 'a' });
		await t.run(
			S('sendText', {
				to: '11988880001',
				from: fromList,
				text: 'b',
				options: {
					agentId: SEED.agents.carla.userId,
					departmentId: SEED.departments.vendas.id,
					enableBot: false,
					delayTyping: 0,
					senderId: 'pedido-1',
					callbackUrl: 'https://example.com/cb',
					forceStartSession: true,
				},
			}),
		);
		expect(posts('/chat/v1/send/text')[1].body).toEqual({
			to: '+5511988880001',
			from: '+5511300000001',
			text: 'b',
			senderId: 'pedido-1',
			callbackUrl: 'https://example.com/cb',
			delayTyping: 0,
			options: { enableBot: false, forceStartSession: true, user: { id: SEED.agents.carla.userId }, department: { id: SEED.departments.vendas.id } },
		});
		const m = [...t.sandbox.state.messages.values()].at(-1) as Json;
		expect(session(m.sessionId as string)).toMatchObject({ userId: SEED.agents.carla.userId, departmentId: SEED.departments.vendas.id });
	});

	it('sends to an Instagram user through the Instagram channel given by its @user', async () => {
		await t.run(S('sendText', { to: '@joaosantos', from: rl('@lojaexemplo', 'number'), text: 'oi' }));
		expect(posts('/chat/v1/send/text')[0].body).toEqual({ to: '@joaosantos', from: '@lojaexemplo', text: 'oi' });
	});

	it('refuses what cannot be a phone number, an empty text or a bad channel before any request', async () => {
		for (const [to, message] of [
			['abc', '"abc" is not a valid To [item 0]'],
			['12345', '"12345" is not a valid To [item 0]'],
			['', 'The To field is empty [item 0]'],
			['@bad handle', '"@bad handle" is not a valid To [item 0]'],
		]) {
			const error = await t.runError(S('sendText', { to, from: fromList, text: 'x' }));
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe(message);
		}
		expect((await t.runError(S('sendText', { to: '11988880001', from: fromList, text: '  ' }))).message).toBe('The Text field is empty [item 0]');
		expect((await t.runError(S('sendText', { to: '11988880001', from: rl(''), text: 'x' }))).message).toBe('The From Channel field is empty [item 0]');
		expect((await t.runError(S('sendText', { to: '11988880001', from: rl('loja'), text: 'x' }))).message).toBe('"loja" is not a valid From Channel ID [item 0]');
		const delay = await t.runError(S('sendText', { to: '11988880001', from: fromList, text: 'x', options: { delayTyping: 30 } }));
		expect(delay.message).toBe('Delay Typing must be a whole number at least 0 and at most 25 [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('surfaces the API’s own text and says a channel ID it does not know is not found', async () => {
		const error = await t.runError(S('sendText', { to: '11988880001', from: rl('+55 11 4000-0000', 'number'), text: 'x' }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/Canal de envio não encontrado: \+551140000000\. \[item 0\]$/);
		const unknown = await t.runError(S('sendText', { to: '11988880001', from: rl('3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b'), text: 'x' }));
		expect(unknown.message).toBe('Channel 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b not found [item 0]');
	});

	it('is never resent after a 502 (a POST may have gone through)', async () => {
		t.sandbox.faults.add({ method: 'POST', path: '/chat/v1/send/text', status: 502, afterHandler: true });
		const error = await t.runError(S('sendText', { to: '11988880001', from: fromList, text: 'x' }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(posts('/chat/v1/send/text')).toHaveLength(1);
	});

	it('waits and retries when the send family’s own rate limit answers 429 (nothing was sent)', async () => {
		t.sandbox.faults.add({
			method: 'POST',
			path: '/chat/v1/send/text',
			status: 429,
			headers: { 'retry-after': '0' },
			body: { type: null, title: 'Too Many Requests', status: 429, detail: 'Rate limit exceeded (send window).', instance: null },
		});
		const { output } = await t.run(S('sendText', { to: '11988880001', from: fromList, text: 'x' }));
		expect(only(output)[0].status).toBe('QUEUED');
		expect(posts('/chat/v1/send/text')).toHaveLength(2);
		expect([...t.sandbox.state.messages.values()].filter((m) => (m as Json)._sendApi)).toHaveLength(1);
	});

	it('continues on fail in both modes, paired', async () => {
		const items = [{ json: { to: '11988880001' } }, { json: { to: 'nope' } }, { json: { to: '11988880003' } }];
		const params = (i: number) => S('sendText', { to: items[i].json.to, from: fromList, text: 'x' });
		const regular = await t.run(params, { items, onError: 'continueRegularOutput' });
		expect(regular.output[0]).toHaveLength(3);
		expect(regular.output[0][1].json.error).toBe('"nope" is not a valid To [item 1]');
		expect(regular.output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const split = await t.run(params, { items, onError: 'continueErrorOutput' });
		expect(split.output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(split.output[1].map((o: Item) => o.pairedItem)).toEqual([{ item: 1 }]);
	});
});

describe('Send API → Send Image / Audio / Video / Document', () => {
	it('uploads each item’s own binary (correct for every item) and sends it; the bytes arrive unchanged', async () => {
		const files = [0, 1, 2].map((i) => Buffer.from(`%PDF-1.4 fatura ${i} ${'x'.repeat(i * 10)}`));
		const items = files.map((bytes, i) => ({
			json: {},
			binary: { invoice: { data: bytes.toString('base64'), mimeType: 'application/pdf', fileName: `fatura-${i}.pdf`, fileExtension: 'pdf' } },
		}));
		const { output } = await t.run(
			S('sendDocument', { to: '11988880001', from: fromList, fileSource: 'binary', binaryPropertyName: 'invoice', caption: 'Sua fatura' }),
			{ items },
		);
		expect(only(output)).toHaveLength(3);
		const bodies = posts('/chat/v1/send/document').map((r) => r.body);
		expect(new Set(bodies.map((b) => b.fileIdOrUrl)).size).toBe(3);
		bodies.forEach((b, i) => {
			expect(b).toMatchObject({ to: '+5511988880001', from: '+5511300000001', text: 'Sua fatura' });
			const stored = t.sandbox.state.files.get(b.fileIdOrUrl as string) as { _bytes: Buffer; name: string };
			expect(stored.name).toBe(`fatura-${i}.pdf`);
			expect(createHash('sha256').update(stored._bytes).digest('hex')).toBe(createHash('sha256').update(files[i]).digest('hex'));
		});
		const m = message(only(output)[2].id as string);
		expect(m).toMatchObject({ type: 'DOCUMENT', fileId: bodies[2].fileIdOrUrl });
	});

	it('sends a public URL as is; audio has no caption', async () => {
		await t.run(S('sendImage', { to: '11988880001', from: fromList, fileSource: 'url', fileUrl: 'https://example.com/a.png', caption: 'Olha' }));
		await t.run(S('sendAudio', { to: '11988880001', from: fromList, fileSource: 'url', fileUrl: 'https://example.com/a.mp3' }));
		await t.run(S('sendVideo', { to: '11988880001', from: fromList, fileSource: 'url', fileUrl: 'https://example.com/a.mp4' }));
		expect(posts('/chat/v1/send/image')[0].body).toEqual({ to: '+5511988880001', from: '+5511300000001', fileIdOrUrl: 'https://example.com/a.png', text: 'Olha' });
		expect(posts('/chat/v1/send/audio')[0].body).toEqual({ to: '+5511988880001', from: '+5511300000001', fileIdOrUrl: 'https://example.com/a.mp3' });
		expect(posts('/chat/v1/send/video')[0].body).toMatchObject({ fileIdOrUrl: 'https://example.com/a.mp4' });
		const node = t.node().description.properties as Json[];
		expect(node.some((p) => p.name === 'caption' && ((p.displayOptions as Json).show as Json).operation?.toString() === 'sendAudio')).toBe(false);
	});

	it('refuses a bad URL or a missing binary before any request', async () => {
		const e1 = await t.runError(S('sendImage', { to: '11988880001', from: fromList, fileSource: 'url', fileUrl: 'ftp://x' }));
		expect(e1.message).toBe('"ftp://x" is not a valid File URL [item 0]');
		const e2 = await t.runError(S('sendImage', { to: '11988880001', from: fromList, fileSource: 'binary', binaryPropertyName: 'pic' }));
		expect(e2.message).toBe('Item has no binary property "pic" [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});
});

describe('Send API → Send Template', () => {
	it('sends the template with its variables by name, a header URL and session metadata; it is SENT', async () => {
		const { output } = await t.run(
			S('sendTemplate', {
				to: '11988880001',
				from: fromList,
				templateId: rl(ORDER_TEMPLATE, 'list'),
				templateParameters: orderParams(),
				fileSource: 'none',
				options: { sessionMetadata: { entries: [{ key: 'pedido', value: '4821' }] } },
			}),
		);
		expect(posts('/chat/v1/send/template')[0].body).toEqual({
			to: '+5511988880001',
			from: '+5511300000001',
			templateId: ORDER_TEMPLATE,
			parameters: { nome: 'Ana', pedido: '4821', situacao: 'enviado' },
			sessionMetadata: { pedido: '4821' },
		});
		const [sent] = only(output);
		const m = message(sent.id as string);
		expect(m.text).toBe('Oi Ana, seu pedido 4821 foi enviado.');
		expect((session(m.sessionId as string).metadata as Json).pedido).toBe('4821');
		const { output: status } = await t.run(S('getMessageStatus', { messageId: sent.id }));
		expect(only(status)[0].status).toBe('SENT');
	});

	it('surfaces the API’s text for a template of another channel', async () => {
		const error = await t.runError(S('sendTemplate', { to: '11988880001', from: fromList, templateId: rl(SEED.templates.quickReply.id), fileSource: 'none' }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('WTS Chat rejected the request (Template): O modelo de mensagem não pertence ao canal de envio. [item 0]');
	});
});

describe('Send API → Send Template (Batch)', () => {
	it('groups items into one request per channel, template and options, and pairs each result', async () => {
		const items = ['11988880001', '11988880002', '11988880003'].map((to) => ({ json: { to } }));
		const { output } = await t.run(
			(i: number) => S('sendTemplateBatch', { to: items[i].json.to, from: fromList, templateId: rl(ORDER_TEMPLATE), templateParameters: orderParams(`C${i}`), fileSource: 'none', options: { senderId: `s${i}` } }),
			{ items },
		);
		const requests = posts('/chat/v1/send/template/batch');
		expect(requests).toHaveLength(1);
		expect(requests[0].body).toEqual({
			from: '+5511300000001',
			templateId: ORDER_TEMPLATE,
			messages: [0, 1, 2].map((i) => ({ to: `+5511988880${String(i + 1).padStart(3, '0')}`, parameters: { nome: `C${i}`, pedido: '4821', situacao: 'enviado' }, senderId: `s${i}` })),
		});
		expect(output[0].map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(only(output).map((r) => r.senderId)).toEqual(['s0', 's1', 's2']);
	});

	it('honours the documented 100 messages per request', async () => {
		const items = Array.from({ length: 101 }, (_, i) => ({ json: { to: `1197000${String(i).padStart(4, '0')}` } }));
		const { output } = await t.run(
			(i: number) => S('sendTemplateBatch', { to: items[i].json.to, from: fromList, templateId: rl(SEED.templates.followUp.id), fileSource: 'none' }),
			{ items },
		);
		expect(output[0]).toHaveLength(101);
		expect(posts('/chat/v1/send/template/batch').map((r) => (r.body.messages as unknown[]).length)).toEqual([100, 1]);
	});

	it('turns a recipient the API refused into that item’s error (Continue On Fail), the others sent', async () => {
		const items = [{ json: { ok: true } }, { json: { ok: false } }];
		const params = (i: number) =>
			S('sendTemplateBatch', {
				to: `1198888000${i}`,
				from: fromList,
				// The image template needs a header file: only WTS Chat checks that, per recipient.
				templateId: rl(SEED.templates.promoImage.id),
				templateParameters: { parameter: [{ name: '1', value: 'Ana' }] },
				...(items[i].json.ok ? { fileSource: 'url', fileUrl: 'https://example.com/promo.png' } : { fileSource: 'none' }),
			});
		const { output } = await t.run(params, { items, onError: 'continueErrorOutput' });
		expect(output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }]);
		expect(output[1][0].json.error).toBe('WTS Chat did not accept the send to +5511988880001: O modelo de mensagem exige um arquivo (fileIdOrUrl). [item 1]');
		expect(posts('/chat/v1/send/template/batch')).toHaveLength(1);
		const error = await t.runError(params, { items });
		expect(error.message).toMatch(/\[item 1\]$/);
	});

	it('uploads a header binary per item and refuses bad input before any request', async () => {
		const items = [0, 1].map((i) => ({ json: {}, binary: { data: { data: Buffer.from(`img${i}`).toString('base64'), mimeType: 'image/png', fileName: `p${i}.png` } } }));
		await t.run(
			(i: number) => S('sendTemplateBatch', { to: `1198888000${i}`, from: fromList, templateId: rl(SEED.templates.promoImage.id), templateParameters: { parameter: [{ name: '1', value: 'Ana' }] }, fileSource: 'binary', binaryPropertyName: 'data' }),
			{ items },
		);
		const [request] = posts('/chat/v1/send/template/batch');
		const ids = (request.body.messages as Json[]).map((m) => m.fileIdOrUrl as string);
		expect(ids.map((id) => (t.sandbox.state.files.get(id) as Json).name)).toEqual(['p0.png', 'p1.png']);
		t.sandbox.reset();
		const error = await t.runError(S('sendTemplateBatch', { to: '11988880001', from: fromList, templateId: rl('nope'), fileSource: 'none' }));
		expect(error.message).toBe('"nope" is not a valid Template ID [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});
});

describe('Send API → Send Typing Indicator', () => {
	it('posts the session and outputs {sent, sessionId}; an unknown session is not found', async () => {
		const id = SEED.sessions.inProgress[0];
		const { output } = await t.run(S('sendTyping', { sessionId: rl(id) }));
		expect(only(output)).toEqual([{ sent: true, sessionId: id }]);
		expect(posts('/chat/v1/send/typing')[0].body).toEqual({ sessionId: id });
		expect((session(id)._typing as unknown[]).length).toBe(1);
		const missing = '3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b';
		const error = await t.runError(S('sendTyping', { sessionId: rl(missing) }));
		expect(error.message).toBe(`Session ${missing} not found [item 0]`);
	});
});

describe('Send API → Send OTP / Get OTP Status', () => {
	it('sends a code with the channel’s authentication template; the status is found by ID or Sender ID', async () => {
		const { output } = await t.run(S('sendOtp', { to: '11988880001', from: fromList, code: '48213', templateId: rl(''), options: { senderId: 'login-1' } }));
		expect(posts('/chat/v1/send/otp')[0].body).toEqual({ to: '+5511988880001', from: '+5511300000001', code: '48213', senderId: 'login-1' });
		const [otp] = only(output);
		expect(otp).toMatchObject({ code: '48213', status: 'PENDING', templateId: SEED.templates.otp.id });
		const { output: byId } = await t.run(S('getOtpStatus', { otpId: otp.id }));
		expect(only(byId)[0]).toMatchObject({ id: otp.id, status: 'SENT' });
		const { output: bySender } = await t.run(S('getOtpStatus', { otpId: 'login-1' }));
		expect(only(bySender)[0].id).toBe(otp.id);
	});

	it('refuses an Instagram user, a bad code, and says an unknown code is not found', async () => {
		expect((await t.runError(S('sendOtp', { to: '@joao', from: fromList }))).message).toBe('"@joao" is not a valid To [item 0]');
		expect((await t.runError(S('sendOtp', { to: '11988880001', from: fromList, code: '12 34' }))).message).toBe('"12 34" is not a valid Code [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
		const error = await t.runError(S('getOtpStatus', { otpId: 'nobody' }));
		expect(error.message).toBe('OTP nobody not found [item 0]');
		const ig = await t.runError(S('sendOtp', { to: '11988880001', from: rl('@lojaexemplo', 'number') }));
		expect(ig.message).toBe('WTS Chat rejected the request (From Channel): O envio de OTP está disponível apenas para canais do WhatsApp. [item 0]');
	});
});

describe('Send API → Get Message Status', () => {
	it('refuses a malformed ID before any request and says an unknown one is not found', async () => {
		expect((await t.runError(S('getMessageStatus', { messageId: 'x' }))).message).toBe('"x" is not a valid Message ID [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
		const missing = '3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b';
		const error = await t.runError(S('getMessageStatus', { messageId: missing }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(`Message ${missing} not found [item 0]`);
	});
});

describe('Send API: list search of the template and channel pickers', () => {
	it('lists the channels (values are IDs, looked up for their number when sending)', async () => {
		const channels = await listSearch.searchChannels.call(t.loadOptions());
		expect(channels.results.map((r: { value: string }) => r.value)).toContain(WHATSAPP.id);
	});
});

describe('Send API: the template picker follows the From Channel', () => {
	it('lists only the templates of the channel picked (by ID or by number)', async () => {
		const zapi = SEED.channels.zapi;
		for (const from of [rl(zapi.id, 'list'), rl(zapi.number, 'number')]) {
			const found = await listSearch.searchTemplates.call(t.loadOptions({ resource: 'sendApi', operation: 'sendTemplate', from }));
			expect(found.results.map((r: { value: string }) => r.value)).toEqual([SEED.templates.quickReply.id]);
		}
		const all = await listSearch.searchTemplates.call(t.loadOptions({ resource: 'sendApi', operation: 'sendTemplate' }));
		expect(all.results.length).toBeGreaterThan(1);
	});
});
