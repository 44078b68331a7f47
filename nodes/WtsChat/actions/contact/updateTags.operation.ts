import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { contactLocator } from '../common.descriptions';
import { contactSimplifyProperty, simplifyContacts, tagChangeBody, tagChangeProperties } from './shared';

const properties: INodeProperties[] = [
	contactLocator({ description: 'The contact whose tags change' }),
	...tagChangeProperties,
	contactSimplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['updateTags'] } }, properties);

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
