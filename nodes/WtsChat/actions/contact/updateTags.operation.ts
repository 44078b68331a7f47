import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { contactLocator } from '../locators';
import { contactSimplifyProperty, tagChangeProperties } from './descriptions';
import { simplifyContacts, tagChangeBody } from './bodies';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	contactLocator({ description: 'The contact whose tags change' }),
	...tagChangeProperties,
	contactSimplifyProperty,
];

/** POST /core/v1/contact/{id}/tags. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'contactId', i, 'Contact ID');
	const body = tagChangeBody(this, i);
	const contact = (await apiRequest.call(
		this,
		// The same tags sent twice give the same tags: a retry cannot duplicate anything.
		{ method: 'POST', path: '/core/v1/contact/{id}/tags', pathParams: { id }, subject: { noun: 'Contact', id }, body, idempotent: true },
		i,
	)) as IDataObject;
	return simplifyContacts(this, i, contact);
}

export const operation = defineOperation({
	resource: 'contact',
	value: 'updateTags',
	name: 'Update Tags',
	action: 'Update the tags of a contact',
	description: 'Add, remove or replace the tags of a contact',
	summary: 'Add, remove or replace the tags of a contact (from the list or by name; Replace with none removes all)',
	endpoint: '`POST /core/v1/contact/{id}/tags`',
	properties,
	execute,
});
