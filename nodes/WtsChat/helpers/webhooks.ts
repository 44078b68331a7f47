import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * The 16 webhook events WTS Chat documents (spec/README.md, Webhooks, the enum of PublicWebhookEventDTO), as options in
 * alphabetical order of their names, each with what it reports. Shared by the Webhook resource and the trigger.
 */
export const WEBHOOK_EVENT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Card Created', value: 'PANEL_CARD_NEW', description: 'A CRM card was created' },
	{ name: 'Card Moved to Another Step', value: 'PANEL_CARD_STEP_CHANGE', description: 'A CRM card changed step' },
	{ name: 'Card Note Created', value: 'PANEL_CARD_NOTE_NEW', description: 'A note was added to a CRM card' },
	{ name: 'Card Note Updated', value: 'PANEL_CARD_NOTE_UPDATE', description: 'A note of a CRM card was edited' },
	{ name: 'Card Updated', value: 'PANEL_CARD_UPDATE', description: 'A CRM card was changed' },
	{ name: 'Contact Created', value: 'CONTACT_NEW', description: 'A contact was created' },
	{ name: 'Contact Tags Updated', value: 'CONTACT_TAG_UPDATE', description: 'The tags of a contact changed' },
	{ name: 'Contact Updated', value: 'CONTACT_UPDATE', description: 'A contact was changed' },
	{ name: 'Message Received', value: 'MESSAGE_RECEIVED', description: 'A message arrived from a contact' },
	{ name: 'Message Sent', value: 'MESSAGE_SENT', description: 'A message was sent to a contact (by an agent, a bot or the API)' },
	{ name: 'Message Updated', value: 'MESSAGE_UPDATED', description: 'A message changed, e.g. its delivery status' },
	{ name: 'Payment Created', value: 'PAYMENT_NEW', description: 'A payment was created' },
	{ name: 'Payment Updated', value: 'PAYMENT_UPDATE', description: 'A payment changed, e.g. it was paid' },
	{ name: 'Session Completed', value: 'SESSION_COMPLETE', description: 'A session (conversation) was completed' },
	{ name: 'Session Created', value: 'SESSION_NEW', description: 'A session (conversation) was opened' },
	{ name: 'Session Updated', value: 'SESSION_UPDATE', description: 'A session changed: status, agent, department…' },
];

export const WEBHOOK_EVENTS = WEBHOOK_EVENT_OPTIONS.map((o) => o.value as string);

/** A URL without its query string and fragment (a trigger's secret lives in the query string). */
export function urlWithoutQuery(url: unknown): string {
	const s = typeof url === 'string' ? url : '';
	return s.replace(/[?#].*$/, '');
}
