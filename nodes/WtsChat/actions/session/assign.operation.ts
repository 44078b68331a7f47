import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { agentLocator, sessionLocator } from '../locators';
import { optionsCollection } from '../listing.descriptions';
import { stopBotOption } from '../common.descriptions';
import { withStopBot } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	sessionLocator('The session (conversation) to assign'),
	agentLocator({ description: 'The agent who becomes responsible for the session' }),
	optionsCollection([stopBotOption]),
];

/** PUT /chat/v1/session/{id}/assignee. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'sessionId', i, 'Session ID');
	const userId = requireUuid(this, 'agentId', i, 'Agent ID');
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const body: IDataObject = { userId };
	withStopBot(body, options);
	return (await apiRequest.call(
		this,
		{ method: 'PUT', path: '/chat/v1/session/{id}/assignee', pathParams: { id }, subject: { noun: 'Session', id }, body },
		i,
	)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'session',
	value: 'assign',
	name: 'Assign',
	action: 'Assign a session to an agent',
	description: 'Make an agent responsible for a session',
	summary: 'Make an agent responsible',
	endpoint: '`PUT /chat/v1/session/{id}/assignee`',
	properties,
	execute,
});
