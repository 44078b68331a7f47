import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { optionsCollection } from '../listing.descriptions';
import { contactBody, readIfExists, requireReach, simplifyContacts } from './bodies';
import { contactSimplifyProperty, createFieldsCollection, ifExistsProperties } from './descriptions';
import { defaultCountryCodeOption } from '../../helpers/phone';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Maria Oliveira', description: 'Name of the contact' },
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		placeholder: 'e.g. +55 11 99999-9999',
		description: 'WhatsApp number of the contact. A contact needs a phone number, an e-mail or an Instagram user name.',
		hint: 'With or without the country code: +55 11 99999-9999, 5511999999999 or (11) 99999-9999 (Default Country Code, under Options)',
	},
	createFieldsCollection,
	...ifExistsProperties(['create']),
	contactSimplifyProperty,
	optionsCollection([defaultCountryCodeOption]),
];

/** POST /core/v1/contact, with the upsert / get-if-exists options when chosen. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const fields: IDataObject = {
		...(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
		name: this.getNodeParameter('name', i, '') as string,
		phoneNumber: this.getNodeParameter('phoneNumber', i, '') as string,
	};
	if (String(fields.name).trim() === '') delete fields.name;
	const { body, mask } = await contactBody(this, fields, i);
	requireReach(this, body, i);
	const options = readIfExists(this, i, mask);
	if (options) body.options = options;
	const contact = (await apiRequest.call(this, { method: 'POST', path: '/core/v1/contact', body }, i)) as IDataObject;
	return simplifyContacts(this, i, contact);
}

export const operation = defineOperation({
	resource: 'contact',
	value: 'create',
	name: 'Create',
	action: 'Create a contact',
	description: 'Create a contact, or return or update it if it exists',
	summary: 'Name, phone, e-mail, Instagram, annotation, tags (from the list or by name), portfolios (from the list or by name), sequences, custom fields (picked by name), metadata; **If the Contact Exists**: leave to WTS Chat, return it unchanged (`getIfExists`), or update it (`upsert`, with the fields that may change and the tag operation)',
	endpoint: '`POST /core/v1/contact`',
	properties,
	execute,
});
