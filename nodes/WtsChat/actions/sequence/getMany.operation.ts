import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listWithDateFilters } from '../../helpers/listing';
import { CREATED_UPDATED_RANGES, dateRangeFilters, filtersCollection, optionsCollection, orderOptions, returnAllOrLimit } from '../listing.descriptions';
import { contactIdFilter, nameAndContactQuery, nameFilter } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersCollection([
		contactIdFilter('Only sequences this contact is in'),
		...dateRangeFilters(CREATED_UPDATED_RANGES),
		nameFilter('e.g. Boas-vindas', 'Only sequences whose name contains this text'),
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

/** GET /chat/v1/sequence, one output item per sequence. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const qs = { ...nameAndContactQuery(this, i, filters), IncludeDetails: (options.includeDetails as string[]) ?? [] };
	return await listWithDateFilters(this, i, { method: 'GET', path: '/chat/v1/sequence', qs }, CREATED_UPDATED_RANGES);
}

export const operation = defineOperation({
	resource: 'sequence',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many sequences',
	description: 'List sequences',
	summary: 'List sequences; filters: name, contact (the sequences a contact is in), created / updated date ranges; include the count of contacts in execution or the execution stats; order; Return All / Limit',
	endpoint: '`GET /chat/v1/sequence`',
	properties,
	execute,
});
