import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiRequest } from '../transport';

/** The channels of the account, read once per execution (GET /chat/v1/channel answers one plain array). */
const channelCache = new WeakMap<object, Promise<IDataObject[]>>();

async function accountChannels(ctx: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	let pending = channelCache.get(ctx);
	if (!pending) {
		pending = apiRequest
			.call(ctx, { method: 'GET', path: '/chat/v1/channel' }, itemIndex)
			.then((body) => (Array.isArray(body) ? (body as IDataObject[]) : []));
		channelCache.set(ctx, pending);
		pending.catch(() => channelCache.delete(ctx));
	}
	return await pending;
}

/**
 * The number (WhatsApp, digits as WTS Chat lists it) or `@handle` (Instagram) of the account's channel with this ID,
 * which is what the sends take as `from`; refused when the account has no such channel (or it has no number).
 */
export async function channelNumber(ctx: IExecuteFunctions, itemIndex: number, channelId: string): Promise<string> {
	const id = channelId.toLowerCase();
	const channel = (await accountChannels(ctx, itemIndex)).find((c) => String(c.id).toLowerCase() === id);
	const number = typeof channel?.number === 'string' ? channel.number.trim() : '';
	if (number === '') {
		throw new NodeOperationError(ctx.getNode(), `Channel ${channelId} not found`, {
			description: 'WTS Chat lists no channel with this ID for your account. Pick the channel from the list, or enter its number.',
			itemIndex,
		});
	}
	return number;
}
