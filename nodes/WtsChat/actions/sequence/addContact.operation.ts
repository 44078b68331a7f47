import { addOne, memberProperties } from '../contactMemberships';
import { defineOperation } from '../operation';
import { SEQUENCE } from './shared';

export const operation = defineOperation({
	resource: 'sequence',
	value: 'addContact',
	name: 'Add Contact',
	action: 'Add a contact to a sequence',
	description: 'Add one contact to a sequence, one request per item',
	summary: 'Add one contact (picked, by ID, or by phone number) to a sequence, one request per item; outputs the contact\'s membership',
	endpoint: '`POST /chat/v1/sequence/{id}/contact`',
	properties: memberProperties(SEQUENCE, 'add', false),
	execute: addOne(SEQUENCE),
});
