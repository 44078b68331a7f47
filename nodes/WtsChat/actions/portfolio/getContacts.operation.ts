import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPaging } from '../../helpers/listing';
import { updateDisplayOptions } from '../../helpers/utils';
import { dateRangeQuery, requireUuid, uuidList } from '../../helpers/validation';
import type { Query } from '../../transport';
import { apiRequest } from '../../transport';
import { CREATED_UPDATED_RANGES, dateRangeFilters, filtersCollection, portfolioLocator, returnAllOrLimit } from '../common.descriptions';

const PAGE_SIZE = 100;
/** Guards against an answer that keeps saying hasMorePages. */
const MAX_PAGES = 10_000;

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

export const description = updateDisplayOptions({ show: { resource: ['portfolio'], operation: ['getContacts'] } }, properties);

/**
 * GET /core/v1/portfolio/{id}/contact, one output item per contact link (with `contactDetails`). This listing
 * has its own query model (`Page` / `PageSize` instead of `PageNumber` / `PageSize`), so it is paged here.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const id = requireUuid(this, 'portfolioId', i, 'Portfolio ID');
	const paging = readPaging(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: Query = {
		ContactIds: uuidList(this, filters.contactIds, i, 'Contact ID'),
		...dateRangeQuery(this, filters, i, CREATED_UPDATED_RANGES),
	};
	const limit = paging.returnAll ? Infinity : (paging.limit ?? 50);
	const pageSize = Math.min(PAGE_SIZE, limit);
	const results: IDataObject[] = [];
	for (let page = 1; page <= MAX_PAGES; page++) {
		const body = (await apiRequest.call(
			this,
			{ method: 'GET', path: '/core/v1/portfolio/{id}/contact', pathParams: { id }, qs: { ...qs, Page: page, PageSize: pageSize }, subject: { noun: 'Portfolio', id } },
			i,
		)) as IDataObject | undefined;
		const items = Array.isArray(body?.items) ? (body.items as IDataObject[]) : [];
		results.push(...items);
		if (results.length >= limit) return results.slice(0, limit);
		if (body?.hasMorePages !== true || items.length === 0) break;
	}
	return results;
}
