import type { INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { contactRefsBody } from '../../helpers/contactRef';
import { removedOutput, sequenceBatch, sequenceContactProperties } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = sequenceContactProperties('remove');

/**
 * DELETE /chat/v1/sequence/{id}/contact/batch (JSON body): one input item per contact, items of the same sequence
 * sent together; each outputs `{deleted: true, id, sequenceId}`. The API treats the lists as filters: a contact
 * that is not in the sequence is skipped without an error.
 */
export const batch = sequenceBatch(async function (this, entries, itemIndexes) {
	const id = entries[0].sequenceId;
	await apiRequest.call(
		this,
		{ method: 'DELETE', path: '/chat/v1/sequence/{id}/contact/batch', pathParams: { id }, subject: { noun: 'Sequence', id }, body: contactRefsBody(entries) },
		itemIndexes[0],
	);
	return entries.map(removedOutput);
});

export const operation = defineOperation({
	resource: 'sequence',
	value: 'removeContacts',
	name: 'Remove Contacts',
	action: 'Remove contacts from a sequence',
	description: 'Remove the contacts of all input items from their sequences, in batches',
	summary: 'The same for many items at once, grouped by sequence, up to 100 contacts a request; a contact that is not in the sequence is skipped by WTS without an error',
	endpoint: '`DELETE /chat/v1/sequence/{id}/contact/batch` (JSON body)',
	properties,
	batch,
});
