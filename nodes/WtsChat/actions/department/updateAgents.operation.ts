import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readMemberships } from '../../helpers/memberships';
import { apiRequest } from '../../transport';
import { agentPicker, membershipActionProperty, membershipsProperty } from '../common.descriptions';
import { departmentIdProperty, departmentPath, readDepartmentId } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	departmentIdProperty('The department whose agents change'),
	membershipActionProperty('agents'),
	membershipsProperty('agents', agentPicker('The agent')),
];

/** PUT /core/v1/department/{id}/agents `{action, items: [{userId, isAgent, isSupervisor}]}` → what WTS applied. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readDepartmentId(this, i);
	const { action, items } = readMemberships(this, i, 'agentId', 'userId', 'Agent ID');
	const answer = (await apiRequest.call(this, { method: 'PUT', ...departmentPath('/core/v1/department/{id}/agents', id), body: { action, items } }, i)) as IDataObject;
	return { departmentId: id, ...answer };
}

export const operation = defineOperation({
	resource: 'department',
	value: 'updateAgents',
	name: 'Update Agents',
	action: 'Update the agents of a department',
	description: 'Add, remove or replace the agents of a department',
	summary: 'Add or update, remove, or replace the department\'s agents, each with its roles',
	endpoint: '`PUT /core/v1/department/{id}/agents`',
	properties,
	execute,
});
