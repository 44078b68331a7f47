import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { contactLocator, optionsCollection } from '../common.descriptions';
import {
	contactSimplifyProperty,
	defaultCountryCodeOption,
	simplifyContacts,
	tagsOperationOption,
	updateBody,
	updateProperties,
} from './shared';

const properties: INodeProperties[] = [
	contactLocator({ description: 'The contact to update' }),
	...updateProperties('update'),
	contactSimplifyProperty,
	optionsCollection([defaultCountryCodeOption, tagsOperationOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['update'] } }, properties);

/** PUT /core/v2/contact/{id} with a `fields` mask naming exactly what the user set or cleared. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'contactId', i, 'Contact ID');
	const body = await updateBody(this, i);
	const contact = (await apiRequest.call(
		this,
		{ method: 'PUT', path: '/core/v2/contact/{id}', pathParams: { id }, subject: { noun: 'Contact', id }, body },
		i,
	)) as IDataObject;
	return simplifyContacts(this, i, contact);
}
