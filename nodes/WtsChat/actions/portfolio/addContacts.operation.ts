import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { contactRefId, contactRefsBody, findMembership } from '../../helpers/contactRef';
import { apiRequest } from '../../transport';
import { contactByProperties, portfolioLocator } from '../common.descriptions';
import type { BatchOperation } from '../node.type';
import type { PortfolioContactEntry } from './shared';
import { PORTFOLIO_BATCH_SIZE, readPortfolioContact } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	portfolioLocator({ description: 'The portfolio to add the item’s contact to (usually the same for every item)' }),
	...contactByProperties({
		purpose: 'to add to the portfolio',
		contact: `The contact of this item, e.g. an expression such as {{ $json.id }}; items are grouped by portfolio, ${PORTFOLIO_BATCH_SIZE} contacts per request, and each still gets its own output item`,
	}),
];

/**
 * POST /core/v1/portfolio/{id}/contact/batch `{contactIds, phoneNumbers}`: the input items grouped by portfolio, at
 * most 100 contacts per request. Each item outputs its contact's link from the answer; a contact the answer does not
 * list (an ID that is not a contact of the account, a number of no contact) fails that item alone.
 */
export const batch: BatchOperation<PortfolioContactEntry> = {
	size: PORTFOLIO_BATCH_SIZE,
	async prepare(this: IExecuteFunctions, i: number) {
		const entry = readPortfolioContact(this, i);
		return { key: entry.portfolioId, entry };
	},
	async send(this: IExecuteFunctions, entries: PortfolioContactEntry[], itemIndexes: number[]) {
		const portfolioId = entries[0].portfolioId;
		const body = (await apiRequest.call(
			this,
			{
				method: 'POST',
				path: '/core/v1/portfolio/{id}/contact/batch',
				pathParams: { id: portfolioId },
				body: contactRefsBody(entries),
				subject: { noun: 'Portfolio', id: portfolioId },
			},
			// No item index: the router gives each item of the request its own copy of an error, naming it.
		)) as IDataObject | undefined;
		const links = Array.isArray(body?.items) ? (body.items as IDataObject[]) : [];
		return entries.map((e, k) => {
			const link = findMembership(e, links);
			const who = e.contactId ? `Contact ${e.contactId}` : `The contact with phone number +${e.phoneNumber}`;
			return (
				link ??
				new NodeOperationError(this.getNode(), `${who} was not added to portfolio ${portfolioId}`, {
					itemIndex: itemIndexes[k],
					description: e.contactId
						? 'WTS Chat’s answer does not list this contact. Check that the ID is a contact of this account (pick it from the list to be sure); the other contacts of the request were added.'
						: `WTS Chat’s answer does not list a contact with the number ${contactRefId(e)}. Check the number, or create the contact first (Contact → Create); the other contacts of the request were added.`,
				})
			);
		});
	},
};

export const operation = defineOperation({
	resource: 'portfolio',
	value: 'addContacts',
	name: 'Add Contacts',
	action: 'Add many contacts to a portfolio',
	description: 'Add the contacts of many input items to portfolios, 100 per request',
	summary: 'Each input item adds one contact (by ID or phone number); the items are grouped by portfolio into requests of up to 100 contacts (`contactIds` and `phoneNumbers`), and each item still gets its own output item (its link), paired; a contact WTS\'s answer leaves out fails that item alone',
	endpoint: '`POST /core/v1/portfolio/{id}/contact/batch`',
	properties,
	batch,
});
