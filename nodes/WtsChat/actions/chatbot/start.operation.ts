import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { resolveFromChannel } from '../../helpers/send';
import { apiRequest } from '../../transport';
import { readBotStart, startProperties } from './shared';

export const description = startProperties('start');

/**
 * POST /chat/v1/chatbot/send: starts the bot now and outputs the session it runs in. Session metadata goes under
 * `sessionMetadata`, as documented (the legacy node misspelt it and the API dropped it).
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const start = readBotStart(this, i);
	const body: IDataObject = { botKey: start.botKey, ...start.fields };
	if (start.sessionId) body.sessionId = start.sessionId;
	if (start.to && start.from) {
		body.to = start.to;
		body.from = await resolveFromChannel(this, i, start.from);
	}
	return (await apiRequest.call(this, { method: 'POST', path: '/chat/v1/chatbot/send', body }, i)) as IDataObject;
}
