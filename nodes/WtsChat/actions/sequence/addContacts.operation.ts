import { addMany, memberProperties } from '../contactMemberships';
import { defineOperation } from '../operation';
import { SEQUENCE } from './shared';

export const operation = defineOperation({
	resource: 'sequence',
	value: 'addContacts',
	name: 'Add Contacts',
	action: 'Add contacts to a sequence',
	description: 'Add the contacts of all input items to their sequences, in batches',
	summary: 'The same for many items at once: one input item per contact, items grouped by sequence into requests of up to 100 contacts; a phone number of no contact creates the contact (WTS behaviour); one output item per input item, its membership (WTS answers one page: a contact past it is looked up in the sequence\'s listing; one in neither fails that item alone)',
	endpoint: '`POST /chat/v1/sequence/{id}/contact/batch`',
	properties: memberProperties(SEQUENCE, 'add', true),
	batch: addMany(SEQUENCE),
});
