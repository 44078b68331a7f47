import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { sessionLocator } from '../locators';
import { listUnderSession, sessionListingProperties } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	sessionLocator('The session (conversation) whose internal notes to get'),
	...sessionListingProperties(),
];

/** GET /chat/v1/session/{id}/note, one output item per internal note. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	return await listUnderSession(this, i, '/chat/v1/session/{id}/note');
}

export const operation = defineOperation({
	resource: 'session',
	value: 'getNotes',
	name: 'Get Notes',
	action: 'Get the internal notes of a session',
	description: 'List the internal notes of a session',
	summary: 'The session\'s internal notes; **Simplify**',
	endpoint: '`GET /chat/v1/session/{id}/note`',
	properties,
	execute,
});
