// Handlers of the webhook subscriptions (https://api.wts.chat/core/v1/webhook/*). Same contract as
// services/core.mjs: keyed by "METHOD /core/path/{template}" exactly as in contract.json; a handler gets
// ctx = { state, params, query, body, now, ... } and returns the JSON body (undefined = empty 200) or throws
// HttpError (formError → 500 FORM_ERROR). Delivery of events to the subscriptions is sandbox/webhooks.mjs.

import { formError } from '../envelopes.mjs';
import { newId } from '../state.mjs';

/**
 * The 16 documented events (spec/README.md, Webhooks) with the description GET /core/v1/webhook/event answers. The docs do not
 * give the descriptions' text: these Portuguese sentences are the sandbox's guess (sandbox/README.md).
 */
export const WEBHOOK_EVENTS = Object.freeze([
	{ event: 'SESSION_NEW', description: 'Nova conversa criada' },
	{ event: 'SESSION_UPDATE', description: 'Conversa atualizada' },
	{ event: 'SESSION_COMPLETE', description: 'Conversa concluída' },
	{ event: 'MESSAGE_RECEIVED', description: 'Mensagem recebida' },
	{ event: 'MESSAGE_UPDATED', description: 'Mensagem atualizada' },
	{ event: 'MESSAGE_SENT', description: 'Mensagem enviada' },
	{ event: 'CONTACT_NEW', description: 'Novo contato' },
	{ event: 'CONTACT_UPDATE', description: 'Contato atualizado' },
	{ event: 'CONTACT_TAG_UPDATE', description: 'Etiquetas do contato atualizadas' },
	{ event: 'PAYMENT_NEW', description: 'Novo pagamento' },
	{ event: 'PAYMENT_UPDATE', description: 'Pagamento atualizado' },
	{ event: 'PANEL_CARD_NEW', description: 'Novo card' },
	{ event: 'PANEL_CARD_UPDATE', description: 'Card atualizado' },
	{ event: 'PANEL_CARD_STEP_CHANGE', description: 'Card mudou de etapa' },
	{ event: 'PANEL_CARD_NOTE_NEW', description: 'Nova nota no card' },
	{ event: 'PANEL_CARD_NOTE_UPDATE', description: 'Nota do card atualizada' },
]);

const SUBSCRIPTION_NOT_FOUND = 'Assinatura de webhook não encontrada';
const EVENT_NAMES = new Set(WEBHOOK_EVENTS.map((e) => e.event));

export function subscriptionDto(s) {
	return {
		id: s.id,
		createdAt: s.createdAt,
		updatedAt: s.updatedAt,
		companyId: s.companyId,
		name: s.name,
		url: s.url,
		enabled: s.enabled,
		events: s.events.map((event) => ({ ...WEBHOOK_EVENTS.find((e) => e.event === event) })),
	};
}

/** name: 1–100 characters (the contract checks the lengths; a lenient sandbox still refuses a blank name). */
function checkName(name) {
	if (typeof name !== 'string' || !name.trim()) throw formError('Informe o nome da assinatura.');
	return name;
}

/** url: an absolute http(s) URL (guess: the docs only give the length; the platform must be able to POST to it). */
function checkUrl(url) {
	let parsed;
	try {
		parsed = new URL(String(url));
	} catch {
		parsed = null;
	}
	if (!parsed || !/^https?:$/.test(parsed.protocol)) throw formError('Informe uma URL válida para a assinatura.');
	return String(url);
}

function checkEvents(events) {
	if (!Array.isArray(events) || events.length === 0) throw formError('Informe ao menos um evento.');
	const unknown = events.filter((e) => !EVENT_NAMES.has(e));
	if (unknown.length) throw formError(`Evento inválido: ${unknown.join(', ')}.`);
	return [...new Set(events)];
}

const mustGetSubscription = (ctx) => ctx.state.mustGet('webhookSubscriptions', ctx.params.subscriptionId, SUBSCRIPTION_NOT_FOUND);

export const handlers = {
	'GET /core/v1/webhook/event': () => WEBHOOK_EVENTS.map((e) => ({ ...e })),

	'GET /core/v1/webhook/subscription': (ctx) =>
		[...ctx.state.webhookSubscriptions.values()].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0)).map(subscriptionDto),

	'GET /core/v1/webhook/subscription/{subscriptionId}': (ctx) => subscriptionDto(mustGetSubscription(ctx)),

	'POST /core/v1/webhook/subscription': (ctx) => {
		const b = ctx.body ?? {};
		const at = new Date(ctx.now).toISOString();
		const s = {
			id: newId(),
			createdAt: at,
			updatedAt: at,
			companyId: ctx.state.company?.id ?? null,
			name: checkName(b.name),
			url: checkUrl(b.url),
			enabled: b.enabled ?? true,
			events: checkEvents(b.events),
		};
		ctx.state.webhookSubscriptions.set(s.id, s);
		return subscriptionDto(s);
	},

	// Only the fields named in the `fields` mask change (Name, Url, Events, Enabled); an empty mask changes nothing.
	'PUT /core/v1/webhook/subscription/{subscriptionId}': (ctx) => {
		const s = mustGetSubscription(ctx);
		const b = ctx.body ?? {};
		const fields = new Set(b.fields ?? []);
		const next = { ...s };
		if (fields.has('Name')) next.name = checkName(b.name);
		if (fields.has('Url')) next.url = checkUrl(b.url);
		if (fields.has('Events')) next.events = checkEvents(b.events);
		// "enabled" defaults to true in the spec: Enabled in the mask without a value enables.
		if (fields.has('Enabled')) next.enabled = b.enabled ?? true;
		if (fields.size) next.updatedAt = new Date(ctx.now).toISOString();
		Object.assign(s, next);
		return subscriptionDto(s);
	},

	'DELETE /core/v1/webhook/subscription/{subscriptionId}': (ctx) => {
		const s = mustGetSubscription(ctx);
		ctx.state.webhookSubscriptions.delete(s.id);
		return undefined;
	},
};
