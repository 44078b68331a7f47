// Webhook delivery of the sandbox: when a handler changed the state, the documented envelope
// `{eventType, date, content}` (spec/README.md, Webhooks) is POSTed to every enabled subscription of that event.
//
// Generic by design: server.mjs calls `afterHandler(ctx, key, result)` once after every successful API handler;
// EVENTS_BY_OPERATION maps the operation key to the events it raises, with the handler's response (or the record
// it names) as `content`. The admin call POST /__sandbox/inbound-message (`inboundMessage`) simulates a message
// from a contact (MESSAGE_RECEIVED, and SESSION_NEW when it opens a session); POST /__sandbox/message-status a
// channel's status report (MESSAGE_UPDATED); POST /__sandbox/card-note-edit an edit made in the WTS UI
// (PANEL_CARD_NOTE_UPDATE), which no API call can make.
//
// Deliveries run in the background and never change the API answer: each one is recorded in
// state.webhookDeliveries (status, HTTP status or error); `settled()` waits for the pending ones.

import { cardNoteDto, contactDto, messageDto, sessionDto } from './dto.mjs';
import { newId } from './state.mjs';

const DELIVERY_TIMEOUT_MS = 10_000;

/** The content of MESSAGE_* events: the stored message (send endpoints answer a smaller DTO). */
function messageContent(ctx, result) {
	const m = result?.id ? ctx.state.messages.get(String(result.id).toLowerCase()) : undefined;
	return m ? messageDto(ctx, m) : result;
}

/** The content of SESSION_* events: the session as stored now. */
function sessionContent(ctx, result) {
	const s = result?.id ? ctx.state.sessions.get(String(result.id).toLowerCase()) : undefined;
	return s ? sessionDto(ctx, s, { include: new Set(['ContactDetails', 'AgentDetails', 'DepartmentsDetails']) }) : result;
}

/**
 * The contact of CONTACT_* events in the webhook's own shape, which differs from PublicContactDTO (documented
 * CONTACT_UPDATE example: `phonenumber`, `phonenumberFormatted`, `tagsId`, `tags`, `customFieldValues`).
 */
function contactContent(ctx, result) {
	const c = result?.id ? ctx.state.contacts.get(String(result.id).toLowerCase()) : undefined;
	if (!c) return result;
	const dto = contactDto(ctx.state, c, new Set(['Tags', 'CustomFields']));
	return {
		id: dto.id,
		createdAt: dto.createdAt,
		updatedAt: dto.updatedAt,
		companyId: dto.companyId,
		name: dto.name,
		phonenumber: dto.phoneNumber,
		phonenumberFormatted: dto.phoneNumberFormatted,
		email: dto.email,
		instagram: dto.instagram,
		annotation: dto.annotation,
		tagsId: dto.tagIds ?? [],
		tags: (dto.tagIds ?? []).map((id) => ({ id, name: ctx.state.tags.get(id)?.name ?? null })),
		status: dto.status,
		origin: dto.origin,
		utm: dto.utm,
		customFieldValues: dto.customFields ?? {},
		metadata: dto.metadata,
	};
}

const session = (event) => (ctx, result) => [{ event, content: sessionContent(ctx, result) }];
const sessionChange = (ctx, result) => [
	{ event: result?.status === 'COMPLETED' ? 'SESSION_COMPLETE' : 'SESSION_UPDATE', content: sessionContent(ctx, result) },
];
const messageSent = (ctx, result) => [{ event: 'MESSAGE_SENT', content: messageContent(ctx, result) }];
const contact = (event) => (ctx, result) => (Array.isArray(result) ? result : [result]).map((r) => ({ event, content: contactContent(ctx, r) }));
const plain = (event) => (ctx, result) => [{ event, content: result }];

/** Operation key (contract.json) → the events a successful call raises. */
export const EVENTS_BY_OPERATION = Object.freeze({
	'PUT /chat/v1/session/{id}/assignee': session('SESSION_UPDATE'),
	'PUT /chat/v1/session/{id}/transfer': session('SESSION_UPDATE'),
	'PUT /chat/v1/session/{id}/status': sessionChange,
	'PUT /chat/v2/session/{id}/partial': sessionChange,
	'PUT /chat/v1/session/{id}/complete': session('SESSION_COMPLETE'),
	'POST /chat/v1/session/{id}/message': messageSent,
	'POST /chat/v1/session/{id}/message/sync': messageSent,
	'POST /chat/v1/message/send': messageSent,
	'POST /chat/v1/message/send-sync': messageSent,
	'POST /chat/v1/send/text': messageSent,
	'POST /chat/v1/send/image': messageSent,
	'POST /chat/v1/send/audio': messageSent,
	'POST /chat/v1/send/video': messageSent,
	'POST /chat/v1/send/document': messageSent,
	'POST /chat/v1/send/template': messageSent,
	'POST /core/v1/contact': contact('CONTACT_NEW'),
	'POST /core/v2/contact/batch': contact('CONTACT_NEW'),
	'PUT /core/v2/contact/{id}': contact('CONTACT_UPDATE'),
	'PUT /core/v1/contact/phonenumber/{phone}': contact('CONTACT_UPDATE'),
	'POST /core/v1/contact/{id}/tags': contact('CONTACT_TAG_UPDATE'),
	'POST /core/v1/contact/phonenumber/{phone}/tags': contact('CONTACT_TAG_UPDATE'),
	'POST /crm/v2/panel/card': plain('PANEL_CARD_NEW'),
	'POST /crm/v2/panel/card/{id}/duplicate': plain('PANEL_CARD_NEW'),
	'PUT /crm/v3/panel/card/{id}': (ctx, result) => [
		{ event: 'PANEL_CARD_UPDATE', content: result },
		...((ctx.body?.fields ?? []).includes('StepId') ? [{ event: 'PANEL_CARD_STEP_CHANGE', content: result }] : []),
	],
	'POST /crm/v1/panel/card/{cardId}/note': plain('PANEL_CARD_NOTE_NEW'),
});

/** The delivery engine of one sandbox instance. */
export function createWebhookDelivery({ state, quiet = false }) {
	const pending = new Set();

	/** The documented date format: YYYY-MM-DDTHH:mm:ss with 7 fractional digits and Z, as in the examples. */
	const envelopeDate = (ms) => new Date(ms).toISOString().replace(/Z$/, '0000Z');

	async function post(subscription, event, envelope) {
		const delivery = {
			id: newId(),
			subscriptionId: subscription.id,
			url: subscription.url,
			eventType: event,
			time: new Date().toISOString(),
			status: 'pending',
			httpStatus: null,
			error: null,
			body: envelope,
		};
		state.webhookDeliveries.set(delivery.id, delivery);
		try {
			const res = await fetch(subscription.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(envelope),
				signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
			});
			await res.arrayBuffer().catch(() => undefined);
			delivery.httpStatus = res.status;
			delivery.status = res.ok ? 'delivered' : 'failed';
		} catch (e) {
			delivery.status = 'failed';
			delivery.error = e?.cause?.code ?? e?.name ?? String(e);
		}
		if (delivery.status === 'failed' && !quiet) {
			process.stderr.write(`[sandbox] webhook ${event} → ${subscription.url}: ${delivery.httpStatus ?? delivery.error} (recorded, not fatal)\n`);
		}
		return delivery;
	}

	/** Sends each event to every enabled subscription of it; resolves to the deliveries once they are done. */
	function emit(events, now = Date.now()) {
		const jobs = [];
		for (const { event, content } of events) {
			const envelope = { eventType: event, date: envelopeDate(now), content, changeMetadata: null };
			for (const s of state.webhookSubscriptions.values()) {
				if (!s.enabled || !s.events.includes(event)) continue;
				const job = post(s, event, envelope);
				pending.add(job);
				job.finally(() => pending.delete(job));
				jobs.push(job);
			}
		}
		return Promise.all(jobs);
	}

	return {
		emit,
		/** Called by server.mjs after a successful handler with its parsed response. */
		afterHandler(ctx, key, result) {
			const map = EVENTS_BY_OPERATION[key];
			if (!map || !state.webhookSubscriptions.size) return;
			try {
				emit(map(ctx, result), ctx.now);
			} catch (e) {
				// a sandbox bug in an event mapping must not change the API answer
				process.stderr.write(`[sandbox] webhook events of ${key}: ${e?.stack ?? e}\n`);
			}
		},
		/** Waits until every delivery started so far is done. */
		async settled() {
			while (pending.size) await Promise.allSettled([...pending]);
		},
	};
}

/**
 * POST /__sandbox/inbound-message: a contact writes. Body `{sessionId | contactId | phoneNumber, text, channelId?}`.
 * With sessionId the message goes into that session (its contact writes). Otherwise into the contact's latest open
 * session on the channel (default: the channel of its latest session), or into a new session (PENDING, no
 * department) that it opens. Raises SESSION_NEW (new session) then MESSAGE_RECEIVED.
 * @returns {{session: object, message: object, created: boolean, events: object[]}}
 */
export function inboundMessage(ctx, body) {
	const { state, now } = ctx;
	const fail = (message) => Object.assign(new Error(message), { status: 400 });
	if (!body || typeof body !== 'object') throw fail('body must be a JSON object');
	if (typeof body.text !== 'string' || !body.text.trim()) throw fail('text is required');
	const digits = (p) => String(p ?? '').replace(/\D/g, '');
	const given = body.sessionId ? state.sessions.get(String(body.sessionId).toLowerCase()) : undefined;
	if (body.sessionId && !given) throw fail(`unknown session ${body.sessionId}`);
	const contact = given
		? state.contacts.get(given.contactId)
		: body.contactId
		? state.contacts.get(String(body.contactId).toLowerCase())
		: [...state.contacts.values()].find((c) => digits(body.phoneNumber) && digits(c.phoneNumber).endsWith(digits(body.phoneNumber)));
	if (!contact) throw fail(`unknown contact ${body.contactId ?? body.phoneNumber ?? '(give contactId or phoneNumber)'}`);
	// latest first
	const sessions = [...state.sessions.values()]
		.filter((s) => s.contactId === contact.id && !s._deleted)
		.sort((a, b) => (a.startAt < b.startAt ? 1 : a.startAt > b.startAt ? -1 : 0));
	const channelId = given?.channelId ?? (body.channelId ? String(body.channelId).toLowerCase() : (sessions[0]?.channelId ?? [...state.channels.values()][0]?.id));
	if (!state.channels.has(channelId)) throw fail(`unknown channel ${channelId}`);
	const at = new Date(now).toISOString();
	let s = given ?? sessions.find((x) => x.channelId === channelId && x.status !== 'COMPLETED');
	const created = !s;
	if (!s) {
		s = {
			id: newId(),
			createdAt: at,
			updatedAt: at,
			startAt: at,
			endAt: null,
			status: 'PENDING',
			companyId: state.company?.id ?? null,
			contactId: contact.id,
			channelId,
			departmentId: null,
			userId: null,
			title: null,
			number: `${at.slice(0, 10).replace(/-/g, '')}${String(90000 + state.sessions.size).slice(-5)}`,
			utm: null,
			origin: 'CONTACT',
			classification: null,
			firstResponseAt: null,
			botId: null,
			metadata: {},
			type: 'INDIVIDUAL',
		};
		state.sessions.set(s.id, s);
	}
	const m = {
		id: newId(),
		createdAt: at,
		updatedAt: at,
		timestamp: at,
		type: body.type ?? 'TEXT',
		senderId: null,
		sessionId: s.id,
		templateId: null,
		userId: null,
		direction: 'FROM_HUB',
		status: 'SAVED',
		origin: 'GATEWAY',
		text: body.text,
		fileId: null,
		refId: null,
		readContactAt: null,
		details: null,
		failedReason: null,
		filesIds: null,
	};
	state.messages.set(m.id, m);
	s.updatedAt = at;
	const events = [
		...(created ? [{ event: 'SESSION_NEW', content: sessionContent(ctx, s) }] : []),
		{ event: 'MESSAGE_RECEIVED', content: messageDto(ctx, m) },
	];
	return { session: sessionContent(ctx, s), message: messageDto(ctx, m), created, events };
}

/** The statuses a channel reports for a message (PublicMessageDTO's status enum, after it left the queue). */
const CHANNEL_STATUSES = ['SENT', 'DELIVERED', 'READ', 'FAILED'];

const badRequest = (message) => Object.assign(new Error(message), { status: 400 });

/**
 * POST /__sandbox/message-status: the channel reports a message's status. Body `{messageId, status, failedReason?}`
 * with status one of SENT, DELIVERED, READ, FAILED. Raises MESSAGE_UPDATED with the message.
 * @returns {{message: object, events: object[]}}
 */
export function messageStatusChange(ctx, body) {
	const { state, now } = ctx;
	const m = body?.messageId ? state.messages.get(String(body.messageId).toLowerCase()) : undefined;
	if (!m || m.type === 'NOTE') throw badRequest(`unknown message ${body?.messageId ?? '(give messageId)'}`);
	if (!CHANNEL_STATUSES.includes(body.status)) throw badRequest(`status must be one of ${CHANNEL_STATUSES.join(', ')}`);
	const at = new Date(now).toISOString();
	delete m._deliverAt;
	m.status = body.status;
	m.failedReason = body.status === 'FAILED' ? String(body.failedReason ?? 'Falha no envio') : null;
	if (body.status === 'READ') m.readContactAt = at;
	m.updatedAt = at;
	const message = messageDto(ctx, m);
	return { message, events: [{ event: 'MESSAGE_UPDATED', content: message }] };
}

/**
 * POST /__sandbox/card-note-edit: someone edits a card note in the WTS UI (the API has no note update). Body
 * `{noteId, text}`. Raises PANEL_CARD_NOTE_UPDATE with the note.
 * @returns {{note: object, events: object[]}}
 */
export function cardNoteEdit(ctx, body) {
	const n = body?.noteId ? ctx.state.cardNotes.get(String(body.noteId).toLowerCase()) : undefined;
	if (!n || n._deleted) throw badRequest(`unknown card note ${body?.noteId ?? '(give noteId)'}`);
	if (typeof body.text !== 'string' || !body.text.trim()) throw badRequest('text is required');
	n.text = body.text;
	n.updatedAt = new Date(ctx.now).toISOString();
	const note = cardNoteDto(ctx, n);
	return { note, events: [{ event: 'PANEL_CARD_NOTE_UPDATE', content: note }] };
}
