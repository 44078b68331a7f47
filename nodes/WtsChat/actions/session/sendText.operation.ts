import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { assertUuid, requireText, requireUuid } from '../../helpers/validation';
import { optionsCollection } from '../listing.descriptions';
import { replyToOption, waitForChannelOption } from '../common.descriptions';
import { sessionLocator } from '../locators';
import { sendInSession } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	sessionLocator('The session (conversation) to send the message into'),
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description: 'The message text. On WhatsApp, free text is delivered only inside the 24-hour window.',
	},
	optionsCollection([replyToOption, waitForChannelOption]),
];

/** POST /chat/v1/session/{id}/message (or /message/sync) with a text body. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'sessionId', i, 'Session ID');
	const text = requireText(this, 'text', i, 'Text');
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const body: IDataObject = { text };
	if (options.replyTo) body.refId = assertUuid(this, options.replyTo, i, 'Reply to Message ID');
	return await sendInSession(this, i, id, body, options.waitForChannel === true);
}

export const operation = defineOperation({
	resource: 'session',
	value: 'sendText',
	name: 'Send Text',
	action: 'Send a text message to the contact of a session',
	description: 'Send a text message to the contact of a session',
	summary: 'Text into the session, optionally as a reply; queued, or with **Wait for Channel** sent synchronously (≤ 25 s)',
	endpoint: '`POST /chat/v1/session/{id}/message`, with Wait for Channel `POST /chat/v1/session/{id}/message/sync`',
	properties,
	execute,
});
