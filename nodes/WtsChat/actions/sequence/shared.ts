import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { defaultCountryCodeOption, normalizePhone, readCountryCode } from '../../helpers/phone';
import { assertUuid, requireUuid } from '../../helpers/validation';
import type { Query } from '../../transport';
import type { BatchOperation } from '../node.type';
import { contactLocator, optionsCollection, sequenceLocator } from '../common.descriptions';
import { optionalText } from '../../helpers/utils';

/** The contact an add/remove names: a contact record (`contactId`) or a phone number (`phoneNumber`). */
export interface SequenceContact {
	sequenceId: string;
	contactId?: string;
	phoneNumber?: string;
}

/**
 * The largest number of contacts one batch request carries. The export documents no maximum for
 * PublicRequestSequenceBatchContactDTO; 100 is the API's page size maximum and the limit of its other batches.
 */
export const SEQUENCE_BATCH_SIZE = 100;

/** Sequence + "Contact By" (a contact picked from the list, or a phone number) + Default Country Code. */
export function sequenceContactProperties(verb: 'add' | 'remove'): INodeProperties[] {
	const toFrom = verb === 'add' ? 'to add to' : 'to remove from';
	return [
		sequenceLocator(verb === 'add' ? 'The sequence to add the contact to' : 'The sequence to remove the contact from'),
		{
			displayName: 'Contact By',
			name: 'contactBy',
			type: 'options',
			default: 'contact',
			description: `How the contact ${toFrom} the sequence is given`,
			options: [
				{ name: 'Contact', value: 'contact', description: 'A contact picked from the list or given by its ID' },
				{
					name: 'Phone Number',
					value: 'phoneNumber',
					description:
						verb === 'add'
							? 'The contact’s phone number (Add Contacts creates a contact that does not exist yet)'
							: 'The contact’s phone number',
				},
			],
		},
		{ ...contactLocator({ description: `The contact ${toFrom} the sequence` }), displayOptions: { show: { contactBy: ['contact'] } } },
		{
			displayName: 'Phone Number',
			name: 'phoneNumber',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. +55 11 99999-9999',
			description: `The phone number of the contact ${toFrom} the sequence`,
			displayOptions: { show: { contactBy: ['phoneNumber'] } },
		},
		{ ...optionsCollection([defaultCountryCodeOption]), displayOptions: { show: { contactBy: ['phoneNumber'] } } },
	];
}

/** Reads and checks the sequence and the contact of item `i`, before any request. */
export function readSequenceContact(ctx: IExecuteFunctions, i: number): SequenceContact {
	const sequenceId = requireUuid(ctx, 'sequenceId', i, 'Sequence ID');
	if ((ctx.getNodeParameter('contactBy', i, 'contact') as string) === 'phoneNumber') {
		const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
		const country = readCountryCode(ctx, options.defaultCountryCode, i);
		return { sequenceId, phoneNumber: normalizePhone(ctx, ctx.getNodeParameter('phoneNumber', i, ''), i, 'Phone Number', country) };
	}
	return { sequenceId, contactId: requireUuid(ctx, 'contactId', i, 'Contact ID') };
}

/** The body of a single add/remove: `{contactId}` or `{phoneNumber}`. */
export function singleBody(entry: SequenceContact): IDataObject {
	return entry.contactId ? { contactId: entry.contactId } : { phoneNumber: entry.phoneNumber };
}

/** The body of a batch add/remove: the entries' contact IDs and phone numbers, each list only when it has some. */
export function batchBody(entries: SequenceContact[]): IDataObject {
	const contactIds = [...new Set(entries.flatMap((e) => (e.contactId ? [e.contactId] : [])))];
	const phoneNumbers = [...new Set(entries.flatMap((e) => (e.phoneNumber ? [e.phoneNumber] : [])))];
	return { ...(contactIds.length ? { contactIds } : {}), ...(phoneNumbers.length ? { phoneNumbers } : {}) };
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
	return { deleted: true, id: entry.contactId ?? entry.phoneNumber, sequenceId: entry.sequenceId };
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
