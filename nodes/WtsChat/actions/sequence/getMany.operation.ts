import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { orderQuery, readPaging } from '../../helpers/listing';
import { updateDisplayOptions } from '../../helpers/utils';
import { assertUuid, dateRangeQuery } from '../../helpers/validation';
import { apiRequestAllItems } from '../../transport';
import {
	CREATED_UPDATED_RANGES,
	dateRangeFilters,
	filtersCollection,
	optionsCollection,
	orderOptions,
	returnAllOrLimit,
} from '../common.descriptions';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersCollection([
		{
			displayName: 'Contact ID',
			name: 'contactId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b',
			description: 'Only sequences this contact is in',
		},
		...dateRangeFilters(CREATED_UPDATED_RANGES),
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'e.g. Boas-vindas',
			description: 'Only sequences whose name contains this text',
		},
	]),
	optionsCollection([
		{
			displayName: 'Include Details',
			name: 'includeDetails',
			type: 'multiOptions',
			default: [],
			description: 'Counts to fill in each sequence',
			options: [
				{ name: 'Contacts in Execution', value: 'ContactExecutingCount', description: 'Fill contactExecutingCount' },
				{ name: 'Execution Stats', value: 'ExecutionStats', description: 'The execution statistics of the sequence' },
			],
		},
		...orderOptions,
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['sequence'], operation: ['getMany'] } }, properties);

/** GET /chat/v1/sequence, one output item per sequence. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const paging = readPaging(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const qs = {
		Name: typeof filters.name === 'string' && filters.name.trim() ? filters.name.trim() : undefined,
		ContactId: filters.contactId ? assertUuid(this, filters.contactId, i, 'Contact ID') : undefined,
		...dateRangeQuery(this, filters, i, CREATED_UPDATED_RANGES),
		IncludeDetails: (options.includeDetails as string[]) ?? [],
		...orderQuery(options),
	};
	return await apiRequestAllItems.call(this, { method: 'GET', path: '/chat/v1/sequence', qs }, paging, i);
}
