import type { IDataObject } from 'n8n-workflow';

import { urlWithoutQuery } from '../helpers/webhooks';

/**
 * The labels the pickers show, one function per record type, used by both the list searches and the load
 * options so a record reads the same everywhere. The searches match on exactly these strings
 * (helpers/search.ts), so what a user sees is what a user can type.
 */

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

/** "STARTED" → "started", "IN_PROGRESS" → "in progress". */
export function statusWords(status: unknown): string {
	return text(status).replace(/_/g, ' ').toLowerCase();
}

/**
 * `<contact> · <status> · #<number> · <phone>`, e.g. "João Santos · in progress · #2026113000119 · (11) 99999-0002".
 * The contact is the name (else the session title, else the phone or Instagram handle); the phone is added when a
 * name is shown, so a session can also be found by its phone. Needs `IncludeDetails=ContactDetails`.
 */
export function sessionLabel(session: IDataObject): string {
	const contact = (session.contactDetails ?? {}) as IDataObject;
	const name = text(contact.name) || text(session.title);
	const handle = text(contact.phonenumberFormatted) || text(contact.phonenumber) || text(contact.instagram);
	const number = text(session.number);
	return [
		name || handle || 'Unknown contact',
		statusWords(session.status),
		number ? `#${number}` : '',
		name && handle ? handle : '',
	]
		.filter((part) => part !== '')
		.join(' · ');
}

export function departmentLabel(department: IDataObject): string {
	return text(department.name) || text(department.id);
}

/** "Carla Mendes (carla.mendes@…)". */
export function agentLabel(agent: IDataObject): string {
	const name = text(agent.name) || text(agent.shortName) || text(agent.email) || text(agent.userId) || text(agent.id);
	const email = text(agent.email);
	return email && email !== name ? `${name} (${email})` : name;
}

/** "Loja Exemplo · +55 11 3000-0001 (CloudAPI_WhatsApp)": channels often share a display name, the number tells them apart. */
export function channelLabel(channel: IDataObject): string {
	const identity = (channel.identity ?? {}) as IDataObject;
	const displayName = text(identity.displayName);
	const number = text(channel.numberFormatted) || text(channel.number) || text(identity.humanId);
	const who = displayName && number && displayName !== number ? `${displayName} · ${number}` : displayName || number || text(channel.id);
	const kind = text(channel.type) || text(identity.platform);
	return kind ? `${who} (${kind})` : who;
}

/** "atualizacao_pedido (Approved)", "natal_2024 (Paused, archived)". */
export function templateLabel(template: IDataObject): string {
	const name = text(template.name) || text(template.id);
	const notes = [text(template.status), template.archived === true ? 'archived' : ''].filter((part) => part !== '');
	return notes.length > 0 ? `${name} (${notes.join(', ')})` : name;
}

/**
 * "Maria Souza · +55 11 99999-0001" (else the e-mail or Instagram handle): a contact's name and how to reach it,
 * with "· archived" / "· blocked" when the contact is not active ("Lucas Carvalho · (11) 99999-0008 · archived").
 */
export function contactLabel(contact: IDataObject): string {
	const name = text(contact.name) || text(contact.nameWhatsapp) || text(contact.nameInstagram);
	const reach = text(contact.phoneNumberFormatted) || text(contact.phoneNumber) || text(contact.email) || text(contact.instagram);
	const status = text(contact.status);
	const label = name && reach ? `${name} · ${reach}` : name || reach || text(contact.id);
	return status && status !== 'ACTIVE' ? `${label} · ${statusWords(status)}` : label;
}

/** "Funil de Vendas (Sales)". */
export function panelLabel(panel: IDataObject): string {
	const title = text(panel.title) || text(panel.key) || text(panel.id);
	const type = text(panel.type);
	return type ? `${title} (${type.charAt(0)}${type.slice(1).toLowerCase()})` : title;
}

/** "VEN-3 · Orçamento 50 camisetas · Novo lead", with the status when the card is not open ("· won"). */
export function cardLabel(card: IDataObject): string {
	const status = text(card.status);
	return [text(card.key), text(card.title) || text(card.id), text(card.stepTitle), status && status !== 'OPEN' ? statusWords(status) : '']
		.filter((part) => part !== '')
		.join(' · ');
}

/** "Novo lead (initial)", "Fechado (final)". */
export function stepLabel(step: IDataObject): string {
	const title = text(step.title) || text(step.id);
	return step.isInitial === true ? `${title} (initial)` : step.isFinal === true ? `${title} (final)` : title;
}

/** "Origem do lead (origem-do-lead, single select)": the name, the key sent to WTS and the type. */
export function customFieldLabel(field: IDataObject): string {
	const name = text(field.name) || text(field.key);
	return `${name} (${text(field.key)}, ${statusWords(field.type).replace('singleselect', 'single select').replace('multiselect', 'multi select')})`;
}

/** "Pesquisa de satisfação (Automation, READY)": the bot's name with its type and publish status. */
export function chatbotLabel(chatbot: IDataObject): string {
	const name = text(chatbot.name) || text(chatbot.key) || text(chatbot.id);
	const kind = [text(chatbot.type), text(chatbot.publishStatus)].filter((part) => part !== '').join(', ');
	return kind ? `${name} (${kind})` : name;
}

/** "n8n: WTS Chat Trigger · enabled · https://n8n.example.com/webhook/…" (the URL without its query string, where a trigger keeps its secret). */
export function subscriptionLabel(subscription: IDataObject): string {
	const name = text(subscription.name) || text(subscription.id);
	const url = urlWithoutQuery(text(subscription.url));
	return [name, subscription.enabled === false ? 'paused' : 'enabled', url].filter(Boolean).join(' · ');
}

/**
 * "Maria Oliveira · atualizacao_pedido · 2026-12-01 13:00 UTC · scheduled": who, what (template or chatbot), when,
 * status. Needs `IncludeDetails=Contact,Template,Chatbot`.
 */
export function scheduledMessageLabel(record: IDataObject): string {
	const contact = (record.contact ?? {}) as IDataObject;
	const template = (record.template ?? {}) as IDataObject;
	const chatbot = (record.chatbot ?? {}) as IDataObject;
	const who = text(contact.name) || text(contact.phonenumberFormatted) || text(contact.instagram) || text(record.contactId);
	const what = text(template.name) || text(chatbot.name) || text(record.type).toLowerCase();
	const when = text(record.scheduling).replace('T', ' ').replace(/:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, ' UTC');
	return [who, what, when, statusWords(record.status)].filter((part) => part !== '').join(' · ');
}

/** "Boas-vindas novos clientes", "Cobrança amigável (disabled)": a disabled sequence takes no new contacts. */
export function sequenceLabel(sequence: IDataObject): string {
	const name = text(sequence.name) || text(sequence.id);
	return sequence.enabled === false ? `${name} (disabled)` : name;
}

/** "VIP (RED_500)": a tag's name and colour. */
export function tagLabel(tag: IDataObject): string {
	const name = text(tag.name) || text(tag.id);
	const color = text(tag.color);
	return color ? `${name} (${color})` : name;
}

/** "Carteira Sul (12 contacts)": a portfolio's name and, when known, how many contacts it holds. */
export function portfolioLabel(portfolio: IDataObject): string {
	const name = text(portfolio.name) || text(portfolio.id);
	const count = typeof portfolio.contactsCount === 'number' ? portfolio.contactsCount : undefined;
	return count === undefined ? name : `${name} (${count} contact${count === 1 ? '' : 's'})`;
}
