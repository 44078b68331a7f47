import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { SEED } from '../../sandbox/server.mjs';
import { useStrictSandbox } from './helpers.mjs';

const strict = useStrictSandbox();
let sb;
let api;
/** A receiver standing in for n8n: records every POST; `status` is what it answers. */
const receiver = { server: undefined, url: '', got: [], status: 200 };
beforeAll(async () => {
	({ sb, api } = strict);
	receiver.server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			receiver.got.push({ url: req.url, headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
			res.writeHead(receiver.status);
			res.end();
		});
	});
	await new Promise((r) => receiver.server.listen(0, '127.0.0.1', r));
	receiver.url = `http://127.0.0.1:${receiver.server.address().port}`;
});
afterAll(() => new Promise((r) => receiver.server.close(r)));
beforeEach(() => {
	receiver.got.length = 0;
	receiver.status = 200;
});

const subscribe = async (events, extra = {}) => {
	const r = await api.post('/core/v1/webhook/subscription', { name: 'test', url: `${receiver.url}/hook?secret=s3cr3t`, events, ...extra });
	expect(r.status).toBe(200);
	return r.body;
};
const got = async () => {
	await sb.webhooksSettled();
	return receiver.got.map((g) => g.body);
};
const session = SEED.sessions.inProgress[0];

describe('webhook subscriptions', () => {
	it('lists the 16 events and keeps subscriptions with events as objects', async () => {
		expect((await api.get('/core/v1/webhook/event')).body.map((e) => e.event)).toHaveLength(16);
		const s = await subscribe(['SESSION_NEW', 'SESSION_NEW', 'CONTACT_NEW']);
		expect(s.events).toEqual([
			{ event: 'SESSION_NEW', description: 'Nova conversa criada' },
			{ event: 'CONTACT_NEW', description: 'Novo contato' },
		]);
		expect((await api.get('/core/v1/webhook/subscription')).body.map((x) => x.id)).toEqual([s.id]);
	});

	it('refuses a relative URL and unknown events with FORM_ERROR', async () => {
		const bad = await api.post('/core/v1/webhook/subscription', { name: 'x', url: 'not a url', events: ['SESSION_NEW'] });
		expect(bad.status).toBe(500);
		expect(bad.body.text).toBe('Informe uma URL válida para a assinatura.');
	});

	it('updates only the fields in the mask; Enabled without a value enables (the spec default)', async () => {
		const s = await subscribe(['SESSION_NEW'], { enabled: false });
		const r = await api.put(`/core/v1/webhook/subscription/${s.id}`, { fields: ['Name'], name: 'renamed', url: 'https://ignored.example.com' });
		expect(r.body).toMatchObject({ name: 'renamed', url: s.url, enabled: false });
		expect((await api.put(`/core/v1/webhook/subscription/${s.id}`, { fields: ['Enabled'] })).body.enabled).toBe(true);
	});

	it('answers not-found as 500 FORM_ERROR, deletes with an empty 200', async () => {
		const s = await subscribe(['SESSION_NEW']);
		const del = await api.call('DELETE', `/core/v1/webhook/subscription/${s.id}`);
		expect([del.status, del.text]).toEqual([200, '']);
		const again = await api.get(`/core/v1/webhook/subscription/${s.id}`);
		expect([again.status, again.body.key, again.body.text]).toEqual([500, 'FORM_ERROR', 'Assinatura de webhook não encontrada']);
	});
});

describe('webhook delivery', () => {
	it('POSTs {eventType, date, content} to every enabled subscription of the event, nothing to the others', async () => {
		await subscribe(['SESSION_COMPLETE']);
		await subscribe(['SESSION_COMPLETE'], { enabled: false });
		await subscribe(['CONTACT_NEW']);
		const r = await api.put(`/chat/v1/session/${session}/complete`, {});
		expect(r.status).toBe(200);
		const bodies = await got();
		expect(bodies).toHaveLength(1);
		expect(bodies[0]).toMatchObject({ eventType: 'SESSION_COMPLETE', content: { id: session, status: 'COMPLETED' } });
		expect(bodies[0].date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
		expect(receiver.got[0].url).toBe('/hook?secret=s3cr3t');
		expect(receiver.got[0].headers['content-type']).toBe('application/json');
	});

	it('raises SESSION_UPDATE on transfer, MESSAGE_SENT with the stored message on a send', async () => {
		await subscribe(['SESSION_UPDATE', 'MESSAGE_SENT']);
		await api.put(`/chat/v1/session/${session}/status`, { newStatus: 'PENDING' });
		const sent = await api.post(`/chat/v1/session/${session}/message`, { text: 'Olá!' });
		const bodies = await got();
		expect(bodies.map((b) => b.eventType)).toEqual(['SESSION_UPDATE', 'MESSAGE_SENT']);
		expect(bodies[1].content).toMatchObject({ id: sent.body.id, sessionId: session, direction: 'TO_HUB', text: 'Olá!' });
	});

	it('raises CONTACT_NEW / CONTACT_UPDATE / CONTACT_TAG_UPDATE with the webhook’s contact shape', async () => {
		await subscribe(['CONTACT_NEW', 'CONTACT_UPDATE', 'CONTACT_TAG_UPDATE']);
		const c = (await api.post('/core/v1/contact', { name: 'Nova Pessoa', phoneNumber: '5521988887777' })).body;
		await api.put(`/core/v2/contact/${c.id}`, { fields: ['Name'], name: 'Nova P.' });
		await api.post(`/core/v1/contact/${c.id}/tags`, { tagNames: ['VIP'], operation: 'InsertIfNotExists' });
		const bodies = await got();
		expect(bodies.map((b) => b.eventType)).toEqual(['CONTACT_NEW', 'CONTACT_UPDATE', 'CONTACT_TAG_UPDATE']);
		expect(bodies[1].content).toMatchObject({ id: c.id, name: 'Nova P.', phonenumber: '+55|21988887777', phonenumberFormatted: '(21) 98888-7777' });
		expect(bodies[2].content.tagsId).toHaveLength(1);
	});

	it('raises PANEL_CARD_NEW, PANEL_CARD_UPDATE and PANEL_CARD_STEP_CHANGE', async () => {
		await subscribe(['PANEL_CARD_NEW', 'PANEL_CARD_UPDATE', 'PANEL_CARD_STEP_CHANGE']);
		const steps = SEED.panels.vendas.steps;
		const card = (await api.post('/crm/v2/panel/card', { stepId: steps.novoLead.id, title: 'Pedido 42' })).body;
		await api.put(`/crm/v3/panel/card/${card.id}`, { fields: ['Title'], title: 'Pedido 42 (urgente)' });
		await api.put(`/crm/v3/panel/card/${card.id}`, { fields: ['StepId'], stepId: steps.proposta.id });
		const bodies = await got();
		expect(bodies.map((b) => b.eventType)).toEqual(['PANEL_CARD_NEW', 'PANEL_CARD_UPDATE', 'PANEL_CARD_UPDATE', 'PANEL_CARD_STEP_CHANGE']);
		expect(bodies[3].content).toMatchObject({ id: card.id, stepId: steps.proposta.id });
	});

	it('records failed deliveries (HTTP error, unreachable URL) without changing the API answer', async () => {
		receiver.status = 500;
		await subscribe(['SESSION_COMPLETE']);
		await api.post('/core/v1/webhook/subscription', { name: 'gone', url: 'http://127.0.0.1:9/nowhere', events: ['SESSION_COMPLETE'] });
		const r = await api.put(`/chat/v1/session/${session}/complete`, {});
		expect(r.status).toBe(200);
		const deliveries = await (await fetch(`${sb.url}/__sandbox/webhook-deliveries`)).json();
		expect(deliveries.map((d) => [d.status, d.httpStatus])).toEqual([
			['failed', 500],
			['failed', null],
		]);
		expect(deliveries[1].error).toBeTruthy();
	});
});

describe('POST /__sandbox/inbound-message', () => {
	it('adds a FROM_HUB message to a session and delivers MESSAGE_RECEIVED before answering', async () => {
		await subscribe(['MESSAGE_RECEIVED', 'SESSION_NEW']);
		const res = await fetch(`${sb.url}/__sandbox/inbound-message`, {
			method: 'POST',
			body: JSON.stringify({ sessionId: session, text: 'Cadê meu pedido?' }),
		});
		const r = await res.json();
		expect(res.status).toBe(200);
		expect(r).toMatchObject({ created: false, session: { id: session }, message: { direction: 'FROM_HUB', origin: 'GATEWAY', text: 'Cadê meu pedido?' } });
		expect(r.deliveries.map((d) => [d.eventType, d.status])).toEqual([['MESSAGE_RECEIVED', 'delivered']]);
		expect(receiver.got.map((g) => g.body.eventType)).toEqual(['MESSAGE_RECEIVED']);
		const messages = (await api.get(`/chat/v1/session/${session}/message?PageSize=100`)).body.items;
		expect(messages.at(-1)).toMatchObject({ id: r.message.id, text: 'Cadê meu pedido?' });
	});

	it('opens a new session (SESSION_NEW first) when the contact has none open on the channel; refuses bad input', async () => {
		await subscribe(['MESSAGE_RECEIVED', 'SESSION_NEW']);
		const s = sb.state.sessions.get(session);
		sb.state.sessions.forEach((x) => {
			if (x.contactId === s.contactId) x.status = 'COMPLETED';
		});
		const r = await sb.inboundMessage({ contactId: s.contactId, text: 'Oi de novo' });
		expect(r.created).toBe(true);
		expect(r.session).toMatchObject({ status: 'PENDING', contactId: s.contactId });
		expect((await got()).map((b) => b.eventType)).toEqual(['SESSION_NEW', 'MESSAGE_RECEIVED']);
		const bad = await fetch(`${sb.url}/__sandbox/inbound-message`, { method: 'POST', body: JSON.stringify({ contactId: s.contactId }) });
		expect([bad.status, (await bad.json()).error]).toEqual([400, 'text is required']);
	});
});

describe('what changes outside the API: POST /__sandbox/message-status and /__sandbox/card-note-edit', () => {
	it('a channel status report raises MESSAGE_UPDATED with the message as the API shows it; bad input is refused', async () => {
		await subscribe(['MESSAGE_UPDATED']);
		const sent = (await api.post(`/chat/v1/session/${session}/message`, { text: 'Seu pedido saiu' })).body;
		const res = await fetch(`${sb.url}/__sandbox/message-status`, { method: 'POST', body: JSON.stringify({ messageId: sent.id, status: 'READ' }) });
		const r = await res.json();
		expect(res.status).toBe(200);
		expect(r.deliveries.map((d) => [d.eventType, d.status])).toEqual([['MESSAGE_UPDATED', 'delivered']]);
		const [body] = await got();
		expect(body).toMatchObject({ eventType: 'MESSAGE_UPDATED', content: { id: sent.id, status: 'READ', text: 'Seu pedido saiu' } });
		expect(body.content.readContactAt).toBeTruthy();
		expect((await api.get(`/chat/v1/message/${sent.id}`)).body).toMatchObject({ status: 'READ' });
		const failed = await sb.messageStatus({ messageId: sent.id, status: 'FAILED' });
		expect(failed.message).toMatchObject({ status: 'FAILED', failedReason: 'Falha no envio' });
		for (const [bad, error] of [
			[{ messageId: sent.id, status: 'QUEUED' }, 'status must be one of SENT, DELIVERED, READ, FAILED'],
			[{ messageId: '00000000-0000-4000-8000-000000000000', status: 'READ' }, 'unknown message 00000000-0000-4000-8000-000000000000'],
		]) {
			const answer = await fetch(`${sb.url}/__sandbox/message-status`, { method: 'POST', body: JSON.stringify(bad) });
			expect([answer.status, (await answer.json()).error]).toEqual([400, error]);
		}
	});

	it('a note edited in the WTS UI raises PANEL_CARD_NOTE_UPDATE with the note; the listing shows the new text', async () => {
		await subscribe(['PANEL_CARD_NOTE_NEW', 'PANEL_CARD_NOTE_UPDATE']);
		const card = SEED.cards.camisetas.id;
		const note = (await api.post(`/crm/v1/panel/card/${card}/note`, { text: 'Pediu desconto' })).body;
		const r = await sb.editCardNote({ noteId: note.id, text: 'Pediu desconto de 5%' });
		expect(r.note).toMatchObject({ id: note.id, cardId: card, text: 'Pediu desconto de 5%' });
		expect((await got()).map((b) => [b.eventType, b.content.text])).toEqual([
			['PANEL_CARD_NOTE_NEW', 'Pediu desconto'],
			['PANEL_CARD_NOTE_UPDATE', 'Pediu desconto de 5%'],
		]);
		const notes = (await api.get(`/crm/v1/panel/card/${card}/note`)).body.items;
		expect(notes.find((n) => n.id === note.id).text).toBe('Pediu desconto de 5%');
		const bad = await fetch(`${sb.url}/__sandbox/card-note-edit`, { method: 'POST', body: JSON.stringify({ noteId: note.id }) });
		expect([bad.status, (await bad.json()).error]).toEqual([400, 'text is required']);
	});
});
