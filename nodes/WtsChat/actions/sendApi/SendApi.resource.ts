import type { INodeProperties } from 'n8n-workflow';

import * as getMessageStatus from './getMessageStatus.operation';
import * as getOtpStatus from './getOtpStatus.operation';
import * as sendAudio from './sendAudio.operation';
import * as sendDocument from './sendDocument.operation';
import * as sendImage from './sendImage.operation';
import * as sendOtp from './sendOtp.operation';
import * as sendTemplate from './sendTemplate.operation';
import * as sendTemplateBatch from './sendTemplateBatch.operation';
import * as sendText from './sendText.operation';
import * as sendTyping from './sendTyping.operation';
import * as sendVideo from './sendVideo.operation';

export {
	getMessageStatus,
	getOtpStatus,
	sendAudio,
	sendDocument,
	sendImage,
	sendOtp,
	sendTemplate,
	sendTemplateBatch,
	sendText,
	sendTyping,
	sendVideo,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sendApi'] } },
		default: 'sendText',
		options: [
			{ name: 'Get Message Status', value: 'getMessageStatus', description: 'Get the status of a message sent with the Send API', action: 'Get the status of a sent message' },
			{ name: 'Get OTP Status', value: 'getOtpStatus', description: 'Get the status of a one-time code, by its ID or your Sender ID', action: 'Get the status of a one time code' },
			{ name: 'Send Audio', value: 'sendAudio', description: 'Send an audio file to a phone number', action: 'Send an audio' },
			{ name: 'Send Document', value: 'sendDocument', description: 'Send a document to a phone number', action: 'Send a document' },
			{ name: 'Send Image', value: 'sendImage', description: 'Send an image to a phone number', action: 'Send an image' },
			{ name: 'Send OTP', value: 'sendOtp', description: 'Send a one-time code on WhatsApp with an authentication template', action: 'Send a one time code' },
			{ name: 'Send Template', value: 'sendTemplate', description: 'Send a message template to a phone number (starts a WhatsApp conversation)', action: 'Send a template' },
			{ name: 'Send Template (Batch)', value: 'sendTemplateBatch', description: 'Send a template to every input item’s phone number, up to 100 per request', action: 'Send a template to many recipients' },
			{ name: 'Send Text', value: 'sendText', description: 'Send a text message to a phone number', action: 'Send a text' },
			{ name: 'Send Typing Indicator', value: 'sendTyping', description: 'Show "typing…" to the contact of a session', action: 'Send a typing indicator' },
			{ name: 'Send Video', value: 'sendVideo', description: 'Send a video to a phone number', action: 'Send a video' },
		],
	},
	...getMessageStatus.description,
	...getOtpStatus.description,
	...sendAudio.description,
	...sendDocument.description,
	...sendImage.description,
	...sendOtp.description,
	...sendTemplate.description,
	...sendTemplateBatch.description,
	...sendText.description,
	...sendTyping.description,
	...sendVideo.description,
];
