import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { contactLocator, portfolioLocator } from '../common.descriptions';
import { readPortfolioContact, removed } from './shared';

const properties: INodeProperties[] = [
	portfolioLocator({ description: 'The portfolio to remove the contact from' }),
	contactLocator({ description: 'The contact to remove (the contact itself is kept)' }),
];

export const description = updateDisplayOptions({ show: { resource: ['portfolio'], operation: ['removeContact'] } }, properties);

/** DELETE /core/v1/portfolio/{id}/contact with the body `{contactId}` → `{removed: true, portfolioId, contactId}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const entry = readPortfolioContact(this, i);
	await apiRequest.call(
		this,
		{
			method: 'DELETE',
			path: '/core/v1/portfolio/{id}/contact',
			pathParams: { id: entry.portfolioId },
			body: { contactId: entry.contactId },
			subject: { noun: 'Portfolio', id: entry.portfolioId },
		},
		i,
	);
	return removed(entry);
}
