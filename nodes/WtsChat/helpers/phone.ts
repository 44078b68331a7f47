import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Characters a typed phone number may contain besides digits: spaces, + - ( ) . and WTS's own `|` separator. */
const PHONE_CHARACTERS = /^[\d\s+\-().|]+$/;

/**
 * A phone number as WTS Chat's `to` expects it: digits with the country code (`5511999990001`), api.md §2.3.
 * Accepts E.164 (`+55 11 99999-0001`), WTS's stored form (`+55|11999990001`), digits with the country code, an
 * international `00` prefix, or a national number with area code (10–11 digits), which gets `defaultCountryCode`.
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
	if (!international && (digits.length === 10 || digits.length === 11)) digits = `${defaultCountryCode}${digits}`;
	// E.164: at most 15 digits; the shortest country code + subscriber numbers in use have 8.
	if (digits.length < 8 || digits.length > 15 || digits.startsWith('0')) return refuse(`"${raw.slice(0, 60)}" is not a valid ${label}`);
	return digits;
}
