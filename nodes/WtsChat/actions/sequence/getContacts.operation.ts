import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listWithDateFilters, simplifyIfAsked } from '../../helpers/listing';
import { normalizePhone } from '../../helpers/phone';
import { requireUuid } from '../../helpers/validation';
import { CREATED_UPDATED_RANGES, dateRangeFilters, filtersCollection, optionsCollection, orderOptions, returnAllOrLimit, simplifyProperty } from '../listing.descriptions';
import { sequenceLocator } from '../locators';
import { contactIdFilter, nameAndContactQuery, nameFilter } from './shared';
import { defineOperation } from '../operation';

/** The sequence-contact fields Simplify keeps (9 of 13), plus contactDetails when asked for. */
const SIMPLE_FIELDS = ['id', 'sequenceId', 'contactId', 'contactName', 'active', 'origin', 'lastAddedAt', 'createdAt', 'contactDetails'] as const;

const properties: INodeProperties[] = [
	sequenceLocator('The sequence whose contacts to get'),
	...returnAllOrLimit,
	simplifyProperty(SIMPLE_FIELDS.filter((f) => f !== 'contactDetails'), ', and contactDetails when Include Contact Details is on'),
	filtersCollection([
		contactIdFilter('Only this contact (to check whether it is in the sequence)'),
		...dateRangeFilters(CREATED_UPDATED_RANGES),
		nameFilter('e.g. Maria', 'Only contacts whose name contains this text'),
		{
			displayName: 'Phone Number',
			name: 'phoneNumber',
			type: 'string',
			default: '',
			placeholder: 'e.g. +55 11 99999-9999',
			description: 'Only the contact with this phone number (Brazilian numbers without a country code get +55)',
		},
	]),
	optionsCollection([
		{
			displayName: 'Include Contact Details',
			name: 'includeContactDetails',
			type: 'boolean',
			default: false,
			description: 'Whether to include each contact’s name, phone, e-mail and Instagram (contactDetails)',
		},
		...orderOptions,
	]),
];

/** GET /chat/v2/sequence/{id}/contact, one output item per contact in the sequence. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const id = requireUuid(this, 'sequenceId', i, 'Sequence ID');
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const qs = {
		...nameAndContactQuery(this, i, filters),
		PhoneNumber: filters.phoneNumber ? normalizePhone(this, filters.phoneNumber, i, 'Phone Number') : undefined,
		IncludeDetails: options.includeContactDetails === true ? ['ContactDetails'] : [],
	};
	const records = await listWithDateFilters(
		this,
		i,
		{ method: 'GET', path: '/chat/v2/sequence/{id}/contact', pathParams: { id }, subject: { noun: 'Sequence', id }, qs },
		CREATED_UPDATED_RANGES,
	);
	return simplifyIfAsked(this, i, records, SIMPLE_FIELDS);
}

export const operation = defineOperation({
	resource: 'sequence',
	value: 'getContacts',
	name: 'Get Contacts',
	action: 'Get contacts of a sequence',
	description: 'List the contacts in a sequence',
	summary: 'The contacts in a sequence; filters: name, contact, phone number, created / updated date ranges; Include Contact Details; order; Return All / Limit; **Simplify**',
	endpoint: '`GET /chat/v2/sequence/{id}/contact`',
	properties,
	execute,
});
