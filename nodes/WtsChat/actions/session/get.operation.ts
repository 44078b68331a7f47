import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { optionsCollection } from '../listing.descriptions';
import { sessionLocator } from '../locators';
import { includeDetailsOption, sessionSimplifyProperty, simplifySessions } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	sessionLocator('The session (conversation) to get'),
	sessionSimplifyProperty,
	optionsCollection([includeDetailsOption]),
];

/** GET /chat/v2/session/{id}. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'sessionId', i, 'Session ID');
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const includeDetails = (options.includeDetails as string[]) ?? [];
	const session = (await apiRequest.call(
		this,
		{
			method: 'GET',
			path: '/chat/v2/session/{id}',
			pathParams: { id },
			subject: { noun: 'Session', id },
			qs: { includeDetails },
		},
		i,
	)) as IDataObject;
	return simplifySessions(this, i, session, includeDetails);
}

export const operation = defineOperation({
	resource: 'session',
	value: 'get',
	name: 'Get',
	action: 'Get a session by ID',
	description: 'Get a session by ID: its status, contact, agent, department and last message',
	summary: 'One session, with optional details; **Simplify**',
	endpoint: '`GET /chat/v2/session/{id}`',
	properties,
	execute,
});
