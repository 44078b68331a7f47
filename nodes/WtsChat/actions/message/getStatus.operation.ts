import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { messageIdProperty } from '../common.descriptions';

const properties: INodeProperties[] = [messageIdProperty('The message whose delivery status to get, e.g. the ID a Send returned')];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['getStatus'] } }, properties);

/** GET /chat/v1/message/{id}/status → `{id, createdAt, updatedAt, sessionId, status, failureReason}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'messageId', i, 'Message ID');
	return (await apiRequest.call(
		this,
		{ method: 'GET', path: '/chat/v1/message/{id}/status', pathParams: { id }, subject: { noun: 'Message', id } },
		i,
	)) as IDataObject;
}
