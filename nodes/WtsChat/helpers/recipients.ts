import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiRequest } from '../transport';
import { normalizePhone } from './phone';
import { requireUuid } from './validation';

/**
 * The `to` of a send to a contact (Message → Send, Scheduled Message → Create): a typed phone number
 * (`sendTo: phone`, parameter `phoneNumber`) or a picked contact (`sendTo: contact`, parameter `contactId`), whose
 * phone is read from WTS Chat (GET /core/v1/contact/{id}); a contact without phone is reached by its Instagram.
 * The phone is checked before any request.
 */
export async function resolveRecipient(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	const sendTo = ctx.getNodeParameter('sendTo', itemIndex, 'phone') as string;
	if (sendTo !== 'contact') return normalizePhone(ctx, ctx.getNodeParameter('phoneNumber', itemIndex, ''), itemIndex, 'Phone Number');
	const id = requireUuid(ctx, 'contactId', itemIndex, 'Contact ID');
	const contact = (await apiRequest.call(
		ctx,
		{ method: 'GET', path: '/core/v1/contact/{id}', pathParams: { id }, subject: { noun: 'Contact', id } },
		itemIndex,
	)) as IDataObject;
	const phone = typeof contact?.phoneNumber === 'string' ? contact.phoneNumber.trim() : '';
	if (phone !== '') return normalizePhone(ctx, phone, itemIndex, `phone number of contact ${id}`);
	const instagram = typeof contact?.instagram === 'string' ? contact.instagram.trim().replace(/^@/, '') : '';
	if (instagram !== '') return `@${instagram}`;
	throw new NodeOperationError(ctx.getNode(), `Contact ${id} has no phone number or Instagram`, {
		description: 'Add a phone number to the contact in WTS Chat, or send to a phone number instead (Recipient → Phone Number).',
		itemIndex,
	});
}

/** The channels of the account, read once per node run (GET /chat/v1/channel is one plain array). */
const channelCache = new WeakMap<IExecuteFunctions, Promise<IDataObject[]>>();

/**
 * The `from` of a send through the channel picked in `parameter` (its ID): the channel's number (WhatsApp) or
 * `@handle` (Instagram), which is what `from` takes (api.md §2.3).
 */
export async function channelFrom(ctx: IExecuteFunctions, itemIndex: number, channelId: string): Promise<string> {
	let channels = channelCache.get(ctx);
	if (!channels) {
		channels = apiRequest
			.call(ctx, { method: 'GET', path: '/chat/v1/channel' }, itemIndex)
			.then((body) => (Array.isArray(body) ? (body as IDataObject[]) : []));
		channelCache.set(ctx, channels);
		channels.catch(() => channelCache.delete(ctx));
	}
	const channel = (await channels).find((c) => String(c.id).toLowerCase() === channelId);
	const number = typeof channel?.number === 'string' ? channel.number.trim() : '';
	if (!channel || number === '') {
		throw new NodeOperationError(ctx.getNode(), `Channel ${channelId} not found`, {
			description: 'Pick the channel from the list: the ID must be one of the channels of this WTS Chat account.',
			itemIndex,
		});
	}
	return number;
}
