// Where a send to a contact goes: one model for the Message API (services/messaging.mjs: message/send and scheduled
// messages) and the Send API (services/send.mjs). The sending channel (`from`), the recipient's contact (`to`,
// created when unknown, as documented) and the session (the contact's open session on that channel, or a new one).
// A problem is thrown as a RecipientProblem; each caller turns it into its family's envelope with `orThrow`
// (FORM_ERROR for the Message API, ProblemDetails for the Send API). Guesses are listed in sandbox/README.md.

import { newId } from '../state.mjs';
import { findContactByPhone, newContactRecord } from './core.mjs';

/** A problem of one recipient or request; a batch turns it into a FAILED result, a single send into an error. */
export class RecipientProblem extends Error {}
export const problem = (text) => new RecipientProblem(text);

/** Runs `fn`; a RecipientProblem becomes `toError(text)` (the caller's envelope), any other error passes. */
export function orThrow(fn, toError) {
	try {
		return fn();
	} catch (e) {
		if (e instanceof RecipientProblem) throw toError(e.message);
		throw e;
	}
}

const iso = (ms) => new Date(ms).toISOString();
const digits = (v) => String(v ?? '').replace(/\D/g, '');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTAGRAM_USER = /^@[A-Za-z0-9._]{1,30}$/;

/**
 * The sending channel: its number (digits compared) or @user, or its ID where `allowId` (documented for the batch
 * sends; a guess for message/send). Omitted → the first active WhatsApp channel (else the first channel).
 */
export function sendChannel(state, from, { allowId = false } = {}) {
	const channels = [...state.channels.values()].filter((c) => c.active !== false);
	if (from === undefined || from === null || String(from).trim() === '') {
		const channel = channels.find((c) => /WhatsApp/.test(c.type)) ?? channels[0];
		if (!channel) throw problem('Nenhum canal disponível para o envio.');
		return channel;
	}
	const value = String(from).trim();
	let channel;
	if (UUID.test(value)) {
		if (!allowId) throw problem(`Informe o número ou o usuário do canal em "from" (recebido um ID: ${value}).`);
		channel = channels.find((c) => c.id === value.toLowerCase());
	} else if (value.startsWith('@')) {
		channel = channels.find((c) => String(c.number).toLowerCase() === value.toLowerCase());
	} else {
		const d = digits(value);
		channel = d.length >= 8 ? channels.find((c) => digits(c.number) === d) : undefined;
	}
	if (!channel) throw problem(`Canal de envio não encontrado: ${value}.`);
	return channel;
}

/** The recipient's contact (a phone number, or an @instagram user on an Instagram channel), created when unknown. */
export function recipientContact(ctx, channel, to) {
	const { state, now } = ctx;
	const value = String(to ?? '').trim();
	if (value === '') throw problem('Informe o destinatário (to) ou a conversa (sessionId).');
	let found;
	let record;
	if (value.startsWith('@')) {
		if (!INSTAGRAM_USER.test(value)) throw problem(`Usuário do Instagram inválido: ${value}.`);
		if (channel.type !== 'Instagram') throw problem('Um usuário do Instagram só recebe mensagens por um canal do Instagram.');
		found = [...state.contacts.values()].find((c) => !c._deleted && String(c.instagram ?? '').toLowerCase() === value.toLowerCase());
		record = { instagram: value };
	} else {
		if (!/^\+?[\d\s().\-|]+$/.test(value) || digits(value).length < 10 || digits(value).length > 15) {
			throw problem(`Número de telefone do destinatário inválido: ${value}.`);
		}
		if (channel.type === 'Instagram') throw problem('Um canal do Instagram envia apenas para usuários do Instagram (@usuario).');
		found = findContactByPhone(state, value);
		record = { phoneNumber: value };
	}
	if (found && !found._deleted) return found;
	const c = { ...newContactRecord(state, now, { ...record, origin: 'CREATED_FROM_HUB' }), _createdBySend: true };
	state.contacts.set(c.id, c);
	return c;
}

function newSessionNumber(state, now) {
	const day = iso(now).slice(0, 10).replace(/-/g, '');
	const n = [...state.sessions.values()].filter((s) => String(s.number ?? '').startsWith(`${day}9`)).length;
	return `${day}9${String(n + 1).padStart(4, '0')}`;
}

/**
 * The session a send goes into: the contact's latest open session on the channel; else (or with
 * forceStartSession, after completing the open one) a new session: `HIDDEN` with hiddenSession, else
 * `IN_PROGRESS` with an agent, else `PENDING`. Department, agent, hidden and enableBot apply to a new session only
 * (docs: "enableBot … new sessions only"; the others: guess).
 */
export function sessionForSend(ctx, contact, channel, { departmentId = null, userId = null, options = {}, createdBy }) {
	const { state, now } = ctx;
	const at = iso(now);
	const open = [...state.sessions.values()]
		.filter((s) => !s._deleted && s.contactId === contact.id && s.channelId === channel.id && s.status !== 'COMPLETED')
		.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0];
	if (open && !options?.forceStartSession) return open;
	if (open) {
		open.status = 'COMPLETED';
		open.endAt = at;
		open.updatedAt = at;
		(open._history ??= []).push({ at, action: 'complete', reason: 'forceStartSession' });
	}
	const s = {
		id: newId(),
		createdAt: at,
		updatedAt: at,
		startAt: at,
		endAt: null,
		status: options?.hiddenSession ? 'HIDDEN' : userId ? 'IN_PROGRESS' : 'PENDING',
		companyId: state.company.id,
		contactId: contact.id,
		channelId: channel.id,
		departmentId,
		userId,
		title: null,
		number: newSessionNumber(state, now),
		utm: null,
		origin: 'API',
		classification: null,
		firstResponseAt: null,
		botId: null,
		metadata: {},
		type: 'INDIVIDUAL',
		_createdBy: createdBy,
		_enableBot: options?.enableBot ?? false,
	};
	state.sessions.set(s.id, s);
	return s;
}
