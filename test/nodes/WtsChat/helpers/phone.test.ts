import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { normalizePhone } from '../../../../nodes/WtsChat/helpers/phone';

const ctx = { getNode: () => ({ name: 'WTS Chat', type: 'n8n-nodes-wts-chat.wtsChat', typeVersion: 1, position: [0, 0], parameters: {} }) } as unknown as IExecuteFunctions;
const phone = (value: unknown, cc?: string) => normalizePhone(ctx, value, 3, 'Phone Number', cc);

describe('normalizePhone', () => {
	it('gives the digits with the country code, as WTS Chat’s `to` takes them', () => {
		expect(phone('+55 (11) 99999-0001')).toBe('5511999990001');
		expect(phone('5511999990001')).toBe('5511999990001');
		expect(phone('+55|11999990001')).toBe('5511999990001');
		expect(phone('0055 11 99999 0001')).toBe('5511999990001');
		expect(phone('11 99999-0001')).toBe('5511999990001');
		expect(phone('(11) 3000-0001')).toBe('551130000001');
		expect(phone('011 99999-0001')).toBe('5511999990001');
		expect(phone('+1 415 555 0100')).toBe('14155550100');
		expect(phone('+351 912 345 678')).toBe('351912345678');
		expect(phone('912345678', '351')).toBe('351912345678');
		expect(phone('2025550100', '1')).toBe('12025550100');
		expect(phone(5511999990001)).toBe('5511999990001');
	});

	it('refuses what cannot be a phone number, naming the field and the item', () => {
		for (const [value, message] of [
			['', 'The Phone Number field is empty [item 3]'],
			[undefined, 'The Phone Number field is empty [item 3]'],
			['maria', '"maria" is not a valid Phone Number [item 3]'],
			['12345', '"12345" is not a valid Phone Number [item 3]'],
			['+55 11 99999-0001 ramal 2', '"+55 11 99999-0001 ramal 2" is not a valid Phone Number [item 3]'],
			['+1234567890123456', '"+1234567890123456" is not a valid Phone Number [item 3]'],
			['@maria', '"@maria" is not a valid Phone Number [item 3]'],
			['99990001', '"99990001" is not a valid Phone Number [item 3]'],
		] as const) {
			let error: unknown;
			try {
				phone(value);
			} catch (e) {
				error = e;
			}
			expect(error).toBeInstanceOf(NodeOperationError);
			expect((error as Error).message).toBe(message);
			expect((error as NodeOperationError).description).toMatch(/country code/);
		}
	});
});
