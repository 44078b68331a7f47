import type { INodeProperties } from 'n8n-workflow';

import { scheduledMessageLocator } from '../locators';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [scheduledMessageLocator('The scheduled message to cancel (only scheduled ones can be)')];

export const operation = defineOperation({
	resource: 'scheduledMessage',
	value: 'cancel',
	name: 'Cancel',
	action: 'Cancel a scheduled message',
	description: 'Cancel a scheduled message',
	summary: 'Cancel one; outputs `{canceled: true, id}`',
	endpoint: '`POST /chat/v1/scheduled-message/{id}/cancel`',
	properties,
	request: {
		method: 'POST',
		path: '/chat/v1/scheduled-message/{id}/cancel',
		pathParams: { id: ['scheduledMessageId', 'Scheduled Message ID'] },
		noun: 'Scheduled message',
		// Cancelling twice leaves it cancelled: a dropped connection may be retried.
		idempotent: true,
		output: { done: 'canceled' },
	},
});
