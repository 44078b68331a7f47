// Handlers that add contacts to and remove them from sequences (chat, tag "Sequências"). The listings
// (GET /chat/v1/sequence, GET /chat/v2/sequence/{id}/contact) stay in services/chat.mjs; see services/core.mjs
// for the handler contract. A sequence membership is a sequenceContacts record; removing sets active = false,
// so the contact leaves the sequence's listing and its ContactExecutingCount.

import { formError, pageEnvelope } from '../envelopes.mjs';
import { sequenceContactDto } from '../dto.mjs';
import { addToSequences, findContactByPhone, handlers as core } from './core.mjs';

const SEQUENCE_NOT_FOUND = 'Sequência não encontrada.';
const CONTACT_NOT_FOUND = 'Contato não encontrado';

function mustGetSequence(state, id, { forAdding = false } = {}) {
	const seq = state.mustGet('sequences', id, SEQUENCE_NOT_FOUND);
	if (forAdding && !seq.enabled) throw formError('A sequência está desativada.');
	return seq;
}

/** The contact a single add/remove names: contactId wins over phoneNumber (guess, docs silent). */
function mustGetContact(state, b) {
	if (b.contactId) return state.mustGet('contacts', b.contactId, CONTACT_NOT_FOUND);
	if (b.phoneNumber) {
		const c = findContactByPhone(state, b.phoneNumber);
		if (!c || c._deleted) throw formError(CONTACT_NOT_FOUND);
		return c;
	}
	throw formError('Informe o contato (contactId) ou o telefone (phoneNumber).');
}

const membershipOf = (state, seq, contact) =>
	[...state.sequenceContacts.values()].find((sc) => sc.sequenceId === seq.id && sc.contactId === contact.id);

function add(ctx, seq, contact) {
	addToSequences(ctx, contact, [seq.id]);
	return membershipOf(ctx.state, seq, contact);
}

function remove(ctx, seq, contact) {
	const sc = membershipOf(ctx.state, seq, contact);
	if (!sc || !sc.active) return false;
	sc.active = false;
	sc.updatedAt = new Date(ctx.now).toISOString();
	return true;
}

/** The contacts of a batch body: ids must exist; phones are looked up (and created when adding). */
function batchContacts(ctx, b, { create }) {
	const { state } = ctx;
	const contacts = (b.contactIds ?? []).map((id) => state.mustGet('contacts', id, CONTACT_NOT_FOUND));
	for (const phone of b.phoneNumbers ?? []) {
		let c = findContactByPhone(state, phone);
		if (!c && create) c = state.contacts.get(core['POST /core/v1/contact']({ ...ctx, body: { phoneNumber: phone } }).id);
		if (c) contacts.push(c);
	}
	return [...new Set(contacts)];
}

export const handlers = {
	'POST /chat/v1/sequence/{id}/contact': (ctx) => {
		const seq = mustGetSequence(ctx.state, ctx.params.id, { forAdding: true });
		return sequenceContactDto(ctx.state, add(ctx, seq, mustGetContact(ctx.state, ctx.body)));
	},
	'DELETE /chat/v1/sequence/{id}/contact': (ctx) => {
		const seq = mustGetSequence(ctx.state, ctx.params.id);
		if (!remove(ctx, seq, mustGetContact(ctx.state, ctx.body))) throw formError('O contato não está na sequência.');
		return undefined;
	},
	'POST /chat/v1/sequence/{id}/contact/batch': (ctx) => {
		const seq = mustGetSequence(ctx.state, ctx.params.id, { forAdding: true });
		const b = ctx.body ?? {};
		if (!b.contactIds?.length && !b.phoneNumbers?.length) throw formError('Informe os contatos (contactIds) ou os telefones (phoneNumbers).');
		const added = batchContacts(ctx, b, { create: true }).map((c) => add(ctx, seq, c));
		// With the contact details, so phones can be matched. Guess, the stricter reading: only the first page at the
		// documented default pageSize (15), as for portfolios.
		const items = added.map((sc) => sequenceContactDto(ctx.state, sc, new Set(['ContactDetails'])));
		return pageEnvelope(items, { PageNumber: 1 });
	},
	'DELETE /chat/v1/sequence/{id}/contact/batch': (ctx) => {
		const seq = mustGetSequence(ctx.state, ctx.params.id);
		const b = ctx.body ?? {};
		if (!b.contactIds?.length && !b.phoneNumbers?.length) throw formError('Informe os contatos (contactIds) ou os telefones (phoneNumbers).');
		// Filters, as the spec says: contacts that are not in the sequence (or phones of no contact) are skipped.
		for (const c of batchContacts(ctx, b, { create: false })) remove(ctx, seq, c);
		return undefined;
	},
};
