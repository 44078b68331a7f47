import { NodeApiError } from 'n8n-workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { WtsChatTrigger } from '../../../nodes/WtsChatTrigger/WtsChatTrigger.node';
import { constantTimeEqual } from '../../../nodes/WtsChatTrigger/subscriptions';
import { SEED, useSandbox } from '../../harness/fixture.mjs';
import { createTrigger, listen } from '../../harness/trigger.mjs';

const t = useSandbox();
type Json = Record<string, unknown>;
type Sub = { id: string; url: string; name: string; enabled: boolean; events: string[] };
const URL_LIVE = 'http://127.0.0.1:5678/webhook/2f7c0d7e-1111-4222-8333-944455556666/webhook';
const URL_TEST = 'http://127.0.0.1:5678/webhook-test/2f7c0d7e-1111-4222-8333-944455556666/webhook';
const subscriptions = () => [...t.sandbox.state.webhookSubscriptions.values()] as Sub[];
const apiCalls = () => t.apiRequests().map((r: { method: string; path: string }) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/, '{id}')}`);
const trigger = (parameters: Json = { events: ['MESSAGE_RECEIVED'] }, extra: Json = {}) =>
	createTrigger({ node: new WtsChatTrigger(), parameters, credentials: t.credentials(), webhookUrl: URL_LIVE, ...extra });
const slot = (tr: { staticData: Json }, name = 'live') => (tr.staticData.registrations as Record<string, { subscriptionId: string; secret: string }>)[name];
const envelope = (eventType: string, content: Json) => ({ eventType, date: '2026-11-30T12:00:00.0000000Z', content, changeMetadata: null });

describe('WTS Chat Trigger → activation (webhookMethods)', () => {
	it('creates exactly one subscription to n8n’s URL with a random 40-character secret in its query string', async () => {
		const tr = trigger();
		expect(await tr.activate()).toEqual({ existed: false });
		const subs = subscriptions();
		expect(subs).toHaveLength(1);
		const [s] = subs;
		const { subscriptionId, secret } = slot(tr);
		expect(secret).toMatch(/^[A-Za-z0-9]{40}$/);
		expect(s).toMatchObject({ id: subscriptionId, url: `${URL_LIVE}?secret=${secret}`, enabled: true, events: ['MESSAGE_RECEIVED'] });
		expect(s.name).toBe('n8n: Orders · WTS Chat Trigger');
		expect(apiCalls()).toEqual(['POST /core/v1/webhook/subscription']);
		// another trigger gets another secret
		const other = trigger({ events: ['SESSION_NEW'] });
		await other.activate();
		expect(slot(other).secret).not.toBe(secret);
	});

	it('finds its subscription again after a restart or re-activation: no duplicate, no write', async () => {
		const tr = trigger();
		await tr.activate();
		t.sandbox.requests.length = 0;
		expect(await tr.activate()).toEqual({ existed: true });
		expect(await tr.activate()).toEqual({ existed: true });
		expect(subscriptions()).toHaveLength(1);
		expect(apiCalls()).toEqual(['GET /core/v1/webhook/subscription/{id}', 'GET /core/v1/webhook/subscription/{id}']);
	});

	it('subscribes all 16 events for All Events', async () => {
		const tr = trigger({ events: ['*'] });
		await tr.activate();
		expect(subscriptions()[0].events).toHaveLength(16);
	});

	it('corrects a subscription that drifted (paused in WTS, other events chosen) in place with the fields mask', async () => {
		const tr = trigger();
		await tr.activate();
		const s = subscriptions()[0];
		s.enabled = false;
		tr.parameters = { events: ['MESSAGE_RECEIVED', 'SESSION_NEW'] };
		t.sandbox.requests.length = 0;
		expect(await tr.activate()).toEqual({ existed: true });
		const put = t.apiRequests().find((r: { method: string }) => r.method === 'PUT');
		expect(put.body).toEqual({ events: ['MESSAGE_RECEIVED', 'SESSION_NEW'], enabled: true, fields: ['Events', 'Enabled'] });
		expect(subscriptions()).toHaveLength(1);
		expect(subscriptions()[0]).toMatchObject({ enabled: true, events: ['MESSAGE_RECEIVED', 'SESSION_NEW'] });
		// n8n's URL changed (WEBHOOK_URL): the same subscription gets the new URL, with the same secret
		tr.webhookUrl = 'https://n8n.example.com/webhook/2f7c0d7e-1111-4222-8333-944455556666/webhook';
		await tr.activate();
		expect(subscriptions()[0].url).toBe(`${tr.webhookUrl}?secret=${slot(tr).secret}`);
	});

	it('recreates a subscription deleted on the WTS side on the next activation', async () => {
		const tr = trigger();
		await tr.activate();
		const first = slot(tr);
		t.sandbox.state.webhookSubscriptions.clear();
		expect(await tr.activate()).toEqual({ existed: false });
		expect(subscriptions()).toHaveLength(1);
		expect(slot(tr).subscriptionId).not.toBe(first.subscriptionId);
		expect(slot(tr).secret).not.toBe(first.secret);
	});

	it('deletes the subscription on deactivation; one already deleted in WTS is not an error', async () => {
		const tr = trigger();
		await tr.activate();
		expect(await tr.deactivate()).toBe(true);
		expect(subscriptions()).toHaveLength(0);
		expect(slot(tr)).toBeUndefined();
		await tr.activate();
		t.sandbox.state.webhookSubscriptions.clear();
		expect(await tr.deactivate()).toBe(true);
		expect(await tr.deactivate()).toBe(true);
	});

	it('keeps the editor’s test subscription apart from the live one', async () => {
		const tr = trigger();
		await tr.activate();
		const live = slot(tr);
		tr.mode = 'manual';
		tr.webhookUrl = URL_TEST;
		expect(await tr.activate()).toEqual({ existed: false });
		expect(subscriptions()).toHaveLength(2);
		expect(slot(tr, 'test').subscriptionId).not.toBe(live.subscriptionId);
		await tr.deactivate();
		expect(subscriptions().map((s) => s.id)).toEqual([live.subscriptionId]);
		expect(slot(tr)).toEqual(live);
	});

	it('n8n takes the test webhook down in mode internal (as a production one): only the test subscription goes, the live one stays', async () => {
		const tr = trigger();
		await tr.activate();
		const live = slot(tr);
		tr.mode = 'manual';
		tr.webhookUrl = URL_TEST;
		await tr.activate();
		const test = slot(tr, 'test');
		// what n8n's TestWebhooks.deactivateWebhooks does after the test run: delete, mode internal, the test URL
		tr.mode = 'internal';
		expect(await tr.deactivate()).toBe(true);
		expect(subscriptions().map((s) => s.id)).toEqual([live.subscriptionId]);
		expect(slot(tr, 'test')).toBeUndefined();
		expect(slot(tr)).toEqual(live);
		expect(test.subscriptionId).not.toBe(live.subscriptionId);
		// and the workflow's deactivation (mode internal, the production URL) deletes the live one
		tr.webhookUrl = URL_LIVE;
		await tr.deactivate();
		expect(subscriptions()).toEqual([]);
		expect(slot(tr)).toBeUndefined();
	});

	it('surfaces WTS errors (a wrong token) as NodeApiError without the token', async () => {
		const refused = ['pn', 'wrong', 'token', '123'].join('_');
		const tr = createTrigger({
			node: new WtsChatTrigger(),
			parameters: { events: ['SESSION_NEW'] },
			credentials: { ...t.credentials(), apiToken: refused },
		});
		const e = await tr.activate().catch((error: unknown) => error);
		expect(e).toBeInstanceOf(NodeApiError);
		expect((e as Error).message).toMatch(/^WTS Chat refused the API token/);
		expect(JSON.stringify(e)).not.toContain(refused);
	});

	it('refuses to subscribe with no event chosen, before any request', async () => {
		const tr = trigger({ events: [] });
		await expect(tr.activate()).rejects.toThrow('No event is chosen in the WTS Chat Trigger');
		expect(subscriptions()).toHaveLength(0);
	});
});

describe('WTS Chat Trigger → webhook()', () => {
	const msg = (direction: string, extra: Json = {}) => ({ id: 'm1', sessionId: 's1', direction, text: 'Oi', ...extra });

	it('answers 401 and starts nothing without the secret, with a wrong one or before activation', async () => {
		const tr = trigger();
		const body = envelope('MESSAGE_RECEIVED', msg('FROM_HUB'));
		expect(await tr.receive({ body })).toMatchObject({ status: 401, items: undefined });
		await tr.activate();
		const { secret } = slot(tr);
		const wrong = secret.slice(0, -1) + (secret.endsWith('a') ? 'b' : 'a');
		for (const query of [{}, { secret: '' }, { secret: wrong }, { secret: secret.slice(0, 20) }, { secret: `${secret}x` }, { Secret: secret }]) {
			const r = await tr.receive({ query, body });
			expect(r.status, JSON.stringify(query)).toBe(401);
			expect(r.items).toBeUndefined();
		}
		expect((await tr.receive({ query: { secret }, body })).items).toHaveLength(1);
	});

	it('outputs one item per event: the envelope, or its content with Unwrap Content', async () => {
		const tr = trigger({ events: ['*'] });
		await tr.activate();
		const query = { secret: slot(tr).secret };
		const one = await tr.receive({ query, body: envelope('MESSAGE_RECEIVED', msg('FROM_HUB')) });
		expect(one.items).toEqual([{ json: envelope('MESSAGE_RECEIVED', msg('FROM_HUB')) }]);
		const two = await tr.receive({ query, body: [envelope('SESSION_NEW', { id: 's1' }), envelope('MESSAGE_RECEIVED', msg('FROM_HUB'))] });
		expect(two.items).toHaveLength(2);
		tr.parameters = { events: ['*'], options: { unwrapContent: true } };
		const unwrapped = await tr.receive({ query, body: envelope('SESSION_NEW', { id: 's1', status: 'PENDING' }) });
		expect(unwrapped.items).toEqual([{ json: { id: 's1', status: 'PENDING' } }]);
	});

	it('filters by direction, channel and department where the content carries them; leaves out events not chosen', async () => {
		const channel = SEED.channels.whatsapp.id;
		const dep = SEED.departments.vendas.id;
		const tr = trigger({ events: ['MESSAGE_RECEIVED', 'MESSAGE_SENT', 'SESSION_NEW'], options: { direction: 'FROM_HUB', channelIds: [channel], departmentIds: [dep] } });
		await tr.activate();
		const query = { secret: slot(tr).secret };
		const run = async (body: Json) => (await tr.receive({ query, body })).items?.length ?? 0;
		expect(await run(envelope('MESSAGE_RECEIVED', msg('FROM_HUB')))).toBe(1);
		expect(await run(envelope('MESSAGE_SENT', msg('TO_HUB')))).toBe(0);
		expect(await run(envelope('SESSION_NEW', { id: 's', channelId: channel, departmentId: dep }))).toBe(1);
		expect(await run(envelope('SESSION_NEW', { id: 's', channelId: SEED.channels.instagram.id, departmentId: dep }))).toBe(0);
		expect(await run(envelope('SESSION_NEW', { id: 's', channelId: channel, departmentId: null }))).toBe(0);
		expect(await run(envelope('CONTACT_NEW', { id: 'c' }))).toBe(0);
		// IDs from an expression: a comma-separated text, any case
		tr.parameters = { events: ['SESSION_NEW'], options: { channelIds: ` ${channel.toUpperCase()}, x `, departmentIds: dep } };
		expect(await run(envelope('SESSION_NEW', { id: 's', channelId: channel, departmentId: dep }))).toBe(1);
		expect(await run(envelope('SESSION_NEW', { id: 's', channelId: channel, departmentId: SEED.departments.suporte.id }))).toBe(0);
		tr.parameters = { events: ['MESSAGE_RECEIVED', 'MESSAGE_SENT'], options: { direction: 'FROM_HUB' } };
		const filtered = await tr.receive({ query, body: envelope('MESSAGE_SENT', msg('TO_HUB')) });
		expect(filtered).toMatchObject({ status: 200, body: { received: 1, started: false }, items: undefined });
	});

	it('message events are inbound only by default (no Direction option): the workflow is not started by its own answers (issue 23)', async () => {
		const tr = trigger({ events: ['MESSAGE_RECEIVED', 'MESSAGE_SENT', 'SESSION_NEW'] });
		await tr.activate();
		const query = { secret: slot(tr).secret };
		const run = async (body: Json) => (await tr.receive({ query, body })).items?.length ?? 0;
		for (const options of [undefined, {}, { direction: '' }, { unwrapContent: true }]) {
			tr.parameters = { events: ['MESSAGE_RECEIVED', 'MESSAGE_SENT', 'SESSION_NEW'], ...(options ? { options } : {}) };
			const label = JSON.stringify(options);
			expect(await run(envelope('MESSAGE_RECEIVED', msg('FROM_HUB'))), label).toBe(1);
			expect(await run(envelope('MESSAGE_SENT', msg('TO_HUB'))), label).toBe(0);
			// events without a direction pass
			expect(await run(envelope('SESSION_NEW', { id: 's' })), label).toBe(1);
		}
		// outbound is a choice, and so is both
		tr.parameters = { events: ['MESSAGE_RECEIVED', 'MESSAGE_SENT'], options: { direction: 'TO_HUB' } };
		expect(await run(envelope('MESSAGE_SENT', msg('TO_HUB')))).toBe(1);
		expect(await run(envelope('MESSAGE_RECEIVED', msg('FROM_HUB')))).toBe(0);
		tr.parameters = { events: ['MESSAGE_RECEIVED', 'MESSAGE_SENT'], options: { direction: 'any' } };
		expect(await run(envelope('MESSAGE_SENT', msg('TO_HUB')))).toBe(1);
		expect(await run(envelope('MESSAGE_RECEIVED', msg('FROM_HUB')))).toBe(1);
		// the option as the editor offers it: Inbound first and the default, Outbound and Both as choices
		const direction = (new WtsChatTrigger().description.properties.find((p) => p.name === 'options')?.options as Array<{ name: string; default?: unknown; options?: Array<{ value: string }> }>).find((o) => o.name === 'direction');
		expect(direction?.default).toBe('FROM_HUB');
		expect(direction?.options?.map((o) => o.value)).toEqual(['FROM_HUB', 'TO_HUB', 'any']);
	});

	it('answers 400 and starts nothing for a body that is not a WTS event', async () => {
		const tr = trigger();
		await tr.activate();
		const r = await tr.receive({ query: { secret: slot(tr).secret }, body: { hello: 'world' } });
		expect(r).toMatchObject({ status: 400, items: undefined });
	});

	it('compares secrets in constant time and exactly', () => {
		expect(constantTimeEqual('abc', 'abc')).toBe(true);
		for (const given of ['', 'ab', 'abd', 'abcd', 'ABC']) expect(constantTimeEqual(given, 'abc')).toBe(false);
		expect(constantTimeEqual('', '')).toBe(true);
	});
});

describe('WTS Chat Trigger ← sandbox deliveries', () => {
	let srv: Awaited<ReturnType<typeof listen>>;
	beforeEach(async () => {
		srv = await listen();
	});
	afterEach(async () => {
		await srv.close();
	});

	it('an inbound message reaches webhook() once, with the message; a forged call gets 401; its own messages are left out', async () => {
		const tr = trigger({ events: ['MESSAGE_RECEIVED', 'MESSAGE_SENT'], options: { direction: 'FROM_HUB', unwrapContent: true } }, { webhookUrl: `${srv.url}/webhook/abc/webhook` });
		srv.trigger = tr;
		await tr.activate();
		const contactId = SEED.contacts[Object.keys(SEED.contacts)[0]].id;
		const r = await t.sandbox.inboundMessage({ contactId, text: 'Quero saber do meu pedido' });
		expect(r.deliveries.map((d: Json) => [d.eventType, d.status, d.httpStatus])).toEqual([['MESSAGE_RECEIVED', 'delivered', 200]]);
		expect(srv.calls).toHaveLength(1);
		expect(srv.calls[0].items).toEqual([{ json: r.message }]);
		expect(r.message).toMatchObject({ direction: 'FROM_HUB', text: 'Quero saber do meu pedido', sessionId: r.session.id });

		// an answer sent through the API is delivered as MESSAGE_SENT and left out by the direction filter
		await fetch(`${t.sandbox.url}/chat/v1/session/${r.session.id}/message`, {
			method: 'POST',
			headers: { authorization: `Bearer ${t.sandbox.token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ text: 'Recebemos sua mensagem' }),
		});
		await t.sandbox.webhooksSettled();
		expect(srv.calls).toHaveLength(2);
		expect(srv.calls[1]).toMatchObject({ status: 200, items: undefined });

		const forged = await fetch(`${srv.url}/webhook/abc/webhook`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(envelope('MESSAGE_RECEIVED', r.message)),
		});
		expect(forged.status).toBe(401);
		expect(srv.calls[2]).toMatchObject({ status: 401, items: undefined });
	});

	it('a new session raises SESSION_NEW then MESSAGE_RECEIVED; a deactivated trigger gets nothing', async () => {
		const tr = trigger({ events: ['SESSION_NEW', 'MESSAGE_RECEIVED'] }, { webhookUrl: `${srv.url}/webhook/abc/webhook` });
		srv.trigger = tr;
		await tr.activate();
		// a contact and a channel without an open session between them
		const open = [...t.sandbox.state.sessions.values()].filter((s: Json) => s.status !== 'COMPLETED') as Json[];
		const channels = [...t.sandbox.state.channels.keys()] as string[];
		const contact = [...t.sandbox.state.contacts.values()][0] as Json;
		const channelId = channels.find((ch) => !open.some((s) => s.contactId === contact.id && s.channelId === ch));
		const r = await t.sandbox.inboundMessage({ contactId: contact.id, channelId, text: 'Olá' });
		expect(r.created).toBe(true);
		expect(srv.calls.map((c: Json) => (c.items as Array<{ json: Json }>)[0].json.eventType)).toEqual(['SESSION_NEW', 'MESSAGE_RECEIVED']);
		await tr.deactivate();
		await t.sandbox.inboundMessage({ contactId: contact.id, channelId, text: 'Alguém?' });
		expect(srv.calls).toHaveLength(2);
	});
});
