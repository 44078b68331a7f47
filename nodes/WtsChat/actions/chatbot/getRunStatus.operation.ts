import type { INodeProperties } from 'n8n-workflow';

import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	{
		displayName: 'Run ID',
		name: 'runId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b',
		description: 'The ID Start (Queued) or Start (Batch) returned for this start',
	},
];

export const operation = defineOperation({
	resource: 'chatbot',
	value: 'getRunStatus',
	name: 'Get Run Status',
	action: 'Get the status of a chatbot run',
	description: 'Get the status of a queued chatbot start',
	summary: 'The status of a queued start by its run ID',
	endpoint: '`GET /chat/v1/send/chatbot/{id}`',
	properties,
	request: { method: 'GET', path: '/chat/v1/send/chatbot/{id}', pathParams: { id: ['runId', 'Run ID'] }, noun: 'Chatbot run', output: 'record' },
});
