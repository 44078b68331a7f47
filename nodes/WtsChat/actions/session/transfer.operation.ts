import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { optionalUuid, requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { agentLocator, departmentLocator, sessionLocator } from '../locators';
import { optionsCollection } from '../listing.descriptions';
import { stopBotOption } from '../common.descriptions';
import { withStopBot } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	sessionLocator('The session (conversation) to transfer'),
	departmentLocator({
		required: false,
		description:
			'The department that takes over the session. Optional when an agent is set: then the session moves to that agent (and to this department, if one is set).',
	}),
	agentLocator({
		required: false,
		description: 'The agent who takes over the session. Leave empty to hand the session to the department.',
	}),
	optionsCollection([stopBotOption]),
];

/**
 * PUT /chat/v1/session/{id}/transfer: to a department (type DEPARTMENT), or to an agent (type USER), optionally of
 * a given department; the API does not need a department for a transfer to an agent.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'sessionId', i, 'Session ID');
	const departmentId = optionalUuid(this, 'departmentId', i, 'Department ID');
	const agentId = optionalUuid(this, 'agentId', i, 'Agent ID');
	if (!departmentId && !agentId) {
		throw new NodeOperationError(this.getNode(), `No department or agent to transfer to`, {
			description: 'Set the Department, the Agent, or both.',
			itemIndex: i,
		});
	}
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const body: IDataObject = agentId ? { type: 'USER', newUserId: agentId } : { type: 'DEPARTMENT' };
	if (departmentId) body.newDepartmentId = departmentId;
	withStopBot(body, options);
	return (await apiRequest.call(
		this,
		{ method: 'PUT', path: '/chat/v1/session/{id}/transfer', pathParams: { id }, subject: { noun: 'Session', id }, body },
		i,
	)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'session',
	value: 'transfer',
	name: 'Transfer',
	action: 'Transfer a session to a department or an agent',
	description: 'Hand a session over to a department or to an agent (a human)',
	summary: 'To a department, to an agent (no department needed: the session keeps its own), or to an agent of a given department; optionally stop a running bot',
	endpoint: '`PUT /chat/v1/session/{id}/transfer`',
	properties,
	execute,
});
