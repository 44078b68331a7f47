import type { INodeProperties } from 'n8n-workflow';

import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b',
		description: 'The ID that a send of the Send API returned',
	},
];

export const operation = defineOperation({
	resource: 'sendApi',
	value: 'getMessageStatus',
	name: 'Get Message Status',
	action: 'Get the status of a sent message',
	description: 'Get the status of a message sent with the Send API',
	summary: 'The status of a send by its ID',
	endpoint: '`GET /chat/v1/send/message/{id}`',
	properties,
	request: { method: 'GET', path: '/chat/v1/send/message/{id}', pathParams: { id: ['messageId', 'Message ID'] }, noun: 'Message', output: 'record' },
});
