import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { messageIdProperty } from '../common.descriptions';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [messageIdProperty('The message whose delivery status to get, e.g. the ID a Send returned')];

/** GET /chat/v1/message/{id}/status → `{id, createdAt, updatedAt, sessionId, status, failureReason}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'messageId', i, 'Message ID');
	return (await apiRequest.call(
		this,
		{ method: 'GET', path: '/chat/v1/message/{id}/status', pathParams: { id }, subject: { noun: 'Message', id } },
		i,
	)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'message',
	value: 'getStatus',
	name: 'Get Status',
	action: 'Get the status of a message',
	description: 'Get the delivery status of a message',
	summary: 'Delivery status (`QUEUED`, `SENT`, `DELIVERED`, `READ`, `FAILED` with `failureReason`…)',
	endpoint: '`GET /chat/v1/message/{id}/status`',
	properties,
	execute,
});
