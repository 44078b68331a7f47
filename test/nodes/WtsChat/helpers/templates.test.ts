// Issue 20 item 3: a template send whose variables are missing or unknown is refused before the send request,
// naming them; the template's variables are read once per template per execution. Whether WTS Chat approved the
// template is left to WTS Chat (its own text is reported).
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { rl, SEED, useSandbox } from '../../../harness/fixture.mjs';

const t = useSandbox();
type Json = Record<string, unknown>;
type Item = { json: Json; pairedItem?: unknown; error?: Error };
type Req = { method: string; path: string; query: Record<string, string[]>; body: Json };
const requests = () => t.apiRequests() as Req[];
const templateReads = () => requests().filter((r) => r.method === 'GET' && r.path === '/chat/v1/template');
const writes = () => requests().filter((r) => r.method !== 'GET');
const WHATSAPP = SEED.channels.whatsapp;
const ORDER = SEED.templates.orderUpdate; // variables nome, pedido, situacao
const FOLLOW_UP = SEED.templates.followUp; // no variables
const whatsappSession = SEED.sessions.inProgress.find((id: string) => SEED.sessions.byChannel.whatsapp.includes(id));
const vars = (entries: Record<string, string>) => ({ parameter: Object.entries(entries).map(([name, value]) => ({ name, value })) });
const FULL = { nome: 'Ana', pedido: '4821', situacao: 'enviado' };

const sendApi = (templateParameters: unknown, extra: Json = {}) => ({
	resource: 'sendApi',
	operation: 'sendTemplate',
	to: '11988880001',
	from: rl(WHATSAPP.id, 'list'),
	templateId: rl(ORDER.id, 'list'),
	templateParameters,
	fileSource: 'none',
	...extra,
});

describe('template variables are checked before the send request', () => {
	it('refuses a missing variable, naming it, with no send request (Send API → Send Template)', async () => {
		const error = await t.runError(sendApi(vars({ nome: 'Ana', situacao: 'enviado' })));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Template Parameters: variable "pedido" without a value [item 0]');
		expect(error.description).toBe('The template "atualizacao_pedido" has the variables "nome", "pedido", "situacao": give each of them a value under Template Parameters, and no other.');
		expect(writes()).toEqual([]);
		expect(templateReads()).toHaveLength(1);
	});

	it('counts an empty value as missing', async () => {
		const error = await t.runError(sendApi(vars({ nome: 'Ana', pedido: '', situacao: '' })));
		expect(error.message).toBe('Template Parameters: variables "pedido", "situacao" without a value [item 0]');
		expect(writes()).toEqual([]);
	});

	it('refuses an unknown variable, naming it, with no send request', async () => {
		const error = await t.runError(sendApi(vars({ ...FULL, cupom: 'X10' })));
		expect(error.message).toBe('Template Parameters: unknown variable "cupom" [item 0]');
		expect(writes()).toEqual([]);
		const both = await t.runError(sendApi(vars({ nome: 'Ana', name: 'Ana', pedido: '1', situacao: 'ok' })));
		expect(both.message).toBe('Template Parameters: unknown variable "name" [item 0]');
		const none = await t.runError(sendApi(vars({ '1': 'Ana' }), { templateId: rl(FOLLOW_UP.id) }));
		expect(none.message).toBe('Template Parameters: unknown variable "1" [item 0]');
		expect(none.description).toBe('The template "retomar_conversa" has no variables: remove every entry under Template Parameters.');
		expect(writes()).toEqual([]);
	});

	it('sends the right variables', async () => {
		const { output } = await t.run(sendApi(vars(FULL)));
		expect(output[0]).toHaveLength(1);
		expect(writes().map((r) => [r.path, r.body.parameters])).toEqual([['/chat/v1/send/template', FULL]]);
		await t.run(sendApi({}, { templateId: rl(FOLLOW_UP.id) }));
		expect(writes().at(-1)?.body).not.toHaveProperty('parameters');
	});

	it('reads the template once for 3 items with the same template, and again in the next execution', async () => {
		const items = [0, 1, 2].map((i) => ({ json: { i } }));
		const { output } = await t.run((i: number) => sendApi(vars({ ...FULL, nome: `Ana ${i}` }), { to: `1198888000${i + 1}` }), { items });
		expect(output[0]).toHaveLength(3);
		expect(templateReads()).toHaveLength(1);
		expect(writes()).toHaveLength(3);
		await t.run(sendApi(vars(FULL)));
		expect(templateReads()).toHaveLength(2);
	});

	it('a 3-item batch with a bad middle item sends nothing for it and everything for the other two (both Continue On Fail modes)', async () => {
		const items = [0, 1, 2].map((i) => ({ json: { i } }));
		const params = (i: number) => sendApi(i === 1 ? vars({ nome: 'Bia' }) : vars({ ...FULL, nome: `Ana ${i}` }), { to: `1198888000${i + 1}` });
		for (const onError of ['continueRegularOutput', 'continueErrorOutput'] as const) {
			t.sandbox.reset();
			const { output } = await t.run(params, { items, onError });
			const all = output.flat() as Item[];
			expect(all.map((o) => o.pairedItem)).toEqual(onError === 'continueErrorOutput' ? [{ item: 0 }, { item: 2 }, { item: 1 }] : [{ item: 0 }, { item: 1 }, { item: 2 }]);
			const bad = all.find((o) => (o.pairedItem as { item: number }).item === 1) as Item;
			expect(bad.json.error).toBe('Template Parameters: variables "pedido", "situacao" without a value [item 1]');
			expect(writes().map((r) => r.body.to)).toEqual(['+5511988880001', '+5511988880003']);
			expect(templateReads()).toHaveLength(1);
		}
	});

	it('Send Template (Batch): the bad item is refused, the good ones share one request', async () => {
		const items = [0, 1, 2].map((i) => ({ json: { i } }));
		const { output } = await t.run(
			(i: number) => ({ ...sendApi(i === 1 ? vars({ ...FULL, extra: 'x' }) : vars(FULL), { to: `1198888000${i + 1}` }), operation: 'sendTemplateBatch' }),
			{ items, onError: 'continueErrorOutput' },
		);
		expect(output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(output[1][0].json.error).toBe('Template Parameters: unknown variable "extra" [item 1]');
		const [batch] = writes();
		expect(writes()).toHaveLength(1);
		expect((batch.body.messages as Json[]).map((m) => m.to)).toEqual(['+5511988880001', '+5511988880003']);
		expect(templateReads()).toHaveLength(1);
	});

	it('Session → Send Template and Message → Send check the same way, once per template per execution', async () => {
		const items = [0, 1, 2].map((i) => ({ json: { i } }));
		const session = await t.run(
			(i: number) => ({ resource: 'session', operation: 'sendTemplate', sessionId: rl(whatsappSession), templateId: rl(ORDER.id), templateParameters: i === 2 ? vars({ nome: 'x' }) : vars(FULL) }),
			{ items, onError: 'continueRegularOutput' },
		);
		expect(session.output[0][2].json.error).toBe('Template Parameters: variables "pedido", "situacao" without a value [item 2]');
		expect(writes()).toHaveLength(2);
		expect(templateReads()).toHaveLength(1);
		t.sandbox.reset();
		const error = await t.runError({
			resource: 'message',
			operation: 'send',
			channelId: rl(WHATSAPP.id),
			sendTo: 'phone',
			phoneNumber: '5511977776666',
			content: 'template',
			templateId: rl(ORDER.id, 'list'),
			templateParameters: vars({ ...FULL, situacao: '' }),
		});
		expect(error.message).toBe('Template Parameters: variable "situacao" without a value [item 0]');
		expect(writes()).toEqual([]);
	});

	it('Scheduled Message → Create and Update (new template with its parameters) check before the write', async () => {
		const create = {
			resource: 'scheduledMessage',
			operation: 'create',
			sendTo: 'phone',
			phoneNumber: '11999990001',
			channelId: rl(WHATSAPP.id),
			type: 'TEMPLATE',
			templateId: rl(ORDER.id),
			templateParameters: vars({ nome: 'Maria' }),
			scheduling: new Date(Date.now() + 2 * 3_600_000).toISOString(),
		};
		const error = await t.runError(create);
		expect(error.message).toBe('Template Parameters: variables "pedido", "situacao" without a value [item 0]');
		expect(writes()).toEqual([]);
		const { output } = await t.run({ ...create, templateParameters: vars(FULL) });
		const id = output[0][0].json.id as string;
		const update = await t.runError({
			resource: 'scheduledMessage',
			operation: 'update',
			scheduledMessageId: rl(id),
			updateFields: { templateId: FOLLOW_UP.id, templateParameters: '{"nome": "Maria"}', templateFileUrl: 'https://example.com/a.png' },
		});
		expect(update.message).toBe('Template Parameters: unknown variable "nome" [item 0]');
		expect(writes()).toHaveLength(1);
	});

	it('leaves a template WTS Chat has not approved to WTS Chat, reporting its own text', async () => {
		const tpl = SEED.templates.paymentReminder; // InRevision
		const error = await t.runError(sendApi(vars({ '1': 'Ana', '2': 'R$ 10', '3': 'amanhã' }), { templateId: rl(tpl.id) }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/O modelo de mensagem não está aprovado\./);
		expect(error.message).toMatch(/\[item 0\]$/);
	});

	it('a template the listing does not show (archived) is left to WTS Chat', async () => {
		const tpl = SEED.templates.archived;
		const error = await t.runError(sendApi(vars({}), { templateId: rl(tpl.id) }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/O modelo de mensagem não está aprovado\./);
		expect(writes()).toHaveLength(1);
	});
});
