import type { INodeProperties } from 'n8n-workflow';

import * as getOfficeHours from './getOfficeHours.operation';

export { getOfficeHours };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['company'] } },
		default: 'getOfficeHours',
		options: [
			{
				name: 'Get Office Hours',
				value: 'getOfficeHours',
				description: 'Get the company’s office hours per weekday, its time zone offset and the out-of-hours reply',
				action: 'Get the company office hours',
			},
		],
	},
	...getOfficeHours.description,
];
