// Record → public DTO mappers. Records keep DTO field names; fields starting with "_" are
// internal and never leave through the public API. `ctx` = { state, baseUrl, now: epoch ms }.

const DAY_MS = 24 * 60 * 60 * 1000;

const STATUS_DESCRIPTIONS = {
	UNDEFINED: 'Indefinido',
	STARTED: 'Iniciado',
	PENDING: 'Aguardando atendimento',
	IN_PROGRESS: 'Em atendimento',
	COMPLETED: 'Finalizado',
	HIDDEN: 'Oculto',
};

export const CLASSIFICATION_NAMES = { UNDEFINED: 'Indefinido', WON: 'Ganho', LOST: 'Perdido', INFO: 'Informação', OTHER: 'Outro' };

/** .NET TimeSpan text ("[d.]hh:mm:ss"). */
function timeSpan(ms) {
	if (ms === null || ms === undefined || ms < 0) return null;
	const total = Math.floor(ms / 1000);
	const d = Math.floor(total / 86400);
	const pad = (n) => String(n).padStart(2, '0');
	const hms = `${pad(Math.floor((total % 86400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
	return d ? `${d}.${hms}` : hms;
}

const pick = (rec, keys) => Object.fromEntries(keys.map((k) => [k, rec[k] ?? null]));

// ---------------------------------------------------------------- core

export function channelDto(ch) {
	return {
		id: ch.id,
		createdAt: ch.createdAt,
		updatedAt: ch.updatedAt,
		active: ch.active,
		type: ch.type,
		number: ch.number,
		numberFormatted: ch.numberFormatted,
		identity: { ...ch.identity },
	};
}

function departmentAgents(state, depId) {
	const out = [];
	for (const a of state.agents.values()) {
		for (const d of a.departments) {
			if (d.departmentId === depId) out.push({ userId: a.userId, departmentId: depId, isAgent: d.isAgent, isSupervisor: d.isSupervisor });
		}
	}
	return out;
}

export function departmentV2Dto(state, d) {
	return {
		id: d.id,
		companyId: d.companyId,
		createdAt: d.createdAt,
		updatedAt: d.updatedAt,
		directLinks: { ...d.directLinks },
		name: d.name,
		isDefault: d.isDefault,
		distribuitionEnabled: d.distribuitionEnabled,
		restrictionType: d.restrictionType,
		distributionConfig: { ...d.distributionConfig },
		agents: departmentAgents(state, d.id),
		channels: d.channelIds.map((id) => {
			const ch = state.channels.get(id);
			return { id, number: ch?.number ?? null, name: ch?.identity?.displayName ?? null, type: ch?.type ?? null };
		}),
	};
}

export function departmentDto(state, d) {
	return { ...departmentV2Dto(state, d), description: d.description, isPrivate: d.isPrivate };
}

export function agentDto(a) {
	return {
		id: a.id,
		createdAt: a.createdAt,
		updatedAt: a.updatedAt,
		companyId: a.companyId,
		userId: a.userId,
		name: a.name,
		shortName: a.shortName,
		email: a.email,
		phoneNumber: a.phoneNumber,
		phoneNumberFormatted: a.phoneNumberFormatted,
		profile: a.profile,
		isOwner: a.isOwner,
		departments: a.departments.map((d) => ({ agentId: a.id, userId: a.userId, departmentId: d.departmentId, isAgent: d.isAgent, isSupervisor: d.isSupervisor })),
		availability: a.availability,
	};
}

export const tagDto = (t) => pick(t, ['id', 'createdAt', 'updatedAt', 'name', 'color']);

/** @param {Set<string>} include IncludeDetails values (Tags, CustomFields, Portfolios) */
/** The contact fields a listing sorts and filters on, exactly as contactDto copies them (see listing.mjs `project`). */
export const contactSortFields = (c) => pick(c, ['id', 'createdAt', 'updatedAt', 'name', 'email', 'phoneNumber', 'instagram']);

export function contactDto(state, c, include = new Set()) {
	const tags = c.tagIds.map((id) => state.tags.get(id)).filter(Boolean);
	return {
		...pick(c, ['id', 'createdAt', 'updatedAt', 'companyId', 'name', 'nameWhatsapp', 'nameInstagram', 'nameMessenger', 'phoneNumber', 'phoneNumberFormatted', 'email', 'instagram', 'messengerId', 'annotation']),
		tagIds: include.has('Tags') ? tags.map((t) => t.id) : null,
		tagNames: include.has('Tags') ? tags.map((t) => t.name) : null,
		status: c.status,
		origin: c.origin,
		importedAt: c.importedAt,
		utm: c.utm ? { ...c.utm } : null,
		customFields: include.has('CustomFields') ? { ...c.customFields } : null,
		portfolioIds: include.has('Portfolios') ? [...c.portfolioIds] : null,
		portfolioNames: include.has('Portfolios') ? c.portfolioIds.map((id) => state.portfolios?.get(id)?.name).filter(Boolean) : null,
		metadata: { ...c.metadata },
	};
}

// ---------------------------------------------------------------- files

/** PublicFileDTO.type has no DOCUMENT member: map by extension. */
function fileDtoType(f) {
	if (f.type !== 'DOCUMENT' && f.type !== 'UNDEFINED') return f.type;
	const ext = (f.extension ?? '').toLowerCase();
	if (ext === 'pdf') return 'PDF';
	if (['xls', 'xlsx', 'csv'].includes(ext)) return 'EXCEL';
	if (['doc', 'docx'].includes(ext)) return 'WORD';
	return 'UNDEFINED';
}

export function fileUrls(ctx, f) {
	if (f._sourceUrl) return { publicUrl: f._sourceUrl, publicUrlDownload: f._sourceUrl };
	const url = `${ctx.baseUrl}/__sandbox/files/${f.id}`;
	return { publicUrl: url, publicUrlDownload: `${url}?download=1` };
}

/** PublicFileDTO (embedded in messages, notes, card notes). */
export function fileDto(ctx, f) {
	return {
		id: f.id,
		companyId: f.companyId,
		userId: f.userId,
		name: f.name,
		extension: f.extension,
		mimeType: f.mimeType,
		type: fileDtoType(f),
		...fileUrls(ctx, f),
		size: f.size,
		isThumbnail: false,
		thumbnail: null,
	};
}

export const fileV2Dto = (f) => pick(f, ['id', 'companyId', 'userId', 'name', 'extension', 'mimeType', 'type', 'key', 'size']);

// ---------------------------------------------------------------- chat

/** Moves a QUEUED message to its final status once its delivery time has passed. */
export function settleMessage(m, now = Date.now()) {
	if (m.status === 'QUEUED' && m._deliverAt !== undefined && now >= m._deliverAt) {
		m.status = m._finalStatus ?? 'SENT';
		if (m._finalFailedReason) m.failedReason = m._finalFailedReason;
		m.updatedAt = new Date(Math.max(now, Date.parse(m.updatedAt))).toISOString();
	}
	return m;
}

export function messageDto(ctx, m) {
	settleMessage(m, ctx.now);
	const files = (m._fileIds ?? []).map((id) => ctx.state.files.get(id)).filter(Boolean).map((f) => fileDto(ctx, f));
	const template = m.templateId ? ctx.state.templates.get(m.templateId) : null;
	const hasDetails = files.length || template || m._errors;
	return {
		id: m.id,
		createdAt: m.createdAt,
		updatedAt: m.updatedAt,
		timestamp: m.timestamp,
		type: m.type,
		senderId: m.senderId,
		sessionId: m.sessionId,
		templateId: m.templateId,
		userId: m.userId,
		direction: m.direction,
		status: m.status,
		origin: m.origin,
		text: m.text,
		fileId: m.fileId,
		refId: m.refId,
		readContactAt: m.readContactAt,
		details: hasDetails
			? {
					file: files[0] ?? null,
					files: files.length ? files : null,
					fileAsLink: null,
					location: null,
					contact: null,
					errors: m._errors ?? null,
					footerText: template?.footerText ?? null,
					utm: null,
					payTransactionId: null,
					reactionToContact: null,
					reactionFromContact: null,
					track: null,
					transcription: null,
					templateCategoryId: template?.categoryId ?? null,
					templateCategoryName: template?.categoryName ?? null,
					waitReply: false,
				}
			: null,
		failedReason: m.failedReason,
		filesIds: m.filesIds ? [...m.filesIds] : null,
	};
}

export function quickMessageDto(ctx, m) {
	return {
		id: m.id,
		createdAt: m.createdAt,
		updatedAt: m.updatedAt,
		sessionId: m.sessionId,
		senderId: m.senderId,
		status: m.status,
		statusUrl: `${ctx.baseUrl}/chat/v1/message/${m.id}/status`,
		failureReason: m.failedReason,
	};
}

export function messageStatusDto(ctx, m) {
	settleMessage(m, ctx.now);
	return {
		id: m.id,
		createdAt: m.createdAt,
		updatedAt: m.updatedAt,
		sessionId: m.sessionId,
		status: m.status,
		failureReason: m.failedReason,
	};
}

/** Values computed from a session's messages. */
export function sessionActivity(ctx, s) {
	// A listing indexes the messages by session once per request (ctx.messagesBySession); anything else scans them.
	const msgs = (ctx.messagesBySession ? [...(ctx.messagesBySession.get(s.id) ?? [])] : ctx.state.sessionMessages(s.id)).sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
	const last = msgs[msgs.length - 1] ?? null;
	const lastIn = msgs.filter((m) => m.direction === 'FROM_HUB').pop() ?? null;
	const lastOut = msgs.filter((m) => m.direction === 'TO_HUB').pop() ?? null;
	let unread = 0;
	if (s.status !== 'COMPLETED') for (let i = msgs.length - 1; i >= 0 && msgs[i].direction === 'FROM_HUB'; i--) unread++;
	const windowStatus = !lastIn ? 'NOT_STARTED' : ctx.now - Date.parse(lastIn.createdAt) < DAY_MS ? 'ACTIVE' : 'EXPIRED';
	return {
		lastMessageText: last ? (last.text ?? (last.fileId ? ctx.state.files.get(last.fileId)?.name ?? null : null)) : null,
		lastInteractionDate: last?.createdAt ?? null,
		lastMessageIn: lastIn?.createdAt ?? null,
		lastMessageOut: lastOut?.createdAt ?? null,
		unreadCount: unread,
		windowStatus,
	};
}

/**
 * Why a free message into this session fails on its channel, or null: on WhatsApp, anything but a template needs the
 * contact's 24-hour window open (the one rule for the Message API and the Send API).
 */
export function windowFailedReason(ctx, session, channel, template) {
	if (!/WhatsApp/.test(channel?.type ?? '') || template || sessionActivity(ctx, session).windowStatus === 'ACTIVE') return null;
	return 'Janela de atendimento de 24 horas expirada: envie um modelo de mensagem (template) para retomar a conversa.';
}

/** The non-note, non-deleted messages of every session, by session id (what state.sessionMessages returns). */
export function messagesBySession(state) {
	const index = new Map();
	for (const m of state.messages.values()) {
		if (m._deleted || m.type === 'NOTE') continue;
		const list = index.get(m.sessionId);
		if (list) list.push(m);
		else index.set(m.sessionId, [m]);
	}
	return index;
}

/** The session fields its DTO copies as they are: enough to filter on dates and sort without building DTOs. */
export const sessionSortFields = (s) => ({ id: s.id, createdAt: s.createdAt, updatedAt: s.updatedAt, startAt: s.startAt, endAt: s.endAt });

/**
 * PublicSessionDTO (v1) or PublicSessionDTOV2 (v2: adds `type`).
 * @param {{include?: Set<string>, v2?: boolean}} opts include = IncludeDetails values
 */
export function sessionDto(ctx, s, { include = new Set(), v2 = false } = {}) {
	const { state } = ctx;
	const contact = s.contactId ? state.contacts.get(s.contactId) : null;
	const agent = s.userId ? state.agentByUserId(s.userId) : null;
	const channel = state.channels.get(s.channelId);
	const department = s.departmentId ? state.departments.get(s.departmentId) : null;
	const activity = sessionActivity(ctx, s);
	const end = s.endAt ? Date.parse(s.endAt) : ctx.now;
	const dto = {
		id: s.id,
		createdAt: s.createdAt,
		updatedAt: s.updatedAt,
		startAt: s.startAt,
		endAt: s.endAt,
		status: s.status,
		companyId: s.companyId,
		contactId: s.contactId,
		channelId: s.channelId,
		departmentId: s.departmentId,
		userId: s.userId,
		previewUrl: `${ctx.baseUrl}/__sandbox/state/sessions/${s.id}`,
		title: s.title ?? contact?.name ?? null,
		number: s.number,
		utm: s.utm ? { ...s.utm } : null,
		origin: s.origin,
		contactDetails:
			include.has('ContactDetails') && contact
				? {
						id: contact.id,
						name: contact.name,
						pictureUrl: contact.pictureUrl,
						phonenumber: contact.phoneNumber,
						instagram: contact.instagram,
						phonenumberFormatted: contact.phoneNumberFormatted,
						tagsId: [...contact.tagIds],
						tagsName: contact.tagIds.map((id) => state.tags.get(id)?.name).filter(Boolean),
						status: contact.status,
					}
				: null,
		agentDetails:
			include.has('AgentDetails') && agent
				? { id: agent.id, userId: agent.userId, name: agent.name, shortName: agent.shortName, phoneNumber: agent.phoneNumber, email: agent.email, pictureFileId: null, pictureUrl: null }
				: null,
		channelDetails: include.has('ChannelDetails') && channel ? { ...channel.identity } : null,
		departmentDetails:
			include.has('DepartmentsDetails') && department
				? {
						id: department.id,
						companyId: department.companyId,
						name: department.name,
						description: department.description,
						isDefault: department.isDefault,
						isSupervisor: Boolean(agent?.departments.find((d) => d.departmentId === department.id)?.isSupervisor),
					}
				: null,
		classification: include.has('ClassificationDetails') && s.classification ? { ...s.classification } : null,
		statusDescription: STATUS_DESCRIPTIONS[s.status] ?? null,
		timeService: timeSpan(end - Date.parse(s.startAt)),
		timeWait: s.firstResponseAt ? timeSpan(Date.parse(s.firstResponseAt) - Date.parse(s.startAt)) : null,
		firstResponseAt: s.firstResponseAt,
		botId: s.botId,
		...activity,
		metadata: { ...s.metadata },
		channelType: include.has('ChannelTypeDetails') ? (channel?._channelType ?? null) : null,
	};
	if (v2) dto.type = s.type ?? 'INDIVIDUAL';
	return dto;
}

/** @param {Set<string>} include IncludeDetails (All, Params, File, Interactive) */
export function templateDto(t, include = new Set()) {
	const params = include.has('Params') || include.has('All');
	return {
		...pick(t, ['id', 'createdAt', 'updatedAt', 'active', 'archived', 'channelId', 'name', 'text', 'footerText', 'status', 'channelType']),
		type: [...t.type],
		params: params ? t.params.map((p) => ({ ...p })) : null,
		...pick(t, ['internalName', 'fileType', 'quickReplyAlias', 'rejectedDescription', 'categoryId', 'categoryName']),
	};
}

export function chatbotDto(b) {
	return {
		...pick(b, ['id', 'key', 'createdAt', 'updatedAt', 'companyId', 'archived', 'name', 'type']),
		channelIds: [...b.channelIds],
		defaultDepartmentId: b.defaultDepartmentId,
		publishStatus: b.publishStatus,
		automationUsage: [...b.automationUsage],
	};
}

export function sequenceDto(state, seq, include = new Set()) {
	const executing = [...state.sequenceContacts.values()].filter((sc) => sc.sequenceId === seq.id && sc.active).length;
	return {
		...pick(seq, ['id', 'active', 'createdAt', 'updatedAt', 'companyId', 'name', 'enabled']),
		contactExecutingCount: include.has('ContactExecutingCount') ? executing : 0,
	};
}

// ---------------------------------------------------------------- crm

function cardContacts(state, card) {
	return card.contactIds.map((id) => ({ id, name: state.contacts.get(id)?.name ?? null }));
}

function stepPhase(step) {
	if (!step) return null;
	if (step.isInitial) return 'INITIAL';
	if (step.isFinal) return 'FINAL';
	return 'NONE';
}

/** @param {'v1'|'v2'} version v1 = PublicPanelCardDTO (archived), v2 = PublicPanelCardDTOV2 (status, lostReason) */
export function cardDto(ctx, card, include = new Set(), version = 'v2') {
	const { state } = ctx;
	const panel = state.panels.get(card.panelId);
	const step = state.steps.get(card.stepId);
	const responsible = card.responsibleUserId ? state.agentByUserId(card.responsibleUserId) : null;
	const overdue = Boolean(card.dueDate && Date.parse(card.dueDate) < ctx.now && card.status === 'OPEN');
	const dto = {
		id: card.id,
		createdAt: card.createdAt,
		updatedAt: card.updatedAt,
		companyId: card.companyId,
		panelId: card.panelId,
		panelTitle: include.has('PanelTitle') ? (panel?.title ?? null) : null,
		stepId: card.stepId,
		stepTitle: include.has('StepTitle') ? (step?.title ?? null) : null,
		stepPhase: include.has('StepPhase') ? stepPhase(step) : null,
		position: card.position,
		title: card.title,
		description: card.description,
		key: card.key,
		number: card.number,
		dueDate: card.dueDate,
		isOverdue: overdue,
		tagIds: [...card.tagIds],
		sessionId: card.sessionId,
		monetaryAmount: card.monetaryAmount,
		responsibleUserId: card.responsibleUserId,
		responsibleUser: include.has('ResponsibleUser') && responsible ? { id: responsible.userId, name: responsible.name } : null,
		contactIds: [...card.contactIds],
		contacts: include.has('Contacts') ? cardContacts(state, card) : null,
		customFields: include.has('CustomFields') ? { ...card.customFields } : null,
		metadata: { ...card.metadata },
	};
	if (version === 'v1') {
		dto.archived = card.status === 'ARCHIVED';
	} else {
		dto.status = card.status;
		const lr = card.lostReasonId ? state.lostReasons.get(card.lostReasonId) : null;
		dto.lostReason = include.has('LostReason') && lr ? { id: lr.id, name: lr.description } : null;
	}
	return dto;
}

export function stepDto(ctx, step, include = new Set()) {
	const cards = [...ctx.state.cards.values()].filter((c) => c.stepId === step.id && c.status !== 'ARCHIVED');
	const dto = {
		...pick(step, ['id', 'createdAt', 'updatedAt', 'companyId', 'panelId', 'archived', 'position', 'title', 'isInitial', 'isFinal']),
		cardCount: include.has('StepsCardCount') ? cards.length : null,
		overdueCardCount: include.has('StepsCardCount') ? cards.filter((c) => c.dueDate && Date.parse(c.dueDate) < ctx.now && c.status === 'OPEN').length : null,
		monetaryAmount: include.has('StepsCardCount') ? cards.reduce((sum, c) => sum + (c.monetaryAmount ?? 0), 0) : null,
		fields: include.has('StepsFields') ? step.fields.map((f) => ({ ...f })) : null,
		cards: null,
	};
	if (include.has('Cards')) {
		const items = cards.sort((a, b) => a.position - b.position).map((c) => cardDto(ctx, c, new Set(), 'v1'));
		dto.cards = { pageNumber: 1, pageSize: items.length || 15, orderBy: null, orderDirection: null, items, totalItems: items.length, totalPages: items.length ? 1 : 0, hasMorePages: false };
	}
	return dto;
}

/** @param {Set<string>} include Tags, Steps, StepsFields, StepsCardCount, Cards, PanelCardOverdueCount */
export function panelDto(ctx, p, include = new Set()) {
	const steps = [...ctx.state.steps.values()].filter((s) => s.panelId === p.id && !s.archived).sort((a, b) => a.position - b.position);
	const withSteps = include.has('Steps') || include.has('StepsFields') || include.has('StepsCardCount') || include.has('Cards');
	const overdue = [...ctx.state.cards.values()].filter((c) => c.panelId === p.id && c.status === 'OPEN' && c.dueDate && Date.parse(c.dueDate) < ctx.now).length;
	return {
		...pick(p, ['id', 'createdAt', 'updatedAt', 'companyId', 'archived', 'scope']),
		departmentIds: [...p.departmentIds],
		...pick(p, ['userId', 'title', 'description', 'thumbnailId']),
		thumbnailFile: null,
		key: p.key,
		overdueCardCount: include.has('PanelCardOverdueCount') ? overdue : null,
		stepTitles: steps.map((s) => s.title),
		tags: include.has('Tags') ? p.tags.map((t) => ({ ...t })) : null,
		steps: withSteps ? steps.map((s) => stepDto(ctx, s, include)) : null,
		type: p.type,
		autoLossDays: p.autoLossDays,
	};
}

export function cardNoteDto(ctx, n) {
	return {
		...pick(n, ['id', 'createdAt', 'updatedAt', 'companyId', 'panelId', 'cardId', 'userId', 'text']),
		files: n.fileIds.map((id) => ctx.state.files.get(id)).filter(Boolean).map((f) => fileDto(ctx, f)),
		isFromPublicApi: n.isFromPublicApi,
	};
}

export const lostReasonDto = (r) => pick(r, ['id', 'createdAt', 'updatedAt', 'companyId', 'panelId', 'description']);

export function sequenceContactDto(state, sc, include = new Set()) {
	const c = state.contacts.get(sc.contactId);
	return {
		...pick(sc, ['id', 'active', 'createdAt', 'updatedAt', 'companyId', 'sequenceId', 'contactId']),
		contactName: c?.name ?? null,
		...pick(sc, ['origin', 'addedByUserId', 'addedByChatbotId', 'lastAddedAt']),
		contactDetails:
			include.has('ContactDetails') && c
				? { id: c.id, name: c.name, phonenumber: c.phoneNumber, phonenumberFormatted: c.phoneNumberFormatted, instagram: c.instagram, email: c.email, pictureUrl: c.pictureUrl }
				: null,
	};
}
