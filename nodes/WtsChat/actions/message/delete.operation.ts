import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { messageIdProperty } from '../common.descriptions';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [messageIdProperty('The message to delete')];

/** DELETE /chat/v1/message/{id} → `{deleted: true, id}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'messageId', i, 'Message ID');
	await apiRequest.call(this, { method: 'DELETE', path: '/chat/v1/message/{id}', pathParams: { id }, subject: { noun: 'Message', id } }, i);
	return { deleted: true, id };
}

export const operation = defineOperation({
	resource: 'message',
	value: 'delete',
	name: 'Delete',
	action: 'Delete a message',
	description: 'Delete a message',
	summary: 'Delete a message; outputs `{deleted: true, id}`',
	endpoint: '`DELETE /chat/v1/message/{id}`',
	properties,
	execute,
});
