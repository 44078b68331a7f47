import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listWithDateFilters } from '../../helpers/listing';
import { assertOneOf } from '../../helpers/validation';
import type { Query } from '../../transport';
import { CREATED_UPDATED_RANGES, dateRangeFilters, filtersCollection, optionsCollection, orderOptions, returnAllOrLimit } from '../listing.descriptions';
import { CONTACT_STATUSES } from './fields';
import { contactSimplifyProperty, includeDetailsOption } from './descriptions';
import { simplifyContacts } from './bodies';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	contactSimplifyProperty,
	filtersCollection([
		...dateRangeFilters(CREATED_UPDATED_RANGES),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: CONTACT_STATUSES,
			default: 'ACTIVE',
			description: 'Only contacts with this status (WTS Chat lists active contacts when no status is given)',
		},
	]),
	optionsCollection([includeDetailsOption, ...orderOptions]),
];

/** GET /core/v1/contact, one output item per contact. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const qs: Query = {
		Status: filters.status !== undefined ? assertOneOf(this, filters.status, CONTACT_STATUSES, i, 'Status') : undefined,
		IncludeDetails: (options.includeDetails as string[]) ?? [],
	};
	const contacts = await listWithDateFilters(this, i, { method: 'GET', path: '/core/v1/contact', qs }, CREATED_UPDATED_RANGES);
	return simplifyContacts(this, i, contacts);
}

export const operation = defineOperation({
	resource: 'contact',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many contacts',
	description: 'List contacts',
	summary: 'List contacts; filters: status, created / updated date ranges; include details (tags, custom fields, portfolios); order; Return All / Limit; **Simplify**',
	endpoint: '`GET /core/v1/contact`',
	properties,
	execute,
});
