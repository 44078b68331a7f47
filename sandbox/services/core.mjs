// Handlers of the core service (https://api.wts.chat/core): agents, departments, tags,
// contacts, files, office hours. Keyed by "METHOD /core/path/{template}" exactly as in contract.json.
// A handler gets ctx = { state, params, query, body, now, baseUrl, storage, ... } and returns the
// JSON body (undefined = empty 200) or throws HttpError (formError → 500 FORM_ERROR).

import { formError } from '../envelopes.mjs';
import { listPage, includeSet, contains, listingCacheKey } from '../listing.mjs';
import { agentDto, departmentDto, departmentV2Dto, tagDto, contactDto, contactSortFields, fileV2Dto } from '../dto.mjs';
import { newId } from '../state.mjs';
import { matchesCustomFields, mergeCustomFields } from './customFields.mjs';

const byName = (a, b) => String(a.name).localeCompare(String(b.name), 'pt-BR');

const TAG_COLORS = ['BROWN', 'PURPLE', 'PINK', 'RED', 'YELLOW', 'GREEN', 'BLUE', 'SKY', 'GRAY'];
const TAG_BASE_HEX = { BROWN: [121, 85, 72], PURPLE: [142, 36, 170], PINK: [216, 27, 96], RED: [229, 57, 53], YELLOW: [253, 216, 53], GREEN: [67, 160, 71], BLUE: [30, 136, 229], SKY: [3, 169, 244], GRAY: [117, 117, 117] };

function tagPalette() {
	const hex = (rgb) => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('').toUpperCase()}`;
	return TAG_COLORS.flatMap((c) =>
		[100, 200, 300, 400, 500, 600].map((shade) => {
			const mix = (shade - 100) / 500; // 0 = lightest, 1 = base colour
			const rgb = TAG_BASE_HEX[c].map((v) => 255 - (255 - v) * (0.2 + 0.8 * mix));
			return { color: `${c}_${shade}`, bgColor: hex(rgb), textColor: shade >= 400 ? '#FFFFFF' : '#212121' };
		}),
	);
}

/** The trimmed tag name of a create/update body (a lenient sandbox may pass a null/empty body through). */
function tagName(body) {
	if (typeof body?.name !== 'string' || !body.name.trim()) throw formError('Informe o nome da etiqueta.');
	return body.name.trim();
}

/** Digits of a phone as the API stores it ("+55|11999990001" → "5511999990001"). */
const phoneDigits = (p) => String(p ?? '').replace(/\D/g, '');

export function findContactByPhone(state, phone) {
	const wanted = phoneDigits(phone);
	if (!wanted) return null;
	return [...state.contacts.values()].find((c) => {
		const full = phoneDigits(c.phoneNumber);
		const national = phoneDigits(String(c.phoneNumber ?? '').split('|')[1]);
		return full === wanted || national === wanted;
	});
}

/** "+55|11999990001" from what clients send ("5511999990001", "+55 (11) 99999-0001", "11999990001"). */
export function normalizePhone(input) {
	const d = phoneDigits(input);
	if (d.length < 8) throw formError('Número de telefone inválido.');
	if (d.length >= 12) return `+${d.slice(0, 2)}|${d.slice(2)}`;
	return `+55|${d}`;
}

export function formatPhone(stored) {
	const n = String(stored).split('|')[1] ?? '';
	if (n.length === 11) return `(${n.slice(0, 2)}) ${n.slice(2, 7)}-${n.slice(7)}`;
	if (n.length === 10) return `(${n.slice(0, 2)}) ${n.slice(2, 6)}-${n.slice(6)}`;
	return stored;
}

function findExistingContact(state, b) {
	// Stored phones are always in the normalised "+55|…" form, so they compare as strings.
	const phone = b.phoneNumber ? normalizePhone(b.phoneNumber) : null;
	return [...state.contacts.values()].find(
		(c) =>
			(phone && c.phoneNumber === phone) ||
			(b.email && c.email && c.email.toLowerCase() === String(b.email).toLowerCase()) ||
			(b.instagram && c.instagram && c.instagram.toLowerCase() === String(b.instagram).toLowerCase()),
	);
}

/** tagIds win over tagNames; unknown ids are an error, unknown names create the tag. */
function resolveTagIds(ctx, tagIds, tagNames) {
	const { state } = ctx;
	if (tagIds?.length) {
		return tagIds.map((id) => state.mustGet('tags', id, 'Etiqueta não encontrada.').id);
	}
	return (tagNames ?? []).map((name) => {
		const found = [...state.tags.values()].find((t) => t.name.toLowerCase() === String(name).toLowerCase());
		if (found) return found.id;
		const at = new Date(ctx.now).toISOString();
		const tag = { id: newId(), createdAt: at, updatedAt: at, name: String(name), color: 'GRAY_600' };
		state.tags.set(tag.id, tag);
		return tag.id;
	});
}

function applyTagOperation(current, ids, operation) {
	const op = String(operation).toUpperCase();
	if (op === 'REPLACEALL') return [...new Set(ids)];
	if (op === 'DELETEIFEXISTS') return current.filter((id) => !ids.includes(id));
	return [...new Set([...current, ...ids])];
}

// ---------------------------------------------------------------- portfolio links (services/directory.mjs serves them)

export const linksOf = (state, portfolioId) => [...state.portfolioContacts.values()].filter((l) => l.portfolioId === portfolioId && !l._deleted);

/** Links a contact to a portfolio (idempotent: an existing link is returned as it is). */
export function addLink(ctx, portfolio, contact) {
	const existing = linksOf(ctx.state, portfolio.id).find((l) => l.contactId === contact.id);
	if (existing) return existing;
	const iso = new Date(ctx.now).toISOString();
	const link = { id: newId(), createdAt: iso, updatedAt: iso, active: true, companyId: portfolio.companyId, portfolioId: portfolio.id, contactId: contact.id };
	ctx.state.portfolioContacts.set(link.id, link);
	if (!contact.portfolioIds.includes(portfolio.id)) contact.portfolioIds.push(portfolio.id);
	return link;
}

/** Unlinks; whether there was a link. */
export function removeLink(state, portfolio, contact) {
	const link = linksOf(state, portfolio.id).find((l) => l.contactId === contact.id);
	if (!link) return false;
	state.portfolioContacts.delete(link.id);
	contact.portfolioIds = contact.portfolioIds.filter((id) => id !== portfolio.id);
	return true;
}

/**
 * portfolioIds win over portfolioNames (spec/README.md, Metadata and custom fields); an unknown ID or name is FORM_ERROR "Carteira não encontrada."
 * (guess: unlike tags, a portfolio is not created by name).
 */
function resolvePortfolios(state, portfolioIds, portfolioNames) {
	if (portfolioIds?.length) return portfolioIds.map((id) => state.mustGet('portfolios', id, 'Carteira não encontrada.'));
	return (portfolioNames ?? []).map((name) => {
		const found = [...state.portfolios.values()].find((p) => !p._deleted && p.name.toLowerCase() === String(name).toLowerCase());
		if (!found) throw formError('Carteira não encontrada.');
		return found;
	});
}

/** The contact is in exactly these portfolios afterwards (the `Portfolio` field of an update replaces; guess). */
function setPortfolios(ctx, contact, portfolios) {
	const wanted = new Set(portfolios.map((p) => p.id));
	for (const id of [...contact.portfolioIds]) if (!wanted.has(id)) removeLink(ctx.state, { id }, contact);
	for (const p of portfolios) addLink(ctx, p, contact);
}

export function addToSequences(ctx, contact, sequenceIds) {
	for (const sid of sequenceIds ?? []) {
		const seq = ctx.state.mustGet('sequences', sid, 'Sequência não encontrada.');
		const exists = [...ctx.state.sequenceContacts.values()].find((sc) => sc.sequenceId === seq.id && sc.contactId === contact.id);
		const at = new Date(ctx.now).toISOString();
		if (exists) {
			exists.active = true;
			exists.lastAddedAt = at;
			continue;
		}
		const id = newId();
		ctx.state.sequenceContacts.set(id, { id, active: true, createdAt: at, updatedAt: at, companyId: ctx.state.company.id, sequenceId: seq.id, contactId: contact.id, origin: 'API', addedByUserId: null, addedByChatbotId: null, lastAddedAt: at });
	}
}

// PublicUtmDTO.sourceId and .clid are readOnly (set by WTS from the ad click): a request never sets them.
const UTM_WRITABLE = ['source', 'medium', 'campaign', 'content', 'headline', 'term', 'referralUrl'];
const UTM_READ_ONLY = ['sourceId', 'clid'];

/** The UTM to store: the writable fields from the request, the readOnly ones kept from the stored UTM. */
function writableUtm(sent, stored) {
	const out = {};
	for (const k of UTM_READ_ONLY) out[k] = stored?.[k] ?? null;
	for (const k of UTM_WRITABLE) out[k] = sent[k] ?? null;
	return out;
}

const CONTACT_FIELDS = ['Name', 'PhoneNumber', 'Email', 'Instagram', 'Annotation', 'Tags', 'Status', 'CustomFields', 'PictureUrl', 'Portfolio', 'SequenceIds', 'Utm', 'Metadata'];

/** Applies the contact `fields` mask (spec/README.md, Partial updates). */
function applyContactFields(ctx, c, b, fields, tagOperation) {
	const f = new Set(fields);
	if (f.has('PhoneNumber') && b.phoneNumber) {
		const phone = normalizePhone(b.phoneNumber);
		const clash = [...ctx.state.contacts.values()].find((o) => o.id !== c.id && o.phoneNumber === phone);
		if (clash) throw formError('Já existe um contato com este telefone.');
		c.phoneNumber = phone;
		c.phoneNumberFormatted = formatPhone(phone);
	}
	if (f.has('Name') && b.name !== undefined) c.name = b.name;
	if (f.has('Email') && b.email !== undefined) c.email = b.email;
	if (f.has('Instagram') && b.instagram !== undefined) c.instagram = b.instagram;
	if (f.has('Annotation') && b.annotation !== undefined) c.annotation = b.annotation;
	if (f.has('Status') && b.status) c.status = b.status;
	if (f.has('PictureUrl') && b.pictureUrl !== undefined) c.pictureUrl = b.pictureUrl;
	if (f.has('Utm') && b.utm !== undefined) c.utm = b.utm ? writableUtm(b.utm, c.utm) : null;
	if (f.has('Tags') && (b.tagIds?.length || b.tagNames?.length || String(tagOperation).toUpperCase() === 'REPLACEALL'))
		c.tagIds = applyTagOperation(c.tagIds, resolveTagIds(ctx, b.tagIds, b.tagNames), tagOperation);
	if (f.has('CustomFields') && b.customFields) c.customFields = mergeCustomFields(ctx.state, c.customFields, b.customFields);
	if (f.has('Metadata') && b.metadata) {
		const md = { ...c.metadata };
		for (const [k, v] of Object.entries(b.metadata)) {
			if (v === null) delete md[k];
			else md[k] = v;
		}
		c.metadata = md;
	}
	if (f.has('SequenceIds')) addToSequences(ctx, c, b.sequenceIds);
	if (f.has('Portfolio') && (b.portfolioIds !== undefined || b.portfolioNames !== undefined)) {
		setPortfolios(ctx, c, resolvePortfolios(ctx.state, b.portfolioIds, b.portfolioNames));
	}
	c.updatedAt = new Date(ctx.now).toISOString();
}

const ALL_CONTACT_DETAILS = new Set(['Tags', 'CustomFields', 'Portfolios']);

function updateContact(ctx, c) {
	const b = ctx.body;
	applyContactFields(ctx, c, b, b.fields ?? [], b.options?.tagsOperation ?? 'InsertIfNotExists');
	return contactDto(ctx.state, c, ALL_CONTACT_DETAILS);
}

function updateContactTags(ctx, c) {
	const b = ctx.body;
	c.tagIds = applyTagOperation(c.tagIds, resolveTagIds(ctx, b.tagIds, b.tagNames), b.operation ?? 'InsertIfNotExists');
	c.updatedAt = new Date(ctx.now).toISOString();
	return contactDto(ctx.state, c, ALL_CONTACT_DETAILS);
}

function mustGetContactByPhone(state, phone) {
	const c = findContactByPhone(state, phone);
	if (!c) throw formError('Contato não encontrado');
	return c;
}

const MIME_BY_EXT = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', mp4: 'video/mp4', mp3: 'audio/mpeg', ogg: 'audio/ogg', opus: 'audio/ogg', pdf: 'application/pdf', txt: 'text/plain', csv: 'text/csv', doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };

export const extensionOf = (name) => (/\.([A-Za-z0-9]+)$/.exec(String(name ?? ''))?.[1] ?? '').toLowerCase() || null;
export const mimeOf = (name) => MIME_BY_EXT[extensionOf(name) ?? ''] ?? 'application/octet-stream';

/** File type (PublicFileV2DTO.type) for UNDEFINED = auto-detect. */
export function detectFileType(mimeType, name) {
	const mt = String(mimeType ?? '').toLowerCase();
	if (mt.startsWith('image/')) return 'IMAGE';
	if (mt.startsWith('video/')) return 'VIDEO';
	if (mt.startsWith('audio/')) return 'AUDIO';
	const ext = extensionOf(name);
	if (ext === 'pdf' || mt === 'application/pdf') return 'PDF';
	if (['xls', 'xlsx', 'csv'].includes(ext ?? '')) return 'EXCEL';
	if (['doc', 'docx'].includes(ext ?? '')) return 'WORD';
	return 'DOCUMENT';
}

/** Creates a file record for a public URL used in a send (not downloaded). */
export function fileFromUrl(ctx, url) {
	let parsed;
	try {
		parsed = new URL(url);
	} catch {
		throw formError('URL do arquivo inválida.');
	}
	if (!/^https?:$/.test(parsed.protocol)) throw formError('URL do arquivo inválida.');
	const name = decodeURIComponent(parsed.pathname.split('/').pop() || 'arquivo');
	const mimeType = mimeOf(name);
	const id = newId();
	const rec = {
		id,
		companyId: ctx.state.company.id,
		userId: null,
		name,
		extension: extensionOf(name),
		mimeType,
		type: detectFileType(mimeType, name),
		key: `${ctx.state.company.id}/${id}/${name}`,
		size: 0,
		createdAt: new Date(ctx.now).toISOString(),
		_sourceUrl: url,
	};
	ctx.state.files.set(id, rec);
	return rec;
}

/** A new contact record (fields as in POST /core/v1/contact's body; `tagIds` already resolved). */
export function newContactRecord(state, now, b) {
	const at = new Date(now).toISOString();
	const phone = b.phoneNumber ? normalizePhone(b.phoneNumber) : null;
	const c = {
		id: newId(),
		createdAt: at,
		updatedAt: at,
		companyId: state.company.id,
		name: b.name ?? null,
		nameWhatsapp: null,
		nameInstagram: null,
		nameMessenger: null,
		phoneNumber: phone,
		phoneNumberFormatted: phone ? formatPhone(phone) : null,
		email: b.email ?? null,
		instagram: b.instagram ?? null,
		messengerId: null,
		annotation: b.annotation ?? null,
		tagIds: b.tagIds ?? [],
		status: 'ACTIVE',
		origin: b.origin ?? 'CREATED_BY_USER',
		importedAt: null,
		utm: null,
		customFields: mergeCustomFields(state, {}, b.customFields),
		portfolioIds: [],
		metadata: Object.fromEntries(Object.entries(b.metadata ?? {}).filter(([, v]) => v !== null)),
		pictureUrl: null,
	};
	return c;
}

export const handlers = {
	// ---- agents
	'GET /core/v1/agent': ({ state }) => [...state.agents.values()].filter((a) => !a._deleted).sort(byName).map(agentDto),
	'GET /core/v1/agent/{id}': ({ state, params }) => agentDto(state.mustGet('agents', params.id, 'Usuário não encontrado.')),

	// ---- departments
	'GET /core/v2/department': ({ state }) =>
		[...state.departments.values()].filter((d) => !d._deleted).sort(byName).map((d) => departmentV2Dto(state, d)),
	'GET /core/v1/department/{id}': ({ state, params }) => departmentDto(state, state.mustGet('departments', params.id, 'Equipe não encontrada.')),
	'GET /core/v1/department/{id}/channel': ({ state, params }) => {
		const d = state.mustGet('departments', params.id, 'Equipe não encontrada.');
		return { scope: d.channelIds.length === state.channels.size ? 'ALL' : d.channelIds.length ? 'SELECTED' : 'NONE', channels: [...d.channelIds] };
	},

	// ---- tags
	'GET /core/v1/tag': ({ state }) => [...state.tags.values()].filter((t) => !t._deleted).sort(byName).map(tagDto),
	'GET /core/v1/tag/color': () => tagPalette(),
	'POST /core/v1/tag': ({ state, body, now }) => {
		const name = tagName(body);
		if ([...state.tags.values()].some((t) => !t._deleted && t.name.toLowerCase() === name.toLowerCase()))
			throw formError('Já existe uma etiqueta com este nome.');
		const iso = new Date(now).toISOString();
		const tag = { id: newId(), createdAt: iso, updatedAt: iso, name, color: body.color ?? 'GRAY_600' };
		state.tags.set(tag.id, tag);
		return tagDto(tag);
	},
	'PUT /core/v1/tag/{id}': ({ state, params, body, now }) => {
		const tag = state.mustGet('tags', params.id, 'Etiqueta não encontrada.');
		tag.name = tagName(body);
		if (body.color) tag.color = body.color;
		tag.updatedAt = new Date(now).toISOString();
		return tagDto(tag);
	},
	'DELETE /core/v1/tag/{id}': ({ state, params, body }) => {
		const tag = state.mustGet('tags', params.id, 'Etiqueta não encontrada.');
		const users = [...state.contacts.values()].filter((c) => c.tagIds.includes(tag.id));
		if (users.length && !body?.removeFromContacts)
			throw formError('A etiqueta está em uso por contatos. Use removeFromContacts para removê-la dos contatos.');
		for (const c of users) c.tagIds = c.tagIds.filter((id) => id !== tag.id);
		state.tags.delete(tag.id);
		return undefined;
	},

	// ---- company
	'GET /core/v1/company/officehours': () => ({
		limitHours: true,
		offlineResponse: 'Nosso horário de atendimento é de segunda a sexta, das 8h às 18h, e sábado das 9h às 13h.',
		timezoneDiff: -3,
		days: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((dayWeek, i) => ({
			id: `00000000-0000-5000-8000-00000000000${i + 1}`,
			dayWeek,
			active: i < 6,
			periods: i < 5 ? [{ startTime: '08:00', endTime: '18:00' }] : i === 5 ? [{ startTime: '09:00', endTime: '13:00' }] : [],
		})),
	}),

	// ---- contacts
	'GET /core/v1/contact': ({ state, query, baseUrl }) => {
		const status = query.Status ?? 'ACTIVE';
		const include = includeSet(query.IncludeDetails);
		// Sorted on a projection, full DTOs for the page only, the order reused for the next page: O(page) per request.
		return listPage(
			[...state.contacts.values()].filter((c) => c.status === status),
			query,
			{
				toDto: (c) => contactDto(state, c, include),
				order: { by: 'createdAt', direction: 'DESCENDING' },
				project: contactSortFields,
				cacheKey: listingCacheKey('GET /core/v1/contact', baseUrl, query),
			},
		);
	},
	'GET /core/v1/contact/{id}': ({ state, params, query }) =>
		contactDto(state, state.mustGet('contacts', params.id, 'Contato não encontrado'), includeSet(query.IncludeDetails)),
	'GET /core/v1/contact/phonenumber/{phone}': ({ state, params, query }) =>
		contactDto(state, mustGetContactByPhone(state, params.phone), includeSet(query.IncludeDetails)),
	'POST /core/v1/contact': (ctx) => {
		const { state, body: b, now } = ctx;
		if (!b.phoneNumber && !b.email && !b.instagram) throw formError('Informe o telefone, o e-mail ou o Instagram do contato.');
		const existing = findExistingContact(state, b);
		if (existing) {
			if (b.options?.getIfExists) return contactDto(state, existing, ALL_CONTACT_DETAILS);
			if (b.options?.upsert) {
				applyContactFields(ctx, existing, b, b.options.upsertFields?.length ? b.options.upsertFields : CONTACT_FIELDS, b.options.upsertTagOperation ?? 'REPLACEALL');
				return contactDto(state, existing, ALL_CONTACT_DETAILS);
			}
			throw formError('Já existe um contato com este telefone, e-mail ou Instagram.');
		}
		const portfolios = resolvePortfolios(state, b.portfolioIds, b.portfolioNames);
		const c = newContactRecord(state, now, { ...b, tagIds: resolveTagIds(ctx, b.tagIds, b.tagNames), origin: 'CREATED_BY_USER' });
		state.contacts.set(c.id, c);
		addToSequences(ctx, c, b.sequenceIds);
		setPortfolios(ctx, c, portfolios);
		return contactDto(state, c, ALL_CONTACT_DETAILS);
	},
	'PUT /core/v2/contact/{id}': (ctx) => updateContact(ctx, ctx.state.mustGet('contacts', ctx.params.id, 'Contato não encontrado')),
	'PUT /core/v1/contact/phonenumber/{phone}': (ctx) => updateContact(ctx, mustGetContactByPhone(ctx.state, ctx.params.phone)),
	'POST /core/v1/contact/{id}/tags': (ctx) => updateContactTags(ctx, ctx.state.mustGet('contacts', ctx.params.id, 'Contato não encontrado')),
	'POST /core/v1/contact/phonenumber/{phone}/tags': (ctx) => updateContactTags(ctx, mustGetContactByPhone(ctx.state, ctx.params.phone)),
	'POST /core/v1/contact/filter': ({ state, body }) => {
		const b = body ?? {};
		const include = includeSet(b.includeDetails);
		const status = b.status ?? 'ACTIVE';
		const tagIdsByName = (b.tagNames ?? []).map((n) => [...state.tags.values()].find((t) => t.name.toLowerCase() === String(n).toLowerCase())?.id);
		const list = [...state.contacts.values()].filter((c) => {
			if (c.status !== status) return false;
			if (b.name && !contains(c.name, b.name)) return false;
			if (b.email && !contains(c.email, b.email)) return false;
			if (b.instagram && !contains(c.instagram, b.instagram)) return false;
			if (b.phoneNumber && !phoneDigits(c.phoneNumber).includes(phoneDigits(b.phoneNumber))) return false;
			if (b.textFilter && ![c.name, c.email, c.instagram, c.phoneNumber].some((v) => contains(v, b.textFilter))) return false;
			if (b.tagIds?.length && !b.tagIds.some((id) => c.tagIds.includes(id))) return false;
			if (!b.tagIds?.length && b.tagNames?.length && !tagIdsByName.some((id) => id && c.tagIds.includes(id))) return false;
			if (b.origin && c.origin !== b.origin) return false;
			if (b.portfolioIds?.length && !b.portfolioIds.some((id) => c.portfolioIds.includes(id))) return false;
			if (b.customFields && !matchesCustomFields(c, b.customFields)) return false;
			for (const [k, v] of Object.entries(b.metadata ?? {})) if (String(c.metadata?.[k] ?? '') !== String(v)) return false;
			return true;
		});
		const query = {
			PageNumber: b.pageNumber,
			PageSize: b.pageSize,
			OrderBy: b.orderBy ?? undefined,
			OrderDirection: b.orderDirection ?? undefined,
			'CreatedAt.Before': b.createdAt?.before ?? undefined,
			'CreatedAt.After': b.createdAt?.after ?? undefined,
			'UpdatedAt.Before': b.updatedAt?.before ?? undefined,
			'UpdatedAt.After': b.updatedAt?.after ?? undefined,
		};
		return listPage(list, query, { toDto: (c) => contactDto(state, c, include), order: { by: 'createdAt', direction: 'DESCENDING' } });
	},

	// ---- files (three-step upload, spec/README.md, File upload)
	'GET /core/v2/file': ({ state, query, now, baseUrl, storage }) => {
		const tempFileId = newId();
		state.tempFiles.set(tempFileId, {
			id: tempFileId,
			type: query.Type,
			name: query.Name,
			mimeType: query.MimeType ?? null,
			createdAt: new Date(now).toISOString(),
			_bytes: null,
		});
		return { tempFileId, urlUpload: storage.uploadUrl(baseUrl, tempFileId, now) };
	},
	'POST /core/v2/file': ({ state, body, now }) => {
		const temp = state.tempFiles.get(String(body.tempFileId).toLowerCase());
		if (!temp) throw formError('Arquivo temporário não encontrado.');
		if (!temp._bytes) throw formError('O arquivo ainda não foi enviado para a URL de upload.');
		const id = newId();
		const mimeType = temp.mimeType ?? temp._uploadedContentType ?? mimeOf(temp.name);
		const file = {
			id,
			companyId: state.company.id,
			userId: null,
			name: temp.name,
			extension: extensionOf(temp.name),
			mimeType,
			type: temp.type === 'UNDEFINED' ? detectFileType(mimeType, temp.name) : temp.type,
			key: `${state.company.id}/${id}/${temp.name}`,
			size: temp._bytes.length,
			createdAt: new Date(now).toISOString(),
			_bytes: temp._bytes,
			_tempFileId: temp.id,
		};
		state.files.set(id, file);
		state.tempFiles.delete(temp.id);
		return fileV2Dto(file);
	},
};

const onlyDigits = (v) => String(v ?? '').replace(/\D/g, '');

/** The agent a send's `user` option names (by userId, e-mail or phone), or null when none is found. */
export function findAgentForSend(state, user) {
	return (
		[...state.agents.values()].find(
			(a) =>
				!a._deleted &&
				((user.id && a.userId === String(user.id).toLowerCase()) ||
					(user.email && String(a.email).toLowerCase() === String(user.email).toLowerCase()) ||
					(user.phoneNumber && onlyDigits(a.phoneNumber) === onlyDigits(user.phoneNumber))),
		) ?? null
	);
}

/** The department a send's `department` option names (by id or name, case-insensitive), or null. */
export function findDepartmentForSend(state, department) {
	const found = [...state.departments.values()].find(
		(d) =>
			(department.id && d.id === String(department.id).toLowerCase()) ||
			(department.name && String(d.name).toLowerCase() === String(department.name).toLowerCase()),
	);
	return found && !found._deleted ? found : null;
}
