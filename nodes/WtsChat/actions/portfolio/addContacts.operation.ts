import { addMany, memberProperties } from '../contactMemberships';
import { defineOperation } from '../operation';
import { PORTFOLIO } from './shared';

export const operation = defineOperation({
	resource: 'portfolio',
	value: 'addContacts',
	name: 'Add Contacts',
	action: 'Add many contacts to a portfolio',
	description: 'Add the contacts of many input items to portfolios, 100 per request',
	summary: 'Each input item adds one contact (by ID or phone number); the items are grouped by portfolio into requests of up to 100 contacts (`contactIds` and `phoneNumbers`), and each item still gets its own output item (its link), paired. WTS answers one page of links: a contact past it is looked up in the portfolio\'s listing; a contact in neither fails that item alone',
	endpoint: '`POST /core/v1/portfolio/{id}/contact/batch`',
	properties: memberProperties(PORTFOLIO, 'add', true),
	batch: addMany(PORTFOLIO),
});
