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
