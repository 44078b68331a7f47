import { addOne, memberProperties } from '../contactMemberships';
import { defineOperation } from '../operation';
import { PORTFOLIO } from './shared';

export const operation = defineOperation({
	resource: 'portfolio',
	value: 'addContact',
	name: 'Add Contact',
	action: 'Add a contact to a portfolio',
	description: 'Add a contact to a portfolio',
	summary: 'Add one contact (picked, by ID, or by **phone number**) to a portfolio, one request per item; outputs the link',
	endpoint: '`POST /core/v1/portfolio/{id}/contact`',
	properties: memberProperties(PORTFOLIO, 'add', false),
	execute: addOne(PORTFOLIO),
});
