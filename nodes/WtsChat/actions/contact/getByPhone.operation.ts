import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { optionsCollection } from '../listing.descriptions';
import { contactSimplifyProperty, includeDetailsOption } from './descriptions';
import { defaultCountryCodeOption, readPhone } from '../../helpers/phone';
import { phoneParameter } from '../common.descriptions';
import { simplifyContacts } from './bodies';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	phoneParameter('The WhatsApp number of the contact to get'),
	contactSimplifyProperty,
	optionsCollection([defaultCountryCodeOption, includeDetailsOption]),
];

/** GET /core/v1/contact/phonenumber/{phone}. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const phone = readPhone(this, this.getNodeParameter('phoneNumber', i, ''), i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const contact = (await apiRequest.call(
		this,
		{
			method: 'GET',
			path: '/core/v1/contact/phonenumber/{phone}',
			pathParams: { phone },
			subject: { noun: 'Contact', id: `+${phone}` },
			qs: { IncludeDetails: (options.includeDetails as string[]) ?? [] },
		},
		i,
	)) as IDataObject;
	return simplifyContacts(this, i, contact);
}

export const operation = defineOperation({
	resource: 'contact',
	value: 'getByPhone',
	name: 'Get By Phone',
	action: 'Get a contact by phone',
	description: 'Get a contact by its phone number',
	summary: 'The contact with a phone number, written as people write it; **Simplify**',
	endpoint: '`GET /core/v1/contact/phonenumber/{phone}`',
	properties,
	execute,
});
