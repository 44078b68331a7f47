import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { rl, SEED, useSandbox } from '../../../../harness/fixture.mjs';

const t = useSandbox();
type Json = Record<string, unknown>;
type Item = { json: Json; pairedItem?: unknown };
type Req = { method: string; path: string; query: Record<string, string[]>; body: unknown };
const SM = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'scheduledMessage', operation, ...extra });
const only = (output: Item[][]) => output[0].map((o) => o.json);
const lastRequest = () => t.apiRequests().at(-1) as Req;
const whatsapp = SEED.channels.whatsapp;
const tpl = SEED.templates.orderUpdate;
const record = (id: string) => t.sandbox.state.scheduledMessages.get(id) as Json;
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const templateParameters = { parameter: [{ name: 'nome', value: 'Maria' }, { name: 'pedido', value: '#7' }, { name: 'situacao', value: 'enviado' }] };
const create = (extra: Record<string, unknown> = {}) =>
	SM('create', {
		sendTo: 'phone',
		phoneNumber: '11999990001',
		channelId: rl(whatsapp.id),
		type: 'TEMPLATE',
		templateId: rl(tpl.id),
		templateParameters,
		scheduling: inHours(2),
		...extra,
	});
async function createOne(extra: Record<string, unknown> = {}): Promise<string> {
	const { output } = await t.run(create(extra));
	return only(output)[0].id as string;
}

describe('Scheduled Message → Create', () => {
	it('schedules a template to a phone number through the channel, sending only what was set', async () => {
		const at = inHours(3);
		const { output } = await t.run(create({ scheduling: at, options: { departmentId: SEED.departments.vendas.id } }));
		expect(lastRequest().body).toEqual({
			type: 'TEMPLATE',
			templateId: tpl.id,
			templateParams: { parameters: { nome: 'Maria', pedido: '#7', situacao: 'enviado' } },
			scheduling: new Date(at).toISOString(),
			department: { id: SEED.departments.vendas.id },
			to: '5511999990001',
			from: whatsapp.number,
		});
		const created = only(output)[0];
		expect(record(created.id as string)).toMatchObject({ status: 'SCHEDULED', contactId: SEED.contacts.maria.id, channelId: whatsapp.id });
		expect(created.status).toBe('SCHEDULED');
	});

	it('schedules a chatbot start for a picked contact, reading the date in the workflow’s time zone', async () => {
		const bot = SEED.chatbots.pesquisa;
		const { output } = await t.run(
			create({ sendTo: 'contact', contactId: rl(SEED.contacts.joao.id), type: 'CHATBOT', botKey: bot.key, scheduling: '2099-01-31T18:00:00', options: { hiddenSession: true } }),
			{ timezone: 'America/Sao_Paulo' },
		);
		expect(lastRequest().body).toEqual({ type: 'CHATBOT', botKey: bot.key, scheduling: '2099-01-31T21:00:00.000Z', hiddenSession: true, to: '5511999990002', from: whatsapp.number });
		expect(only(output)[0]).toMatchObject({ type: 'CHATBOT', botId: bot.id });
	});

	it('uploads a header image from a binary field and sends its file ID in templateParams', async () => {
		const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]);
		const items = [{ json: {}, binary: { img: { data: bytes.toString('base64'), mimeType: 'image/png', fileName: 'oferta.png', fileExtension: 'png' } } }];
		const promo = SEED.templates.promoImage;
		await t.run(create({ templateId: rl(promo.id), templateParameters: { parameter: [{ name: '1', value: 'Maria' }] }, fileSource: 'binary', binaryPropertyName: 'img' }), { items });
		const body = lastRequest().body as Json;
		const fileId = (body.templateParams as Json).fileId as string;
		expect(body.templateParams).toEqual({ parameters: { '1': 'Maria' }, fileId });
		const stored = Buffer.from(await (await fetch(`${t.sandbox.url}/__sandbox/files/${fileId}`)).arrayBuffer());
		expect(stored.equals(bytes)).toBe(true);
	});

	it('surfaces WTS’s text for a date in the past', async () => {
		const error = await t.runError(create({ scheduling: '2020-01-01T10:00:00Z' }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('WTS Chat rejected the request (Send At): A data de agendamento deve ser no futuro. [item 0]');
	});

	it('refuses bad input before any request', async () => {
		const cases: Array<[Record<string, unknown>, string]> = [
			[{ phoneNumber: '99' }, '"99" is not a valid Phone Number [item 0]'],
			[{ scheduling: '' }, 'The Send At field is empty [item 0]'],
			[{ scheduling: '2026-02-30T10:00:00' }, 'Send At is not a valid date [item 0]'],
			[{ type: 'template' }, '"template" is not a valid Type [item 0]'],
			[{ templateId: rl('') }, 'The Template ID field is empty [item 0]'],
			[{ type: 'CHATBOT', botKey: 'pesquisa' }, '"pesquisa" is not a valid Chatbot Key [item 0]'],
			[{ fileSource: 'url', fileUrl: 'ftp://x' }, '"ftp://x" is not a valid File URL [item 0]'],
		];
		for (const [extra, message] of cases) {
			const error = await t.runError(create(extra));
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe(message);
		}
		expect(t.apiRequests()).toHaveLength(0);
	});
});

describe('Scheduled Message → Get / Get Many', () => {
	it('gets one with details, simplified by default', async () => {
		const id = await createOne();
		const { output } = await t.run(SM('get', { scheduledMessageId: rl(id, 'list'), options: { includeDetails: ['Contact', 'Template'] } }));
		const got = only(output)[0];
		expect(lastRequest().query).toEqual({ includeDetails: ['Contact', 'Template'] });
		expect(got).toMatchObject({ id, status: 'SCHEDULED', contact: { name: 'Maria Oliveira' }, template: { name: tpl.name } });
		expect(got.companyId).toBeUndefined();
		const { output: raw } = await t.run(SM('get', { scheduledMessageId: rl(id), simplify: false }));
		expect(only(raw)[0].companyId).toBeTruthy();
	});

	it('lists with every filter sent as documented', async () => {
		const a = await createOne();
		await createOne({ phoneNumber: '11999990003', scheduling: inHours(30) });
		const { output } = await t.run(
			SM('getMany', {
				returnAll: true,
				filters: { status: 'SCHEDULED', type: 'TEMPLATE', channelId: whatsapp.id, to: '+55 11 99999-0001', scheduledAtBefore: inHours(10) },
				options: { includeDetails: ['Channel'] },
			}),
		);
		expect(only(output).map((r) => r.id)).toEqual([a]);
		expect(lastRequest().query).toMatchObject({ Status: ['SCHEDULED'], Type: ['TEMPLATE'], From: [whatsapp.id], To: ['5511999990001'], IncludeDetails: ['Channel'] });
		const { output: limited } = await t.run(SM('getMany', { returnAll: false, limit: 1 }));
		expect(limited[0]).toHaveLength(1);
	});

	it('a due message fires: a template lands in the contact’s session', async () => {
		const id = await createOne();
		record(id).scheduling = new Date(Date.now() - 1000).toISOString();
		const { output } = await t.run(SM('get', { scheduledMessageId: rl(id), simplify: false }));
		const fired = only(output)[0];
		expect(fired.status).toBe('SENT');
		const messages = t.sandbox.state.sessionMessages(fired.sessionId as string) as Json[];
		expect(messages.some((m) => m.templateId === tpl.id)).toBe(true);
	});

	it('says which scheduled message was not found, and refuses malformed filters before any request', async () => {
		const missing = '3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b';
		const error = await t.runError(SM('get', { scheduledMessageId: rl(missing) }));
		expect(error.message).toBe(`Scheduled message ${missing} not found [item 0]`);
		t.sandbox.reset();
		expect((await t.runError(SM('getMany', { filters: { to: 'maria' } }))).message).toBe('"maria" is not a valid Recipient [item 0]');
		expect((await t.runError(SM('getMany', { filters: { departmentId: 'x' } }))).message).toBe('"x" is not a valid Department ID [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});
});

describe('Scheduled Message → Update', () => {
	it('changes only the fields set, named in the fields mask, and clears the department on purpose', async () => {
		const id = await createOne({ options: { departmentId: SEED.departments.vendas.id } });
		const at = inHours(5);
		const { output } = await t.run(
			SM('update', { scheduledMessageId: rl(id), updateFields: { scheduling: at, hiddenSession: false, templateParameters: '{"nome":"Ana","pedido":"#8","situacao":"pago"}' }, clearFields: ['Department'] }),
		);
		expect(lastRequest().body).toEqual({
			department: null,
			scheduling: new Date(at).toISOString(),
			hiddenSession: false,
			templateParams: { parameters: { nome: 'Ana', pedido: '#8', situacao: 'pago' } },
			fields: ['Department', 'Scheduling', 'HiddenSession', 'TemplateParams'],
		});
		expect(only(output)[0]).toMatchObject({ id, departmentId: null, scheduling: new Date(at).toISOString() });
		expect(record(id).departmentId).toBeNull();
	});

	it('moves it to another number and channel-checked template', async () => {
		const id = await createOne();
		await t.run(SM('update', { scheduledMessageId: rl(id), updateFields: { phoneNumber: '+55 11 99999-0004', channelId: whatsapp.id } }));
		expect(lastRequest().body).toEqual({ to: '5511999990004', from: whatsapp.number, fields: ['To', 'From'] });
		expect(record(id).contactId).toBe(SEED.contacts.ricardo.id);
	});

	it('surfaces WTS’s text for a cancelled message, and refuses an empty or contradictory update before any request', async () => {
		const id = await createOne();
		await t.run(SM('cancel', { scheduledMessageId: rl(id) }));
		const error = await t.runError(SM('update', { scheduledMessageId: rl(id), updateFields: { hiddenSession: true } }));
		expect(error.message).toBe('WTS Chat rejected the request: Mensagens já enviadas ou canceladas não podem ser editadas. [item 0]');
		t.sandbox.reset();
		expect((await t.runError(SM('update', { scheduledMessageId: rl(id) }))).message).toBe('Nothing to update [item 0]');
		expect((await t.runError(SM('update', { scheduledMessageId: rl(id), updateFields: { departmentId: SEED.departments.vendas.id }, clearFields: ['Department'] }))).message).toBe('Department is both set and cleared [item 0]');
		expect((await t.runError(SM('update', { scheduledMessageId: rl(id), updateFields: { templateParameters: '{nope' } }))).message).toMatch(/Template Parameters \(JSON\)/);
		expect(t.apiRequests()).toHaveLength(0);
	});
});

describe('Scheduled Message → Cancel / Cancel Many', () => {
	it('cancels one ({canceled: true, id}) and refuses to cancel it twice with WTS’s text', async () => {
		const id = await createOne();
		const { output } = await t.run(SM('cancel', { scheduledMessageId: rl(id) }));
		expect(only(output)).toEqual([{ canceled: true, id }]);
		expect(lastRequest().path).toBe(`/chat/v1/scheduled-message/${id}/cancel`);
		expect(record(id).status).toBe('CANCELED');
		const error = await t.runError(SM('cancel', { scheduledMessageId: rl(id) }));
		expect(error.message).toBe('WTS Chat rejected the request: Apenas mensagens agendadas podem ser canceladas. [item 0]');
	});

	it('cancels many items in one request, one paired output per item, errors per item with Continue On Fail', async () => {
		const ids = [await createOne(), await createOne({ phoneNumber: '11999990002' }), await createOne({ phoneNumber: '11999990003' })];
		await t.run(SM('cancel', { scheduledMessageId: rl(ids[2]) }));
		const before = t.apiRequests().length;
		const inputs = [ids[0], 'nope', ids[1], ids[2]];
		const { output } = await t.run((i: number) => SM('cancelMany', { scheduledMessageId: rl(inputs[i]) }), {
			items: inputs.map(() => ({ json: {} })),
			onError: 'continueErrorOutput',
		});
		const batch = (t.apiRequests() as Req[]).slice(before);
		expect(batch.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /chat/v1/scheduled-message/batch-cancel']);
		expect(batch[0].body).toEqual([ids[0], ids[1], ids[2]]);
		expect(output[0].map((o: Item) => [o.pairedItem, o.json.status])).toEqual([
			[{ item: 0 }, 'CANCELED'],
			[{ item: 2 }, 'CANCELED'],
		]);
		expect(output[1].map((o: Item) => [o.pairedItem, o.json.error])).toEqual([
			[{ item: 1 }, '"nope" is not a valid Scheduled Message ID [item 1]'],
			[{ item: 3 }, `Scheduled message ${ids[2]} was not canceled [item 3]`],
		]);
		expect(record(ids[0]).status).toBe('CANCELED');
	});

	it('groups more than 100 items into requests of at most 100', async () => {
		const items = Array.from({ length: 101 }, () => ({ json: {} }));
		const { output: created } = await t.run(create(), { items });
		const ids = only(created).map((r) => r.id as string);
		const before = t.apiRequests().length;
		const { output } = await t.run((i: number) => SM('cancelMany', { scheduledMessageId: rl(ids[i]) }), { items });
		const batch = (t.apiRequests() as Req[]).slice(before);
		expect(batch.map((r) => (r.body as string[]).length)).toEqual([100, 1]);
		expect(output[0]).toHaveLength(101);
		expect(output[0].every((o: Item, i: number) => o.json.id === ids[i] && o.json.status === 'CANCELED')).toBe(true);
	});

	it('stops on a bad ID before any request without Continue On Fail', async () => {
		const error = await t.runError(SM('cancelMany', { scheduledMessageId: rl('') }));
		expect(error.message).toBe('The Scheduled Message ID field is empty [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});
});
