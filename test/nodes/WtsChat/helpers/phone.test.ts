import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { normalizePhone } from '../../../../nodes/WtsChat/helpers/phone';

const ctx = {
	getNode: () => ({ id: 'n', name: 'WTS Chat', type: 'n8n-nodes-wts-chat.wtsChat', typeVersion: 1, position: [0, 0], parameters: {} }),
} as unknown as IExecuteFunctions;

describe('normalizePhone', () => {
	it('gives E.164 for the usual ways of writing a number', () => {
		for (const [input, expected] of [
			['+55 (11) 99999-0001', '+5511999990001'],
			['5511999990001', '+5511999990001'],
			['(11) 99999-0001', '+5511999990001'],
			['11 3333-4444', '+551133334444'],
			['011 99999-0001', '+5511999990001'],
			['0055 11 99999-0001', '+5511999990001'],
			['+55|11999990001', '+5511999990001'],
			['+1 415 555 0100', '+14155550100'],
			[5511999990001, '+5511999990001'],
		] as const) {
			expect(normalizePhone(ctx, input, 0, 'To')).toBe(expected);
		}
		expect(normalizePhone(ctx, '415 555 0100', 3, 'To', '1')).toBe('+14155550100');
	});

	it('refuses what cannot be a phone number, naming the field and the item', () => {
		for (const [input, message] of [
			['', 'The To field is empty [item 2]'],
			['abc', '"abc" is not a valid To phone number [item 2]'],
			['99999-0001', '"99999-0001" is not a valid To phone number [item 2]'],
			['+55 11 99999 0001 12345', '"+55 11 99999 0001 12345" is not a valid To phone number [item 2]'],
			['55+11999990001', '"55+11999990001" is not a valid To phone number [item 2]'],
		]) {
			let error: unknown;
			try {
				normalizePhone(ctx, input, 2, 'To');
			} catch (e) {
				error = e;
			}
			expect(error).toBeInstanceOf(NodeOperationError);
			expect((error as NodeOperationError).message).toBe(message);
			expect((error as NodeOperationError).description).not.toMatch(/error/i);
		}
	});
});
