import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listWithDateFilters, simplifyIfAsked } from '../../helpers/listing';
import { requireUuid } from '../../helpers/validation';
import { CREATED_UPDATED_RANGES, dateRangeFilters, filtersCollection, MESSAGE_SIMPLE_FIELDS, messageSimplifyProperty, optionsCollection, orderOptions, returnAllOrLimit } from '../listing.descriptions';
import { sessionLocator } from '../locators';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	sessionLocator('The session (conversation) whose messages to list (WTS Chat lists messages per session)'),
	...returnAllOrLimit,
	messageSimplifyProperty,
	filtersCollection(dateRangeFilters(CREATED_UPDATED_RANGES)),
	optionsCollection(orderOptions),
];

/** GET /chat/v1/message?SessionId=… with the created / updated ranges, order, Return All / Limit, Simplify. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const sessionId = requireUuid(this, 'sessionId', i, 'Session ID');
	const records = await listWithDateFilters(
		this,
		i,
		{ method: 'GET', path: '/chat/v1/message', qs: { SessionId: sessionId }, subject: { noun: 'Session', id: sessionId } },
		CREATED_UPDATED_RANGES,
	);
	return simplifyIfAsked(this, i, records, MESSAGE_SIMPLE_FIELDS);
}

export const operation = defineOperation({
	resource: 'message',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many messages',
	description: 'List the messages of a session',
	summary: 'The messages of a session (WTS Chat lists messages per session): created / updated ranges, order, Return All / Limit, **Simplify**',
	endpoint: '`GET /chat/v1/message`',
	properties,
	execute,
});
