import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fromChannelProperty, readFromChannel, readRecipient, readSendOptions, sendOptions } from '../../helpers/send';
import { updateDisplayOptions } from '../../helpers/utils';
import { requireText } from '../../helpers/validation';
import { optionsCollection } from '../common.descriptions';
import { postSend, toProperty } from './shared';

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

export const description = updateDisplayOptions({ show: { resource: ['sendApi'], operation: ['sendText'] } }, properties);

/** POST /chat/v1/send/text. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const to = readRecipient(this, i, true);
	const text = requireText(this, 'text', i, 'Text');
	const options = readSendOptions(this, i, this.getNodeParameter('options', i, {}) as IDataObject);
	const from = await readFromChannel(this, i);
	return await postSend(this, i, '/chat/v1/send/text', { to, from, text, ...options });
}
