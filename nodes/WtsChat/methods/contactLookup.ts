import type { IDataObject } from 'n8n-workflow';

/** Every contact status the API lists (GET /core/v1/contact and POST /core/v1/contact/filter default to ACTIVE). */
export const CONTACT_STATUSES = ['ACTIVE', 'ARCHIVED', 'BLOCKED'];

const PHONE_LIKE = /^[\d\s()+\-.]+$/;

/**
 * The body of one POST /core/v1/contact/filter lookup for what the user typed: a phone typed in any format goes
 * as its digits in `phoneNumber` (textFilter compares the stored number as text, so "(11) 99999-0006" would miss
 * it), anything else as `textFilter`.
 */
export function contactLookupBody(filter: string, status: string, pageSize: number): IDataObject {
	const trimmed = filter.trim();
	const digits = trimmed.replace(/\D/g, '');
	const phone = PHONE_LIKE.test(trimmed) && digits.length >= 4;
	return { ...(phone ? { phoneNumber: digits } : { textFilter: trimmed }), status, pageNumber: 1, pageSize };
}
