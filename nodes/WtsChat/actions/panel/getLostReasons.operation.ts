import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { orderQuery, readPaging } from '../../helpers/listing';
import { updateDisplayOptions } from '../../helpers/utils';
import { dateRangeQuery, requireUuid } from '../../helpers/validation';
import { apiRequestAllItems } from '../../transport';
import {
	CREATED_UPDATED_RANGES,
	dateRangeFilters,
	filtersCollection,
	optionsCollection,
	orderOptions,
	panelLocator,
	returnAllOrLimit,
} from '../common.descriptions';

const properties: INodeProperties[] = [
	panelLocator({ description: 'The sales panel whose lost reasons to get (management panels have none)' }),
	...returnAllOrLimit,
	filtersCollection(dateRangeFilters(CREATED_UPDATED_RANGES)),
	optionsCollection(orderOptions),
];

export const description = updateDisplayOptions({ show: { resource: ['panel'], operation: ['getLostReasons'] } }, properties);

/** GET /crm/v1/panel/{id}/lost-reason, one output item per reason (the reason text is `description`). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const id = requireUuid(this, 'panelId', i, 'Panel ID');
	const paging = readPaging(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const qs = { ...dateRangeQuery(this, filters, i, CREATED_UPDATED_RANGES), ...orderQuery(options) };
	return await apiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/crm/v1/panel/{id}/lost-reason', pathParams: { id }, qs, subject: { noun: 'Panel', id } },
		paging,
		i,
	);
}
