import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { optionsCollection } from '../common.descriptions';
import {
	contactSimplifyProperty,
	defaultCountryCodeOption,
	phoneParameter,
	readPhone,
	simplifyContacts,
	tagChangeBody,
	tagChangeProperties,
} from './shared';

const properties: INodeProperties[] = [
	{ ...phoneParameter('The WhatsApp number of the contact whose tags change'), name: 'contactPhone' },
	...tagChangeProperties,
	contactSimplifyProperty,
	optionsCollection([defaultCountryCodeOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['updateTagsByPhone'] } }, properties);

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
