import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { messageIdProperty } from '../common.descriptions';

const properties: INodeProperties[] = [messageIdProperty('The message to delete')];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['delete'] } }, properties);

/** DELETE /chat/v1/message/{id} → `{deleted: true, id}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'messageId', i, 'Message ID');
	await apiRequest.call(this, { method: 'DELETE', path: '/chat/v1/message/{id}', pathParams: { id }, subject: { noun: 'Message', id } }, i);
	return { deleted: true, id };
}
