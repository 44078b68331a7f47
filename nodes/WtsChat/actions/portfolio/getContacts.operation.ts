import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listWithDateFilters } from '../../helpers/listing';
import { requireUuid, uuidList } from '../../helpers/validation';
import { CREATED_UPDATED_RANGES, dateRangeFilters, filtersCollection, returnAllOrLimit } from '../listing.descriptions';
import { portfolioLocator } from '../locators';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	portfolioLocator({ description: 'The portfolio whose contacts to list' }),
	...returnAllOrLimit,
	filtersCollection([
		{
			displayName: 'Contact IDs',
			name: 'contactIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b, 8d2e…',
			description: 'Comma-separated contact IDs; only these contacts’ links to the portfolio are returned',
		},
		...dateRangeFilters(CREATED_UPDATED_RANGES).map((p) => ({
			...p,
			description: `${p.description} (the moment the contact was added to or last changed in the portfolio)`,
		})),
	]),
];

/**
 * GET /core/v1/portfolio/{id}/contact, one output item per contact link (with `contactDetails`). This listing
 * has its own query model (`Page` / `PageSize` instead of `PageNumber` / `PageSize`), so it is paged here.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const id = requireUuid(this, 'portfolioId', i, 'Portfolio ID');
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	return await listWithDateFilters(
		this,
		i,
		{
			method: 'GET',
			path: '/core/v1/portfolio/{id}/contact',
			pathParams: { id },
			qs: { ContactIds: uuidList(this, filters.contactIds, i, 'Contact ID') },
			subject: { noun: 'Portfolio', id },
			pageIn: 'Page',
		},
		CREATED_UPDATED_RANGES,
	);
}

export const operation = defineOperation({
	resource: 'portfolio',
	value: 'getContacts',
	name: 'Get Contacts',
	action: 'Get the contacts of a portfolio',
	description: 'List the contacts of a portfolio',
	summary: 'The contacts of a portfolio (the link plus `contactDetails`: name, phone, e-mail…); filter by contact IDs and created / updated dates; Return All / Limit',
	endpoint: '`GET /core/v1/portfolio/{id}/contact`',
	properties,
	execute,
});
