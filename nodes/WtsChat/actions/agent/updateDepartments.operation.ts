import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { readMemberships } from '../../helpers/memberships';
import { departmentPicker, membershipActionProperty, membershipsProperty } from '../common.descriptions';
import { agentIdProperty, agentPath, readAgentId } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	agentIdProperty('The agent whose departments change'),
	membershipActionProperty('departments'),
	membershipsProperty('departments', departmentPicker('The department')),
];

/** POST /core/v1/agent/{id}/departments `{action, items: [{departmentId, isAgent, isSupervisor}]}` (empty answer). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readAgentId(this, i);
	const { action, items } = readMemberships(this, i, 'departmentId', 'departmentId', 'Department ID');
	await apiRequest.call(this, { method: 'POST', ...agentPath('/core/v1/agent/{id}/departments', id), body: { action, items }, idempotent: true }, i);
	return { id, action, departments: items };
}

export const operation = defineOperation({
	resource: 'agent',
	value: 'updateDepartments',
	name: 'Update Departments',
	action: 'Update the departments of an agent',
	description: 'Add, remove or replace the departments of an agent',
	summary: 'Add or update, remove, or replace the agent\'s departments, each with its roles (agent, supervisor)',
	endpoint: '`POST /core/v1/agent/{id}/departments`',
	properties,
	execute,
});
