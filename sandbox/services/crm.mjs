// Handlers of the crm service (https://api.wts.chat/crm): panels, steps, cards, card notes.
// See services/core.mjs for the handler contract.

import { formError } from '../envelopes.mjs';
import { listPage, includeSet, contains } from '../listing.mjs';
import { panelDto, cardDto, cardNoteDto, lostReasonDto } from '../dto.mjs';
import { newId } from '../state.mjs';
import { fileFromUrl } from './core.mjs';

const PANEL_NOT_FOUND = 'Painel não encontrado.';
const CARD_NOT_FOUND = 'Card não encontrado.';
const STEP_NOT_FOUND = 'Etapa não encontrada.';

const iso = (ms) => new Date(ms).toISOString();

function resolveTags(state, panel, tagIds, tagNames) {
	if (tagIds?.length) {
		for (const id of tagIds) if (!panel.tags.some((t) => t.id === id.toLowerCase())) throw formError('Etiqueta não encontrada.');
		return tagIds.map((id) => id.toLowerCase());
	}
	return (tagNames ?? []).map((n) => {
		const t = panel.tags.find((x) => x.name.toLowerCase() === String(n).toLowerCase());
		if (!t) throw formError(`Etiqueta não encontrada: ${n}.`);
		return t.id;
	});
}

/** Whether `value` fits a custom field of this type (WTS ignores, silently, values of another type). Guess: see README. */
function fitsCustomField(field, value) {
	const optionNames = (field.options ?? []).map((o) => o.name);
	switch (field.type) {
		case 'STRING':
		case 'TEXT':
			return typeof value === 'string';
		case 'INTEGER':
			return Number.isInteger(value);
		case 'FLOAT':
			return typeof value === 'number' && Number.isFinite(value);
		case 'BOOLEAN':
			return typeof value === 'boolean';
		case 'DATE':
			return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
		case 'DATETIME':
			return typeof value === 'string' && !Number.isNaN(Date.parse(value));
		case 'TIME':
			return typeof value === 'string' && /^\d{2}:\d{2}(:\d{2})?$/.test(value);
		case 'SINGLESELECT':
			return typeof value === 'string' && optionNames.includes(value);
		case 'MULTISELECT':
			return Array.isArray(value) && value.every((v) => optionNames.includes(v));
		default:
			return false;
	}
}

/** The custom field values WTS keeps: known keys of the card's panel with values of their type (null clears). */
function acceptedCustomFields(panel, values) {
	const out = {};
	for (const [key, value] of Object.entries(values ?? {})) {
		const field = (panel._customFields ?? []).find((f) => f.key === key && f.type !== 'GROUP');
		if (!field) continue;
		if (value === null || fitsCustomField(field, value)) out[key] = value;
	}
	return out;
}

function mergeCustomFields(current, accepted) {
	const merged = { ...current };
	for (const [k, v] of Object.entries(accepted)) {
		if (v === null) delete merged[k];
		else merged[k] = v;
	}
	return merged;
}

function checkRefs(state, b) {
	if (b.responsibleUserId && !state.agentByUserId(b.responsibleUserId)) throw formError('Usuário responsável não encontrado.');
	for (const id of b.contactIds ?? []) if (!state.contacts.get(String(id).toLowerCase())) throw formError('Contato não encontrado');
	if (b.sessionId && !state.sessions.get(b.sessionId.toLowerCase())) throw formError('Conversa não encontrada');
}

export const handlers = {
	'GET /crm/v2/panel': (ctx) => {
		const { state, query } = ctx;
		const include = includeSet(query.IncludeDetails);
		const list = [...state.panels.values()].filter((p) => {
			if (p.archived) return false;
			if (query.Title && !contains(p.title, query.Title)) return false;
			if (query.Type && p.type !== query.Type) return false;
			return true;
		});
		return listPage(list, query, { toDto: (p) => panelDto(ctx, p, include), order: { by: 'title' } });
	},
	'GET /crm/v1/panel/{id}': (ctx) => panelDto(ctx, ctx.state.mustGet('panels', ctx.params.id, PANEL_NOT_FOUND), includeSet(ctx.query.IncludeDetails)),
	'GET /crm/v1/panel/{id}/custom-fields': (ctx) => {
		const panel = ctx.state.mustGet('panels', ctx.params.id, PANEL_NOT_FOUND);
		const fields = (panel._customFields ?? []).map((f) => ({ ...f, options: f.options ? f.options.map((o) => ({ ...o })) : null, children: null }));
		if (String(ctx.query.NestedList) !== 'true') return fields;
		// NestedList: groups at the top with their fields as children
		const top = fields.filter((f) => !f.parentId);
		for (const group of top) if (group.type === 'GROUP') group.children = fields.filter((f) => f.parentId === group.id);
		return top;
	},
	'GET /crm/v1/panel/{id}/lost-reason': (ctx) => {
		const p = ctx.state.mustGet('panels', ctx.params.id, PANEL_NOT_FOUND);
		if (p.type !== 'SALES') throw formError('Motivos de perda estão disponíveis apenas para painéis de vendas.');
		const list = [...ctx.state.lostReasons.values()].filter((r) => r.panelId === p.id);
		return listPage(list, ctx.query, { toDto: lostReasonDto, order: { by: 'description' } });
	},

	// ---- cards
	'GET /crm/v2/panel/card': (ctx) => {
		const { state, query } = ctx;
		const panel = state.mustGet('panels', query.PanelId, PANEL_NOT_FOUND);
		const include = includeSet(query.IncludeDetails);
		const statuses = query.Statuses?.length ? new Set(query.Statuses) : null;
		const list = [...state.cards.values()].filter((c) => {
			if (c.panelId !== panel.id) return false;
			if (statuses ? !statuses.has(c.status) : c.status === 'ARCHIVED') return false;
			if (query.StepId && c.stepId !== query.StepId.toLowerCase()) return false;
			if (query.ContactId && !c.contactIds.includes(query.ContactId.toLowerCase())) return false;
			if (query.ResponsibleUserId && c.responsibleUserId !== query.ResponsibleUserId.toLowerCase()) return false;
			if (query.TextFilter && ![c.title, c.description, c.key].some((v) => contains(v, query.TextFilter))) return false;
			return true;
		});
		return listPage(list, query, { toDto: (c) => cardDto(ctx, c, include), order: { by: 'position' } });
	},
	'GET /crm/v2/panel/card/{id}': (ctx) => cardDto(ctx, ctx.state.mustGet('cards', ctx.params.id, CARD_NOT_FOUND), includeSet(ctx.query.IncludeDetails)),
	'POST /crm/v2/panel/card': (ctx) => {
		const { state, body: b, now } = ctx;
		const step = state.mustGet('steps', b.stepId, STEP_NOT_FOUND);
		if (typeof b.title !== 'string' || !b.title) throw formError('Informe o título do card.');
		const panel = state.panels.get(step.panelId);
		checkRefs(state, b);
		const number = panel._nextNumber++;
		const siblings = [...state.cards.values()].filter((c) => c.stepId === step.id);
		const card = {
			id: newId(),
			createdAt: iso(now),
			updatedAt: iso(now),
			companyId: state.company.id,
			panelId: panel.id,
			stepId: step.id,
			position: b.position ?? siblings.reduce((m, c) => Math.max(m, c.position), 0) + 1,
			title: b.title,
			description: b.description ?? null,
			key: `${panel.key}-${number}`,
			number,
			dueDate: b.dueDate ?? null,
			tagIds: resolveTags(state, panel, b.tagIds, b.tagNames),
			sessionId: b.sessionId ? b.sessionId.toLowerCase() : null,
			monetaryAmount: b.monetaryAmount ?? null,
			responsibleUserId: b.responsibleUserId ? b.responsibleUserId.toLowerCase() : null,
			contactIds: (b.contactIds ?? []).map((x) => String(x).toLowerCase()),
			customFields: mergeCustomFields({}, acceptedCustomFields(panel, b.customFields)),
			metadata: Object.fromEntries(Object.entries(b.metadata ?? {}).filter(([, v]) => v !== null)),
			status: 'OPEN',
			lostReasonId: null,
		};
		state.cards.set(card.id, card);
		return cardDto(ctx, card);
	},
	'PUT /crm/v3/panel/card/{id}': (ctx) => {
		const { state, params, body: b, now } = ctx;
		const card = state.mustGet('cards', params.id, CARD_NOT_FOUND);
		const fields = new Set(b.fields ?? []);
		const panel = state.panels.get(card.panelId);
		checkRefs(state, b);
		let step = null;
		if (fields.has('StepId')) {
			if (!b.stepId) throw formError('Informe a etapa (stepId).');
			step = state.mustGet('steps', b.stepId, STEP_NOT_FOUND);
		}
		if (fields.has('Status') && b.status === 'LOST' && b.lostReasonId && !state.lostReasons.get(b.lostReasonId.toLowerCase()))
			throw formError('Motivo de perda não encontrado.');
		if (step) {
			card.stepId = step.id;
			card.panelId = step.panelId;
		}
		if (fields.has('Title')) card.title = b.title ?? card.title;
		if (fields.has('Description')) card.description = b.description ?? null;
		if (fields.has('Position') && b.position !== undefined && b.position !== null) card.position = b.position;
		if (fields.has('DueDate')) card.dueDate = b.dueDate ?? null;
		if (fields.has('ResponsibleUserId')) card.responsibleUserId = b.responsibleUserId ? b.responsibleUserId.toLowerCase() : null;
		if (fields.has('TagIds')) {
			const ids = resolveTags(state, panel, b.tagIds, b.tagNames);
			const op = b.options?.upsertTagOperation ?? 'ReplaceAll';
			if (op === 'ReplaceAll') card.tagIds = ids;
			else if (op === 'InsertIfNotExists') card.tagIds = [...new Set([...card.tagIds, ...ids])];
			else card.tagIds = card.tagIds.filter((id) => !ids.includes(id));
		}
		if (fields.has('ContactIds')) card.contactIds = (b.contactIds ?? []).map((x) => String(x).toLowerCase());
		if (fields.has('SessionId')) card.sessionId = b.sessionId ? b.sessionId.toLowerCase() : null;
		if (fields.has('MonetaryAmount')) card.monetaryAmount = b.monetaryAmount ?? null;
		if (fields.has('CustomFields')) card.customFields = mergeCustomFields(card.customFields, acceptedCustomFields(state.panels.get(card.panelId), b.customFields));
		if (fields.has('Metadata')) {
			const md = { ...card.metadata };
			for (const [k, v] of Object.entries(b.metadata ?? {})) {
				if (v === null) delete md[k];
				else md[k] = v;
			}
			card.metadata = md;
		}
		if (fields.has('Status') && b.status) {
			card.status = b.status;
			card.lostReasonId = b.status === 'LOST' && b.lostReasonId ? b.lostReasonId.toLowerCase() : null;
		}
		// "Archived" is in the fields enum but the v3 body has no `archived`: archiving is status ARCHIVED (guess, README).
		if (fields.has('Archived') && !fields.has('Status')) card.status = 'ARCHIVED';
		card.updatedAt = iso(now);
		return cardDto(ctx, card);
	},

	'POST /crm/v2/panel/card/{id}/duplicate': (ctx) => {
		const { state, params, body: b, now } = ctx;
		const original = state.mustGet('cards', params.id, CARD_NOT_FOUND);
		const step = b?.copyToStepId ? state.mustGet('steps', b.copyToStepId, STEP_NOT_FOUND) : state.steps.get(original.stepId);
		const panel = state.panels.get(step.panelId);
		const asked = new Set(b?.options?.fields ?? []);
		asked.delete('Undefined');
		const all = asked.size === 0 || asked.has('All');
		const copies = (f) => all || asked.has(f);
		const samePanel = panel.id === original.panelId;
		const number = panel._nextNumber++;
		const siblings = [...state.cards.values()].filter((c) => c.stepId === step.id);
		const card = {
			...original,
			id: newId(),
			createdAt: iso(now),
			updatedAt: iso(now),
			panelId: panel.id,
			stepId: step.id,
			position: siblings.reduce((m, c) => Math.max(m, c.position), 0) + 1,
			key: `${panel.key}-${number}`,
			number,
			status: 'OPEN',
			lostReasonId: null,
			dueDate: copies('DueDate') ? original.dueDate : null,
			// panel tags and custom fields belong to a panel: copied only within it (guess, README)
			tagIds: copies('Tags') && samePanel ? [...original.tagIds] : [],
			monetaryAmount: copies('MonetaryAmount') || copies('Amount') ? original.monetaryAmount : null,
			contactIds: copies('Contacts') ? [...original.contactIds] : [],
			responsibleUserId: copies('ResponsibleUser') ? original.responsibleUserId : null,
			customFields: copies('CustomFields') && samePanel ? { ...original.customFields } : {},
			metadata: { ...original.metadata },
		};
		delete card._key;
		state.cards.set(card.id, card);
		if (copies('Notes')) {
			for (const n of [...state.cardNotes.values()].filter((x) => x.cardId === original.id && !x._deleted)) {
				const copy = { ...n, id: newId(), cardId: card.id, panelId: card.panelId, fileIds: [...n.fileIds] };
				state.cardNotes.set(copy.id, copy);
			}
		}
		if (b?.options?.archiveOriginalCard === true) {
			original.status = 'ARCHIVED';
			original.updatedAt = iso(now);
		}
		return cardDto(ctx, card);
	},

	// ---- card notes
	'GET /crm/v1/panel/card/{cardId}/note': (ctx) => {
		const card = ctx.state.mustGet('cards', ctx.params.cardId, CARD_NOT_FOUND);
		const list = [...ctx.state.cardNotes.values()].filter((n) => n.cardId === card.id && !n._deleted);
		return listPage(list, ctx.query, { toDto: (n) => cardNoteDto(ctx, n), order: { by: 'createdAt', direction: 'DESCENDING' } });
	},
	'POST /crm/v1/panel/card/{cardId}/note': (ctx) => {
		const { state, params, now } = ctx;
		const b = ctx.body;
		const card = state.mustGet('cards', params.cardId, CARD_NOT_FOUND);
		if (!b.text && !b.fileUrls?.length) throw formError('Informe o texto ou os arquivos da anotação.');
		const note = {
			id: newId(),
			createdAt: iso(now),
			updatedAt: iso(now),
			companyId: state.company.id,
			panelId: card.panelId,
			cardId: card.id,
			userId: ([...state.agents.values()].find((a) => a.isOwner) ?? state.agents.values().next().value).userId, // API notes: the account owner
			text: b.text ?? null,
			fileIds: (b.fileUrls ?? []).map((u) => fileFromUrl(ctx, u).id),
			isFromPublicApi: true,
		};
		state.cardNotes.set(note.id, note);
		return cardNoteDto(ctx, note);
	},
	'DELETE /crm/v1/panel/card/{cardId}/note/{noteId}': (ctx) => {
		const card = ctx.state.mustGet('cards', ctx.params.cardId, CARD_NOT_FOUND);
		const note = ctx.state.mustGet('cardNotes', ctx.params.noteId, 'Anotação não encontrada.');
		if (note.cardId !== card.id) throw formError('Anotação não encontrada.');
		note._deleted = true;
		return undefined;
	},
};
