import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Characters a typed phone number may contain besides digits: spaces, + - ( ) . and WTS's own `|` separator. */
const PHONE_CHARACTERS = /^[\d\s+\-().|]+$/;

/**
 * A phone number as WTS Chat's `to` expects it: digits with the country code (`5511999990001`), api.md §2.3.
 * Accepts E.164 (`+55 11 99999-0001`), WTS's stored form (`+55|11999990001`), digits with the country code, an
 * international `00` prefix; without `+` or `00`, a number of at most 11 digits is national (Brazil: area code + 8 or 9
 * digits, optionally after a trunk `0`) and gets `defaultCountryCode`, 12 or more digits already include it.
 * Anything else (letters, too short or too long, empty) is refused before any request.
 */
export function normalizePhone(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label: string,
	defaultCountryCode = '55',
): string {
	const raw = value === undefined || value === null ? '' : String(value).trim();
	const refuse = (message: string): never => {
		throw new NodeOperationError(ctx.getNode(), `${message} [item ${itemIndex}]`, {
			description: `Enter the phone number with its country code, e.g. +55 11 99999-0001 or 5511999990001 (a number with area code only, e.g. 11999990001, gets +${defaultCountryCode}).`,
			itemIndex,
		});
	};
	if (raw === '') return refuse(`The ${label} field is empty`);
	if (!PHONE_CHARACTERS.test(raw)) return refuse(`"${raw.slice(0, 60)}" is not a valid ${label}`);
	const international = raw.startsWith('+') || raw.startsWith('00');
	let digits = raw.replace(/\D/g, '');
	if (raw.startsWith('00')) digits = digits.slice(2);
	// A national number dialled with the trunk prefix 0 (e.g. 011 99999-0001 in Brazil).
	else if (!international && digits.startsWith('0') && digits.length >= 9 && digits.length <= 12) digits = digits.slice(1);
	if (!international && digits.length <= 11) {
		// At most 11 digits without + or 00: a national number (Brazil: area code + 8 or 9 digits).
		const shortest = defaultCountryCode === '55' ? 10 : 8;
		if (digits.length < shortest) return refuse(`"${raw.slice(0, 60)}" is not a valid ${label}`);
		digits = `${defaultCountryCode}${digits}`;
	}
	// E.164: at most 15 digits; the shortest country code + subscriber numbers in use have 8.
	if (digits.length < 8 || digits.length > 15 || digits.startsWith('0')) return refuse(`"${raw.slice(0, 60)}" is not a valid ${label}`);
	return digits;
}
