import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { assertOneOf, requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { optionsCollection } from '../listing.descriptions';
import { SESSION_STATUSES, stopBotOption } from '../common.descriptions';
import { sessionLocator } from '../locators';
import { withStopBot } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	sessionLocator('The session (conversation) whose status changes'),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: SESSION_STATUSES,
		default: 'IN_PROGRESS',
		required: true,
		description: 'The new status of the session',
	},
	optionsCollection([stopBotOption]),
];

/** PUT /chat/v1/session/{id}/status. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'sessionId', i, 'Session ID');
	const newStatus = assertOneOf(this, this.getNodeParameter('status', i), SESSION_STATUSES, i, 'Status');
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const body: IDataObject = { newStatus };
	withStopBot(body, options);
	return (await apiRequest.call(
		this,
		{ method: 'PUT', path: '/chat/v1/session/{id}/status', pathParams: { id }, subject: { noun: 'Session', id }, body },
		i,
	)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'session',
	value: 'updateStatus',
	name: 'Update Status',
	action: 'Update the status of a session',
	description: 'Change the status of a session',
	summary: 'Change the status',
	endpoint: '`PUT /chat/v1/session/{id}/status`',
	properties,
	execute,
});
