import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { contactLocator } from '../locators';
import { optionsCollection } from '../listing.descriptions';
import { contactSimplifyProperty, includeDetailsOption } from './descriptions';
import { simplifyContacts } from './bodies';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	contactLocator({ description: 'The contact to get' }),
	contactSimplifyProperty,
	optionsCollection([includeDetailsOption]),
];

/** GET /core/v1/contact/{id}. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'contactId', i, 'Contact ID');
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const contact = (await apiRequest.call(
		this,
		{
			method: 'GET',
			path: '/core/v1/contact/{id}',
			pathParams: { id },
			subject: { noun: 'Contact', id },
			qs: { IncludeDetails: (options.includeDetails as string[]) ?? [] },
		},
		i,
	)) as IDataObject;
	return simplifyContacts(this, i, contact);
}

export const operation = defineOperation({
	resource: 'contact',
	value: 'get',
	name: 'Get',
	action: 'Get a contact',
	description: 'Get a contact by ID',
	summary: 'One contact, with optional details; **Simplify**',
	endpoint: '`GET /core/v1/contact/{id}`',
	properties,
	execute,
});
