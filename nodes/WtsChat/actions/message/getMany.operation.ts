import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { orderQuery, readPaging, simplifyIfAsked } from '../../helpers/listing';
import { updateDisplayOptions } from '../../helpers/utils';
import { dateRangeQuery, requireUuid } from '../../helpers/validation';
import { apiRequestAllItems } from '../../transport';
import {
	CREATED_UPDATED_RANGES,
	dateRangeFilters,
	filtersCollection,
	MESSAGE_SIMPLE_FIELDS,
	messageSimplifyProperty,
	optionsCollection,
	orderOptions,
	returnAllOrLimit,
	sessionLocator,
} from '../common.descriptions';

const properties: INodeProperties[] = [
	sessionLocator('The session (conversation) whose messages to list (WTS Chat lists messages per session)'),
	...returnAllOrLimit,
	messageSimplifyProperty,
	filtersCollection(dateRangeFilters(CREATED_UPDATED_RANGES)),
	optionsCollection(orderOptions),
];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['getMany'] } }, properties);

/** GET /chat/v1/message?SessionId=… with the created / updated ranges, order, Return All / Limit, Simplify. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const sessionId = requireUuid(this, 'sessionId', i, 'Session ID');
	const paging = readPaging(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const qs = { SessionId: sessionId, ...dateRangeQuery(this, filters, i, CREATED_UPDATED_RANGES), ...orderQuery(options) };
	const records = await apiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/chat/v1/message', qs, subject: { noun: 'Session', id: sessionId } },
		paging,
		i,
	);
	return simplifyIfAsked(this, i, records, MESSAGE_SIMPLE_FIELDS);
}
