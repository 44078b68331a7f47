import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['channel'] } },
		default: 'getMany',
		options: [
			{ name: 'Get Many', value: 'getMany', description: 'List the channels (WhatsApp numbers, Instagram and Messenger accounts)', action: 'Get many channels' },
		],
	},
	...getMany.description,
];
