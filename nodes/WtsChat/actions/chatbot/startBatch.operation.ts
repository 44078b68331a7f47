import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { resolveFromChannel } from '../../helpers/send';
import { apiRequest } from '../../transport';
import type { BatchOperation } from '../node.type';
import type { BotStart } from './shared';
import { readBotStart, startProperties } from './shared';
import { defineOperation } from '../operation';

/**
 * Recipients per request of POST /chat/v1/send/chatbot/batch. The docs give no maximum for this endpoint; the
 * node uses the send family's documented batch size (template batch: 100).
 */
export const CHATBOT_BATCH_SIZE = 100;

/** Per-recipient fields of `messages[]`; the bot options are shared by the request. */
const PER_MESSAGE = ['callbackUrl', 'senderId', 'sessionMetadata', 'contactMetadata'];

/**
 * POST /chat/v1/send/chatbot/batch: input items with the same bot, channel and options share requests; the
 * channel is sent as its ID when picked from the list (documented for this endpoint only).
 */
/** One recipient's entry of `messages[]`. */
function messageOf(e: BotStart): IDataObject {
	const message: IDataObject = e.sessionId ? { sessionId: e.sessionId } : { to: e.to };
	for (const key of PER_MESSAGE) if (e.fields[key] !== undefined) message[key] = e.fields[key];
	return message;
}

export const batch: BatchOperation<BotStart> = {
	size: CHATBOT_BATCH_SIZE,
	probe: (e) => ({
		method: 'POST',
		path: '/chat/v1/send/chatbot/batch',
		body: { botKey: e.botKey, messages: [messageOf(e)], ...(e.fields.options ? { options: e.fields.options as IDataObject } : {}) },
	}),
	async prepare(this: IExecuteFunctions, i: number) {
		const start = readBotStart(this, i);
		return { key: JSON.stringify([start.botKey, start.from ?? null, start.fields.options ?? null]), entry: start };
	},
	async send(this: IExecuteFunctions, entries: BotStart[], itemIndexes: number[]) {
		const first = entries[0];
		const body: IDataObject = { botKey: first.botKey };
		if (first.from) body.from = await resolveFromChannel(this, itemIndexes[0], first.from, { channelId: true });
		if (first.fields.options) body.options = first.fields.options;
		body.messages = entries.map(messageOf);
		const answer = (await apiRequest.call(this, { method: 'POST', path: '/chat/v1/send/chatbot/batch', body }, itemIndexes[0])) as IDataObject;
		const results = Array.isArray(answer?.results) ? (answer.results as IDataObject[]) : [];
		return entries.map((e, k) => {
			const result = results[k];
			if (result?.status !== 'FAILED') return result;
			const who = e.sessionId ? `session ${e.sessionId}` : String(e.to);
			const reason = typeof result.failedReason === 'string' && result.failedReason ? result.failedReason : 'no reason given';
			return new NodeOperationError(this.getNode(), `WTS Chat did not start the chatbot for ${who}: ${reason}`, {
				description: `WTS Chat answered "${reason}" for this recipient (run ${String(result.id ?? '')}). Check the recipient or session of this item.`,
			});
		});
	},
};

export const operation = defineOperation({
	resource: 'chatbot',
	value: 'startBatch',
	name: 'Start (Batch)',
	action: 'Start a chatbot for many contacts',
	description: 'Queue a chatbot for every input item’s contact or session, many per request',
	summary: 'Queue the bot for every input item\'s contact or session: items with the same bot, channel and options share requests of up to 100 (the docs give no maximum; the send family\'s documented batch size is used); the channel is sent as its ID, as this endpoint documents',
	endpoint: '`POST /chat/v1/send/chatbot/batch`',
	properties: startProperties(),
	batch,
});
