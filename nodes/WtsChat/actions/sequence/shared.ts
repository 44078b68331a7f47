import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { assertUuid } from '../../helpers/validation';
import type { Query } from '../../transport';
import type { MembershipList } from '../contactMemberships';
import { sequenceLocator } from '../locators';
import { optionalText } from '../../helpers/utils';

/** Sequences as lists of contacts (actions/contactMemberships.ts): what differs from portfolios. */
export const SEQUENCE: MembershipList = {
	noun: 'Sequence',
	idParameter: 'sequenceId',
	idLabel: 'Sequence ID',
	locator: sequenceLocator,
	path: '/chat/v1/sequence/{id}/contact',
	batchPath: '/chat/v1/sequence/{id}/contact/batch',
	// With the contact details, so that memberships added by phone number are matched on the contact's phone.
	listing: { path: '/chat/v2/sequence/{id}/contact', qs: { IncludeDetails: ['ContactDetails'] } },
};

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
