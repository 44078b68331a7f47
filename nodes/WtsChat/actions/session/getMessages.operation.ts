import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sessionLocator } from '../locators';
import { listUnderSession, sessionListingProperties } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	sessionLocator('The session (conversation) whose messages to get'),
	...sessionListingProperties(),
];

/** GET /chat/v1/session/{id}/message, one output item per message. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	return await listUnderSession(this, i, '/chat/v1/session/{id}/message');
}

export const operation = defineOperation({
	resource: 'session',
	value: 'getMessages',
	name: 'Get Messages',
	action: 'Get the messages of a session',
	description: 'List the messages of a session, to read the conversation',
	summary: 'The session\'s messages, date filters, order, Return All / Limit; **Simplify**',
	endpoint: '`GET /chat/v1/session/{id}/message`',
	properties,
	execute,
});
