import type { INodeProperties } from 'n8n-workflow';

import { messageIdProperty } from '../common.descriptions';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [messageIdProperty('The message whose delivery status to get, e.g. the ID a Send returned')];

export const operation = defineOperation({
	resource: 'message',
	value: 'getStatus',
	name: 'Get Status',
	action: 'Get the status of a message',
	description: 'Get the delivery status of a message',
	summary: 'Delivery status (`QUEUED`, `SENT`, `DELIVERED`, `READ`, `FAILED` with `failureReason`…)',
	endpoint: '`GET /chat/v1/message/{id}/status`',
	properties,
	request: { method: 'GET', path: '/chat/v1/message/{id}/status', pathParams: { id: ['messageId', 'Message ID'] }, noun: 'Message', output: 'record' },
});
