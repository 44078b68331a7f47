import type { IDataObject } from 'n8n-workflow';

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

/** "atualizacao_pedido (Approved)". */
export function templateLabel(template: IDataObject): string {
	const name = text(template.name) || text(template.id);
	const status = text(template.status);
	return status ? `${name} (${status})` : name;
}

/** "Maria Souza · +55 11 99999-0001" (else the e-mail or Instagram handle): a contact's name and how to reach it. */
export function contactLabel(contact: IDataObject): string {
	const name = text(contact.name) || text(contact.nameWhatsapp) || text(contact.nameInstagram);
	const reach = text(contact.phoneNumberFormatted) || text(contact.phoneNumber) || text(contact.email) || text(contact.instagram);
	if (name && reach) return `${name} · ${reach}`;
	return name || reach || text(contact.id);
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
