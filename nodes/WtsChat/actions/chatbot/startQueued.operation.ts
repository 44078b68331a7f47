import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { startBot, startProperties } from './shared';
import { defineOperation } from '../operation';

/** POST /chat/v1/send/chatbot: queues the start and outputs the run (its ID is for Get Run Status). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await startBot(this, i, '/chat/v1/send/chatbot');
}

export const operation = defineOperation({
	resource: 'chatbot',
	value: 'startQueued',
	name: 'Start (Queued)',
	action: 'Queue a chatbot start',
	description: 'Queue a chatbot start and get its run ID for Get Run Status',
	summary: 'The same, queued: outputs the run (`id`, `status`)',
	endpoint: '`POST /chat/v1/send/chatbot`',
	properties: startProperties(),
	execute,
});
