import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { agentIdProperty, agentPath, readAgentId } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [agentIdProperty('The agent to log out')];

/** POST /core/v1/agent/{id}/logout (empty answer) → `{loggedOut: true, id}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readAgentId(this, i);
	await apiRequest.call(this, { method: 'POST', ...agentPath('/core/v1/agent/{id}/logout', id), idempotent: true }, i);
	return { loggedOut: true, id };
}

export const operation = defineOperation({
	resource: 'agent',
	value: 'logOut',
	name: 'Log Out',
	action: 'Log out an agent',
	description: 'End the agent’s sessions in WTS Chat (sign it out)',
	summary: 'Sign the agent out of WTS Chat; outputs `{loggedOut: true, id}`',
	endpoint: '`POST /core/v1/agent/{id}/logout`',
	properties,
	execute,
});
