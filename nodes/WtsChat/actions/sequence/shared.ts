import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ContactRef } from '../../helpers/contactRef';
import { contactRefId, readContactRef } from '../../helpers/contactRef';
import { assertUuid, requireUuid } from '../../helpers/validation';
import type { Query } from '../../transport';
import type { BatchOperation } from '../node.type';
import { contactByProperties, sequenceLocator } from '../common.descriptions';
import { optionalText } from '../../helpers/utils';

/** The sequence and the contact (by ID or phone number) an add/remove names. */
export interface SequenceContact extends ContactRef {
	sequenceId: string;
}

/**
 * The largest number of contacts one batch request carries. The export documents no maximum for
 * PublicRequestSequenceBatchContactDTO; 100 is the API's page size maximum and the limit of its other batches.
 */
export const SEQUENCE_BATCH_SIZE = 100;

/** Sequence + "Contact By" (a contact picked from the list, or a phone number) + Default Country Code. */
export function sequenceContactProperties(verb: 'add' | 'remove'): INodeProperties[] {
	return [
		sequenceLocator(verb === 'add' ? 'The sequence to add the contact to' : 'The sequence to remove the contact from'),
		...contactByProperties({
			purpose: verb === 'add' ? 'to add to the sequence' : 'to remove from the sequence',
			phoneOption: verb === 'add' ? 'The contact’s phone number (Add Contacts creates a contact that does not exist yet)' : undefined,
		}),
	];
}

/** Reads and checks the sequence and the contact of item `i`, before any request. */
export function readSequenceContact(ctx: IExecuteFunctions, i: number): SequenceContact {
	return { sequenceId: requireUuid(ctx, 'sequenceId', i, 'Sequence ID'), ...readContactRef(ctx, i) };
}

/** A batch operation over sequences: items grouped by sequence, up to SEQUENCE_BATCH_SIZE contacts a request. */
export function sequenceBatch(send: BatchOperation<SequenceContact>['send']): BatchOperation<SequenceContact> {
	return {
		size: SEQUENCE_BATCH_SIZE,
		async prepare(i) {
			const entry = readSequenceContact(this, i);
			return { key: entry.sequenceId, entry };
		},
		send,
	};
}

/** What a removal outputs: `{deleted: true, id}` with the contact ID (or phone number) and the sequence. */
export function removedOutput(entry: SequenceContact): IDataObject {
	return { deleted: true, id: contactRefId(entry), sequenceId: entry.sequenceId };
}

/** The Contact ID filter of the sequence listings. */
export const contactIdFilter = (description: string): INodeProperties => ({
	displayName: 'Contact ID',
	name: 'contactId',
	type: 'string',
	default: '',
	placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b',
	description,
});

/** The Name filter of the sequence listings (the API's case-insensitive "contains"). */
export const nameFilter = (placeholder: string, description: string): INodeProperties => ({
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	placeholder,
	description,
});

/** The Name and ContactId query keys the sequence listings share (dates and order: listWithDateFilters). */
export function nameAndContactQuery(ctx: IExecuteFunctions, i: number, filters: IDataObject): Query {
	return {
		Name: optionalText(filters.name),
		ContactId: filters.contactId ? assertUuid(ctx, filters.contactId, i, 'Contact ID') : undefined,
	};
}
