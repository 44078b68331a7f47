import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { contactRefBody } from '../../helpers/contactRef';
import { updateDisplayOptions } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { contactByProperties, portfolioLocator } from '../common.descriptions';
import { readPortfolioContact } from './shared';

const properties: INodeProperties[] = [
	portfolioLocator({ description: 'The portfolio to add the contact to' }),
	...contactByProperties({ purpose: 'to add to the portfolio' }),
];

export const description = updateDisplayOptions({ show: { resource: ['portfolio'], operation: ['addContact'] } }, properties);

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
