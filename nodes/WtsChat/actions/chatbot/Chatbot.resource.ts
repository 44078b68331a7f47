import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';
import * as getRunStatus from './getRunStatus.operation';
import * as start from './start.operation';
import * as startBatch from './startBatch.operation';
import * as startQueued from './startQueued.operation';

export { getMany, getRunStatus, start, startBatch, startQueued };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['chatbot'] } },
		default: 'start',
		options: [
			{ name: 'Get Many', value: 'getMany', description: 'List chatbots, with filters', action: 'Get many chatbots' },
			{ name: 'Get Run Status', value: 'getRunStatus', description: 'Get the status of a queued chatbot start', action: 'Get the status of a chatbot run' },
			{ name: 'Start', value: 'start', description: 'Start a chatbot for a contact or in a session now, and get the session', action: 'Start a chatbot' },
			{ name: 'Start (Batch)', value: 'startBatch', description: 'Queue a chatbot for every input item’s contact or session, many per request', action: 'Start a chatbot for many contacts' },
			{ name: 'Start (Queued)', value: 'startQueued', description: 'Queue a chatbot start and get its run ID for Get Run Status', action: 'Queue a chatbot start' },
		],
	},
	...getMany.description,
	...getRunStatus.description,
	...start.description,
	...startBatch.description,
	...startQueued.description,
];
