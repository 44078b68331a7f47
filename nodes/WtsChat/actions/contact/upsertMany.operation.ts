import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import type { BatchOperation } from '../node.type';
import { optionsCollection } from '../listing.descriptions';
import { contactBody, readIfExists, requireReach, simplifyContacts } from './bodies';
import { contactSimplifyProperty, createFieldsCollection, ifExistsProperties } from './descriptions';
import { defaultCountryCodeOption } from '../../helpers/phone';
import { defineOperation } from '../operation';

/** Documented maximum of `items` in one POST /core/v2/contact/batch. */
export const BATCH_SIZE = 100;

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. {{ $json.name }}', description: 'Name of the contact of this item' },
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.phone }}',
		description: 'WhatsApp number of the contact of this item. A contact needs a phone number, an e-mail or an Instagram user name.',
		hint: 'With or without the country code: +55 11 99999-9999, 5511999999999 or (11) 99999-9999 (Default Country Code, under Options)',
	},
	createFieldsCollection,
	...ifExistsProperties(['upsertMany'], true),
	contactSimplifyProperty,
	optionsCollection([defaultCountryCodeOption]),
];

interface Entry {
	contact: IDataObject;
	options?: IDataObject;
}

const digits = (v: unknown) => String(v ?? '').replace(/\D/g, '');
const handle = (v: unknown) => String(v ?? '').trim().replace(/^@/, '').toLowerCase();
const mail = (v: unknown) => String(v ?? '').trim().toLowerCase();

/** The contact of the answer that is this entry's: same phone, else same e-mail, else same Instagram. */
function findSaved(saved: IDataObject[], contact: IDataObject): IDataObject | undefined {
	if (contact.phoneNumber) {
		const phone = digits(contact.phoneNumber);
		const found = saved.find((c) => digits(c.phoneNumber) === phone);
		if (found) return found;
	}
	if (contact.email) {
		const found = saved.find((c) => c.email && mail(c.email) === mail(contact.email));
		if (found) return found;
	}
	if (contact.instagram) return saved.find((c) => c.instagram && handle(c.instagram) === handle(contact.instagram));
	return undefined;
}

/**
 * POST /core/v2/contact/batch: items with the same options share requests of at most 100 contacts (the router
 * groups them); each output item is the saved contact of its input item, or an error for a contact missing from
 * the answer (WTS Chat does not document per-contact errors; a contact it did not save is not in the answer).
 */
export const batch: BatchOperation<Entry> = {
	size: BATCH_SIZE,
	probe: (e) => ({ method: 'POST', path: '/core/v2/contact/batch', body: { items: [e.contact], ...(e.options ? { options: e.options } : {}) } }),
	async prepare(this: IExecuteFunctions, i: number) {
		const fields: IDataObject = {
			...(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
			name: this.getNodeParameter('name', i, '') as string,
			phoneNumber: this.getNodeParameter('phoneNumber', i, '') as string,
		};
		if (String(fields.name).trim() === '') delete fields.name;
		const { body, mask } = await contactBody(this, fields, i);
		requireReach(this, body, i);
		const options = readIfExists(this, i, mask);
		return { key: JSON.stringify(options ?? {}), entry: { contact: body, options } };
	},
	async send(this: IExecuteFunctions, entries: Entry[], itemIndexes: number[]) {
		const body: IDataObject = { items: entries.map((e) => e.contact) };
		if (entries[0].options) body.options = entries[0].options;
		// No item index: an error of the request is every entry's, and the router names each item.
		const answer = await apiRequest.call(this, { method: 'POST', path: '/core/v2/contact/batch', body });
		const saved = Array.isArray(answer) ? (answer as IDataObject[]) : [];
		return entries.map((entry, k) => {
			const contact = findSaved(saved, entry.contact);
			if (!contact) {
				const who = String(entry.contact.phoneNumber ?? entry.contact.email ?? entry.contact.instagram);
				return new NodeOperationError(this.getNode(), `WTS Chat did not save the contact ${who}`, {
					description:
						'The batch request went through, but this contact is not in WTS Chat’s answer, so it was not saved. Check its phone number, e-mail and Instagram, or create it alone with Contact → Create to see WTS Chat’s reason.',
					itemIndex: itemIndexes[k],
				});
			}
			return simplifyContacts(this, itemIndexes[k], contact);
		});
	},
};

export const operation = defineOperation({
	resource: 'contact',
	value: 'upsertMany',
	name: 'Upsert Many',
	action: 'Upsert many contacts',
	description: 'Create or update many contacts, 100 per request',
	summary: 'One contact per input item, saved **100 per request** (10,000 items = 100 requests); a contact with a known phone, e-mail or Instagram is updated (or, with Return It Unchanged, returned as it is); one output item per input item, paired; a contact WTS Chat leaves out of its answer is that item\'s error',
	endpoint: '`POST /core/v2/contact/batch`',
	properties,
	batch,
});
