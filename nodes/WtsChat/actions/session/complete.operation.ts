import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { optionsCollection } from '../listing.descriptions';
import { sessionLocator } from '../locators';
import { stopBotOption } from '../common.descriptions';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	sessionLocator('The session (conversation) to complete'),
	{
		displayName: 'Reactivate on New Message',
		name: 'reactivateOnNewMessage',
		type: 'boolean',
		default: false,
		description:
			'Whether the session is reactivated automatically when the contact sends a new message after it was completed',
	},
	stopBotOption,
	optionsCollection([]),
];

/** PUT /chat/v1/session/{id}/complete → the updated session. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'sessionId', i, 'Session ID');
	const body = {
		reactivateOnNewMessage: this.getNodeParameter('reactivateOnNewMessage', i, false) as boolean,
		stopBotInExecution: this.getNodeParameter('stopBotInExecution', i, false) as boolean,
	};
	return (await apiRequest.call(
		this,
		{ method: 'PUT', path: '/chat/v1/session/{id}/complete', pathParams: { id }, subject: { noun: 'Session', id }, body },
		i,
	)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'session',
	value: 'complete',
	name: 'Complete',
	action: 'Complete a session once it is resolved',
	description: 'Complete (close) a session once the conversation is resolved',
	summary: 'Complete (close) the session; **Reactivate On New Message** and **Stop Bot In Execution**',
	endpoint: '`PUT /chat/v1/session/{id}/complete`',
	properties,
	execute,
});
