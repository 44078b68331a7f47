import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readFromChannel, readRecipient, readSendOptions } from '../../helpers/send';
import { requireText } from '../../helpers/validation';
import { optionsCollection } from '../listing.descriptions';
import { postSend, toProperty } from './shared';
import { defineOperation } from '../operation';
import { fromChannelProperty, sendOptions } from '../send.descriptions';

const properties: INodeProperties[] = [
	toProperty(),
	fromChannelProperty(),
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description: 'The message text. On WhatsApp, free text is delivered only inside the 24-hour window: start a conversation with Send Template.',
	},
	optionsCollection(sendOptions('message')),
];

/** POST /chat/v1/send/text. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const to = readRecipient(this, i, true);
	const text = requireText(this, 'text', i, 'Text');
	const options = readSendOptions(this, i, this.getNodeParameter('options', i, {}) as IDataObject);
	const from = await readFromChannel(this, i);
	return await postSend(this, i, '/chat/v1/send/text', { to, from, text, ...options });
}

export const operation = defineOperation({
	resource: 'sendApi',
	value: 'sendText',
	name: 'Send Text',
	action: 'Send a text',
	description: 'Send a text message to a phone number',
	summary: 'Text to a phone number or @user; options: callback URL, sender ID, delay typing (0–25 s), reply to a message, a known session, and for a new session: agent, department, enable bot, hidden, force start',
	endpoint: '`POST /chat/v1/send/text`',
	properties,
	execute,
});
