import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { optionsCollection } from '../listing.descriptions';
import { contactSimplifyProperty, tagsOperationOption, updateProperties } from './descriptions';
import { defaultCountryCodeOption, readPhone } from '../../helpers/phone';
import { phoneParameter } from '../common.descriptions';
import { simplifyContacts, updateBody } from './bodies';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	{ ...phoneParameter('The WhatsApp number of the contact to update'), name: 'contactPhone' },
	...updateProperties('updateByPhone'),
	contactSimplifyProperty,
	optionsCollection([defaultCountryCodeOption, tagsOperationOption]),
];

/** PUT /core/v1/contact/phonenumber/{phone}, the same partial body as Update. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const phone = readPhone(this, this.getNodeParameter('contactPhone', i, ''), i);
	const body = await updateBody(this, i, async () =>
		(await apiRequest.call(
			this,
			{ method: 'GET', path: '/core/v1/contact/phonenumber/{phone}', pathParams: { phone }, subject: { noun: 'Contact', id: `+${phone}` } },
			i,
		)) as IDataObject,
	);
	const contact = (await apiRequest.call(
		this,
		{
			method: 'PUT',
			path: '/core/v1/contact/phonenumber/{phone}',
			pathParams: { phone },
			subject: { noun: 'Contact', id: `+${phone}` },
			body,
		},
		i,
	)) as IDataObject;
	return simplifyContacts(this, i, contact);
}

export const operation = defineOperation({
	resource: 'contact',
	value: 'updateByPhone',
	name: 'Update By Phone',
	action: 'Update a contact by phone',
	description: 'Change chosen fields of the contact with a phone number',
	summary: 'The same as Update, for the contact with a phone number',
	endpoint: '`PUT /core/v1/contact/phonenumber/{phone}`',
	properties,
	execute,
});
