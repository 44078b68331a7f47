import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { assertUuid, requireText, requireUuid } from '../../helpers/validation';
import { optionsCollection, replyToOption, sessionLocator, waitForChannelOption } from '../common.descriptions';
import { sendInSession } from './shared';

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

export const description = updateDisplayOptions({ show: { resource: ['session'], operation: ['sendText'] } }, properties);

/** POST /chat/v1/session/{id}/message (or /message/sync) with a text body. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'sessionId', i, 'Session ID');
	const text = requireText(this, 'text', i, 'Text');
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const body: IDataObject = { text };
	if (options.replyTo) body.refId = assertUuid(this, options.replyTo, i, 'Reply to Message ID');
	return await sendInSession(this, i, id, body, options.waitForChannel === true);
}
