import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * A phone number as the send API expects it in `to` / `from`: E.164, `+<country code><number>` (api.md: clients
 * send `+5534999999999` or plain digits with the country code). Accepted input, refused before any request when it
 * cannot be a phone number:
 * - `+55 (11) 99999-0001`, `+5511999990001`, `0055 11 99999-0001`, WTS's stored form `+55|11999990001`;
 * - digits with the country code (`5511999990001`, 12–15 digits);
 * - a national number with its area code (`(11) 99999-0001`, `011 99999-0001`: 10–11 digits), which gets
 *   `defaultCountryCode` in front.
 * Letters, a `+` inside the number, fewer than 10 or more than 15 digits are refused.
 */
export function normalizePhone(
	ctx: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	label: string,
	defaultCountryCode = '55',
): string {
	const raw = value === undefined || value === null ? '' : String(value).trim();
	const refuse = (why: string): never => {
		throw new NodeOperationError(
			ctx.getNode(),
			raw === '' ? `The ${label} field is empty [item ${itemIndex}]` : `"${raw.slice(0, 60)}" is not a valid ${label} phone number [item ${itemIndex}]`,
			{
				description: `${why}Enter the number with its country code, e.g. +55 11 99999-0001 or 5511999990001; a number with only its area code, e.g. (11) 99999-0001, gets +${defaultCountryCode} in front.`,
				itemIndex,
			},
		);
	};
	if (raw === '') refuse('');
	if (!/^\+?[\d\s().\-|]+$/.test(raw)) refuse('A phone number has only digits, spaces, ( ) - . and a leading +. ');
	let digits = raw.replace(/\D/g, '');
	let international = raw.startsWith('+');
	if (!international && digits.startsWith('00')) {
		digits = digits.slice(2);
		international = true;
	} else if (!international && digits.startsWith('0')) {
		digits = digits.slice(1);
	}
	if (!international && (digits.length === 10 || digits.length === 11)) digits = `${defaultCountryCode.replace(/\D/g, '')}${digits}`;
	if (digits.length < 10 || digits.length > 15) refuse(`It has ${digits.length} digits; a full number has 10 to 15. `);
	return `+${digits}`;
}
