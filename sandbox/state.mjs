// In-memory state of one sandbox instance. Records keep the DTO field names plus internal
// fields prefixed with "_" (never sent by the public API, visible through /__sandbox/state).

import { createHash, randomUUID } from 'node:crypto';
import { seedState } from './seed.mjs';
import { formError } from './envelopes.mjs';

export const COLLECTIONS = [
	'channels',
	'departments',
	'agents',
	'tags',
	'contacts',
	'sessions',
	'messages',
	'templates',
	'chatbots',
	'sequences',
	'sequenceContacts',
	'panels',
	'steps',
	'cards',
	'cardNotes',
	'lostReasons',
	'files',
	'scheduledMessages',
	'tempFiles',
	// the send API (services/send.mjs)
	'otps',
	'botRuns',
	'sendRejections',
	// webhooks (services/webhooks.mjs)
	'webhookSubscriptions',
	'webhookDeliveries',
	// portfolios (services/directory.mjs)
	'portfolios',
	'portfolioContacts',
];

export const newId = () => randomUUID();
export const nowIso = () => new Date().toISOString();

/**
 * @param {{seed?: boolean, anchor?: number}} options anchor: epoch ms the seeded dates are relative to
 */
export function createState({ seed = true, anchor = Date.now() } = {}) {
	/** @type {any} */
	const state = { company: null, seedAnchor: new Date(anchor).toISOString() };
	for (const c of COLLECTIONS) state[c] = new Map();

	/**
	 * Clears every collection and (optionally) seeds again, in place.
	 * @param {boolean} [withSeed]
	 * @param {number} [newAnchor] re-anchor the seeded dates (epoch ms)
	 */
	state.reset = (withSeed = seed, newAnchor = anchor) => {
		anchor = newAnchor;
		state.seedAnchor = new Date(anchor).toISOString();
		state.company = null;
		for (const c of COLLECTIONS) state[c].clear();
		if (withSeed) seedState(state, anchor);
	};

	/** The record or a 500 FORM_ERROR with the given Portuguese text. */
	state.mustGet = (collection, id, notFoundText) => {
		const rec = state[collection].get(id) ?? state[collection].get(String(id).toLowerCase());
		if (!rec || rec._deleted) throw formError(notFoundText);
		return rec;
	};

	state.agentByUserId = (userId) => [...state.agents.values()].find((a) => a.userId === String(userId).toLowerCase());

	/** Non-note messages of a session (notes are listed separately). */
	state.sessionMessages = (sessionId, { notes = false } = {}) =>
		[...state.messages.values()].filter((m) => m.sessionId === sessionId && !m._deleted && (m.type === 'NOTE') === notes);

	state.snapshot = () => snapshot(state);

	state.reset();
	return state;
}

/** JSON-friendly copy of the state (file bytes are summarised). */
export function snapshot(state) {
	const out = { seedAnchor: state.seedAnchor, company: state.company };
	for (const c of COLLECTIONS) {
		out[c] = [...state[c].values()].map((r) => {
			if (!r._bytes) return r;
			const { _bytes, ...rest } = r;
			return { ...rest, _bytes: { length: _bytes.length, sha256: createHash('sha256').update(_bytes).digest('hex') } };
		});
	}
	return out;
}
