// Handlers of the send API (`/chat/v1/send/*`, tag "Envios (Msg/Otp/Bot)") and of the chatbot start
// (`POST /chat/v1/chatbot/send`). See services/core.mjs for the handler contract.
//
// A send finds the recipient's contact by phone (or @instagram user), creating it when unknown; finds the
// contact's open session on the sending channel (or the given sessionId), creating one when there is none (or
// completing it first with forceStartSession); stores the message QUEUED, which turns SENT or FAILED when its
// delivery time passes (the 24 h window rule for free text on WhatsApp, as in services/chat.mjs). OTP codes are
// PENDING then SENT; queued chatbot starts are QUEUED then SENT (or FAILED when skipped). The send family
// counts against its own rate limit (ratelimit.mjs, contract flag `sendFamily`).
// Errors of the send family are ProblemDetails: 400 for a bad request, 404 on the status GETs and typing.
// Guesses where the docs are silent are listed in sandbox/README.md ("Send API").

import { HttpError, problemDetails, formError } from '../envelopes.mjs';
import { sessionDto, settleMessage, windowFailedReason } from '../dto.mjs';
import { newId } from '../state.mjs';
import { fileFromUrl, findAgentForSend, findDepartmentForSend } from './core.mjs';
import { orThrow as orThrowAs, problem, RecipientProblem, recipientContact, sendChannel, sessionForSend } from './recipients.mjs';

const iso = (ms) => new Date(ms).toISOString();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The documented maximum of messages per template batch (and, by guess, per chatbot batch). */
export const SEND_BATCH_MAX = 100;

const badRequest = (detail) => new HttpError(400, problemDetails({ status: 400, title: 'Bad Request', detail }));
const notFound = (detail) => new HttpError(404, problemDetails({ status: 404, title: 'Not Found', detail }));

/** Runs `fn`; a problem of a recipient or request becomes a 400 ProblemDetails (or `toError`'s envelope). */
const orThrow = (fn, toError = badRequest) => orThrowAs(fn, toError);

// ---------------------------------------------------------------- recipients, channels, sessions

const isWhatsApp = (channel) => /WhatsApp/.test(channel?.type ?? '');

/** `options.user` / `options.department` of a send, checked. */
function sendOptionTargets(state, options = {}) {
	let userId = null;
	let departmentId = null;
	const u = options.user;
	if (u && (u.id || u.email || u.phoneNumber)) {
		const agent = findAgentForSend(state, u);
		if (!agent) throw problem('Usuário (options.user) não encontrado.');
		userId = agent.userId;
	}
	const d = options.department;
	if (d && (d.id || d.name)) {
		const dep = findDepartmentForSend(state, d);
		if (!dep) throw problem('Equipe (options.department) não encontrada.');
		departmentId = dep.id;
	}
	return { userId, departmentId };
}

/**
 * The session a send goes into: `sessionId` when given; else the contact's open session on the channel, or a new one
 * (services/recipients.mjs) with the send's `options.user` / `options.department`.
 */
function sessionFor(ctx, { sessionId, contact, channel, options = {} }) {
	if (sessionId) {
		const s = ctx.state.sessions.get(String(sessionId).toLowerCase());
		if (!s) throw problem('Conversa não encontrada.');
		return s;
	}
	return sessionForSend(ctx, contact, channel, { ...sendOptionTargets(ctx.state, options), options, createdBy: 'send' });
}

/** Session + contact + channel of a message send: by sessionId, else by to/from. */
function target(ctx, b, { allowChannelId = false } = {}) {
	const { state } = ctx;
	if (b.sessionId) {
		const s = sessionFor(ctx, { sessionId: b.sessionId });
		return { session: s, channel: state.channels.get(s.channelId), contact: state.contacts.get(s.contactId) };
	}
	const channel = sendChannel(state, b.from, { allowId: allowChannelId });
	const contact = recipientContact(ctx, channel, b.to);
	return { channel, contact, session: sessionFor(ctx, { contact, channel, options: b.options ?? {} }) };
}

function mergeMetadata(record, metadata) {
	if (!metadata || typeof metadata !== 'object') return;
	const md = { ...(record.metadata ?? {}) };
	for (const [k, v] of Object.entries(metadata)) {
		if (v === null) delete md[k];
		else md[k] = v;
	}
	record.metadata = md;
}

// ---------------------------------------------------------------- templates and files

/** The template of a send, checked against the channel (request-level: 400). */
function templateFor(state, templateId, channel) {
	const t = state.templates.get(String(templateId ?? '').toLowerCase());
	if (!t) throw problem('Modelo de mensagem não encontrado.');
	if (t.archived || t.status !== 'Approved') throw problem('O modelo de mensagem não está aprovado.');
	if (t.channelId !== channel.id) throw problem('O modelo de mensagem não pertence ao canal de envio.');
	return t;
}

/** The variables of a template send (recipient-level): missing or unknown names. */
function checkTemplateParameters(t, parameters, fileIdOrUrl) {
	const declared = t.params.map((p) => p.name);
	const given = parameters ?? {};
	const missing = declared.filter((n) => given[n] === undefined || given[n] === null || given[n] === '');
	const unknown = Object.keys(given).filter((n) => !declared.includes(n));
	if (missing.length) throw problem(`Parâmetros do modelo não informados: ${missing.join(', ')}.`);
	if (unknown.length) throw problem(`Parâmetros desconhecidos para o modelo: ${unknown.join(', ')}.`);
	if (['IMAGE', 'VIDEO', 'DOCUMENT'].includes(t.fileType) && !fileIdOrUrl) throw problem('O modelo de mensagem exige um arquivo (fileIdOrUrl).');
}

const renderTemplate = (text, params) => String(text ?? '').replace(/\{\{\s*([^}\s]+)\s*\}\}/g, (m, name) => (name in params ? String(params[name]) : m));

/** `fileIdOrUrl`: an uploaded file's ID, or a public URL the sandbox "downloads". */
function fileFor(ctx, fileIdOrUrl) {
	const value = String(fileIdOrUrl ?? '').trim();
	if (UUID.test(value)) {
		const f = ctx.state.files.get(value.toLowerCase());
		if (!f) throw problem('Arquivo não encontrado.');
		return f;
	}
	if (/^https?:\/\//i.test(value)) return fileFromUrl(ctx, value);
	throw problem('Informe em fileIdOrUrl uma URL pública ou o ID de um arquivo.');
}

// ---------------------------------------------------------------- messages

const MESSAGE_TYPE = { text: 'TEXT', image: 'IMAGE', audio: 'AUDIO', video: 'VIDEO', document: 'DOCUMENT' };

/** Stores a message of the send API (QUEUED; SENT or FAILED once its delivery time passes). */
function storeMessage(ctx, { session, channel, type, text, template = null, file = null, b }) {
	const { state, now } = ctx;
	if (b.refId) {
		const ref = state.messages.get(String(b.refId).toLowerCase());
		if (!ref || ref.sessionId !== session.id) throw problem('Mensagem de referência (refId) não encontrada na conversa.');
	}
	const failedReason = windowFailedReason(ctx, session, channel, template);
	const at = iso(now);
	const m = {
		id: newId(),
		createdAt: at,
		updatedAt: at,
		timestamp: at,
		type: file ? (type === 'TEXT' ? 'DOCUMENT' : type) : 'TEXT',
		senderId: b.senderId ?? null,
		sessionId: session.id,
		templateId: template?.id ?? null,
		userId: null,
		direction: 'TO_HUB',
		status: 'QUEUED',
		origin: 'API',
		text: text ?? null,
		fileId: file?.id ?? null,
		refId: b.refId ?? null,
		readContactAt: null,
		details: null,
		failedReason: null,
		filesIds: null,
		_fileIds: file ? [file.id] : [],
		_deliverAt: now + (ctx.options.queueDelayMs ?? 0),
		_finalStatus: failedReason ? 'FAILED' : 'SENT',
		_finalFailedReason: failedReason,
		_sendApi: true,
		_callbackUrl: b.callbackUrl ?? null,
		_delayTyping: b.delayTyping ?? null,
		_request: { ...b },
	};
	state.messages.set(m.id, m);
	session.updatedAt = at;
	(session._history ??= []).push({ at, action: 'send', messageId: m.id });
	return m;
}

/** PublicRespSendMessageDTO of a stored message (`settle`: move QUEUED on when its time has come). */
function respSendMessageDto(ctx, m, { settle = true, kind = 'message' } = {}) {
	if (settle) settleMessage(m, ctx.now);
	const sent = ['SENT', 'DELIVERED', 'READ'].includes(m.status);
	return {
		id: m.id,
		createdAt: m.createdAt,
		updatedAt: m.updatedAt,
		companyId: ctx.state.company.id,
		sessionId: m.sessionId,
		status: m.status,
		senderId: m.senderId,
		statusUrl: `${ctx.baseUrl}/chat/v1/send/${kind}/${m.id}`,
		sentAt: sent ? m.updatedAt : null,
		failedReason: m.failedReason,
		callbackUrl: m._callbackUrl ?? null,
		waitReply: false,
	};
}

/** A recipient of a batch refused at once: stored so its status can be read, answered FAILED. */
function rejectedResult(ctx, collection, { senderId, callbackUrl, reason }) {
	const at = iso(ctx.now);
	const r = { id: newId(), createdAt: at, updatedAt: at, sessionId: null, status: 'FAILED', senderId: senderId ?? null, failedReason: reason, _callbackUrl: callbackUrl ?? null, _rejected: true };
	ctx.state[collection].set(r.id, r);
	return respSendMessageDto(ctx, r, { settle: false, kind: collection === 'botRuns' ? 'chatbot' : 'message' });
}

function sendMedia(kind) {
	return (ctx) => {
		const b = ctx.body;
		return orThrow(() => {
			if (b.delayTyping !== undefined && b.delayTyping !== null && (b.delayTyping < 0 || b.delayTyping > 25)) {
				throw problem('DelayTyping deve estar entre 0 e 25 segundos.');
			}
			const file = kind === 'text' ? null : fileFor(ctx, b.fileIdOrUrl);
			const { session, channel } = target(ctx, b);
			const m = storeMessage(ctx, { session, channel, type: MESSAGE_TYPE[kind], text: b.text, file, b });
			return respSendMessageDto(ctx, m, { settle: false });
		});
	};
}

// ---------------------------------------------------------------- OTP

function otpDto(ctx, o, { status = false } = {}) {
	if (o.status === 'PENDING' && ctx.now >= o._deliverAt) {
		o.status = 'SENT';
		o.sentAt = iso(Math.max(ctx.now, Date.parse(o.createdAt)));
		o.updatedAt = o.sentAt;
	}
	const dto = {
		id: o.id,
		createdAt: o.createdAt,
		updatedAt: o.updatedAt,
		code: o.code,
		status: o.status,
		from: o.from,
		templateId: o.templateId,
		companyId: ctx.state.company.id,
		senderId: o.senderId,
		channelId: o.channelId,
		sentAt: o.sentAt,
		receivedAt: o.receivedAt,
		contactPhoneNumber: o.contactPhoneNumber,
		failedReason: o.failedReason,
		callbackUrl: o.callbackUrl,
		statusUrl: `${ctx.baseUrl}/chat/v1/send/otp/${o.id}`,
	};
	if (status) {
		delete dto.from;
		delete dto.callbackUrl;
	}
	return dto;
}

// ---------------------------------------------------------------- chatbots

/**
 * Starts a chatbot: the bot by key (published), the session (sessionId, or to/from), the bot's channels, the
 * skip options; applies sessionMetadata / contactMetadata. Returns { session, skipped }.
 */
function startBot(ctx, b, bot, { allowChannelId = false } = {}) {
	const { state, now } = ctx;
	const options = b.options ?? {};
	let session;
	if (b.sessionId) session = sessionFor(ctx, { sessionId: b.sessionId });
	else {
		const channel = sendChannel(state, b.from, { allowId: allowChannelId });
		const contact = recipientContact(ctx, channel, b.to);
		session = sessionFor(ctx, { contact, channel, options: { forceStartSession: options.forceStartSession, hiddenSession: options.hiddenSession } });
	}
	if (!bot.channelIds.includes(session.channelId)) throw problem('O chatbot não está disponível no canal da conversa.');
	let skipped = null;
	if (options.skipIfBotInExecution && session.botId) skipped = 'Já existe um chatbot em execução na conversa.';
	else if (options.skipIfInProgress && session.status === 'IN_PROGRESS') skipped = 'A conversa está em atendimento.';
	const at = iso(now);
	if (!skipped) {
		session.botId = bot.id;
		session.updatedAt = at;
		mergeMetadata(session, b.sessionMetadata);
		const contact = state.contacts.get(session.contactId);
		if (contact && b.contactMetadata) {
			mergeMetadata(contact, b.contactMetadata);
			contact.updatedAt = at;
		}
	}
	(session._history ??= []).push({ at, action: 'chatbot', botKey: bot.key, skipped });
	return { session, skipped };
}

function botByKey(state, botKey) {
	const bot = [...state.chatbots.values()].find((x) => x.key === String(botKey ?? '').toLowerCase() && !x.archived);
	if (!bot) throw problem('Chatbot não encontrado.');
	if (bot.publishStatus !== 'READY') throw problem('O chatbot não está publicado.');
	return bot;
}

/** A queued chatbot run (PublicRespSendMessageDTO): QUEUED, then SENT (or FAILED when skipped). */
function storeRun(ctx, { session, skipped, b }) {
	const at = iso(ctx.now);
	const run = {
		id: newId(),
		createdAt: at,
		updatedAt: at,
		sessionId: session.id,
		status: 'QUEUED',
		senderId: b.senderId ?? null,
		failedReason: null,
		_callbackUrl: b.callbackUrl ?? null,
		_deliverAt: ctx.now + (ctx.options.queueDelayMs ?? 0),
		_finalStatus: skipped ? 'FAILED' : 'SENT',
		_finalFailedReason: skipped,
		_request: { ...b },
	};
	ctx.state.botRuns.set(run.id, run);
	return respSendMessageDto(ctx, run, { settle: false, kind: 'chatbot' });
}

function checkBatchSize(messages) {
	if (!Array.isArray(messages) || messages.length === 0) throw problem('Informe ao menos uma mensagem (messages).');
	if (messages.length > SEND_BATCH_MAX) throw problem(`É possível enviar até ${SEND_BATCH_MAX} mensagens por requisição.`);
}

function findSent(state, collection, id) {
	return state[collection].get(String(id).toLowerCase());
}

export const handlers = {
	'POST /chat/v1/send/text': sendMedia('text'),
	'POST /chat/v1/send/image': sendMedia('image'),
	'POST /chat/v1/send/audio': sendMedia('audio'),
	'POST /chat/v1/send/video': sendMedia('video'),
	'POST /chat/v1/send/document': sendMedia('document'),

	'POST /chat/v1/send/template': (ctx) => {
		const b = ctx.body;
		return orThrow(() => {
			const channel = b.sessionId ? null : sendChannel(ctx.state, b.from);
			const { session, channel: ch } = channel
				? { channel, session: sessionFor(ctx, { contact: recipientContact(ctx, channel, b.to), channel, options: b.options ?? {} }) }
				: target(ctx, b);
			const t = templateFor(ctx.state, b.templateId, ch);
			checkTemplateParameters(t, b.parameters, b.fileIdOrUrl);
			const file = b.fileIdOrUrl ? fileFor(ctx, b.fileIdOrUrl) : null;
			mergeMetadata(session, b.sessionMetadata);
			const m = storeMessage(ctx, { session, channel: ch, type: 'TEXT', text: renderTemplate(t.text, b.parameters ?? {}), template: t, file, b });
			return respSendMessageDto(ctx, m, { settle: false });
		});
	},

	'POST /chat/v1/send/template/batch': (ctx) => {
		const b = ctx.body;
		const { channel, t } = orThrow(() => {
			checkBatchSize(b.messages);
			const ch = sendChannel(ctx.state, b.from);
			sendOptionTargets(ctx.state, b.options ?? {});
			return { channel: ch, t: templateFor(ctx.state, b.templateId, ch) };
		});
		const results = b.messages.map((item) => {
			try {
				checkTemplateParameters(t, item.parameters, item.fileIdOrUrl);
				const file = item.fileIdOrUrl ? fileFor(ctx, item.fileIdOrUrl) : null;
				const contact = recipientContact(ctx, channel, item.to);
				const session = sessionFor(ctx, { contact, channel, options: b.options ?? {} });
				mergeMetadata(session, item.sessionMetadata);
				const m = storeMessage(ctx, { session, channel, type: 'TEXT', text: renderTemplate(t.text, item.parameters ?? {}), template: t, file, b: item });
				return respSendMessageDto(ctx, m, { settle: false });
			} catch (e) {
				if (!(e instanceof RecipientProblem)) throw e;
				return rejectedResult(ctx, 'sendRejections', { senderId: item.senderId, callbackUrl: item.callbackUrl, reason: e.message });
			}
		});
		return { results };
	},

	'POST /chat/v1/send/typing': (ctx) => {
		const s = ctx.state.sessions.get(String(ctx.body.sessionId).toLowerCase());
		if (!s) throw notFound('Conversa não encontrada.');
		(s._typing ??= []).push(iso(ctx.now));
		return undefined;
	},

	'GET /chat/v1/send/message/{id}': (ctx) => {
		const m = findSent(ctx.state, 'messages', ctx.params.id);
		if (m && m._sendApi) return respSendMessageDto(ctx, m);
		const rejected = findSent(ctx.state, 'sendRejections', ctx.params.id);
		if (rejected) return respSendMessageDto(ctx, rejected, { settle: false });
		throw notFound('Mensagem não encontrada.');
	},

	'POST /chat/v1/send/otp': (ctx) => {
		const { state, now } = ctx;
		const b = ctx.body;
		return orThrow(() => {
			const channel = sendChannel(state, b.from);
			if (!isWhatsApp(channel)) throw problem('O envio de OTP está disponível apenas para canais do WhatsApp.');
			if (String(b.to ?? '').trim().startsWith('@')) throw problem('O OTP é enviado apenas para números de telefone.');
			let t;
			if (b.templateId) {
				t = templateFor(state, b.templateId, channel);
				if (!t.type.includes('AUTHENTICATION')) throw problem('O modelo de mensagem não é do tipo autenticação (AUTHENTICATION).');
			} else {
				t = [...state.templates.values()].find((x) => x.channelId === channel.id && x.type.includes('AUTHENTICATION') && x.status === 'Approved' && !x.archived);
				if (!t) throw problem('O canal não possui um modelo de autenticação aprovado.');
			}
			const code = b.code ? String(b.code) : String(Math.floor(Math.random() * 100000)).padStart(5, '0');
			const contact = recipientContact(ctx, channel, b.to);
			const session = sessionFor(ctx, { contact, channel });
			const name = t.params[0]?.name;
			storeMessage(ctx, { session, channel, type: 'TEXT', text: renderTemplate(t.text, name ? { [name]: code } : {}), template: t, b: { senderId: b.senderId } });
			const at = iso(now);
			const o = {
				id: newId(),
				createdAt: at,
				updatedAt: at,
				code,
				status: 'PENDING',
				from: channel.number,
				templateId: t.id,
				senderId: b.senderId ?? null,
				channelId: channel.id,
				sentAt: null,
				receivedAt: null,
				contactPhoneNumber: contact.phoneNumber,
				failedReason: null,
				callbackUrl: b.callbackUrl ?? null,
				_deliverAt: now + (ctx.options.queueDelayMs ?? 0),
				_sessionId: session.id,
			};
			state.otps.set(o.id, o);
			// The answer is the state at the time of the request: PENDING.
			return otpDto({ ...ctx, now: -Infinity }, o);
		});
	},

	'GET /chat/v1/send/otp/{id}': (ctx) => {
		const id = String(ctx.params.id);
		const o =
			ctx.state.otps.get(id.toLowerCase()) ??
			[...ctx.state.otps.values()].filter((x) => x.senderId === id).sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0];
		if (!o) throw notFound('Código OTP não encontrado.');
		return otpDto(ctx, o, { status: true });
	},

	'POST /chat/v1/chatbot/send': (ctx) => {
		const b = ctx.body;
		// Not part of the send family: its errors are the InternalException envelope (500 FORM_ERROR).
		return orThrow(() => {
			const bot = botByKey(ctx.state, b.botKey);
			const { session } = startBot(ctx, b, bot);
			return sessionDto(ctx, session);
		}, formError);
	},

	'POST /chat/v1/send/chatbot': (ctx) => {
		const b = ctx.body;
		return orThrow(() => {
			const bot = botByKey(ctx.state, b.botKey);
			return storeRun(ctx, { ...startBot(ctx, b, bot), b });
		});
	},

	'POST /chat/v1/send/chatbot/batch': (ctx) => {
		const b = ctx.body;
		const bot = orThrow(() => {
			checkBatchSize(b.messages);
			if (b.from) sendChannel(ctx.state, b.from, { allowId: true });
			return botByKey(ctx.state, b.botKey);
		});
		const results = b.messages.map((item) => {
			try {
				const started = startBot(ctx, { ...item, from: b.from, options: b.options }, bot, { allowChannelId: true });
				return storeRun(ctx, { ...started, b: item });
			} catch (e) {
				if (!(e instanceof RecipientProblem)) throw e;
				return rejectedResult(ctx, 'botRuns', { senderId: item.senderId, callbackUrl: item.callbackUrl, reason: e.message });
			}
		});
		return { results };
	},

	'GET /chat/v1/send/chatbot/{id}': (ctx) => {
		const run = findSent(ctx.state, 'botRuns', ctx.params.id);
		if (!run) throw notFound('Disparo não encontrado.');
		return respSendMessageDto(ctx, run, { settle: !run._rejected, kind: 'chatbot' });
	},
};
