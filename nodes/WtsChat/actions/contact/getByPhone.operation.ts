import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { optionsCollection } from '../common.descriptions';
import {
	contactSimplifyProperty,
	defaultCountryCodeOption,
	includeDetailsOption,
	phoneParameter,
	readPhone,
	simplifyContacts,
} from './shared';

const properties: INodeProperties[] = [
	phoneParameter('The WhatsApp number of the contact to get'),
	contactSimplifyProperty,
	optionsCollection([defaultCountryCodeOption, includeDetailsOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['getByPhone'] } }, properties);

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
