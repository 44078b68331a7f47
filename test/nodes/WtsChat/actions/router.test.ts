import { NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { idLocator } from '../../../../nodes/WtsChat/actions/common.descriptions';
import { useSandbox } from '../../../harness/fixture.mjs';

const t = useSandbox();

describe('router', () => {
	it('points "Custom API Call" to the HTTP Request node with the WTS Chat credential, before any request', async () => {
		const error = await t.runError({ resource: 'session', operation: '__CUSTOM_API_CALL__' });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Custom API calls are made with the HTTP Request node');
		expect(error.description).toMatch(/Predefined Credential Type.*WTS Chat API/);
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('names an unknown operation', async () => {
		const error = await t.runError({ resource: 'session', operation: 'explode' });
		expect(error.message).toBe('The operation "explode" of "session" is not supported');
	});
});

describe('resource locators', () => {
	const regexOf = (required: boolean) => {
		const locator = idLocator({ name: 'x', displayName: 'X', searchListMethod: 's', noun: 'thing', required });
		const byId = locator.modes?.find((m) => m.name === 'id');
		const rule = byId?.validation?.[0] as { properties: { regex: string } };
		return new RegExp(rule.properties.regex);
	};
	const uuid = '3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b';

	it('require a UUID in "By ID" mode', () => {
		expect(regexOf(true).test(uuid)).toBe(true);
		expect(regexOf(true).test('')).toBe(false);
		expect(regexOf(true).test('abc')).toBe(false);
	});

	it('accept an empty value when the locator is optional', () => {
		expect(regexOf(false).test('')).toBe(true);
		expect(regexOf(false).test(uuid)).toBe(true);
		expect(regexOf(false).test('abc')).toBe(false);
	});
});
