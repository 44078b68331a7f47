// The contact custom fields of the simulated account: their definitions, how a write merges values into a contact,
// and how a search filter matches them. Used by services/core.mjs (contact create/update/search), services/contacts.mjs
// (definitions listing, batch upsert) and services/directory.mjs (custom-field listing); it imports none of them.

import { seedUuid } from '../seed.mjs';

const FIELD_AT = '2025-01-15T12:00:00.000Z';
const GROUP_ID = seedUuid('contact-custom-field/grupo-cliente');

const field = (key, name, type, position, extra = {}) => ({
	id: seedUuid(`contact-custom-field/${key}`),
	createdAt: FIELD_AT,
	updatedAt: FIELD_AT,
	parentId: GROUP_ID,
	type,
	entityType: 'CONTACT',
	scopeId: null,
	companyId: seedUuid('company'),
	name,
	key,
	position,
	required: false,
	visible: true,
	isValueRange: false,
	options: [],
	children: null,
	...extra,
});

const option = (key, name) => ({ id: seedUuid(`contact-custom-field-option/${key}/${name}`), name });

/**
 * The contact custom fields of the seeded account (a group with one field of every type). Exported so tests can
 * name them; a merged seed with its own `customFields` collection takes precedence (see contactCustomFields).
 */
export const CONTACT_CUSTOM_FIELDS = Object.freeze([
	field('grupo-cliente', 'Dados do cliente', 'GROUP', 0, { id: GROUP_ID, parentId: null, key: null }),
	field('cpf', 'CPF', 'STRING', 1),
	field('observacoes', 'Observações', 'TEXT', 2),
	field('pontos', 'Pontos de fidelidade', 'INTEGER', 3),
	field('limite-credito', 'Limite de crédito', 'FLOAT', 4),
	field('aceita-newsletter', 'Aceita newsletter', 'BOOLEAN', 5),
	field('data-nascimento', 'Data de nascimento', 'DATE', 6),
	field('plano', 'Plano', 'SINGLESELECT', 7, { options: [option('plano', 'Básico'), option('plano', 'Premium')] }),
	field('interesses', 'Interesses', 'MULTISELECT', 8, {
		options: [option('interesses', 'Calçados'), option('interesses', 'Roupas'), option('interesses', 'Acessórios')],
	}),
]);

/** The account's contact custom fields: a `customFields` state collection if the seed has one, else the list above. */
export function contactCustomFields(state) {
	const stored = state.customFields instanceof Map ? [...state.customFields.values()].filter((f) => f.entityType === 'CONTACT' && !f._deleted) : [];
	return stored.length ? stored : CONTACT_CUSTOM_FIELDS;
}

const TYPE_CHECKS = {
	STRING: (v) => typeof v === 'string',
	TEXT: (v) => typeof v === 'string',
	DATE: (v) => typeof v === 'string',
	TIME: (v) => typeof v === 'string',
	DATETIME: (v) => typeof v === 'string',
	SINGLESELECT: (v) => typeof v === 'string',
	INTEGER: (v) => Number.isInteger(v),
	FLOAT: (v) => typeof v === 'number' && Number.isFinite(v),
	BOOLEAN: (v) => typeof v === 'boolean',
	MULTISELECT: (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
};

/**
 * The stored custom fields after a write: as the spec says, an entry whose key is not a custom field of the account,
 * or whose value has an incompatible type, is ignored; `null` empties the field.
 */
export function mergeCustomFields(state, current, sent) {
	const out = { ...(current ?? {}) };
	const definitions = contactCustomFields(state);
	for (const [key, value] of Object.entries(sent ?? {})) {
		const def = definitions.find((d) => d.key === key && d.type !== 'GROUP');
		if (!def) continue;
		if (value === null) {
			delete out[key];
			continue;
		}
		if (TYPE_CHECKS[def.type]?.(value)) out[key] = Array.isArray(value) ? [...value] : value;
	}
	return out;
}

/** Whether a contact's custom fields match a filter (every key; arrays match when they contain the value). */
export function matchesCustomFields(contact, filter) {
	return Object.entries(filter ?? {}).every(([key, wanted]) => {
		const have = contact.customFields?.[key];
		if (have === undefined || have === null) return wanted === null;
		if (Array.isArray(have)) return (Array.isArray(wanted) ? wanted : [wanted]).every((w) => have.map(String).includes(String(w)));
		return String(have) === String(wanted);
	});
}

export function nested(list) {
	const groups = list.filter((f) => f.type === 'GROUP').map((g) => ({ ...g, children: list.filter((f) => f.parentId === g.id) }));
	const loose = list.filter((f) => f.type !== 'GROUP' && !list.some((g) => g.type === 'GROUP' && g.id === f.parentId));
	return [...groups, ...loose];
}
