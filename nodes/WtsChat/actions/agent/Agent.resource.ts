import type { INodeProperties } from 'n8n-workflow';

import * as changeStatus from './changeStatus.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as logOut from './logOut.operation';
import * as update from './update.operation';
import * as updateDepartments from './updateDepartments.operation';

export { changeStatus, create, del as delete, get, getMany, logOut, update, updateDepartments };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['agent'] } },
		default: 'getMany',
		options: [
			{ name: 'Change Status', value: 'changeStatus', description: 'Activate or block an agent', action: 'Change the status of an agent' },
			{ name: 'Create', value: 'create', description: 'Create an agent (a user of the account)', action: 'Create an agent' },
			{ name: 'Delete', value: 'delete', description: 'Delete an agent, deciding what happens to its open sessions', action: 'Delete an agent' },
			{ name: 'Get', value: 'get', description: 'Get an agent by ID', action: 'Get an agent' },
			{ name: 'Get Many', value: 'getMany', description: 'List the agents of the account', action: 'Get many agents' },
			{ name: 'Log Out', value: 'logOut', description: 'End the agent’s sessions in WTS Chat (sign it out)', action: 'Log out an agent' },
			{ name: 'Update', value: 'update', description: 'Change chosen fields of an agent', action: 'Update an agent' },
			{ name: 'Update Departments', value: 'updateDepartments', description: 'Add, remove or replace the departments of an agent', action: 'Update the departments of an agent' },
		],
	},
	...changeStatus.description,
	...create.description,
	...del.description,
	...get.description,
	...getMany.description,
	...logOut.description,
	...update.description,
	...updateDepartments.description,
];
