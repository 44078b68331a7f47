import { describe, it, expect, beforeAll } from 'vitest';
import { SEED } from '../../sandbox/server.mjs';
import { useStrictSandbox } from './helpers.mjs';

let sb;
let api;
const strict = useStrictSandbox({ queueDelayMs: 0 });
beforeAll(() => {
	({ sb, api } = strict);
});

const WA = SEED.channels.whatsapp;
const tpl = SEED.templates.orderUpdate;
const params = { nome: 'Ana', pedido: '#1', situacao: 'pago' };
const future = (h) => new Date(Date.now() + h * 3_600_000).toISOString();

describe('POST /chat/v1/message/send[-sync]', () => {
	it('creates an unknown contact and a session on the channel; the message is QUEUED, then shows in the session and its status', async () => {
		const r = await api.post('/chat/v1/message/send', { to: '5511970000001', from: WA.number, body: { templateId: tpl.id, parameters: params } });
		expect(r.status).toBe(200);
		expect(r.body.status).toBe('QUEUED');
		const contact = [...sb.state.contacts.values()].find((c) => c.phoneNumber === '+55|11970000001');
		expect(contact._createdBySend).toBe(true);
		const session = sb.state.sessions.get(r.body.sessionId);
		expect(session).toMatchObject({ contactId: contact.id, channelId: WA.id, status: 'PENDING', origin: 'API' });
		const list = await api.get(`/chat/v1/message?SessionId=${session.id}`);
		expect(list.body.items.map((m) => m.id)).toEqual([r.body.id]);
		expect((await api.get(`/chat/v1/message/${r.body.id}/status`)).body.status).toBe('SENT');
	});

	it('reuses the contact’s open session; free text outside the window ends FAILED (sync)', async () => {
		const first = await api.post('/chat/v1/message/send-sync', { to: '+55 11 97000-0002', from: WA.number, body: { text: 'Oi' } });
		expect(first.body).toMatchObject({ status: 'FAILED', failedReason: expect.stringMatching(/24 horas/) });
		const second = await api.post('/chat/v1/message/send-sync', { to: '11970000002', from: WA.number, body: { templateId: tpl.id, parameters: params } });
		expect(second.body).toMatchObject({ status: 'SENT', sessionId: first.body.sessionId });
	});

	it('applies department, user and hidden session to a new session; forceStartSession completes the open one', async () => {
		const dep = SEED.departments.vendas.id;
		const agent = SEED.agents.carla.userId;
		const a = await api.post('/chat/v1/message/send', { to: '5511970000003', from: WA.number, body: { templateId: tpl.id, parameters: params }, department: { id: dep }, user: { id: agent } });
		expect(sb.state.sessions.get(a.body.sessionId)).toMatchObject({ departmentId: dep, userId: agent, status: 'IN_PROGRESS' });
		const b = await api.post('/chat/v1/message/send', { to: '5511970000003', from: WA.number, body: { templateId: tpl.id, parameters: params }, options: { forceStartSession: true, hiddenSession: true } });
		expect(b.body.sessionId).not.toBe(a.body.sessionId);
		expect(sb.state.sessions.get(a.body.sessionId).status).toBe('COMPLETED');
		expect(sb.state.sessions.get(b.body.sessionId).status).toBe('HIDDEN');
	});

	it('answers FORM_ERROR for an unknown channel, a bad phone, an Instagram handle on WhatsApp, an unknown department', async () => {
		const cases = [
			[{ to: '5511970000004', from: '5511000000000', body: { text: 'x' } }, 'Canal de envio não encontrado: 5511000000000.'],
			[{ to: '12ab', from: WA.number, body: { text: 'x' } }, 'Número de telefone do destinatário inválido: 12ab.'],
			[{ to: '@maria', from: WA.number, body: { text: 'x' } }, 'Um usuário do Instagram só recebe mensagens por um canal do Instagram.'],
			[{ to: '5511970000004', from: WA.number, body: { text: 'x' }, department: { id: '3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b' } }, 'Equipe não encontrada'],
		];
		for (const [body, text] of cases) {
			const r = await api.post('/chat/v1/message/send', body);
			expect(r.status).toBe(500);
			expect(r.body).toMatchObject({ key: 'FORM_ERROR', text });
		}
	});
});

describe('/chat/v1/scheduled-message', () => {
	it('stores, lists (filters), updates with the fields mask, cancels; a due one fires into the session', async () => {
		const created = await api.post('/chat/v1/scheduled-message', { to: '5511970000005', from: WA.number, type: 'TEMPLATE', templateId: tpl.id, templateParams: { parameters: params }, scheduling: future(5) });
		expect(created.status).toBe(200);
		expect(created.body).toMatchObject({ status: 'SCHEDULED', channel: { id: WA.id }, template: { name: tpl.name } });
		const id = created.body.id;
		const listed = await api.get('/chat/v1/scheduled-message?To=5511970000005&Status=SCHEDULED&IncludeDetails=Contact');
		expect(listed.body.items.map((m) => m.id)).toEqual([id]);
		const updated = await api.put(`/chat/v1/scheduled-message/${id}`, { fields: ['HiddenSession'], hiddenSession: true, scheduling: future(9) });
		expect(updated.body).toMatchObject({ hiddenSession: true, scheduling: created.body.scheduling });
		sb.state.scheduledMessages.get(id).scheduling = new Date(Date.now() - 1000).toISOString();
		const fired = await api.get(`/chat/v1/scheduled-message/${id}`);
		expect(fired.body.status).toBe('SENT');
		expect(sb.state.sessions.get(fired.body.sessionId).status).toBe('HIDDEN');
		const cancel = await api.post(`/chat/v1/scheduled-message/${id}/cancel`);
		expect(cancel.status).toBe(500);
		expect(cancel.body.text).toBe('Apenas mensagens agendadas podem ser canceladas.');
	});

	it('batch-cancel answers only the messages it cancelled', async () => {
		const ids = [SEED.scheduledMessages.followUp.id, SEED.scheduledMessages.canceled.id, '3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b', SEED.scheduledMessages.survey.id];
		const r = await api.post('/chat/v1/scheduled-message/batch-cancel', ids);
		expect(r.body.map((m) => m.id)).toEqual([SEED.scheduledMessages.followUp.id, SEED.scheduledMessages.survey.id]);
		expect(r.body.every((m) => m.status === 'CANCELED')).toBe(true);
	});

	it('refuses a past date, a template of another channel and wrong params', async () => {
		const base = { to: '5511970000006', from: WA.number, type: 'TEMPLATE', templateId: tpl.id, templateParams: { parameters: params }, scheduling: future(1) };
		const cases = [
			[{ scheduling: '2020-01-01T00:00:00Z' }, 'A data de agendamento deve ser no futuro.'],
			[{ from: SEED.channels.zapi.number }, 'O modelo de mensagem não pertence ao canal informado.'],
			[{ templateParams: { parameters: { nome: 'x' } } }, 'Parâmetros do modelo não informados: pedido, situacao.'],
			[{ type: 'CHATBOT', templateId: null }, 'Informe o chatbot (botKey) da mensagem agendada.'],
		];
		for (const [extra, text] of cases) {
			const r = await api.post('/chat/v1/scheduled-message', { ...base, ...extra });
			expect(r.body.text).toBe(text);
		}
	});
});
