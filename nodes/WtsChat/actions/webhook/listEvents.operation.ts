import { defineOperation } from '../operation';

export const operation = defineOperation({
	resource: 'webhook',
	value: 'listEvents',
	name: 'Get Events',
	action: 'Get webhook events',
	description: 'Get the events a subscription can receive',
	summary: 'The 16 events a subscription can receive, one item each (`{event, description}`)',
	endpoint: '`GET /core/v1/webhook/event`',
	request: { method: 'GET', path: '/core/v1/webhook/event', output: 'list' },
});
