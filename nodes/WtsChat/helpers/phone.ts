import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Phone numbers as people write them, normalised to what WTS Chat takes: the digits with the country code and
 * nothing else (`5511999999999`), which is what clients send in bodies and in the path of
 * `/core/v1/contact/phonenumber/{phone}` (spec/README.md, Phone numbers). The API answers `+55|11999999999` (its own stored form),
 * which is accepted as input too.
 *
 * - `+55 11 99999-9999`, `+5511999999999`, `0055 11 99999 9999`, `+55|11999999999`: international, as written.
 * - `5511999999999` (12 or more digits, no `+`): already has the country code.
 * - `(11) 99999-9999`, `11 99999 9999`, `011 99999-9999` (11 digits or fewer, no `+`): national; the Default
 *   Country Code is put in front (a trunk `0` is dropped).
 * Brazilian numbers (55) must have a two-digit area code and 8 or 9 digits; every number 8 to 15 digits (E.164).
 */

export const DEFAULT_COUNTRY_CODE = '55';

/** The "Default Country Code" option: the country code of numbers written without one. */
export const defaultCountryCodeOption: INodeProperties = {
	displayName: 'Default Country Code',
	name: 'defaultCountryCode',
	type: 'string',
	default: DEFAULT_COUNTRY_CODE,
	placeholder: 'e.g. 55',
	description:
		'Country code put in front of phone numbers written without one, such as (11) 99999-9999. Numbers starting with + or with 12 or more digits already have one.',
};

const ALLOWED = /^[\d\s().+\-|]*$/;

function refuse(ctx: IExecuteFunctions, typed: string, itemIndex: number, label: string, why: string): never {
	throw new NodeOperationError(ctx.getNode(), `"${typed.slice(0, 60)}" is not a valid ${label}`, {
		description: `${why} Write the number with its country code, e.g. +55 11 99999-9999 or 5511999999999, or with the area code only, e.g. (11) 99999-9999, to use the Default Country Code.`,
		itemIndex,
	});
}

/** Checks a Default Country Code (1 to 3 digits, an optional leading +). */
export function readCountryCode(ctx: IExecuteFunctions, value: unknown, itemIndex: number): string {
	const s = String(value ?? DEFAULT_COUNTRY_CODE).trim().replace(/^\+/, '');
	if (!/^[1-9]\d{0,2}$/.test(s)) {
		throw new NodeOperationError(ctx.getNode(), `"${s.slice(0, 20)}" is not a valid Default Country Code`, {
			description: 'Enter the country code as 1 to 3 digits, e.g. 55 for Brazil or 1 for the United States.',
			itemIndex,
		});
	}
	return s;
}

/** Normalises a phone number (see above) or refuses it, naming what was typed. Gives e.g. `5511999999999`. */
export function normalizePhone(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label = 'Phone Number',
	defaultCountryCode = DEFAULT_COUNTRY_CODE,
): string {
	const typed = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (typed === '') {
		throw new NodeOperationError(ctx.getNode(), `The ${label} field is empty`, {
			description: `Fill in the ${label} field, e.g. +55 11 99999-9999.`,
			itemIndex,
		});
	}
	if (!ALLOWED.test(typed)) refuse(ctx, typed, itemIndex, label, 'A phone number has only digits, spaces, +, -, ( and ).');
	if (typed.indexOf('+') > 0 || (typed.match(/\+/g) ?? []).length > 1) {
		refuse(ctx, typed, itemIndex, label, 'A + can only come first, before the country code.');
	}
	let digits = typed.replace(/\D/g, '');
	let international = typed.startsWith('+');
	if (!international && digits.startsWith('00')) {
		digits = digits.slice(2);
		international = true;
	}
	if (!international) {
		// A national number may start with the trunk 0 (011 99999-9999).
		digits = digits.replace(/^0/, '');
		if (digits.length <= 11) digits = defaultCountryCode + digits;
	}
	if (digits.length < 8 || digits.length > 15 || digits.startsWith('0')) {
		refuse(ctx, typed, itemIndex, label, `It has ${digits.length} digits with the country code; a phone number has 8 to 15.`);
	}
	if (digits.startsWith('55')) {
		const national = digits.slice(2);
		if (national.length < 10 || national.length > 11 || national.startsWith('0')) {
			refuse(ctx, typed, itemIndex, label, 'A Brazilian number (+55) has a two-digit area code and 8 or 9 digits, e.g. +55 11 99999-9999.');
		}
	}
	return digits;
}

/** A phone number in E.164 (`+5511999999999`), as the send API takes it in `to` / `from`; see normalizePhone. */
export function toE164(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label = 'Phone Number',
	defaultCountryCode = DEFAULT_COUNTRY_CODE,
): string {
	return `+${normalizePhone(ctx, value, itemIndex, label, defaultCountryCode)}`;
}

/** A phone number of item i, normalised with the Default Country Code of the item's Options (if it has one). */
export function readPhone(ctx: IExecuteFunctions, value: unknown, i: number, label = 'Phone Number'): string {
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	return normalizePhone(ctx, value, i, label, readCountryCode(ctx, options.defaultCountryCode, i));
}
