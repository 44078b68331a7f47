import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { contactRefsBody, findMembership } from '../../helpers/contactRef';
import { sequenceBatch, sequenceContactProperties } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = sequenceContactProperties('add');

/**
 * POST /chat/v1/sequence/{id}/contact/batch: one input item per contact, items of the same sequence sent
 * together. Each item outputs its membership when the answer has it, else what was sent with `added: true`.
 */
export const batch = sequenceBatch(async function (this, entries, itemIndexes) {
	const id = entries[0].sequenceId;
	const page = (await apiRequest.call(
		this,
		{ method: 'POST', path: '/chat/v1/sequence/{id}/contact/batch', pathParams: { id }, subject: { noun: 'Sequence', id }, body: contactRefsBody(entries) },
		itemIndexes[0],
	)) as IDataObject | undefined;
	const records = Array.isArray(page?.items) ? (page.items as IDataObject[]) : [];
	return entries.map((entry) => findMembership(entry, records) ?? { added: true, ...entry });
});

export const operation = defineOperation({
	resource: 'sequence',
	value: 'addContacts',
	name: 'Add Contacts',
	action: 'Add contacts to a sequence',
	description: 'Add the contacts of all input items to their sequences, in batches',
	summary: 'The same for many items at once: one input item per contact, items grouped by sequence into requests of up to 100 contacts; a phone number of no contact creates the contact (WTS behaviour); one output item per input item',
	endpoint: '`POST /chat/v1/sequence/{id}/contact/batch`',
	properties,
	batch,
});
