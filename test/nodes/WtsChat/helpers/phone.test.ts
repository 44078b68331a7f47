import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { normalizePhone, readCountryCode } from '../../../../nodes/WtsChat/helpers/phone';

const ctx = { getNode: () => ({ name: 'WTS Chat', type: 'wtsChat', typeVersion: 1, position: [0, 0], parameters: {} }) } as unknown as IExecuteFunctions;
const norm = (v: unknown, cc?: string) => normalizePhone(ctx, v, 0, 'Phone Number', cc);
const refusal = (v: unknown, cc?: string) => {
	try {
		norm(v, cc);
	} catch (error) {
		return error as NodeOperationError;
	}
	throw new Error(`accepted ${String(v)}`);
};

describe('normalizePhone', () => {
	it.each([
		['+55 11 99999-9999', '5511999999999'],
		['+5511999999999', '5511999999999'],
		['5511999999999', '5511999999999'],
		['55 (11) 3333-4444', '551133334444'],
		['(11) 99999-9999', '5511999999999'],
		['11 99999 9999', '5511999999999'],
		['011 99999-9999', '5511999999999'],
		['0055 11 99999-9999', '5511999999999'],
		['+55|11999990001', '5511999990001'],
		[5511999999999, '5511999999999'],
		['+1 (202) 555-0123', '12025550123'],
		['+44 20 7946 0958', '442079460958'],
	])('%s → %s', (input, expected) => {
		expect(norm(input)).toBe(expected);
	});

	it('puts the default country code in front of national numbers', () => {
		expect(norm('(202) 555-0123', '1')).toBe('12025550123');
		expect(norm('5511999999999', '1')).toBe('5511999999999');
	});

	it.each([
		['abc', /"abc" is not a valid Phone Number/],
		['11 9999', /Brazilian number/],
		['+1 9999', /has 5 digits/],
		['+55 11 9999', /Brazilian number/],
		['55+11999999999', /A \+ can only come first/],
		['+1234567890123456', /has 16 digits/],
		['9999-9999', /Brazilian number/],
	])('refuses %s, showing what was typed', (input, message) => {
		const error = refusal(input);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(`${error.message} ${error.description}`).toMatch(message);
		expect(error.message).toContain(`"${input}"`);
	});

	it('refuses an empty number and a bad default country code', () => {
		expect(refusal('  ').message).toBe('The Phone Number field is empty');
		expect(refusal('  ').context.itemIndex).toBe(0);
		expect(() => readCountryCode(ctx, '+55', 0)).not.toThrow();
		expect(() => readCountryCode(ctx, 'BR', 0)).toThrow('"BR" is not a valid Default Country Code');
	});
});
