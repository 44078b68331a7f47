import { removeMany, memberProperties } from '../contactMemberships';
import { defineOperation } from '../operation';
import { SEQUENCE } from './shared';

export const operation = defineOperation({
	resource: 'sequence',
	value: 'removeContacts',
	name: 'Remove Contacts',
	action: 'Remove contacts from a sequence',
	description: 'Remove the contacts of all input items from their sequences, in batches',
	summary: 'The same for many items at once, grouped by sequence, up to 100 contacts a request; a contact that is not in the sequence is skipped by WTS without an error',
	endpoint: '`DELETE /chat/v1/sequence/{id}/contact/batch` (JSON body)',
	properties: memberProperties(SEQUENCE, 'remove', true),
	batch: removeMany(SEQUENCE),
});
