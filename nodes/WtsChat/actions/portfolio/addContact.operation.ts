import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { contactRefBody } from '../../helpers/contactRef';
import { apiRequest } from '../../transport';
import { contactByProperties, portfolioLocator } from '../common.descriptions';
import { readPortfolioContact } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	portfolioLocator({ description: 'The portfolio to add the contact to' }),
	...contactByProperties({ purpose: 'to add to the portfolio' }),
];

/** POST /core/v1/portfolio/{id}/contact `{contactId}` or `{phoneNumber}` → the contact's link to the portfolio. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const entry = readPortfolioContact(this, i);
	return (await apiRequest.call(
		this,
		{
			method: 'POST',
			path: '/core/v1/portfolio/{id}/contact',
			pathParams: { id: entry.portfolioId },
			body: contactRefBody(entry),
			subject: { noun: 'Portfolio', id: entry.portfolioId },
		},
		i,
	)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'portfolio',
	value: 'addContact',
	name: 'Add Contact',
	action: 'Add a contact to a portfolio',
	description: 'Add a contact to a portfolio',
	summary: 'Add one contact (picked, by ID, or by **phone number**) to a portfolio, one request per item; outputs the link',
	endpoint: '`POST /core/v1/portfolio/{id}/contact`',
	properties,
	execute,
});
