import type { INodeProperties } from 'n8n-workflow';

import * as cancel from './cancel.operation';
import * as cancelMany from './cancelMany.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { cancel, cancelMany, create, get, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['scheduledMessage'] } },
		default: 'getMany',
		options: [
			{ name: 'Cancel', value: 'cancel', description: 'Cancel a scheduled message', action: 'Cancel a scheduled message' },
			{ name: 'Cancel Many', value: 'cancelMany', description: 'Cancel the scheduled messages of many items in batches', action: 'Cancel many scheduled messages' },
			{ name: 'Create', value: 'create', description: 'Schedule a template or a chatbot start to a contact', action: 'Create a scheduled message' },
			{ name: 'Get', value: 'get', description: 'Get a scheduled message by ID', action: 'Get a scheduled message' },
			{ name: 'Get Many', value: 'getMany', description: 'List scheduled messages, with filters', action: 'Get many scheduled messages' },
			{ name: 'Update', value: 'update', description: 'Change chosen fields of a scheduled message', action: 'Update a scheduled message' },
		],
	},
	...cancel.description,
	...cancelMany.description,
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
];
