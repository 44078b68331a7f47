import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readPhone } from './phone';
import { requireUuid } from './validation';

/**
 * A contact as the membership endpoints (sequences, portfolios) take it: its record (`contactId`) or its phone
 * number (`phoneNumber`, normalised), from the "Contact By" properties of common.descriptions.ts.
 */
export interface ContactRef {
	contactId?: string;
	phoneNumber?: string;
}

/** Reads and checks the contact of item `i` (Contact By: a contact, or a phone number), before any request. */
export function readContactRef(ctx: IExecuteFunctions, i: number): ContactRef {
	if ((ctx.getNodeParameter('contactBy', i, 'contact') as string) === 'phoneNumber') {
		return { phoneNumber: readPhone(ctx, ctx.getNodeParameter('phoneNumber', i, ''), i) };
	}
	return { contactId: requireUuid(ctx, 'contactId', i, 'Contact ID') };
}

/** The body of a single add/remove: `{contactId}` or `{phoneNumber}`. */
export function contactRefBody(ref: ContactRef): IDataObject {
	return ref.contactId ? { contactId: ref.contactId } : { phoneNumber: ref.phoneNumber };
}

/** The body of a batch add/remove: the distinct contact IDs and phone numbers, each list only when it has some. */
export function contactRefsBody(refs: ContactRef[]): IDataObject {
	const contactIds = [...new Set(refs.flatMap((r) => (r.contactId ? [r.contactId] : [])))];
	const phoneNumbers = [...new Set(refs.flatMap((r) => (r.phoneNumber ? [r.phoneNumber] : [])))];
	return { ...(contactIds.length ? { contactIds } : {}), ...(phoneNumbers.length ? { phoneNumbers } : {}) };
}

/** What names the contact in an output: its ID, or the phone number given. */
export const contactRefId = (ref: ContactRef): string => (ref.contactId ?? ref.phoneNumber) as string;

const digits = (value: unknown) => String(value ?? '').replace(/\D/g, '');

/**
 * The membership record of `ref` among those the API answered (`contactId`, and `contactDetails.phonenumber` as
 * WTS Chat stores it, e.g. `+55|11999990001`): by contact ID, else by phone digits.
 */
export function findMembership(ref: ContactRef, records: IDataObject[]): IDataObject | undefined {
	if (ref.contactId) return records.find((r) => String(r.contactId).toLowerCase() === ref.contactId);
	return records.find((r) => {
		const phone = digits((r.contactDetails as IDataObject | undefined)?.phonenumber);
		return phone !== '' && phone === ref.phoneNumber;
	});
}
