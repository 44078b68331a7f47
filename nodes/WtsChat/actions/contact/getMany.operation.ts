import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { orderQuery, readPaging } from '../../helpers/listing';
import { updateDisplayOptions } from '../../helpers/utils';
import { assertOneOf, dateRangeQuery } from '../../helpers/validation';
import type { Query } from '../../transport';
import { apiRequestAllItems } from '../../transport';
import {
	CREATED_UPDATED_RANGES,
	dateRangeFilters,
	filtersCollection,
	optionsCollection,
	orderOptions,
	returnAllOrLimit,
} from '../common.descriptions';
import { CONTACT_STATUSES, contactSimplifyProperty, includeDetailsOption, simplifyContacts } from './shared';

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

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['getMany'] } }, properties);

/** GET /core/v1/contact, one output item per contact. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const paging = readPaging(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const qs: Query = {
		Status: filters.status !== undefined ? assertOneOf(this, filters.status, CONTACT_STATUSES, i, 'Status') : undefined,
		...dateRangeQuery(this, filters, i, CREATED_UPDATED_RANGES),
		IncludeDetails: (options.includeDetails as string[]) ?? [],
		...orderQuery(options),
	};
	const contacts = await apiRequestAllItems.call(this, { method: 'GET', path: '/core/v1/contact', qs }, paging, i);
	return simplifyContacts(this, i, contacts);
}
