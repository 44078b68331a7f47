import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { resolveFromChannel } from '../../helpers/send';
import { apiRequest } from '../../transport';
import { readBotStart, startProperties } from './shared';

export const description = startProperties('startQueued');

/** POST /chat/v1/send/chatbot: queues the start and outputs the run (its ID is for Get Run Status). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const start = readBotStart(this, i);
	const body: IDataObject = { botKey: start.botKey, ...start.fields };
	if (start.sessionId) body.sessionId = start.sessionId;
	if (start.to && start.from) {
		body.to = start.to;
		body.from = await resolveFromChannel(this, i, start.from);
	}
	return (await apiRequest.call(this, { method: 'POST', path: '/chat/v1/send/chatbot', body }, i)) as IDataObject;
}
