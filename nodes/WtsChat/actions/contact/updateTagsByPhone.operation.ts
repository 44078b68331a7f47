import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { optionsCollection } from '../listing.descriptions';
import { contactSimplifyProperty, tagChangeProperties } from './descriptions';
import { defaultCountryCodeOption, readPhone } from '../../helpers/phone';
import { phoneParameter } from '../common.descriptions';
import { simplifyContacts, tagChangeBody } from './bodies';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	{ ...phoneParameter('The WhatsApp number of the contact whose tags change'), name: 'contactPhone' },
	...tagChangeProperties,
	contactSimplifyProperty,
	optionsCollection([defaultCountryCodeOption]),
];

/** POST /core/v1/contact/phonenumber/{phone}/tags. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const phone = readPhone(this, this.getNodeParameter('contactPhone', i, ''), i);
	const body = tagChangeBody(this, i);
	const contact = (await apiRequest.call(
		this,
		{
			method: 'POST',
			path: '/core/v1/contact/phonenumber/{phone}/tags',
			pathParams: { phone },
			subject: { noun: 'Contact', id: `+${phone}` },
			body,
			idempotent: true,
		},
		i,
	)) as IDataObject;
	return simplifyContacts(this, i, contact);
}

export const operation = defineOperation({
	resource: 'contact',
	value: 'updateTagsByPhone',
	name: 'Update Tags By Phone',
	action: 'Update the tags of a contact by phone',
	description: 'Add, remove or replace the tags of the contact with a phone number',
	summary: 'The same, for the contact with a phone number',
	endpoint: '`POST /core/v1/contact/phonenumber/{phone}/tags`',
	properties,
	execute,
});
