import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { startBot, startProperties } from './shared';

export const description = startProperties('startQueued');

/** POST /chat/v1/send/chatbot: queues the start and outputs the run (its ID is for Get Run Status). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await startBot(this, i, '/chat/v1/send/chatbot');
}
