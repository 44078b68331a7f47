// Handlers of chat's message sends to a contact (POST /chat/v1/message/send[-sync]) and scheduled messages
// (/chat/v1/scheduled-message*). See services/core.mjs for the handler contract. Guesses where the docs are
// silent are listed in sandbox/README.md ("Messages to a contact, scheduled messages").

import { formError } from '../envelopes.mjs';
import { includeSet, listPage, CU_FIELDS } from '../listing.mjs';
import { messageDto, quickMessageDto, fileDto } from '../dto.mjs';
import { newId } from '../state.mjs';
import { findAgentForSend, findDepartmentForSend, fileFromUrl } from './core.mjs';
import { orThrow, recipientContact, sendChannel, sessionForSend } from './recipients.mjs';
import { sendIntoSession } from './chat.mjs';

const iso = (ms) => new Date(ms).toISOString();
const digits = (v) => String(v ?? '').replace(/\D/g, '');
const SCHEDULED_NOT_FOUND = 'Mensagem agendada não encontrada.';

/** The sending channel and the recipient's contact (services/recipients.mjs), problems as FORM_ERROR. */
const channelOf = (state, from) => orThrow(() => sendChannel(state, from, { allowId: true }), formError);
const contactOf = (ctx, channel, to) => orThrow(() => recipientContact(ctx, channel, to), formError);

function resolveDepartment(state, department) {
	if (!department || (!department.id && !department.name)) return null;
	const found = findDepartmentForSend(state, department);
	if (!found) throw formError('Equipe não encontrada');
	return found;
}

function resolveUser(state, user) {
	if (!user || (!user.id && !user.email && !user.phoneNumber)) return null;
	const agent = findAgentForSend(state, user);
	if (!agent) throw formError('Usuário não encontrado');
	return agent;
}

/** POST /chat/v1/message/send[-sync]: to a contact (created when unknown), in its open session or a new one. */
function sendToContact(ctx, { sync }) {
	const { state } = ctx;
	const b = ctx.body;
	const channel = channelOf(state, b.from);
	const department = resolveDepartment(state, b.department);
	const user = resolveUser(state, b.user);
	if (b.botKey && ![...state.chatbots.values()].some((bot) => bot.key === String(b.botKey).toLowerCase())) throw formError('Chatbot não encontrado.');
	const body = b.body ?? {};
	if (!body.text && !body.templateId && !body.fileUrl && !body.fileId)
		throw formError('Informe o texto, o modelo de mensagem (templateId) ou o arquivo (fileUrl/fileId) da mensagem.');
	const contact = contactOf(ctx, channel, b.to);
	const session = sessionForSend(ctx, contact, channel, {
		departmentId: department?.id ?? null,
		userId: user?.userId ?? null,
		options: b.options ?? {},
		createdBy: 'message/send',
	});
	const m = sendIntoSession({ ...ctx, params: { id: session.id }, body }, { sync });
	m._sentTo = { to: b.to, from: b.from ?? null, contactId: contact.id, via: sync ? 'message/send-sync' : 'message/send' };
	if (b.botKey) session._botKeyOnReply = String(b.botKey).toLowerCase();
	return m;
}

// ---------------------------------------------------------------- scheduled messages

/** Fires a SCHEDULED message whose time has come: a template into the contact's session, or a chatbot start. */
function settleScheduled(ctx, r) {
	if (r.status !== 'SCHEDULED' || Date.parse(r.scheduling) > ctx.now) return r;
	const { state } = ctx;
	const channel = state.channels.get(r.channelId);
	const contact = state.contacts.get(r.contactId);
	try {
		const session = sessionForSend(ctx, contact, channel, {
			departmentId: r.departmentId ?? null,
			options: { hiddenSession: r.hiddenSession },
			createdBy: 'scheduled-message',
		});
		r.sessionId = session.id;
		if (r.type === 'TEMPLATE') {
			const body = { templateId: r.templateId, parameters: r._templateParams?.parameters ?? undefined };
			if (r._templateParams?.fileId) body.fileId = r._templateParams.fileId;
			const m = sendIntoSession({ ...ctx, params: { id: session.id }, body }, { sync: true });
			r._messageId = m.id;
			r.status = m.status === 'FAILED' ? 'FAILED' : 'SENT';
			r.failureReason = m.failedReason ?? null;
		} else {
			const bot = [...state.chatbots.values()].find((b) => b.id === r.botId);
			session.botId = bot?.id ?? null;
			r.status = 'PROCESSED';
		}
	} catch (e) {
		r.status = 'FAILED';
		r.failureReason = e?.body?.text ?? String(e?.message ?? e);
	}
	r.updatedAt = iso(Math.max(ctx.now, Date.parse(r.updatedAt)));
	return r;
}

function scheduledDto(ctx, r, include = new Set(), { withSession = true } = {}) {
	settleScheduled(ctx, r);
	const { state } = ctx;
	const contact = state.contacts.get(r.contactId);
	const channel = state.channels.get(r.channelId);
	const agent = state.agentByUserId(r.userId);
	const department = r.departmentId ? state.departments.get(r.departmentId) : null;
	const template = r.templateId ? state.templates.get(r.templateId) : null;
	const bot = r.botId ? state.chatbots.get(r.botId) : null;
	const file = r._templateParams?.fileId ? state.files.get(r._templateParams.fileId) : null;
	const dto = {
		id: r.id,
		createdAt: r.createdAt,
		updatedAt: r.updatedAt,
		active: r.status === 'SCHEDULED',
		companyId: r.companyId,
		...(withSession ? { sessionId: r.sessionId ?? null } : {}),
		contactId: r.contactId,
		userId: r.userId,
		channelId: r.channelId,
		departmentId: r.departmentId,
		status: r.status,
		type: r.type,
		templateId: r.templateId,
		botId: r.botId,
		scheduling: r.scheduling,
		hiddenSession: r.hiddenSession,
		failureReason: r.failureReason ?? null,
		contact: include.has('Contact') && contact
			? { id: contact.id, name: contact.name, phonenumberFormatted: contact.phoneNumberFormatted, instagram: contact.instagram, pictureUrl: contact.pictureUrl ?? null }
			: null,
		user: include.has('User') && agent ? { id: agent.userId, name: agent.name } : null,
		channel: include.has('Channel') && channel ? { id: channel.id, humanId: channel.identity?.humanId ?? null, type: channel.type } : null,
		department: include.has('Department') && department ? { id: department.id, name: department.name } : null,
		chatbot: include.has('Chatbot') && bot ? { id: bot.key, botId: bot.id, name: bot.name } : null,
		template:
			include.has('Template') && template
				? { id: template.id, name: template.name, templateParams: { parameters: r._templateParams?.parameters ?? null, file: file ? fileDto(ctx, file) : null } }
				: null,
	};
	return dto;
}

/** Checks and applies the scheduled-message fields of a create (all) or an update (`fields` only). */
function applyScheduled(ctx, r, b, fields) {
	const { state } = ctx;
	const has = (f) => fields === null || fields.has(f);
	const next = { ...r };
	if (has('From') && (fields === null || b.from !== undefined)) next.channelId = channelOf(state, b.from).id;
	const channel = state.channels.get(next.channelId);
	if (has('To')) {
		if (!b.to) throw formError('Informe o destinatário (to).');
		next.contactId = contactOf(ctx, channel, b.to).id;
	}
	if (has('Department')) next.departmentId = resolveDepartment(state, b.department)?.id ?? null;
	if (has('Type') && b.type) next.type = b.type;
	if (has('TemplateId')) next.templateId = b.templateId ? String(b.templateId).toLowerCase() : null;
	if (has('BotId')) {
		const bot = b.botKey ? [...state.chatbots.values()].find((x) => x.key === String(b.botKey).toLowerCase()) : null;
		if (b.botKey && !bot) throw formError('Chatbot não encontrado.');
		next.botId = bot?.id ?? null;
	}
	if (has('Scheduling')) {
		if (!b.scheduling) throw formError('Informe a data de agendamento (scheduling).');
		if (Date.parse(b.scheduling) <= ctx.now) throw formError('A data de agendamento deve ser no futuro.');
		next.scheduling = new Date(Date.parse(b.scheduling)).toISOString();
	}
	if (has('HiddenSession') && b.hiddenSession !== undefined && b.hiddenSession !== null) next.hiddenSession = b.hiddenSession;
	if (has('TemplateParams')) {
		const p = b.templateParams ?? null;
		let fileId = null;
		if (p?.fileId) {
			const f = state.files.get(String(p.fileId).toLowerCase());
			if (!f) throw formError('Arquivo não encontrado.');
			fileId = f.id;
		} else if (p?.fileUrl) {
			fileId = fileFromUrl(ctx, p.fileUrl).id;
		}
		next._templateParams = p ? { parameters: p.parameters ?? null, fileId } : null;
	}
	// Consistency of the result, whatever was changed.
	next.type ??= next.templateId ? 'TEMPLATE' : 'CHATBOT';
	if (next.type === 'TEMPLATE') {
		const template = next.templateId ? state.templates.get(next.templateId) : null;
		if (!template) throw formError('Modelo de mensagem não encontrado.');
		if (template.archived || template.status !== 'Approved') throw formError('O modelo de mensagem não está aprovado.');
		if (template.channelId !== next.channelId) throw formError('O modelo de mensagem não pertence ao canal informado.');
		const declared = template.params.map((x) => x.name);
		const given = next._templateParams?.parameters ?? {};
		const missing = declared.filter((n) => given[n] === undefined || given[n] === null || given[n] === '');
		const unknown = Object.keys(given).filter((n) => !declared.includes(n));
		if (missing.length) throw formError(`Parâmetros do modelo não informados: ${missing.join(', ')}.`);
		if (unknown.length) throw formError(`Parâmetros desconhecidos para o modelo: ${unknown.join(', ')}.`);
	} else if (!next.botId) {
		throw formError('Informe o chatbot (botKey) da mensagem agendada.');
	}
	if (!next.scheduling) throw formError('Informe a data de agendamento (scheduling).');
	return next;
}

const SCHEDULED_DATE_FIELDS = { ...CU_FIELDS, ScheduledAt: 'scheduling' };

function mustGetScheduled(ctx, id) {
	return ctx.state.mustGet('scheduledMessages', id, SCHEDULED_NOT_FOUND);
}

/** The account's "API user" that scheduled messages are created by (guess: the first agent, an administrator). */
function apiUser(state) {
	const agent = [...state.agents.values()].find((a) => !a._deleted);
	return agent?.userId ?? state.company.id;
}

export const handlers = {
	'POST /chat/v1/message/send': (ctx) => quickMessageDto(ctx, sendToContact(ctx, { sync: false })),
	'POST /chat/v1/message/send-sync': (ctx) => messageDto(ctx, sendToContact(ctx, { sync: true })),

	'GET /chat/v1/scheduled-message': (ctx) => {
		const { state, query } = ctx;
		const include = includeSet(query.IncludeDetails);
		const list = [...state.scheduledMessages.values()].filter((r) => {
			settleScheduled(ctx, r);
			if (query.Status && r.status !== query.Status) return false;
			if (query.Type && r.type !== query.Type) return false;
			if (query.From) {
				const ch = state.channels.get(r.channelId);
				const f = query.From.toLowerCase();
				if (ch.id !== f && digits(ch.number) !== digits(f) && String(ch.number).toLowerCase() !== f) return false;
			}
			if (query.To) {
				const c = state.contacts.get(r.contactId);
				const t = query.To.toLowerCase();
				const national = digits(String(c?.phoneNumber ?? '').split('|')[1]);
				if (c?.id !== t && digits(c?.phoneNumber) !== digits(t) && national !== digits(t) && String(c?.instagram ?? '').toLowerCase() !== t) return false;
			}
			if (query.User) {
				const agent = state.agentByUserId(r.userId);
				const u = query.User.toLowerCase();
				if (r.userId !== u && String(agent?.name ?? '').toLowerCase() !== u) return false;
			}
			if (query.Department) {
				const dep = r.departmentId ? state.departments.get(r.departmentId) : null;
				const d = query.Department.toLowerCase();
				if (r.departmentId !== d && String(dep?.name ?? '').toLowerCase() !== d) return false;
			}
			return true;
		});
		return listPage(list, query, {
			toDto: (r) => scheduledDto(ctx, r, include),
			dateFields: SCHEDULED_DATE_FIELDS,
			order: { by: 'scheduling', direction: 'ASCENDING', aliases: { ScheduledAt: 'scheduling' } },
		});
	},

	'POST /chat/v1/scheduled-message': (ctx) => {
		const { state, now } = ctx;
		const b = ctx.body;
		const at = iso(now);
		const base = {
			id: newId(),
			createdAt: at,
			updatedAt: at,
			companyId: state.company.id,
			sessionId: null,
			userId: apiUser(state),
			channelId: null,
			contactId: null,
			departmentId: null,
			status: 'SCHEDULED',
			type: b.type ?? null,
			templateId: null,
			botId: null,
			scheduling: null,
			hiddenSession: false,
			failureReason: null,
			_templateParams: null,
		};
		const r = applyScheduled(ctx, base, b, null);
		r._history = [{ at, action: 'create' }];
		state.scheduledMessages.set(r.id, r);
		return scheduledDto(ctx, r, includeSet(['Contact', 'Channel', 'User', 'Department', 'Template', 'Chatbot']), { withSession: false });
	},

	'GET /chat/v1/scheduled-message/{id}': (ctx) => scheduledDto(ctx, mustGetScheduled(ctx, ctx.params.id), includeSet(ctx.query.includeDetails)),

	'PUT /chat/v1/scheduled-message/{id}': (ctx) => {
		const { state, now } = ctx;
		const b = ctx.body;
		const r = settleScheduled(ctx, mustGetScheduled(ctx, ctx.params.id));
		if (r.status !== 'SCHEDULED') throw formError('Mensagens já enviadas ou canceladas não podem ser editadas.');
		const fields = new Set((b.fields ?? []).filter((f) => f !== 'Undefined'));
		if (fields.size === 0) throw formError('Informe os campos a atualizar (fields).');
		const next = applyScheduled(ctx, r, b, fields);
		next.updatedAt = iso(now);
		next._history = [...(r._history ?? []), { at: next.updatedAt, action: 'update', fields: [...fields] }];
		next._lastUpdate = { fields: [...fields], body: structuredClone(b) };
		state.scheduledMessages.set(r.id, next);
		return scheduledDto(ctx, next, includeSet(['Contact', 'Channel', 'User', 'Department', 'Template', 'Chatbot']), { withSession: false });
	},

	'POST /chat/v1/scheduled-message/{id}/cancel': (ctx) => {
		const r = settleScheduled(ctx, mustGetScheduled(ctx, ctx.params.id));
		if (r.status !== 'SCHEDULED') throw formError('Apenas mensagens agendadas podem ser canceladas.');
		r.status = 'CANCELED';
		r.updatedAt = iso(ctx.now);
		(r._history ??= []).push({ at: r.updatedAt, action: 'cancel' });
		return undefined;
	},

	'POST /chat/v1/scheduled-message/batch-cancel': (ctx) => {
		const ids = Array.isArray(ctx.body) ? ctx.body : [];
		if (ids.length === 0) throw formError('Informe as mensagens agendadas a cancelar.');
		const canceled = [];
		for (const id of new Set(ids.map((x) => String(x).toLowerCase()))) {
			const r = ctx.state.scheduledMessages.get(id);
			if (!r || r._deleted) continue;
			settleScheduled(ctx, r);
			if (r.status !== 'SCHEDULED') continue;
			r.status = 'CANCELED';
			r.updatedAt = iso(ctx.now);
			(r._history ??= []).push({ at: r.updatedAt, action: 'batch-cancel', batchSize: ids.length });
			canceled.push(scheduledDto(ctx, r));
		}
		return canceled;
	},
};
