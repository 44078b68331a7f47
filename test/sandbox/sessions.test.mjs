import { describe, it, expect, beforeAll } from 'vitest';
import { SEED, startSandbox } from '../../sandbox/server.mjs';
import { client, qs, useStrictSandbox } from './helpers.mjs';

let sb;
let api;

const strict = useStrictSandbox();
beforeAll(() => {
	({ sb, api } = strict);
});

const session = (id) => sb.state.sessions.get(id);
const rawSession = async (id) => (await fetch(`${sb.url}/__sandbox/state/sessions/${id}`)).json();

describe('PUT /chat/v2/session/{id}/partial (fields mask)', () => {
	it('changes only the attributes named in fields', async () => {
		const id = SEED.sessions.inProgress[0];
		const before = structuredClone(session(id));
		const r = await api.put(`/chat/v2/session/${id}/partial`, {
			fields: ['Number'],
			number: 'PROTO-1',
			status: 'COMPLETED',
			userId: SEED.agents.carla.userId,
			departmentId: SEED.departments.financeiro.id,
		});
		expect(r.status).toBe(200);
		expect(r.body.number).toBe('PROTO-1');
		expect(r.body.status).toBe(before.status);
		expect(r.body.userId).toBe(before.userId);
		expect(r.body.departmentId).toBe(before.departmentId);
		expect('type' in r.body).toBe(false); // PublicSessionDTO (v1 shape), not V2
		expect(session(id)._lastPartial.applied).toEqual(['Number']);
	});

	it('applies Status, EndAt, UserId, DepartmentId and Classification', async () => {
		const id = SEED.sessions.pending[0];
		const endAt = '2025-03-01T12:00:00Z';
		const r = await api.put(`/chat/v2/session/${id}/partial`, {
			fields: ['Status', 'UserId', 'DepartmentId', 'Classification', 'EndAt'],
			status: 'COMPLETED',
			endAt,
			userId: SEED.agents.carla.userId,
			departmentId: SEED.departments.vendas.id,
			classification: { category: 'WON', description: 'Fechou pedido', amount: 199.9 },
		});
		expect(r.status).toBe(200);
		expect(r.body).toMatchObject({ status: 'COMPLETED', endAt, userId: SEED.agents.carla.userId, departmentId: SEED.departments.vendas.id });
		const details = await api.get(`/chat/v2/session/${id}?includeDetails=ClassificationDetails`);
		expect(details.body.classification).toMatchObject({ category: 'WON', categoryDescription: 'Fechou pedido', amount: 199.9, categoryName: 'Ganho' });
	});

	it('merges Metadata and removes keys set to null', async () => {
		const id = SEED.sessions.all[0]; // seeded with { pedido, origem }
		expect(session(id).metadata).toEqual({ pedido: '4800', origem: 'site' });
		const r = await api.put(`/chat/v2/session/${id}/partial`, { fields: ['Metadata'], metadata: { origem: null, canal: 'n8n', pedido: '4801' } });
		expect(r.body.metadata).toEqual({ pedido: '4801', canal: 'n8n' });
		const untouched = await api.put(`/chat/v2/session/${id}/partial`, { fields: ['Number'], number: 'X', metadata: { lost: 'yes' } });
		expect(untouched.body.metadata).toEqual({ pedido: '4801', canal: 'n8n' });
	});

	it('records ReactivateDisabled / Autocomplete without visible effect', async () => {
		const id = SEED.sessions.inProgress[1];
		const before = (await api.get(`/chat/v2/session/${id}`)).body;
		const r = await api.put(`/chat/v2/session/${id}/partial`, { fields: ['ReactivateDisabled', 'Autocomplete'] });
		expect(r.body.status).toBe(before.status);
		expect((await rawSession(id))._flags).toEqual({ ReactivateDisabled: true, Autocomplete: true });
	});

	it('stopBotInExecution clears the running bot; unknown user → FORM_ERROR without partial changes', async () => {
		const id = SEED.sessions.started[0];
		expect(session(id).botId).toBe(SEED.chatbots.triagem.id);
		const r = await api.put(`/chat/v2/session/${id}/partial`, { fields: ['Number'], number: '1', options: { stopBotInExecution: true } });
		expect(r.body.botId).toBeNull();

		const bad = await api.put(`/chat/v2/session/${id}/partial`, { fields: ['Number', 'UserId'], number: '2', userId: SEED.agents.ana.id });
		expect(bad.status).toBe(500);
		expect(bad.body).toMatchObject({ key: 'FORM_ERROR', text: 'Usuário não encontrado' });
		expect(session(id).number).toBe('1');
	});
});

describe('assignee / transfer / status / complete', () => {
	it('assigns an agent by userId and starts the attendance', async () => {
		const id = SEED.sessions.pending[0];
		const r = await api.put(`/chat/v1/session/${id}/assignee`, { userId: SEED.agents.bruno.userId });
		expect(r.status).toBe(200);
		expect(r.body).toMatchObject({ userId: SEED.agents.bruno.userId, status: 'IN_PROGRESS' });
	});

	it('transfer DEPARTMENT needs newDepartmentId and clears the agent', async () => {
		const id = SEED.sessions.inProgress[0];
		const missing = await api.put(`/chat/v1/session/${id}/transfer`, { type: 'DEPARTMENT' });
		expect(missing.status).toBe(500);
		expect(missing.body.key).toBe('FORM_ERROR');
		const unknown = await api.put(`/chat/v1/session/${id}/transfer`, { type: 'DEPARTMENT', newDepartmentId: '0b0b0b0b-0000-4000-8000-000000000000' });
		expect(unknown.status).toBe(500);
		expect(unknown.body.text).toBe('Equipe não encontrada');
		const ok = await api.put(`/chat/v1/session/${id}/transfer`, { type: 'DEPARTMENT', newDepartmentId: SEED.departments.financeiro.id });
		expect(ok.body).toMatchObject({ departmentId: SEED.departments.financeiro.id, userId: null, status: 'PENDING' });
	});

	it('transfer USER needs newUserId (an agent userId) and may move the department too', async () => {
		const id = SEED.sessions.pending[1];
		expect((await api.put(`/chat/v1/session/${id}/transfer`, { type: 'USER' })).status).toBe(500);
		const byAgentId = await api.put(`/chat/v1/session/${id}/transfer`, { type: 'USER', newUserId: SEED.agents.diego.id });
		expect(byAgentId.body.text).toBe('Usuário não encontrado');
		const ok = await api.put(`/chat/v1/session/${id}/transfer`, {
			type: 'USER',
			newUserId: SEED.agents.diego.userId,
			newDepartmentId: SEED.departments.financeiro.id,
			options: { stopBotInExecution: true },
		});
		expect(ok.body).toMatchObject({ userId: SEED.agents.diego.userId, departmentId: SEED.departments.financeiro.id, status: 'IN_PROGRESS' });
	});

	it('changes the status', async () => {
		const id = SEED.sessions.completed[0];
		const r = await api.put(`/chat/v1/session/${id}/status`, { newStatus: 'IN_PROGRESS' });
		expect(r.body).toMatchObject({ status: 'IN_PROGRESS', endAt: null });
		const back = await api.put(`/chat/v1/session/${id}/status`, { newStatus: 'COMPLETED' });
		expect(back.body.endAt).not.toBeNull();
	});

	it('complete stores reactivateOnNewMessage and stopBotInExecution (state only)', async () => {
		const id = SEED.sessions.started[0];
		const t0 = Date.now();
		const r = await api.put(`/chat/v1/session/${id}/complete`, { reactivateOnNewMessage: true, stopBotInExecution: true });
		expect(r.status).toBe(200);
		expect(r.body.status).toBe('COMPLETED');
		expect(Date.parse(r.body.endAt)).toBeGreaterThanOrEqual(t0 - 5);
		expect(r.body.botId).toBeNull();
		expect(r.body).not.toHaveProperty('_complete');
		expect(r.body).not.toHaveProperty('reactivateOnNewMessage');
		const raw = await rawSession(id);
		expect(raw._complete).toMatchObject({ reactivateOnNewMessage: true, stopBotInExecution: true, bodySent: true });
	});

	it('complete without a body uses the documented defaults', async () => {
		const id = SEED.sessions.inProgress[2];
		const r = await api.call('PUT', `/chat/v1/session/${id}/complete`);
		expect(r.status).toBe(200);
		expect((await rawSession(id))._complete).toMatchObject({ reactivateOnNewMessage: false, stopBotInExecution: false, bodySent: false });
	});
});

describe('messages', () => {
	it('async send returns QUEUED and the message shows up in the session', async () => {
		const id = SEED.sessions.inProgress[0];
		const before = (await api.get(`/chat/v1/session/${id}/message?PageSize=100`)).body.totalItems;
		const r = await api.post(`/chat/v1/session/${id}/message`, { text: 'Olá, tudo certo com o seu pedido!' });
		expect(r.status).toBe(200);
		expect(r.body).toMatchObject({ sessionId: id, status: 'QUEUED', failureReason: null });
		expect(r.body.statusUrl).toBe(`${sb.url}/chat/v1/message/${r.body.id}/status`);

		const list = await api.get(`/chat/v1/session/${id}/message?PageSize=100`);
		expect(list.body.totalItems).toBe(before + 1);
		const last = list.body.items.at(-1);
		expect(last).toMatchObject({ id: r.body.id, text: 'Olá, tudo certo com o seu pedido!', direction: 'TO_HUB', origin: 'API', type: 'TEXT', status: 'SENT' });
		expect((await api.get(`/chat/v1/message/${r.body.id}/status`)).body).toMatchObject({ id: r.body.id, status: 'SENT' });
		expect((await api.get(`/chat/v1/message${qs({ SessionId: id, PageSize: 100 })}`)).body.totalItems).toBe(before + 1);
		expect((await api.get(`/chat/v2/session/${id}`)).body.lastMessageText).toBe('Olá, tudo certo com o seu pedido!');
	});

	it('sync send returns the PublicMessageDTO with status SENT', async () => {
		const id = SEED.sessions.inProgress[1];
		const r = await api.post(`/chat/v1/session/${id}/message/sync`, { text: 'Pedido confirmado.' });
		expect(r.body).toMatchObject({ sessionId: id, status: 'SENT', text: 'Pedido confirmado.', direction: 'TO_HUB' });
		expect((await api.get(`/chat/v1/message/${r.body.id}`)).body.id).toBe(r.body.id);
	});

	it('templates: parameters must match; unknown template → FORM_ERROR', async () => {
		// a completed WhatsApp (CloudAPI) session: the 24 h window is closed, only templates go out
		const target = SEED.sessions.byChannel.whatsapp.find((s) => SEED.sessions.completed.includes(s));
		const url = `/chat/v1/session/${target}/message/sync`;

		const missing = await api.post(url, { templateId: SEED.templates.welcome.id });
		expect(missing.status).toBe(500);
		expect(missing.body.text).toMatch(/Parâmetros do modelo não informados: 1/);
		const extra = await api.post(url, { templateId: SEED.templates.welcome.id, parameters: { 1: 'Maria', 2: 'x' } });
		expect(extra.body.text).toMatch(/desconhecidos.*2/);
		const unknown = await api.post(url, { templateId: '0b0b0b0b-0000-4000-8000-000000000000' });
		expect(unknown.body).toMatchObject({ key: 'FORM_ERROR', text: 'Modelo de mensagem não encontrado.' });
		const notApproved = await api.post(url, { templateId: SEED.templates.paymentReminder.id, parameters: { 1: 'a', 2: 'b', 3: 'c' } });
		expect(notApproved.status).toBe(500);

		const ok = await api.post(url, { templateId: SEED.templates.welcome.id, parameters: { 1: 'Maria' } });
		expect(ok.status).toBe(200);
		expect(ok.body).toMatchObject({ status: 'SENT', templateId: SEED.templates.welcome.id });
		expect(ok.body.text).toBe('Olá Maria! Seja bem-vindo(a) à Loja Exemplo. Como podemos ajudar?');
		const named = await api.post(url, { templateId: SEED.templates.orderUpdate.id, parameters: { nome: 'Maria', pedido: '4821', situacao: 'enviado' } });
		expect(named.body.text).toBe('Oi Maria, seu pedido 4821 foi enviado.');
	});

	it('free text outside the 24 h WhatsApp window ends FAILED', async () => {
		const id = SEED.sessions.byChannel.whatsapp.find((s) => SEED.sessions.completed.includes(s));
		const r = await api.post(`/chat/v1/session/${id}/message/sync`, { text: 'Oi?' });
		expect(r.status).toBe(200);
		expect(r.body.status).toBe('FAILED');
		expect(r.body.failedReason).toMatch(/24 horas/);
	});

	it('requires some content and a template of the session channel', async () => {
		const id = SEED.sessions.byChannel.zapi[0];
		expect((await api.post(`/chat/v1/session/${id}/message`, {})).body.key).toBe('FORM_ERROR');
		const wrongChannel = await api.post(`/chat/v1/session/${id}/message`, { templateId: SEED.templates.followUp.id });
		expect(wrongChannel.body.text).toMatch(/canal/);
	});

	it('accepts fileUrl and references a stored file', async () => {
		const id = SEED.sessions.inProgress[0];
		const r = await api.post(`/chat/v1/session/${id}/message/sync`, { fileUrl: 'https://cdn.example.com/catalogo/outono.pdf', text: 'Catálogo' });
		expect(r.body).toMatchObject({ type: 'DOCUMENT', text: 'Catálogo' });
		expect(r.body.details.file).toMatchObject({ name: 'outono.pdf', mimeType: 'application/pdf', type: 'PDF', publicUrl: 'https://cdn.example.com/catalogo/outono.pdf' });
	});

	it('sending into a completed session is accepted and recorded', async () => {
		const id = SEED.sessions.byChannel.whatsapp.find((s) => SEED.sessions.completed.includes(s));
		const r = await api.post(`/chat/v1/session/${id}/message`, { templateId: SEED.templates.followUp.id });
		expect(r.status).toBe(200);
		const raw = await rawSession(id);
		expect(raw._history.at(-1)).toMatchObject({ action: 'message', completedSession: true, messageId: r.body.id });
	});

	it('queueDelayMs keeps async messages QUEUED for a while', async () => {
		const slow = await startSandbox({ queueDelayMs: 150, quiet: true });
		try {
			const c = client(slow);
			const sent = await c.post(`/chat/v1/session/${SEED.sessions.inProgress[0]}/message`, { text: 'x' });
			expect((await c.get(`/chat/v1/message/${sent.body.id}/status`)).body.status).toBe('QUEUED');
			await new Promise((r) => setTimeout(r, 200));
			expect((await c.get(`/chat/v1/message/${sent.body.id}/status`)).body.status).toBe('SENT');
			expect(slow.violations).toEqual([]);
		} finally {
			await slow.close();
		}
	});
});

describe('notes', () => {
	it('lists, creates, gets and deletes internal notes', async () => {
		const id = SEED.sessions.withNotes[0];
		const list = await api.get(`/chat/v1/session/${id}/note`);
		expect(list.body.items.map((n) => n.id)).toEqual(SEED.notes.bySession[id]);
		expect(list.body.items.every((n) => n.type === 'NOTE')).toBe(true);

		const created = await api.post(`/chat/v1/session/${id}/note`, { text: 'Cliente VIP, priorizar.' });
		expect(created.body).toMatchObject({ type: 'NOTE', text: 'Cliente VIP, priorizar.', sessionId: id });
		expect((await api.get(`/chat/v1/session/note/${created.body.id}`)).body.text).toBe('Cliente VIP, priorizar.');
		// notes are not part of the message list
		const msgs = await api.get(`/chat/v1/session/${id}/message?PageSize=100`);
		expect(msgs.body.items.some((m) => m.id === created.body.id)).toBe(false);

		const deleted = await api.del(`/chat/v1/session/note/${created.body.id}`);
		expect(deleted.status).toBe(200);
		expect(deleted.body).toMatchObject({ id: created.body.id, text: 'Cliente VIP, priorizar.' });
		const gone = await api.get(`/chat/v1/session/note/${created.body.id}`);
		expect(gone.status).toBe(500);
		expect(gone.body.key).toBe('FORM_ERROR');
		expect((await api.get(`/chat/v1/session/${id}/note`)).body.totalItems).toBe(SEED.notes.bySession[id].length);
	});

	it('a message id is not a note', async () => {
		const mid = SEED.messages.bySession[SEED.sessions.all[0]][0];
		expect((await api.get(`/chat/v1/session/note/${mid}`)).status).toBe(500);
	});
});

describe('lookups', () => {
	it('templates filter by channel, name, searchable text; params only with IncludeDetails', async () => {
		const all = await api.get('/chat/v1/template?PageSize=100');
		expect(all.body.items.every((t) => t.params === null && !t.archived)).toBe(true);
		const wa = await api.get(`/chat/v1/template${qs({ ChannelId: SEED.channels.whatsapp.id, IncludeDetails: 'Params', PageSize: 100 })}`);
		expect(wa.body.items.every((t) => t.channelId === SEED.channels.whatsapp.id)).toBe(true);
		expect(wa.body.items.find((t) => t.id === SEED.templates.welcome.id).params).toEqual([{ name: '1', templateId: SEED.templates.welcome.id }]);
		expect((await api.get('/chat/v1/template?Name=boas')).body.items.map((t) => t.id)).toEqual([SEED.templates.welcome.id]);
		expect((await api.get(`/chat/v1/template${qs({ SearchableText: 'código' })}`)).body.items.map((t) => t.id)).toEqual([SEED.templates.otp.id]);
		const media = wa.body.items.find((t) => t.id === SEED.templates.promoImage.id);
		expect(media.fileType).toBe('IMAGE');
		expect((await api.get('/chat/v1/template?Archived=true')).body.items.map((t) => t.id)).toEqual([SEED.templates.archived.id]);
	});

	it('chatbots, sequences, contacts, panels', async () => {
		expect((await api.get('/chat/v1/chatbot')).body.totalItems).toBe(3);
		expect((await api.get('/chat/v1/chatbot?AutomationUsages=Api')).body.totalItems).toBe(2);
		expect((await api.get('/chat/v1/chatbot?PublishStatuses=Not_Published')).body.items.map((b) => b.id)).toEqual([SEED.chatbots.carrinho.id]);
		const seqs = await api.get('/chat/v1/sequence?IncludeDetails=ContactExecutingCount');
		expect(seqs.body.items.find((s) => s.id === SEED.sequences.boasVindas.id).contactExecutingCount).toBe(2);
		const contacts = await api.get('/core/v1/contact');
		expect(contacts.body.totalItems).toBe(7); // ACTIVE only by default
		expect((await api.get('/core/v1/contact?Status=ARCHIVED')).body.items.map((c) => c.id)).toEqual([SEED.contacts.lucas.id]);
		const maria = await api.get(`/core/v1/contact/${SEED.contacts.maria.id}?IncludeDetails=Tags`);
		expect(maria.body).toMatchObject({ phoneNumber: '+55|11999990001', tagNames: ['VIP'] });
		const panels = await api.get('/crm/v2/panel?IncludeDetails=Steps');
		expect(panels.body.items.map((p) => p.title)).toEqual(['Funil de Vendas', 'Suporte Técnico']);
		const vendas = await api.get(`/crm/v1/panel/${SEED.panels.vendas.id}?IncludeDetails=Steps&IncludeDetails=Cards`);
		expect(vendas.body.steps.map((s) => s.id)).toEqual(Object.values(SEED.panels.vendas.steps).map((s) => s.id));
		expect(vendas.body.steps[0].cards.items[0].id).toBe(SEED.cards.camisetas.id);
	});
});
