import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { FromChannel } from '../../helpers/send';
import { checkFromChannel, readChatbotOptions, readRecipient, resolveFromChannel } from '../../helpers/send';
import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { idLocator, sessionLocator } from '../locators';
import { optionsCollection } from '../listing.descriptions';
import { chatbotOptions, fromChannelProperty, recipientProperty } from '../send.descriptions';

/** The bot to start: its `key` (the API's botKey), picked from the chatbot list. */
export const botLocator = (): INodeProperties =>
	idLocator({
		name: 'botKey',
		displayName: 'Chatbot',
		searchListMethod: 'searchChatbots',
		noun: 'chatbot key',
		description: 'The chatbot to start (the list gives its key, which the API calls botKey)',
	});

/** Who the bot talks to: a phone number through a channel, or an existing session. */
export function startProperties(): INodeProperties[] {
	const show = { recipientType: ['contact'] };
	const properties: INodeProperties[] = [
		botLocator(),
		{
			displayName: 'Recipient Type',
			name: 'recipientType',
			type: 'options',
			default: 'contact',
			description: 'Whether to start the bot for a phone number (or Instagram user) through a channel, or in an existing session',
			options: [
				{ name: 'Contact', value: 'contact', description: 'A phone number or @instagram user, through a channel' },
				{ name: 'Session', value: 'session', description: 'An existing session (conversation)' },
			],
		},
		{ ...recipientProperty({ instagram: true }), displayOptions: { show } },
		{ ...fromChannelProperty('The channel of your account the bot talks through'), displayOptions: { show } },
		{ ...sessionLocator('The session (conversation) to start the bot in'), displayOptions: { show: { recipientType: ['session'] } } },
		optionsCollection(chatbotOptions),
	];
	return properties;
}

/** One start read and checked, before any request. */
export interface BotStart {
	botKey: string;
	/** The recipient (`to`) with its channel, or the session. */
	to?: string;
	from?: FromChannel;
	sessionId?: string;
	/** callbackUrl, senderId, options, sessionMetadata, contactMetadata as set. */
	fields: IDataObject;
}

export function readBotStart(ctx: IExecuteFunctions, i: number): BotStart {
	const botKey = requireUuid(ctx, 'botKey', i, 'Chatbot Key');
	const recipientType = ctx.getNodeParameter('recipientType', i, 'contact') as string;
	const fields = readChatbotOptions(ctx, i, ctx.getNodeParameter('options', i, {}) as IDataObject);
	if (recipientType === 'session') return { botKey, sessionId: requireUuid(ctx, 'sessionId', i, 'Session ID'), fields };
	const to = readRecipient(ctx, i, true);
	return { botKey, to, from: checkFromChannel(ctx, i), fields };
}

/**
 * Starts the bot of item i through one of the two single-start endpoints (they take the same body): the session, or
 * the recipient with its channel resolved to the number it sends from.
 */
export async function startBot(ctx: IExecuteFunctions, i: number, path: '/chat/v1/chatbot/send' | '/chat/v1/send/chatbot'): Promise<IDataObject> {
	const start = readBotStart(ctx, i);
	const body: IDataObject = { botKey: start.botKey, ...start.fields };
	if (start.sessionId) body.sessionId = start.sessionId;
	if (start.to && start.from) {
		body.to = start.to;
		body.from = await resolveFromChannel(ctx, i, start.from);
	}
	return (await apiRequest.call(ctx, { method: 'POST', path, body }, i)) as IDataObject;
}
