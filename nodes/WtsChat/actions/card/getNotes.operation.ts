import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { orderQuery, readPaging } from '../../helpers/listing';
import { updateDisplayOptions } from '../../helpers/utils';
import { dateRangeQuery, requireUuid } from '../../helpers/validation';
import { apiRequestAllItems } from '../../transport';
import {
	cardLocator,
	CREATED_UPDATED_RANGES,
	dateRangeFilters,
	filtersCollection,
	optionsCollection,
	orderOptions,
	returnAllOrLimit,
} from '../common.descriptions';

const properties: INodeProperties[] = [
	cardLocator({ description: 'The card whose notes to get' }),
	...returnAllOrLimit,
	filtersCollection(dateRangeFilters(CREATED_UPDATED_RANGES)),
	optionsCollection(orderOptions),
];

export const description = updateDisplayOptions({ show: { resource: ['card'], operation: ['getNotes'] } }, properties);

/** GET /crm/v1/panel/card/{cardId}/note, one output item per note (10 fields: no Simplify needed). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const cardId = requireUuid(this, 'cardId', i, 'Card ID');
	const paging = readPaging(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const qs = { ...dateRangeQuery(this, filters, i, CREATED_UPDATED_RANGES), ...orderQuery(options) };
	return await apiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/crm/v1/panel/card/{cardId}/note', pathParams: { cardId }, qs, subject: { noun: 'Card', id: cardId } },
		paging,
		i,
	);
}
