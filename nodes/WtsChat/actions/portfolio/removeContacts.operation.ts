import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { contactRefsBody } from '../../helpers/contactRef';
import { apiRequest } from '../../transport';
import { contactByProperties, portfolioLocator } from '../common.descriptions';
import type { BatchOperation } from '../node.type';
import type { PortfolioContactEntry } from './shared';
import { PORTFOLIO_BATCH_SIZE, readPortfolioContact, removed } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	portfolioLocator({ description: 'The portfolio to remove the item’s contact from (usually the same for every item)' }),
	...contactByProperties({
		purpose: 'to remove from the portfolio',
		contact: `The contact of this item (the contact itself is kept), e.g. an expression such as {{ $json.id }}; items are grouped by portfolio, ${PORTFOLIO_BATCH_SIZE} contacts per request, and each still gets its own output item`,
	}),
];

/**
 * DELETE /core/v1/portfolio/{id}/contact/batch with the body `{contactIds, phoneNumbers}`: the input items grouped by
 * portfolio, at most 100 contacts per request. The API answers an empty 200, so each item outputs
 * `{deleted: true, id, portfolioId}`.
 */
export const batch: BatchOperation<PortfolioContactEntry> = {
	size: PORTFOLIO_BATCH_SIZE,
	async prepare(this: IExecuteFunctions, i: number) {
		const entry = readPortfolioContact(this, i);
		return { key: entry.portfolioId, entry };
	},
	async send(this: IExecuteFunctions, entries: PortfolioContactEntry[]) {
		const portfolioId = entries[0].portfolioId;
		await apiRequest.call(
			this,
			{
				method: 'DELETE',
				path: '/core/v1/portfolio/{id}/contact/batch',
				pathParams: { id: portfolioId },
				body: contactRefsBody(entries),
				subject: { noun: 'Portfolio', id: portfolioId },
			},
			// No item index: the router gives each item of the request its own copy of an error, naming it.
		);
		return entries.map(removed);
	},
};

export const operation = defineOperation({
	resource: 'portfolio',
	value: 'removeContacts',
	name: 'Remove Contacts',
	action: 'Remove many contacts from a portfolio',
	description: 'Remove the contacts of many input items from portfolios, 100 per request',
	summary: 'As Add Contacts, grouped by portfolio, up to 100 per request; each item outputs `{deleted: true, id, portfolioId}`',
	endpoint: '`DELETE /core/v1/portfolio/{id}/contact/batch` (JSON body)',
	properties,
	batch,
});
