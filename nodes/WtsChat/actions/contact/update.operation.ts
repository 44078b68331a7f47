import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { contactLocator } from '../locators';
import { optionsCollection } from '../listing.descriptions';
import { contactSimplifyProperty, tagsOperationOption, updateProperties } from './descriptions';
import { defaultCountryCodeOption } from '../../helpers/phone';
import { simplifyContacts, updateBody } from './bodies';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	contactLocator({ description: 'The contact to update' }),
	...updateProperties('update'),
	contactSimplifyProperty,
	optionsCollection([defaultCountryCodeOption, tagsOperationOption]),
];

/** PUT /core/v2/contact/{id} with a `fields` mask naming exactly what the user set or cleared. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'contactId', i, 'Contact ID');
	const body = await updateBody(this, i, async () =>
		(await apiRequest.call(this, { method: 'GET', path: '/core/v1/contact/{id}', pathParams: { id }, subject: { noun: 'Contact', id } }, i)) as IDataObject,
	);
	const contact = (await apiRequest.call(
		this,
		{ method: 'PUT', path: '/core/v2/contact/{id}', pathParams: { id }, subject: { noun: 'Contact', id }, body },
		i,
	)) as IDataObject;
	return simplifyContacts(this, i, contact);
}

export const operation = defineOperation({
	resource: 'contact',
	value: 'update',
	name: 'Update',
	action: 'Update a contact',
	description: 'Change chosen fields of a contact',
	summary: 'Change only the fields you add (name, phone, e-mail, Instagram, annotation, status, picture URL, UTM, tags with a tag operation, portfolios (replaced), sequences, custom fields, metadata keys to set or remove) or clear (annotation, e-mail, Instagram, name, picture URL, portfolios, tags, UTM); sent with the API\'s `fields` mask',
	endpoint: '`PUT /core/v2/contact/{id}`',
	properties,
	execute,
});
