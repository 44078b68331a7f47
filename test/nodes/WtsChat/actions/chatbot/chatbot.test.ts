import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { listSearch } from '../../../../../nodes/WtsChat/methods';
import { rl, SEED, useSandbox } from '../../../../harness/fixture.mjs';

const t = useSandbox();
type Json = Record<string, unknown>;
type Item = { json: Json; pairedItem?: unknown };
type Req = { method: string; path: string; query: Record<string, string[]>; body: Json };
const C = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'chatbot', operation, ...extra });
const only = (output: Item[][]) => output[0].map((o) => o.json);
const requests = (path: string) => (t.apiRequests() as Req[]).filter((r) => r.path === path);
const BOT = SEED.chatbots.pesquisa;
const fromList = rl(SEED.channels.whatsapp.id, 'list');
const session = (id: string) => t.sandbox.state.sessions.get(id) as Json;

describe('Chatbot → Get Many', () => {
	it('lists chatbots with filters, simplified by default', async () => {
		const { output } = await t.run(C('getMany', { returnAll: true, filters: { types: ['Automation'], publishStatuses: ['Ready'], automationUsages: ['Api'] } }));
		const bots = only(output);
		expect(bots.map((b) => b.key)).toEqual([BOT.key]);
		expect(Object.keys(bots[0]).sort()).toEqual(['automationUsage', 'channelIds', 'defaultDepartmentId', 'id', 'key', 'name', 'publishStatus', 'type']);
		expect(requests('/chat/v1/chatbot')[0].query).toMatchObject({ Types: ['Automation'], PublishStatuses: ['Ready'], AutomationUsages: ['Api'] });
		const { output: raw } = await t.run(C('getMany', { returnAll: false, limit: 2, simplify: false }));
		expect(only(raw)).toHaveLength(2);
		expect(only(raw)[0]).toHaveProperty('companyId');
	});

	it('refuses a malformed channel filter before any request', async () => {
		const error = await t.runError(C('getMany', { returnAll: true, filters: { channelIds: ['whatsapp'] } }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('"whatsapp" is not a valid Channel ID [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('the bot picker lists chatbots by name with their key as the value', async () => {
		const found = await listSearch.searchChatbots.call(t.loadOptions(), 'pesquisa')
		expect(found.results).toEqual([{ name: 'Pesquisa de satisfação (Automation, READY)', value: BOT.key }]);
	});
});

describe('Chatbot → Start', () => {
	it('starts the bot for a phone number and sends session metadata under the documented key (legacy bug B6)', async () => {
		const { output } = await t.run(
			C('start', {
				botKey: rl(BOT.key, 'list'),
				recipientType: 'contact',
				to: '11988880001',
				from: fromList,
				options: {
					sessionMetadata: { entries: [{ key: 'pedido', value: '4821' }] },
					contactMetadata: { entries: [{ key: 'origem', value: 'n8n' }] },
					skipIfBotInExecution: false,
				},
			}),
		);
		const body = requests('/chat/v1/chatbot/send')[0].body;
		expect(body).toEqual({
			botKey: BOT.key,
			to: '+5511988880001',
			from: '+5511300000001',
			options: { skipIfBotInExecution: false },
			sessionMetadata: { pedido: '4821' },
			contactMetadata: { origem: 'n8n' },
		});
		expect(body).not.toHaveProperty('sessionMetada');
		const [started] = only(output);
		expect(started.botId).toBe(BOT.id);
		expect((session(started.id as string).metadata as Json).pedido).toBe('4821');
		const contact = t.sandbox.state.contacts.get(started.contactId as string) as Json;
		expect((contact.metadata as Json).origem).toBe('n8n');
	});

	it('starts the bot in an existing session; skips when a bot already runs', async () => {
		const id = SEED.sessions.byChannel.whatsapp.find((s: string) => SEED.sessions.inProgress.includes(s));
		await t.run(C('start', { botKey: rl(BOT.key), recipientType: 'session', sessionId: rl(id) }));
		expect(requests('/chat/v1/chatbot/send')[0].body).toEqual({ botKey: BOT.key, sessionId: id });
		expect(session(id).botId).toBe(BOT.id);
	});

	it('surfaces the API’s text (an unpublished bot) and refuses bad input before any request', async () => {
		const error = await t.runError(C('start', { botKey: rl(SEED.chatbots.carrinho.key), recipientType: 'contact', to: '11988880001', from: fromList }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('WTS Chat rejected the request (Chatbot): O chatbot não está publicado. [item 0]');
		t.sandbox.reset();
		expect((await t.runError(C('start', { botKey: rl(''), recipientType: 'contact', to: '1', from: fromList }))).message).toBe('The Chatbot Key field is empty [item 0]');
		expect((await t.runError(C('start', { botKey: rl(BOT.key), recipientType: 'contact', to: '1', from: fromList }))).message).toBe('"1" is not a valid To [item 0]');
		const empty = await t.runError(C('start', { botKey: rl(BOT.key), recipientType: 'contact', to: '11988880001', from: fromList, options: { sessionMetadata: { entries: [{ key: ' ', value: 'x' }] } } }));
		expect(empty.message).toBe('A session metadata entry has an empty key [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('continues on fail in both modes, paired', async () => {
		const items = [{ json: { to: '11988880001' } }, { json: { to: 'x' } }];
		const params = (i: number) => C('start', { botKey: rl(BOT.key), recipientType: 'contact', to: items[i].json.to, from: fromList });
		const regular = await t.run(params, { items, onError: 'continueRegularOutput' });
		expect(regular.output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(regular.output[0][1].json.error).toBe('"x" is not a valid To [item 1]');
		const split = await t.run(params, { items, onError: 'continueErrorOutput' });
		expect(split.output[1].map((o: Item) => o.pairedItem)).toEqual([{ item: 1 }]);
	});
});

describe('Chatbot → Start (Queued) / Get Run Status', () => {
	it('queues the start; the run is QUEUED, then SENT', async () => {
		const { output } = await t.run(
			C('startQueued', { botKey: rl(BOT.key), recipientType: 'contact', to: '11988880001', from: fromList, options: { senderId: 'bot-1', sessionMetadata: { entries: [{ key: 'a', value: '1' }] } } }),
		);
		expect(requests('/chat/v1/send/chatbot')[0].body).toEqual({ botKey: BOT.key, to: '+5511988880001', from: '+5511300000001', senderId: 'bot-1', sessionMetadata: { a: '1' } });
		const [run] = only(output);
		expect(run).toMatchObject({ status: 'QUEUED', senderId: 'bot-1' });
		const { output: status } = await t.run(C('getRunStatus', { runId: run.id }));
		expect(only(status)[0]).toMatchObject({ id: run.id, status: 'SENT' });
	});

	it('a run skipped because a bot is running ends FAILED; an unknown run is not found', async () => {
		const id = SEED.sessions.byChannel.whatsapp.find((s: string) => SEED.sessions.inProgress.includes(s));
		await t.run(C('start', { botKey: rl(BOT.key), recipientType: 'session', sessionId: rl(id) }));
		const { output } = await t.run(C('startQueued', { botKey: rl(BOT.key), recipientType: 'session', sessionId: rl(id), options: { skipIfBotInExecution: true } }));
		const { output: status } = await t.run(C('getRunStatus', { runId: only(output)[0].id }));
		expect(only(status)[0]).toMatchObject({ status: 'FAILED' });
		const missing = '3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b';
		expect((await t.runError(C('getRunStatus', { runId: missing }))).message).toBe(`Chatbot run ${missing} not found [item 0]`);
		expect((await t.runError(C('getRunStatus', { runId: 'r1' }))).message).toBe('"r1" is not a valid Run ID [item 0]');
	});
});

describe('Chatbot → Start (Batch)', () => {
	it('groups items by bot, channel and options; the channel goes as its ID; each item gets its run', async () => {
		const items = [{ json: { to: '11988880001' } }, { json: { to: '11988880002' } }, { json: { to: '11988880003' } }];
		const { output } = await t.run(
			(i: number) => C('startBatch', { botKey: rl(BOT.key), recipientType: 'contact', to: items[i].json.to, from: fromList, options: { contactMetadata: { entries: [{ key: 'n', value: String(i) }] } } }),
			{ items },
		);
		const calls = requests('/chat/v1/send/chatbot/batch');
		expect(calls).toHaveLength(1);
		expect(calls[0].body).toEqual({
			botKey: BOT.key,
			from: SEED.channels.whatsapp.id,
			messages: [0, 1, 2].map((i) => ({ to: `+551198888000${i + 1}`, contactMetadata: { n: String(i) } })),
		});
		expect(output[0].map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(only(output).every((r) => r.status === 'QUEUED')).toBe(true);
	});

	it('sends sessions and contacts of the same bot in one request, and a refused one becomes that item’s error', async () => {
		const sid = SEED.sessions.byChannel.whatsapp.find((s: string) => SEED.sessions.inProgress.includes(s));
		const other = SEED.sessions.byChannel.instagram[0];
		const items = [{ json: { s: sid } }, { json: { s: other } }];
		const { output } = await t.run((i: number) => C('startBatch', { botKey: rl(BOT.key), recipientType: 'session', sessionId: rl(items[i].json.s) }), {
			items,
			onError: 'continueErrorOutput',
		});
		expect(requests('/chat/v1/send/chatbot/batch')[0].body).toEqual({ botKey: BOT.key, messages: [{ sessionId: sid }, { sessionId: other }] });
		expect(output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }]);
		expect(output[1][0].json.error).toBe(`WTS Chat did not start the chatbot for session ${other}: O chatbot não está disponível no canal da conversa. [item 1]`);
	});
});
