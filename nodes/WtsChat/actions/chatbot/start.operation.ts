import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { startBot, startProperties } from './shared';
import { defineOperation } from '../operation';

/**
 * POST /chat/v1/chatbot/send: starts the bot now and outputs the session it runs in. Session metadata goes under
 * `sessionMetadata`, as documented (the legacy node misspelt it and the API dropped it).
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await startBot(this, i, '/chat/v1/chatbot/send');
}

export const operation = defineOperation({
	resource: 'chatbot',
	value: 'start',
	name: 'Start',
	action: 'Start a chatbot',
	description: 'Start a chatbot for a contact or in a session now, and get the session',
	summary: 'Start a bot now for a phone number / @user through a channel, or in an existing session; outputs the session. Options: skip if a bot runs / if in progress, force start, hidden session, **session metadata** (sent as `sessionMetadata`), contact metadata, sender ID, callback URL',
	endpoint: '`POST /chat/v1/chatbot/send`',
	properties: startProperties(),
	execute,
});
