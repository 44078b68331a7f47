import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listWithDateFilters, simplifyIfAsked } from '../../helpers/listing';
import { CREATED_UPDATED_RANGES, dateRangeFilters, filtersCollection, optionsCollection, orderOptions, returnAllOrLimit, simplifyProperty } from '../listing.descriptions';
import { defineOperation } from '../operation';

/** What Simplify keeps of a portfolio (PublicPortfolioDTO has 11 fields). */
export const PORTFOLIO_SIMPLE_FIELDS = ['id', 'name', 'type', 'active', 'contactsCount', 'automaticAttribution', 'expirationDurationInMonths'] as const;

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	simplifyProperty(PORTFOLIO_SIMPLE_FIELDS, ' (contactsCount only with Include Details → Contact Count)'),
	filtersCollection(dateRangeFilters(CREATED_UPDATED_RANGES)),
	optionsCollection([
		{
			displayName: 'Include Details',
			name: 'includeDetails',
			type: 'multiOptions',
			default: [],
			description: 'Extra data WTS Chat adds to each portfolio only when asked',
			options: [
				{ name: 'Contact Count', value: 'ContactCount', description: 'How many contacts the portfolio holds (contactsCount)' },
				{ name: 'Departments', value: 'Departments', description: 'The departments and agents the portfolio is shared with' },
			],
		},
		...orderOptions,
	]),
];

/** GET /core/v1/portfolio (paged), one output item per portfolio. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const qs = { IncludeDetails: (options.includeDetails as string[]) ?? [] };
	const portfolios = await listWithDateFilters(this, i, { method: 'GET', path: '/core/v1/portfolio', qs }, CREATED_UPDATED_RANGES);
	return simplifyIfAsked(this, i, portfolios, PORTFOLIO_SIMPLE_FIELDS);
}

export const operation = defineOperation({
	resource: 'portfolio',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many portfolios',
	description: 'List the portfolios of the account',
	summary: 'The account\'s portfolios (carteiras); created / updated date filters, Include Details (Contact Count, Departments), order, Return All / Limit; **Simplify**',
	endpoint: '`GET /core/v1/portfolio`',
	properties,
	execute,
});
