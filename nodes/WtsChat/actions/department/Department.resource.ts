import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getChannels from './getChannels.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import * as updateAgents from './updateAgents.operation';

export { create, del as delete, get, getChannels, getMany, update, updateAgents };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['department'] } },
		default: 'getMany',
		options: [
			{ name: 'Create', value: 'create', description: 'Create a department (team), optionally with agents', action: 'Create a department' },
			{ name: 'Delete', value: 'delete', description: 'Delete a department', action: 'Delete a department' },
			{ name: 'Get', value: 'get', description: 'Get a department by ID', action: 'Get a department' },
			{ name: 'Get Channels', value: 'getChannels', description: 'Get the channels a department serves', action: 'Get channels of a department' },
			{ name: 'Get Many', value: 'getMany', description: 'List the departments of the account', action: 'Get many departments' },
			{ name: 'Update', value: 'update', description: 'Change chosen settings of a department', action: 'Update a department' },
			{ name: 'Update Agents', value: 'updateAgents', description: 'Add, remove or replace the agents of a department', action: 'Update the agents of a department' },
		],
	},
	...create.description,
	...del.description,
	...get.description,
	...getChannels.description,
	...getMany.description,
	...update.description,
	...updateAgents.description,
];
