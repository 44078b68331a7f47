import type { INodeProperties } from 'n8n-workflow';

import { UUID_PATTERN } from '../helpers/validation';
import { agentPicker, departmentPicker, replyToOption } from './common.descriptions';

/**
 * The editor properties of the operations that send to a contact by phone number (Send API, Chatbot): the recipient,
 * the sending channel and the options of a send. helpers/send.ts reads them.
 */

/** The recipient: a phone number (any usual format) or, where the API documents it, an Instagram user `@name`. */
export const recipientProperty = (o: { instagram: boolean; description?: string }): INodeProperties => ({
	displayName: 'To',
	name: 'to',
	type: 'string',
	default: '',
	required: true,
	placeholder: o.instagram ? 'e.g. +55 11 99999-0001 or @username' : 'e.g. +55 11 99999-0001',
	description:
		o.description ??
		(o.instagram
			? 'Phone number of the contact with its country code (e.g. +55 11 99999-0001), or an Instagram user as @username. A contact WTS Chat does not know yet is created.'
			: 'Phone number of the contact with its country code, e.g. +55 11 99999-0001. A contact WTS Chat does not know yet is created.'),
});


/** The sending channel: picked from the list (its ID), by ID, or by its number / @user as WTS Chat shows it. */
export const fromChannelProperty = (description = 'The channel of your account that sends the message'): INodeProperties => ({
	displayName: 'From Channel',
	name: 'from',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a channel...',
			typeOptions: { searchListMethod: 'searchChannels', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b',
			validation: [{ type: 'regex', properties: { regex: UUID_PATTERN, errorMessage: 'Not a valid channel ID (a UUID is expected)' } }],
		},
		{
			displayName: 'By Number',
			name: 'number',
			type: 'string',
			placeholder: 'e.g. +55 11 3000-0001 or @lojaexemplo',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^(@[A-Za-z0-9._]{1,30}|\\+?[0-9 ().\\-|]{8,30})$', errorMessage: 'Not a channel number or @user' },
				},
			],
		},
	],
});


const callbackUrlOption: INodeProperties = {
	displayName: 'Callback URL',
	name: 'callbackUrl',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://example.com/wts-callback',
	description: 'A URL WTS Chat calls once when this send is delivered or fails',
};

const senderIdOption: INodeProperties = {
	displayName: 'Sender ID',
	name: 'senderId',
	type: 'string',
	default: '',
	placeholder: 'e.g. order-4821',
	description: 'Your own ID for this send, returned in its status (track it, avoid sending twice)',
};

const sessionIdOption: INodeProperties = {
	displayName: 'Session ID',
	name: 'sessionId',
	type: 'string',
	default: '',
	placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b',
	description: 'Send inside this known session (conversation) of the contact instead of the one WTS Chat picks',
};

const delayTypingOption: INodeProperties = {
	displayName: 'Delay Typing (Seconds)',
	name: 'delayTyping',
	type: 'number',
	default: 3,
	typeOptions: { minValue: 0, maxValue: 25 },
	description: 'Seconds of "typing…" shown to the contact before the message is delivered (at most 25)',
};

/** The options of a send that shape the session it creates (agent, department, bot, force start, hidden). */
export const sessionFlagOptions: INodeProperties[] = [
	agentPicker('The agent made responsible for the session this send creates'),
	departmentPicker('The department of the session this send creates'),
	{
		displayName: 'Enable Bot',
		name: 'enableBot',
		type: 'boolean',
		default: false,
		description: 'Whether the channel’s chatbot answers when the contact replies (new sessions only)',
	},
	{
		displayName: 'Force Start Session',
		name: 'forceStartSession',
		type: 'boolean',
		default: false,
		description: 'Whether to complete the contact’s ongoing session and start a new one',
	},
	{
		displayName: 'Hidden Session',
		name: 'hiddenSession',
		type: 'boolean',
		default: false,
		description: 'Whether to hide the new session from agents until the contact replies',
	},
];

/** Metadata entries (key/value) under another name, e.g. sessionMetadata. */
export const metadataEntries = (name: string, displayName: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Entry',
	default: {},
	description,
	options: [
		{
			displayName: 'Entry',
			name: 'entries',
			values: [
				{ displayName: 'Key', name: 'key', type: 'string', default: '', description: 'Metadata key, e.g. orderId' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'The value saved under the key' },
			],
		},
	],
});

export const sessionMetadataOption = metadataEntries(
	'sessionMetadata',
	'Session Metadata',
	'Key/value pairs saved on the session (kept while the session is active)',
);

export const contactMetadataOption = metadataEntries('contactMetadata', 'Contact Metadata', 'Key/value pairs saved on the contact');

/** Options of the message sends: which ones a kind of send documents. */
export function sendOptions(kind: 'message' | 'template' | 'templateBatch'): INodeProperties[] {
	const common = [callbackUrlOption, senderIdOption, ...sessionFlagOptions];
	if (kind === 'message') return [...common, delayTypingOption, replyToOption, sessionIdOption];
	if (kind === 'template') return [...common, sessionIdOption, sessionMetadataOption];
	return [...common, sessionMetadataOption];
}

/** Bot options (start a chatbot). */
export const chatbotOptions: INodeProperties[] = [
	callbackUrlOption,
	senderIdOption,
	contactMetadataOption,
	sessionMetadataOption,
	{
		displayName: 'Force Start Session',
		name: 'forceStartSession',
		type: 'boolean',
		default: false,
		description: 'Whether to complete the contact’s ongoing session and start a new one for the bot',
	},
	{
		displayName: 'Hidden Session',
		name: 'hiddenSession',
		type: 'boolean',
		default: false,
		description: 'Whether to hide the new session from agents until the contact replies',
	},
	{
		displayName: 'Skip If Bot in Execution',
		name: 'skipIfBotInExecution',
		type: 'boolean',
		default: false,
		description: 'Whether to do nothing when a bot is already running in the contact’s session',
	},
	{
		displayName: 'Skip If in Progress',
		name: 'skipIfInProgress',
		type: 'boolean',
		default: false,
		description: 'Whether to do nothing when an agent is already attending the contact’s session',
	},
];

