import type { INodeProperties } from 'n8n-workflow';

import { messageIdProperty } from '../common.descriptions';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [messageIdProperty('The message to delete')];

export const operation = defineOperation({
	resource: 'message',
	value: 'delete',
	name: 'Delete',
	action: 'Delete a message',
	description: 'Delete a message',
	summary: 'Delete a message; outputs `{deleted: true, id}`',
	endpoint: '`DELETE /chat/v1/message/{id}`',
	properties,
	request: { method: 'DELETE', path: '/chat/v1/message/{id}', pathParams: { id: ['messageId', 'Message ID'] }, noun: 'Message', output: { done: 'deleted' } },
});
