// Handlers of the chat service (https://api.wts.chat/chat): sessions, messages, notes,
// channels, templates, chatbots, sequences. See services/core.mjs for the handler contract.

import { formError } from '../envelopes.mjs';
import { listPage, includeSet, contains, CU_FIELDS, listingCacheKey } from '../listing.mjs';
import {
	sessionDto,
	messagesBySession,
	sessionSortFields,
	windowFailedReason,
	messageDto,
	quickMessageDto,
	messageStatusDto,
	channelDto,
	templateDto,
	chatbotDto,
	sequenceDto,
	sequenceContactDto,
	CLASSIFICATION_NAMES,
} from '../dto.mjs';
import { newId } from '../state.mjs';
import { fileFromUrl } from './core.mjs';

const SESSION_NOT_FOUND = 'Conversa não encontrada';
const USER_NOT_FOUND = 'Usuário não encontrado';
const DEPARTMENT_NOT_FOUND = 'Equipe não encontrada';

const iso = (ms) => new Date(ms).toISOString();

const SESSION_DATE_FIELDS = {
	...CU_FIELDS,
	EndAt: 'endAt',
	ActiveAt: 'startAt',
	LastInteractionAt: 'lastInteractionDate',
};
const SESSION_ORDER = {
	by: 'createdAt',
	direction: 'DESCENDING',
	aliases: { LastInteractionAt: 'lastInteractionDate', ActiveAt: 'startAt' },
};
const MESSAGE_ORDER = { by: 'createdAt', direction: 'ASCENDING' };

/** An agent that can take sessions (by its userId): it exists, is not deleted and is not blocked. */
export function mustGetUser(state, userId) {
	const agent = userId ? state.agentByUserId(userId) : null;
	if (!agent || agent._deleted) throw formError(USER_NOT_FOUND);
	if (agent._status === 'Blocked') throw formError('O usuário está bloqueado.');
	return agent;
}

/** Applies options.stopBotInExecution and records the call on the session (internal fields). */
function touch(ctx, s, action, extra = {}) {
	s.updatedAt = iso(ctx.now);
	if (ctx.body?.options?.stopBotInExecution || extra.stopBotInExecution) s.botId = null;
	(s._history ??= []).push({ at: s.updatedAt, action, ...extra });
}

function setStatus(ctx, s, status) {
	s.status = status;
	if (status === 'COMPLETED') s.endAt = iso(ctx.now);
	else s.endAt = null;
}

const renderTemplate = (text, params) => String(text ?? '').replace(/\{\{\s*([^}\s]+)\s*\}\}/g, (m, name) => (name in params ? String(params[name]) : m));

const MESSAGE_TYPE_BY_FILE = { IMAGE: 'IMAGE', VIDEO: 'VIDEO', AUDIO: 'AUDIO' };

/**
 * Stores a message sent through POST /chat/v1/session/{id}/message[/sync].
 * Rules: one of text | templateId | fileUrl | fileId; templates must exist, be approved, belong to
 * the session's channel and get exactly their declared parameters; on WhatsApp free text needs an
 * open 24 h window (otherwise the message ends FAILED, as on the real channel).
 */
export function sendIntoSession(ctx, { sync }) {
	const { state, params, now } = ctx;
	const b = ctx.body;
	const s = state.mustGet('sessions', params.id, SESSION_NOT_FOUND);
	if (!b.text && !b.templateId && !b.fileUrl && !b.fileId)
		throw formError('Informe o texto, o modelo de mensagem (templateId) ou o arquivo (fileUrl/fileId) da mensagem.');

	let text = b.text ?? null;
	let template = null;
	if (b.templateId) {
		template = state.templates.get(String(b.templateId).toLowerCase());
		if (!template) throw formError('Modelo de mensagem não encontrado.');
		if (template.archived || template.status !== 'Approved') throw formError('O modelo de mensagem não está aprovado.');
		if (template.channelId !== s.channelId) throw formError('O modelo de mensagem não pertence ao canal da conversa.');
		const declared = template.params.map((p) => p.name);
		const given = b.parameters ?? {};
		const missing = declared.filter((n) => given[n] === undefined || given[n] === null || given[n] === '');
		const unknown = Object.keys(given).filter((n) => !declared.includes(n));
		if (missing.length) throw formError(`Parâmetros do modelo não informados: ${missing.join(', ')}.`);
		if (unknown.length) throw formError(`Parâmetros desconhecidos para o modelo: ${unknown.join(', ')}.`);
		text = renderTemplate(template.text, given);
	}

	let file = null;
	if (b.fileId) {
		file = state.files.get(String(b.fileId).toLowerCase());
		if (!file) throw formError('Arquivo não encontrado.');
	} else if (b.fileUrl) {
		file = fileFromUrl(ctx, b.fileUrl);
	}
	if (b.refId) {
		const ref = state.messages.get(String(b.refId).toLowerCase());
		if (!ref || ref.sessionId !== s.id) throw formError('Mensagem de referência não encontrada.');
	}

	const channel = state.channels.get(s.channelId);
	const failedReason = windowFailedReason(ctx, s, channel, template);
	const finalStatus = failedReason ? 'FAILED' : 'SENT';
	const at = iso(now);
	const m = {
		id: newId(),
		createdAt: at,
		updatedAt: at,
		timestamp: at,
		type: file ? (MESSAGE_TYPE_BY_FILE[file.type] ?? 'DOCUMENT') : 'TEXT',
		senderId: null,
		sessionId: s.id,
		templateId: template?.id ?? null,
		userId: null,
		direction: 'TO_HUB',
		status: sync ? finalStatus : 'QUEUED',
		origin: 'API',
		text,
		fileId: file?.id ?? null,
		refId: b.refId ?? null,
		readContactAt: null,
		details: null,
		failedReason: sync ? failedReason : null,
		filesIds: null,
		_fileIds: file ? [file.id] : [],
		_deliverAt: now + (ctx.options.queueDelayMs ?? 0),
		_finalStatus: finalStatus,
		_finalFailedReason: failedReason,
		_sentWhileStatus: s.status,
		_request: { ...b },
	};
	state.messages.set(m.id, m);
	if (!s.firstResponseAt) s.firstResponseAt = at;
	touch(ctx, s, sync ? 'message/sync' : 'message', { messageId: m.id, completedSession: s.status === 'COMPLETED' });
	return m;
}

const CHANNEL_TYPE_FILTER = {
	All: () => true,
	Whatsapp: (c) => /WhatsApp/.test(c.type),
	Messenger: (c) => c.type === 'Messenger',
	Instagram: (c) => c.type === 'Instagram',
};

const TEMPLATE_TYPE_FILTER = {
	QUICKREPLY: 'QUICKREPLY',
	ATTENDANCE: 'TEMPLATE',
	CAMPAIGN: 'TEMPLATE_CAMPAIGN',
	SEQUENCE: 'TEMPLATE_SEQUENCE',
	SCHEDULEDMESSAGE: 'TEMPLATE_SCHEDULED_MESSAGE',
	AUTHENTICATION: 'AUTHENTICATION',
};

const norm = (v) => String(v).replace(/_/g, '').toLowerCase();

function listSessionMessages(ctx, sessionId, notes) {
	const { state, query } = ctx;
	return listPage(state.sessionMessages(sessionId, { notes }), query, {
		toDto: (m) => messageDto(ctx, m),
		order: MESSAGE_ORDER,
	});
}

export const handlers = {
	// ---- sessions
	'GET /chat/v2/session': (ctx) => {
		const { state, query } = ctx;
		const include = includeSet(query.IncludeDetails);
		const statuses = query.Status?.length ? new Set(query.Status) : null;
		const channels = query.ChannelsId?.length ? new Set(query.ChannelsId.map((x) => x.toLowerCase())) : null;
		const tagIds = query.TagsId?.map((x) => x.toLowerCase());
		const tagNames = query.TagsName?.map((x) => x.toLowerCase());
		const list = [...state.sessions.values()].filter((s) => {
			if (statuses && !statuses.has(s.status)) return false;
			if (query.DepartmentId && s.departmentId !== query.DepartmentId.toLowerCase()) return false;
			if (query.UserId && s.userId !== query.UserId.toLowerCase()) return false;
			if (query.ContactId && s.contactId !== query.ContactId.toLowerCase()) return false;
			if (channels && !channels.has(s.channelId)) return false;
			if (query.Type && (s.type ?? 'INDIVIDUAL') !== query.Type) return false;
			const contact = s.contactId ? state.contacts.get(s.contactId) : null;
			if (tagIds?.length && !tagIds.some((id) => contact?.tagIds.includes(id))) return false;
			if (tagNames?.length) {
				const names = (contact?.tagIds ?? []).map((id) => state.tags.get(id)?.name.toLowerCase());
				if (!tagNames.some((n) => names.includes(n))) return false;
			}
			// Metadata[<key>]=<value> filters (AND): the key must exist and its value, as a string,
			// must equal the given value exactly (case-sensitive, keys too).
			for (const [k, v] of Object.entries(query.Metadata ?? {})) {
				const have = s.metadata && Object.hasOwn(s.metadata, k) ? s.metadata[k] : null;
				if (have === null || have === undefined || String(have) !== v) return false;
			}
			return true;
		});
		ctx.messagesBySession = messagesBySession(state);
		return listPage(list, query, {
			toDto: (s) => sessionDto(ctx, s, { include, v2: true }),
			dateFields: SESSION_DATE_FIELDS,
			order: SESSION_ORDER,
			project: sessionSortFields,
			cacheKey: listingCacheKey('GET /chat/v2/session', ctx.baseUrl, query),
		});
	},
	'GET /chat/v2/session/{id}': (ctx) =>
		sessionDto(ctx, ctx.state.mustGet('sessions', ctx.params.id, SESSION_NOT_FOUND), { include: includeSet(ctx.query.includeDetails), v2: true }),

	'PUT /chat/v2/session/{id}/partial': (ctx) => {
		const { state, params } = ctx;
		const b = ctx.body;
		const s = state.mustGet('sessions', params.id, SESSION_NOT_FOUND);
		const fields = new Set(b.fields ?? []);
		const applied = [];
		// validate everything first, then apply (no half-applied updates)
		if (fields.has('UserId') && b.userId) mustGetUser(state, b.userId);
		if (fields.has('DepartmentId') && b.departmentId) state.mustGet('departments', b.departmentId, DEPARTMENT_NOT_FOUND);
		if (fields.has('Status') && !b.status) throw formError('Status da conversa não informado.');

		if (fields.has('Status')) {
			setStatus(ctx, s, b.status);
			applied.push('Status');
		}
		if (fields.has('EndAt')) {
			s.endAt = b.endAt ?? null;
			applied.push('EndAt');
		}
		if (fields.has('UserId')) {
			s.userId = b.userId ? b.userId.toLowerCase() : null;
			applied.push('UserId');
		}
		if (fields.has('DepartmentId')) {
			s.departmentId = b.departmentId ? b.departmentId.toLowerCase() : null;
			applied.push('DepartmentId');
		}
		if (fields.has('Number')) {
			s.number = b.number ?? null;
			applied.push('Number');
		}
		if (fields.has('Metadata') && b.metadata) {
			const md = { ...(s.metadata ?? {}) };
			for (const [k, v] of Object.entries(b.metadata)) {
				if (v === null) delete md[k];
				else md[k] = v;
			}
			s.metadata = md;
			applied.push('Metadata');
		}
		if (fields.has('Classification')) {
			const c = b.classification;
			// Guess (docs silent), the stricter reading: the object replaces the stored one, so a sub-field left out is
			// reset (category UNDEFINED, no description, amount 0); `classification: null` removes it.
			const prev = s.classification ?? {};
			const category = c?.category ?? 'UNDEFINED';
			s.classification = c
				? {
						id: prev.id ?? newId(),
						category,
						categoryDescription: c.description ?? null,
						amount: c.amount ?? 0,
						categoryName: CLASSIFICATION_NAMES[category],
					}
				: null;
			applied.push('Classification');
		}
		for (const flag of ['ReactivateDisabled', 'Autocomplete']) {
			if (fields.has(flag)) {
				(s._flags ??= {})[flag] = true;
				applied.push(flag);
			}
		}
		s._lastPartial = { fields: [...fields], applied, ignoredProperties: Object.keys(b).filter((k) => !['fields', 'options', 'companyId'].includes(k) && !fields.has(k[0].toUpperCase() + k.slice(1))) };
		touch(ctx, s, 'partial', { fields: [...fields] });
		return sessionDto(ctx, s);
	},

	'PUT /chat/v1/session/{id}/assignee': (ctx) => {
		const { state, params, body } = ctx;
		const s = state.mustGet('sessions', params.id, SESSION_NOT_FOUND);
		const agent = mustGetUser(state, body.userId);
		s.userId = agent.userId;
		if (s.status === 'STARTED' || s.status === 'PENDING') setStatus(ctx, s, 'IN_PROGRESS');
		touch(ctx, s, 'assignee', { userId: agent.userId });
		return sessionDto(ctx, s);
	},

	'PUT /chat/v1/session/{id}/transfer': (ctx) => {
		const { state, params, body } = ctx;
		const s = state.mustGet('sessions', params.id, SESSION_NOT_FOUND);
		if (body.type === 'DEPARTMENT') {
			if (!body.newDepartmentId) throw formError('Informe a equipe de destino (newDepartmentId).');
			const dep = state.mustGet('departments', body.newDepartmentId, DEPARTMENT_NOT_FOUND);
			s.departmentId = dep.id;
			s.userId = null;
			if (s.status !== 'COMPLETED') setStatus(ctx, s, 'PENDING');
		} else {
			if (!body.newUserId) throw formError('Informe o usuário de destino (newUserId).');
			const agent = mustGetUser(state, body.newUserId);
			if (body.newDepartmentId) s.departmentId = state.mustGet('departments', body.newDepartmentId, DEPARTMENT_NOT_FOUND).id;
			s.userId = agent.userId;
			if (s.status !== 'COMPLETED') setStatus(ctx, s, 'IN_PROGRESS');
		}
		touch(ctx, s, 'transfer', { type: body.type, newDepartmentId: body.newDepartmentId ?? null, newUserId: body.newUserId ?? null });
		return sessionDto(ctx, s);
	},

	'PUT /chat/v1/session/{id}/status': (ctx) => {
		const { state, params, body } = ctx;
		const s = state.mustGet('sessions', params.id, SESSION_NOT_FOUND);
		// a lenient sandbox may let a null/empty body through: never leave a session without status
		if (!body?.newStatus) throw formError('Informe o novo status da conversa (newStatus).');
		setStatus(ctx, s, body.newStatus);
		touch(ctx, s, 'status', { newStatus: body.newStatus });
		return sessionDto(ctx, s);
	},

	'PUT /chat/v1/session/{id}/complete': (ctx) => {
		const { state, params } = ctx;
		const b = ctx.body;
		const s = state.mustGet('sessions', params.id, SESSION_NOT_FOUND);
		setStatus(ctx, s, 'COMPLETED');
		s._complete = {
			reactivateOnNewMessage: b.reactivateOnNewMessage ?? false,
			stopBotInExecution: b.stopBotInExecution ?? false,
			at: iso(ctx.now),
			bodySent: ctx.bodyPresent,
		};
		touch(ctx, s, 'complete', { stopBotInExecution: s._complete.stopBotInExecution });
		return sessionDto(ctx, s);
	},

	// ---- messages inside a session
	'GET /chat/v1/session/{id}/message': (ctx) => {
		const s = ctx.state.mustGet('sessions', ctx.params.id, SESSION_NOT_FOUND);
		return listSessionMessages(ctx, s.id, false);
	},
	'POST /chat/v1/session/{id}/message': (ctx) => quickMessageDto(ctx, sendIntoSession(ctx, { sync: false })),
	'POST /chat/v1/session/{id}/message/sync': (ctx) => messageDto(ctx, sendIntoSession(ctx, { sync: true })),

	// ---- notes
	'GET /chat/v1/session/{id}/note': (ctx) => {
		const s = ctx.state.mustGet('sessions', ctx.params.id, SESSION_NOT_FOUND);
		return listSessionMessages(ctx, s.id, true);
	},
	'POST /chat/v1/session/{id}/note': (ctx) => {
		const { state, params, now } = ctx;
		const b = ctx.body;
		const s = state.mustGet('sessions', params.id, SESSION_NOT_FOUND);
		if (!b.text && !b.filesUrls?.length && !b.filesIds?.length) throw formError('Informe o texto ou os arquivos da nota.');
		const fileIds = (b.filesIds ?? []).map((id) => {
			const f = state.files.get(String(id).toLowerCase());
			if (!f) throw formError('Arquivo não encontrado.');
			return f.id;
		});
		for (const url of b.filesUrls ?? []) fileIds.push(fileFromUrl(ctx, url).id);
		const at = iso(now);
		const note = {
			id: newId(),
			createdAt: at,
			updatedAt: at,
			timestamp: at,
			type: 'NOTE',
			senderId: null,
			sessionId: s.id,
			templateId: null,
			userId: null,
			direction: 'TO_HUB',
			status: 'SAVED',
			origin: 'API',
			text: b.text ?? null,
			fileId: null,
			refId: null,
			readContactAt: null,
			details: null,
			failedReason: null,
			filesIds: fileIds.length ? fileIds : null,
			_fileIds: fileIds,
		};
		state.messages.set(note.id, note);
		touch(ctx, s, 'note', { noteId: note.id });
		return messageDto(ctx, note);
	},
	'GET /chat/v1/session/note/{id}': (ctx) => {
		const n = ctx.state.mustGet('messages', ctx.params.id, 'Nota não encontrada.');
		if (n.type !== 'NOTE') throw formError('Nota não encontrada.');
		return messageDto(ctx, n);
	},
	'DELETE /chat/v1/session/note/{id}': (ctx) => {
		const n = ctx.state.mustGet('messages', ctx.params.id, 'Nota não encontrada.');
		if (n.type !== 'NOTE') throw formError('Nota não encontrada.');
		n._deleted = true;
		n.status = 'DELETED';
		n.updatedAt = iso(ctx.now);
		return messageDto(ctx, n);
	},

	// ---- messages
	'GET /chat/v1/message': (ctx) => {
		const s = ctx.state.mustGet('sessions', ctx.query.SessionId, SESSION_NOT_FOUND);
		return listSessionMessages(ctx, s.id, false);
	},
	'GET /chat/v1/message/{id}': (ctx) => messageDto(ctx, ctx.state.mustGet('messages', ctx.params.id, 'Mensagem não encontrada.')),
	'GET /chat/v1/message/{id}/status': (ctx) => messageStatusDto(ctx, ctx.state.mustGet('messages', ctx.params.id, 'Mensagem não encontrada.')),
	'DELETE /chat/v1/message/{id}': (ctx) => {
		const m = ctx.state.mustGet('messages', ctx.params.id, 'Mensagem não encontrada.');
		m._deleted = true;
		m.status = 'DELETED';
		m.updatedAt = iso(ctx.now);
		return messageDto(ctx, m);
	},

	// ---- lookups
	'GET /chat/v1/channel': ({ state, query }) => {
		const filter = CHANNEL_TYPE_FILTER[query.ChannelType ?? 'All'];
		return [...state.channels.values()].filter(filter).map(channelDto);
	},
	'GET /chat/v1/template': ({ state, query }) => {
		const include = includeSet(query.IncludeDetails);
		const list = [...state.templates.values()].filter((t) => {
			if (query.Archived !== undefined ? t.archived !== query.Archived : t.archived) return false;
			if (query.ChannelId && t.channelId !== query.ChannelId.toLowerCase()) return false;
			if (query.Name && !contains(t.name, query.Name)) return false;
			if (query.SearchableText && ![t.name, t.text, t.internalName, t.quickReplyAlias].some((v) => contains(v, query.SearchableText))) return false;
			if (query.ApprovedOnly && t.status !== 'Approved') return false;
			if (query.Type && !t.type.includes(TEMPLATE_TYPE_FILTER[query.Type])) return false;
			return true;
		});
		return listPage(list, query, { toDto: (t) => templateDto(t, include), order: { by: 'name' } });
	},
	'GET /chat/v1/chatbot': ({ state, query }) => {
		const set = (arr) => (arr?.length ? new Set(arr.map(norm)) : null);
		const types = set(query.Types);
		const statuses = set(query.PublishStatuses);
		const usages = set(query.AutomationUsages);
		const channels = query.ChannelIds?.map((x) => x.toLowerCase());
		const deps = query.DefaultDepartmentIds?.map((x) => x.toLowerCase());
		const list = [...state.chatbots.values()].filter((b) => {
			if (query.Name && !contains(b.name, query.Name)) return false;
			if (types && !types.has(norm(b.type))) return false;
			if (statuses && !statuses.has(norm(b.publishStatus))) return false;
			if (usages && !b.automationUsage.some((u) => usages.has(norm(u)))) return false;
			if (channels?.length && !channels.some((c) => b.channelIds.includes(c))) return false;
			if (deps?.length && !deps.includes(b.defaultDepartmentId)) return false;
			return true;
		});
		return listPage(list, query, { toDto: chatbotDto, order: { by: 'name' } });
	},
	'GET /chat/v1/sequence': ({ state, query }) => {
		const include = includeSet(query.IncludeDetails);
		const list = [...state.sequences.values()].filter((s) => {
			if (query.Name && !contains(s.name, query.Name)) return false;
			if (query.ContactId) {
				const cid = query.ContactId.toLowerCase();
				if (![...state.sequenceContacts.values()].some((sc) => sc.sequenceId === s.id && sc.contactId === cid && sc.active)) return false;
			}
			return true;
		});
		return listPage(list, query, { toDto: (s) => sequenceDto(state, s, include), order: { by: 'name' } });
	},
	'GET /chat/v2/sequence/{id}/contact': ({ state, params, query }) => {
		const seq = state.mustGet('sequences', params.id, 'Sequência não encontrada.');
		const include = includeSet(query.IncludeDetails);
		const list = [...state.sequenceContacts.values()].filter((sc) => {
			if (sc.sequenceId !== seq.id || !sc.active) return false;
			const c = state.contacts.get(sc.contactId);
			if (query.ContactId && sc.contactId !== query.ContactId.toLowerCase()) return false;
			if (query.Name && !contains(c?.name, query.Name)) return false;
			if (query.PhoneNumber && !String(c?.phoneNumber ?? '').replace(/\D/g, '').includes(query.PhoneNumber.replace(/\D/g, ''))) return false;
			return true;
		});
		return listPage(list, query, { toDto: (sc) => sequenceContactDto(state, sc, include), order: { by: 'createdAt' } });
	},
};
