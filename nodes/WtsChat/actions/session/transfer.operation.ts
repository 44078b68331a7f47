import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { optionalUuid, requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { agentLocator, departmentLocator, optionsCollection, sessionLocator, stopBotOption } from '../common.descriptions';
import { withStopBot } from './shared';

const properties: INodeProperties[] = [
	sessionLocator('The session (conversation) to transfer'),
	departmentLocator({ description: 'The department that takes over the session' }),
	agentLocator({
		required: false,
		description: 'Optionally, the agent of that department who takes over the session. Leave empty to hand it to the department.',
	}),
	optionsCollection([stopBotOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['session'], operation: ['transfer'] } }, properties);

/** PUT /chat/v1/session/{id}/transfer: to a department (type DEPARTMENT), or to one of its agents (type USER). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'sessionId', i, 'Session ID');
	const departmentId = requireUuid(this, 'departmentId', i, 'Department ID');
	const agentId = optionalUuid(this, 'agentId', i, 'Agent ID');
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const body: IDataObject = agentId
		? { type: 'USER', newDepartmentId: departmentId, newUserId: agentId }
		: { type: 'DEPARTMENT', newDepartmentId: departmentId };
	withStopBot(body, options);
	return (await apiRequest.call(
		this,
		{ method: 'PUT', path: '/chat/v1/session/{id}/transfer', pathParams: { id }, body },
		i,
	)) as IDataObject;
}
