import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { scheduledMessageLocator } from '../common.descriptions';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [scheduledMessageLocator('The scheduled message to cancel (only scheduled ones can be)')];

/** POST /chat/v1/scheduled-message/{id}/cancel (empty answer) → `{canceled: true, id}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'scheduledMessageId', i, 'Scheduled Message ID');
	await apiRequest.call(
		this,
		{
			method: 'POST',
			path: '/chat/v1/scheduled-message/{id}/cancel',
			pathParams: { id },
			subject: { noun: 'Scheduled message', id },
			// Cancelling twice leaves it cancelled: a dropped connection may be retried.
			idempotent: true,
		},
		i,
	);
	return { canceled: true, id };
}

export const operation = defineOperation({
	resource: 'scheduledMessage',
	value: 'cancel',
	name: 'Cancel',
	action: 'Cancel a scheduled message',
	description: 'Cancel a scheduled message',
	summary: 'Cancel one; outputs `{canceled: true, id}`',
	endpoint: '`POST /chat/v1/scheduled-message/{id}/cancel`',
	properties,
	execute,
});
