import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { contactRefBody } from '../../helpers/contactRef';
import { apiRequest } from '../../transport';
import { contactByProperties, portfolioLocator } from '../common.descriptions';
import { readPortfolioContact, removed } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	portfolioLocator({ description: 'The portfolio to remove the contact from' }),
	...contactByProperties({
		purpose: 'to remove from the portfolio',
		contact: 'The contact to remove from the portfolio (the contact itself is kept)',
	}),
];

/** DELETE /core/v1/portfolio/{id}/contact with the body `{contactId}` or `{phoneNumber}` → `{deleted: true, id, portfolioId}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const entry = readPortfolioContact(this, i);
	await apiRequest.call(
		this,
		{
			method: 'DELETE',
			path: '/core/v1/portfolio/{id}/contact',
			pathParams: { id: entry.portfolioId },
			body: contactRefBody(entry),
			subject: { noun: 'Portfolio', id: entry.portfolioId },
		},
		i,
	);
	return removed(entry);
}

export const operation = defineOperation({
	resource: 'portfolio',
	value: 'removeContact',
	name: 'Remove Contact',
	action: 'Remove a contact from a portfolio',
	description: 'Remove a contact from a portfolio (the contact is kept)',
	summary: 'Remove one contact (by ID or phone number) from a portfolio (the contact is kept); outputs `{deleted: true, id, portfolioId}` (`id` = the contact ID or phone number given)',
	endpoint: '`DELETE /core/v1/portfolio/{id}/contact` (JSON body)',
	properties,
	execute,
});
