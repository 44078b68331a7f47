import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { assertOneOf } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { agentIdProperty, agentPath, readAgentId } from './shared';
import { defineOperation } from '../operation';

const STATUSES = [
	{ name: 'Active', value: 'Active', description: 'The agent can sign in and take sessions' },
	{ name: 'Blocked', value: 'Blocked', description: 'The agent can no longer sign in or take sessions' },
];

const properties: INodeProperties[] = [
	agentIdProperty('The agent whose status changes'),
	{ displayName: 'Status', name: 'status', type: 'options', default: 'Active', description: 'The agent’s new status', options: STATUSES },
];

/** POST /core/v1/agent/{id}/status `{status}` → the agent. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readAgentId(this, i);
	const status = assertOneOf(this, this.getNodeParameter('status', i), STATUSES, i, 'Status');
	return (await apiRequest.call(this, { method: 'POST', ...agentPath('/core/v1/agent/{id}/status', id), body: { status }, idempotent: true }, i)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'agent',
	value: 'changeStatus',
	name: 'Change Status',
	action: 'Change the status of an agent',
	description: 'Activate or block an agent',
	summary: 'Activate or block the agent',
	endpoint: '`POST /core/v1/agent/{id}/status`',
	properties,
	execute,
});
