import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getCustomFields from './getCustomFields.operation';
import * as getLostReasons from './getLostReasons.operation';
import * as getMany from './getMany.operation';

export { get, getCustomFields, getLostReasons, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['panel'] } },
		default: 'getMany',
		options: [
			{ name: 'Get', value: 'get', description: 'Get a CRM panel (funnel or board) by ID', action: 'Get a panel' },
			{
				name: 'Get Custom Fields',
				value: 'getCustomFields',
				description: 'List the custom fields of the cards of a panel',
				action: 'Get custom fields of a panel',
			},
			{
				name: 'Get Lost Reasons',
				value: 'getLostReasons',
				description: 'List the reasons a sales panel offers for lost cards',
				action: 'Get lost reasons of a panel',
			},
			{ name: 'Get Many', value: 'getMany', description: 'List CRM panels, with filters', action: 'Get many panels' },
		],
	},
	...get.description,
	...getCustomFields.description,
	...getLostReasons.description,
	...getMany.description,
];
