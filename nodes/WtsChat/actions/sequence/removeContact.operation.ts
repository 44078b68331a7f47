import { removeOne, memberProperties } from '../contactMemberships';
import { defineOperation } from '../operation';
import { SEQUENCE } from './shared';

export const operation = defineOperation({
	resource: 'sequence',
	value: 'removeContact',
	name: 'Remove Contact',
	action: 'Remove a contact from a sequence',
	description: 'Remove one contact from a sequence, one request per item',
	summary: 'Remove one contact (picked, by ID, or by phone number) from a sequence; outputs `{deleted: true, id, sequenceId}` (`id` = the contact ID or phone number given)',
	endpoint: '`DELETE /chat/v1/sequence/{id}/contact` (JSON body)',
	properties: memberProperties(SEQUENCE, 'remove', false),
	execute: removeOne(SEQUENCE),
});
