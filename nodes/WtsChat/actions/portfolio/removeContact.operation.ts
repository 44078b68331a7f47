import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { contactRefBody } from '../../helpers/contactRef';
import { updateDisplayOptions } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { contactByProperties, portfolioLocator } from '../common.descriptions';
import { readPortfolioContact, removed } from './shared';

const properties: INodeProperties[] = [
	portfolioLocator({ description: 'The portfolio to remove the contact from' }),
	...contactByProperties({
		purpose: 'to remove from the portfolio',
		contact: 'The contact to remove from the portfolio (the contact itself is kept)',
	}),
];

export const description = updateDisplayOptions({ show: { resource: ['portfolio'], operation: ['removeContact'] } }, properties);

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
