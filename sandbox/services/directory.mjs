// Handlers of the core "directory" the other service files did not simulate: portfolios (carteiras) and their
// contacts, and the custom-field definitions (GET /core/v1/custom-field). Same handler contract as services/core.mjs;
// keys exactly as in contract.json. Guesses where the docs are silent are listed in sandbox/README.md.

import { formError, pageEnvelope } from '../envelopes.mjs';
import { filterDateRanges, includeSet, listPage, sortItems, CU_FIELDS } from '../listing.mjs';
import { SEED, seedUuid } from '../seed.mjs';
import { contactCustomFields, nested } from './customFields.mjs';
import { addLink, linksOf, removeLink } from './core.mjs';

const PORTFOLIO_NOT_FOUND = 'Carteira não encontrada.';
const CONTACT_NOT_FOUND = 'Contato não encontrado.';

// ---------------------------------------------------------------- portfolios


function portfolioDto(state, p, include) {
	return {
		id: p.id,
		createdAt: p.createdAt,
		updatedAt: p.updatedAt,
		active: p.active,
		companyId: p.companyId,
		name: p.name,
		automaticAttribution: p.automaticAttribution,
		expirationDurationInMonths: p.expirationDurationInMonths,
		// Guess: counted only when asked (IncludeDetails=ContactCount), 0 otherwise (the field is not nullable).
		contactsCount: include.has('ContactCount') ? linksOf(state, p.id).length : 0,
		type: p.type,
		departments: include.has('Departments') ? p.departments.map((d) => ({ departmentId: d.departmentId, userIds: [...d.userIds] })) : null,
	};
}

function linkDto(state, l) {
	const c = state.contacts.get(l.contactId) ?? {};
	return {
		id: l.id,
		createdAt: l.createdAt,
		updatedAt: l.updatedAt,
		active: l.active,
		companyId: l.companyId,
		portfolioId: l.portfolioId,
		contactId: l.contactId,
		contactDetails: {
			id: l.contactId,
			name: c.name ?? null,
			phonenumber: c.phoneNumber ?? null,
			phonenumberFormatted: c.phoneNumberFormatted ?? null,
			instagram: c.instagram ?? null,
			nameMessenger: c.nameMessenger ?? null,
			email: c.email ?? null,
			annotation: c.annotation ?? null,
		},
	};
}

const digits = (v) => String(v ?? '').replace(/\D/g, '');

/** The contact a body names by `contactId` or `phoneNumber` (full number with country code, or the national part). */
function findContact(state, contactId, phoneNumber) {
	if (contactId) {
		const c = state.contacts.get(String(contactId).toLowerCase());
		return c && !c._deleted ? c : null;
	}
	const wanted = digits(phoneNumber);
	if (wanted.length < 8) return null;
	return (
		[...state.contacts.values()].find((c) => {
			if (c._deleted) return false;
			const [country, national] = String(c.phoneNumber ?? '').split('|');
			return digits(`${country}${national ?? ''}`) === wanted || digits(national) === wanted;
		}) ?? null
	);
}


/** The contacts a batch body names (`contactIds` and `phoneNumbers`); unknown ones are left out. */
function batchContacts(state, body) {
	const ids = body?.contactIds ?? [];
	const phones = body?.phoneNumbers ?? [];
	if (!ids.length && !phones.length) throw formError('Informe ao menos um contato (contactIds ou phoneNumbers).');
	const found = [...ids.map((id) => findContact(state, id, null)), ...phones.map((p) => findContact(state, null, p))].filter(Boolean);
	return [...new Map(found.map((c) => [c.id, c])).values()];
}

function singleContact(state, body) {
	if (!body?.contactId && !body?.phoneNumber) throw formError('Informe o contato (contactId ou phoneNumber).');
	const contact = findContact(state, body.contactId, body.phoneNumber);
	if (!contact) throw formError(CONTACT_NOT_FOUND);
	return contact;
}

// ---------------------------------------------------------------- custom fields

const FIELD_AT = '2025-01-15T12:00:00.000Z';

const panelField = (label, o) => ({
	id: seedUuid(label),
	createdAt: FIELD_AT,
	updatedAt: FIELD_AT,
	parentId: null,
	scopeId: SEED.panels.vendas?.id ?? null,
	companyId: seedUuid('company'),
	entityType: 'PANEL',
	required: false,
	visible: true,
	isValueRange: false,
	options: [],
	children: null,
	...o,
});

/** Two PANEL fields of the Vendas panel; the CONTACT fields are services/contacts.mjs's (contactCustomFields). */
const PANEL_CUSTOM_FIELDS = Object.freeze([
	panelField('panel-custom-field/vendas/origem', {
		type: 'SINGLESELECT',
		name: 'Origem do negócio',
		key: 'origem-negocio',
		position: 1,
		options: [
			{ id: seedUuid('panel-custom-field-option/origem/indicacao'), name: 'Indicação' },
			{ id: seedUuid('panel-custom-field-option/origem/site'), name: 'Site' },
		],
	}),
	panelField('panel-custom-field/vendas/fechamento', { type: 'DATE', name: 'Previsão de fechamento', key: 'previsao-fechamento', position: 2, required: true }),
]);

/** The fields of one entity type: the contact custom fields of services/contacts.mjs, or the panel fields above. */
function customFieldsOf(state, entityType) {
	return entityType === 'PANEL' ? PANEL_CUSTOM_FIELDS : contactCustomFields(state);
}

export const handlers = {
	// ---- portfolios
	'GET /core/v1/portfolio': ({ state, query }) => {
		const include = includeSet(query.IncludeDetails);
		const list = [...state.portfolios.values()].filter((p) => !p._deleted);
		return listPage(list, query, { toDto: (p) => portfolioDto(state, p, include), order: { by: 'name' } });
	},

	/** The odd query model (Page / PageSize, ContactIds); the answer is still the standard page envelope. */
	'GET /core/v1/portfolio/{id}/contact': ({ state, params, query }) => {
		const portfolio = state.mustGet('portfolios', params.id, PORTFOLIO_NOT_FOUND);
		const wanted = query.ContactIds?.length ? new Set(query.ContactIds.map((id) => String(id).toLowerCase())) : null;
		const links = linksOf(state, portfolio.id).filter((l) => !wanted || wanted.has(l.contactId));
		const dtos = filterDateRanges(links.map((l) => linkDto(state, l)), query, CU_FIELDS);
		const sorted = sortItems(dtos, query.OrderByDesc ? { OrderBy: query.OrderByDesc, OrderDirection: 'DESCENDING' } : query, { by: 'createdAt' });
		const { OrderBy, OrderDirection, ...rest } = query;
		return pageEnvelope(sorted, { ...rest, PageNumber: query.Page ?? 1, PageSize: query.PageSize ?? 15 });
	},

	'POST /core/v1/portfolio/{id}/contact': (ctx) => {
		const portfolio = ctx.state.mustGet('portfolios', ctx.params.id, PORTFOLIO_NOT_FOUND);
		return linkDto(ctx.state, addLink(ctx, portfolio, singleContact(ctx.state, ctx.body)));
	},

	'DELETE /core/v1/portfolio/{id}/contact': ({ state, params, body }) => {
		const portfolio = state.mustGet('portfolios', params.id, PORTFOLIO_NOT_FOUND);
		if (!removeLink(state, portfolio, singleContact(state, body))) throw formError('Contato não encontrado na carteira.');
		return undefined;
	},

	/** Unknown contacts are left out; the answer is one page with the links of every contact found (new or existing). */
	'POST /core/v1/portfolio/{id}/contact/batch': (ctx) => {
		const portfolio = ctx.state.mustGet('portfolios', ctx.params.id, PORTFOLIO_NOT_FOUND);
		const links = batchContacts(ctx.state, ctx.body).map((c) => linkDto(ctx.state, addLink(ctx, portfolio, c)));
		// Guess, the stricter reading: the answer is a page envelope with no paging input, so only its first page at the
		// documented default pageSize (15); a client must not take a link missing from it as not added.
		return pageEnvelope(links, { PageNumber: 1 });
	},

	/** Unknown contacts and contacts not in the portfolio are skipped; empty 200. */
	'DELETE /core/v1/portfolio/{id}/contact/batch': ({ state, params, body }) => {
		const portfolio = state.mustGet('portfolios', params.id, PORTFOLIO_NOT_FOUND);
		for (const contact of batchContacts(state, body)) removeLink(state, portfolio, contact);
		return undefined;
	},

	// ---- custom fields
	'GET /core/v1/custom-field': ({ state, query }) => {
		const list = [...customFieldsOf(state, query.EntityType ?? 'CONTACT')].sort((a, b) => a.position - b.position).map((f) => ({ ...f, children: null }));
		return query.NestedList === true || query.NestedList === 'true' ? nested(list) : list;
	},
};
