import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { contactLocator, portfolioLocator } from '../common.descriptions';
import { readPortfolioContact } from './shared';

const properties: INodeProperties[] = [
	portfolioLocator({ description: 'The portfolio to add the contact to' }),
	contactLocator({ description: 'The contact to add' }),
];

export const description = updateDisplayOptions({ show: { resource: ['portfolio'], operation: ['addContact'] } }, properties);

/** POST /core/v1/portfolio/{id}/contact `{contactId}` → the contact's link to the portfolio. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const { portfolioId, contactId } = readPortfolioContact(this, i);
	return (await apiRequest.call(
		this,
		{
			method: 'POST',
			path: '/core/v1/portfolio/{id}/contact',
			pathParams: { id: portfolioId },
			body: { contactId },
			subject: { noun: 'Portfolio', id: portfolioId },
		},
		i,
	)) as IDataObject;
}
