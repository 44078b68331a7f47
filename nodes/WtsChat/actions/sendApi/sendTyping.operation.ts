import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireUuid } from '../../helpers/validation';
import { sessionLocator } from '../locators';
import { apiRequest } from '../../transport';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	{
		...sessionLocator('The session (conversation) whose contact sees "typing…"'),
		hint: 'Works on WhatsApp CloudAPI channels; other channels accept the request and show nothing',
	},
];

/** POST /chat/v1/send/typing (no response body): outputs `{sent: true, sessionId}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const sessionId = requireUuid(this, 'sessionId', i, 'Session ID');
	await apiRequest.call(
		this,
		{ method: 'POST', path: '/chat/v1/send/typing', body: { sessionId }, subject: { noun: 'Session', id: sessionId } },
		i,
	);
	return { sent: true, sessionId };
}

export const operation = defineOperation({
	resource: 'sendApi',
	value: 'sendTyping',
	name: 'Send Typing Indicator',
	action: 'Send a typing indicator',
	description: 'Show "typing…" to the contact of a session',
	summary: '"typing…" to the contact of a session (CloudAPI channels; others accept it and show nothing); outputs `{sent: true, sessionId}`',
	endpoint: '`POST /chat/v1/send/typing`',
	properties,
	execute,
});
