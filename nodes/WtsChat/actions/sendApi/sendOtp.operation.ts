import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readFromChannel, readRecipient, readSendOptions } from '../../helpers/send';
import { optionalUuid } from '../../helpers/validation';
import { optionsCollection } from '../listing.descriptions';
import { templateLocator } from '../locators';
import { postSend } from './shared';
import { defineOperation } from '../operation';
import { fromChannelProperty, recipientProperty } from '../send.descriptions';

const properties: INodeProperties[] = [
	recipientProperty({
		instagram: false,
		description: 'WhatsApp phone number of the contact with its country code, e.g. +55 11 99999-0001',
	}),
	fromChannelProperty('The WhatsApp channel of your account that sends the code'),
	{
		displayName: 'Code',
		name: 'code',
		type: 'string',
		default: '',
		placeholder: 'e.g. 48213',
		description: 'The one-time code to send. Leave empty and WTS Chat generates 5 random digits (returned in the output).',
	},
	templateLocator({
		required: false,
		description: 'An authentication template of the channel. Leave empty to use the channel’s default one.',
	}),
	optionsCollection(
		[
			{
				displayName: 'Callback URL',
				name: 'callbackUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://example.com/wts-callback',
				description: 'A URL WTS Chat calls once when the code is delivered or fails',
			},
			{
				displayName: 'Sender ID',
				name: 'senderId',
				type: 'string',
				default: '',
				placeholder: 'e.g. login-4821',
				description: 'Your own ID for this code; Get OTP Status finds the code by it too',
			},
		],
	),
];

/** POST /chat/v1/send/otp (WhatsApp only). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const to = readRecipient(this, i, false);
	const code = String(this.getNodeParameter('code', i, '') ?? '').trim();
	if (code !== '' && !/^[A-Za-z0-9]{1,15}$/.test(code)) {
		throw new NodeOperationError(this.getNode(), `"${code.slice(0, 30)}" is not a valid Code`, {
			description: 'A one-time code has 1 to 15 letters or digits, e.g. 48213. Leave it empty for 5 random digits.',
			itemIndex: i,
		});
	}
	const templateId = optionalUuid(this, 'templateId', i, 'Template ID');
	const options = readSendOptions(this, i, this.getNodeParameter('options', i, {}) as IDataObject);
	const from = await readFromChannel(this, i);
	const body: IDataObject = { to, from, ...options };
	if (code !== '') body.code = code;
	if (templateId) body.templateId = templateId;
	return await postSend(this, i, '/chat/v1/send/otp', body);
}

export const operation = defineOperation({
	resource: 'sendApi',
	value: 'sendOtp',
	name: 'Send OTP',
	action: 'Send a one time code',
	description: 'Send a one-time code on WhatsApp with an authentication template',
	summary: 'A one-time code on WhatsApp with the channel\'s (or a chosen) authentication template; empty Code = 5 random digits, returned',
	endpoint: '`POST /chat/v1/send/otp`',
	properties,
	execute,
});
