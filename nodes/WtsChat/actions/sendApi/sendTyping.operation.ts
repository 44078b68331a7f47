import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { requireUuid } from '../../helpers/validation';
import { sessionLocator } from '../common.descriptions';
import { apiRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		...sessionLocator('The session (conversation) whose contact sees "typing…"'),
		hint: 'Works on WhatsApp CloudAPI channels; other channels accept the request and show nothing',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['sendApi'], operation: ['sendTyping'] } }, properties);

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
