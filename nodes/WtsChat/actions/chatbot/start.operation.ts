import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { startBot, startProperties } from './shared';

export const description = startProperties('start');

/**
 * POST /chat/v1/chatbot/send: starts the bot now and outputs the session it runs in. Session metadata goes under
 * `sessionMetadata`, as documented (the legacy node misspelt it and the API dropped it).
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await startBot(this, i, '/chat/v1/chatbot/send');
}
