import { defineOperation } from '../operation';

export const operation = defineOperation({
	resource: 'webhook',
	value: 'listEvents',
	name: 'List Events',
	action: 'List webhook events',
	description: 'List the events a subscription can receive',
	summary: 'The 16 events a subscription can receive, one item each (`{event, description}`)',
	endpoint: '`GET /core/v1/webhook/event`',
	request: { method: 'GET', path: '/core/v1/webhook/event', output: 'list' },
});
