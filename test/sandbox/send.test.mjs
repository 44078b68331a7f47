import { describe, it, expect, beforeAll } from 'vitest';
import { SEED, startSandbox } from '../../sandbox/server.mjs';
import { client, useStrictSandbox } from './helpers.mjs';

let sb;
let api;

const strict = useStrictSandbox();
beforeAll(() => {
	({ sb, api } = strict);
});

const FROM = '+5511300000001';
const tpl = SEED.templates.orderUpdate.id;
const params = { nome: 'Ana', pedido: '1', situacao: 'ok' };

describe('send API (services/send.mjs)', () => {
	it('a text into an open window is QUEUED, then SENT, in the contact’s open session, listed with its messages', async () => {
		// The seed's newest inbound message makes some WhatsApp session's window active: find it.
		const open = [...sb.state.sessions.values()].find((s) => s.channelId === SEED.channels.whatsapp.id && s.status !== 'COMPLETED');
		const contact = sb.state.contacts.get(open.contactId);
		sb.state.messages.set('00000000-0000-4000-8000-000000000001', {
			id: '00000000-0000-4000-8000-000000000001', createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), timestamp: null, type: 'TEXT', senderId: null,
			sessionId: open.id, templateId: null, userId: null, direction: 'FROM_HUB', status: 'READ', origin: 'GATEWAY', text: 'oi', fileId: null, refId: null,
			readContactAt: null, details: null, failedReason: null, filesIds: null,
		});
		const r = await api.post('/chat/v1/send/text', { to: contact.phoneNumber.replace('|', ''), from: FROM, text: 'Olá' });
		expect(r.status).toBe(200);
		expect(r.body).toMatchObject({ status: 'QUEUED', sessionId: open.id });
		const s = await api.get(`/chat/v1/send/message/${r.body.id}`);
		expect(s.body).toMatchObject({ status: 'SENT', failedReason: null });
		const listed = await api.get(`/chat/v1/session/${open.id}/message?PageSize=100`);
		expect(listed.body.items.map((m) => m.id)).toContain(r.body.id);
	});

	it('forceStartSession completes the open session and starts a new one; hiddenSession hides it', async () => {
		const first = await api.post('/chat/v1/send/template', { to: '5511970000001', from: FROM, templateId: tpl, parameters: params });
		const second = await api.post('/chat/v1/send/template', { to: '5511970000001', from: FROM, templateId: tpl, parameters: params, options: { forceStartSession: true, hiddenSession: true } });
		expect(second.body.sessionId).not.toBe(first.body.sessionId);
		expect(sb.state.sessions.get(first.body.sessionId).status).toBe('COMPLETED');
		expect(sb.state.sessions.get(second.body.sessionId).status).toBe('HIDDEN');
	});

	it('a template batch takes at most 100 messages; a bad recipient is a FAILED result, the request 200', async () => {
		const many = Array.from({ length: 101 }, (_, i) => ({ to: `55119700${String(i).padStart(5, '0')}`, parameters: params }));
		const tooMany = await api.post('/chat/v1/send/template/batch', { from: FROM, templateId: tpl, messages: many });
		expect(tooMany.status).toBe(400);
		expect(tooMany.body.detail).toMatch(/até 100 mensagens/);
		const r = await api.post('/chat/v1/send/template/batch', { from: FROM, templateId: tpl, messages: [{ to: '5511970000001', parameters: params }, { to: 'abc' }] });
		expect(r.status).toBe(200);
		expect(r.body.results.map((x) => x.status)).toEqual(['QUEUED', 'FAILED']);
		expect((await api.get(`/chat/v1/send/message/${r.body.results[1].id}`)).body.status).toBe('FAILED');
	});

	it('from is a number or @user; a channel ID is accepted only by the chatbot batch', async () => {
		const r = await api.post('/chat/v1/send/text', { to: '5511970000001', from: SEED.channels.whatsapp.id, text: 'x' });
		expect(r.status).toBe(400);
		expect(r.body.detail).toMatch(/recebido um ID/);
		const ok = await api.post('/chat/v1/send/chatbot/batch', { botKey: SEED.chatbots.pesquisa.key, from: SEED.channels.whatsapp.id, messages: [{ to: '5511970000001' }] });
		expect(ok.status).toBe(200);
	});

	it('POST /chat/v1/chatbot/send answers errors as FORM_ERROR (not part of the send family)', async () => {
		const r = await api.post('/chat/v1/chatbot/send', { botKey: '3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b', to: '5511970000001', from: FROM });
		expect(r.status).toBe(500);
		expect(r.body).toMatchObject({ key: 'FORM_ERROR', text: 'Chatbot não encontrado.' });
	});

	it('with a queue delay, a send stays QUEUED until its time', async () => {
		const delayed = await startSandbox({ port: 0, quiet: true, queueDelayMs: 60_000 });
		try {
			const c = client(delayed);
			const r = await c.post('/chat/v1/send/template', { to: '5511970000001', from: FROM, templateId: tpl, parameters: params });
			expect((await c.get(`/chat/v1/send/message/${r.body.id}`)).body.status).toBe('QUEUED');
			const otp = await c.post('/chat/v1/send/otp', { to: '5511970000001', from: FROM });
			expect(otp.body.code).toMatch(/^\d{5}$/);
			expect((await c.get(`/chat/v1/send/otp/${otp.body.id}`)).body.status).toBe('PENDING');
		} finally {
			await delayed.close();
		}
	});
});
