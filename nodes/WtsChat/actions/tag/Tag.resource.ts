import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as getColors from './getColors.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, del as delete, getColors, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['tag'] } },
		default: 'getMany',
		options: [
			{ name: 'Create', value: 'create', description: 'Create a tag with a name and a colour', action: 'Create a tag' },
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a tag (optionally removing it from the contacts that have it)',
				action: 'Delete a tag',
			},
			{
				name: 'Get Colors',
				value: 'getColors',
				description: 'List the colours a tag can have, with their background and text colours',
				action: 'Get the tag colors',
			},
			{ name: 'Get Many', value: 'getMany', description: 'List the tags of the account', action: 'Get many tags' },
			{ name: 'Update', value: 'update', description: 'Rename a tag or change its colour', action: 'Update a tag' },
		],
	},
	...create.description,
	...del.description,
	...getColors.description,
	...getMany.description,
	...update.description,
];
