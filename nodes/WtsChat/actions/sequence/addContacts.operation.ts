import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import type { SequenceContact } from './shared';
import { batchBody, sequenceBatch, sequenceContactProperties } from './shared';

const properties: INodeProperties[] = sequenceContactProperties('add');

export const description = updateDisplayOptions({ show: { resource: ['sequence'], operation: ['addContacts'] } }, properties);

const digits = (value: unknown) => String(value ?? '').replace(/\D/g, '');

/** The membership of `entry` among the records the API answered (by contact ID, else by phone). */
function membershipOf(entry: SequenceContact, records: IDataObject[]): IDataObject | undefined {
	if (entry.contactId) return records.find((r) => r.contactId === entry.contactId);
	return records.find((r) => {
		const phone = digits((r.contactDetails as IDataObject | undefined)?.phonenumber);
		return phone !== '' && phone === entry.phoneNumber;
	});
}

/**
 * POST /chat/v1/sequence/{id}/contact/batch: one input item per contact, items of the same sequence sent
 * together. Each item outputs its membership when the answer has it, else what was sent with `added: true`.
 */
export const batch = sequenceBatch(async function (this, entries, itemIndexes) {
	const id = entries[0].sequenceId;
	const page = (await apiRequest.call(
		this,
		{ method: 'POST', path: '/chat/v1/sequence/{id}/contact/batch', pathParams: { id }, subject: { noun: 'Sequence', id }, body: batchBody(entries) },
		itemIndexes[0],
	)) as IDataObject | undefined;
	const records = Array.isArray(page?.items) ? (page.items as IDataObject[]) : [];
	return entries.map((entry) => membershipOf(entry, records) ?? { added: true, ...entry });
});
