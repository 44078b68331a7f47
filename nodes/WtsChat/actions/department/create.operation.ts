import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readMembershipEntries } from '../../helpers/memberships';
import { apiRequest } from '../../transport';
import { agentPicker, membershipsProperty } from '../common.descriptions';
import { departmentBody, departmentFieldOptions } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Support',
		description: 'The department’s name (1 to 100 characters)',
	},
	membershipsProperty('agents', agentPicker('The agent')),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Optional settings of the new department',
		options: departmentFieldOptions(),
	},
];

/** POST /core/v1/department → the new department. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const values = { ...(this.getNodeParameter('additionalFields', i, {}) as IDataObject), name: this.getNodeParameter('name', i, '') };
	const { body } = departmentBody(this, i, values);
	const agents = readMembershipEntries(this, i, 'agentId', 'userId', 'Agent ID');
	if (agents.length > 0) body.agents = agents;
	return (await apiRequest.call(this, { method: 'POST', path: '/core/v1/department', body }, i)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'department',
	value: 'create',
	name: 'Create',
	action: 'Create a department',
	description: 'Create a department (team), optionally with agents',
	summary: 'Name, agents (each with its roles), channels (all, none or the chosen ones), default department, distribution and its timings, restriction type',
	endpoint: '`POST /core/v1/department`',
	properties,
	execute,
});
