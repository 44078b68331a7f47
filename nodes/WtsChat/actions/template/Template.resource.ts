import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['template'] } },
		default: 'getMany',
		options: [
			{ name: 'Get Many', value: 'getMany', description: 'List message templates, e.g. those of one channel', action: 'Get many templates' },
		],
	},
	...getMany.description,
];
