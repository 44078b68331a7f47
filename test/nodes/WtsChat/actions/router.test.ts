import type { IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { idLocator } from '../../../../nodes/WtsChat/actions/locators';
import type { BatchOperation } from '../../../../nodes/WtsChat/actions/node.type';
import { runOperation } from '../../../../nodes/WtsChat/actions/router';
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

describe('router: batch operations (one way to run them, for every resource)', () => {
	type Entry = { phone: string };
	/** An IExecuteFunctions with what runOperation uses; `items` input items. */
	function context(itemCount: number, continueOnFail: boolean) {
		const node = { id: 'n', name: 'WTS Chat', type: 'n8n-nodes-wts-chat.wtsChat', typeVersion: 1, position: [0, 0], parameters: {} };
		return {
			getNode: () => node,
			getInputData: () => Array.from({ length: itemCount }, (_, i) => ({ json: { i } })),
			continueOnFail: () => continueOnFail,
			helpers: {
				returnJsonArray: (data: unknown) => (Array.isArray(data) ? data : [data]).map((json) => ({ json })),
				constructExecutionMetaData: (items: Array<{ json: unknown }>, { itemData }: { itemData: unknown }) =>
					items.map((d) => ({ ...d, pairedItem: itemData })),
			},
		} as unknown as IExecuteFunctions;
	}
	/** A batch operation keyed by list, size 100; item 3's input is invalid; the API rejects entry "bad". */
	function operation(sent: Array<{ key: string; indexes: number[] }>) {
		const batch: BatchOperation<Entry> = {
			size: 100,
			async prepare(i) {
				if (i === 3) throw new NodeOperationError(this.getNode(), 'Bad phone', { itemIndex: i });
				return { key: i % 2 ? 'odd' : 'even', entry: { phone: i === 5 ? 'bad' : String(i) } };
			},
			async send(entries, indexes) {
				sent.push({ key: entries[0].phone === 'bad' || Number(entries[0].phone) % 2 ? 'odd' : 'even', indexes });
				return entries.map((e) => (e.phone === 'bad' ? new Error('WTS Chat rejected this contact') : { ok: e.phone }));
			},
		};
		return { batch: batch as BatchOperation<unknown> };
	}

	it('groups 10,000 items into ⌈N/size⌉ requests per key and outputs one paired item per input item', async () => {
		const sent: Array<{ key: string; indexes: number[] }> = [];
		const [out] = await runOperation.call(context(10_000, true), operation(sent), 10_000);
		expect(sent).toHaveLength(100); // 4,999 even items → 50 requests, 5,000 odd items → 50 requests
		expect(Math.max(...sent.map((s) => s.indexes.length))).toBe(100);
		expect(out).toHaveLength(10_000);
		expect(out.map((o) => (o.pairedItem as { item: number }).item)).toEqual(Array.from({ length: 10_000 }, (_, i) => i));
		expect(out[3].json).toEqual({ error: 'Bad phone [item 3]' });
		expect(out[5].json).toEqual({ error: 'WTS Chat rejected this contact [item 5]' });
		expect(out[5].error?.description).toMatch(/report it/);
		expect(out[7].json).toEqual({ ok: '7' });
	});

	it('gives every item of a failed request its own error naming it', async () => {
		const batch: BatchOperation<unknown> = {
			size: 2,
			prepare: async (i) => ({ key: 'all', entry: i }),
			async send() {
				throw new NodeApiError(this.getNode(), { message: 'down' } as JsonObject, { message: 'WTS Chat is temporarily unavailable', description: 'Try again later.', httpCode: '503' });
			},
		};
		const [out] = await runOperation.call(context(3, true), { batch }, 3);
		expect(out.map((o) => o.json.error)).toEqual([0, 1, 2].map((i) => `WTS Chat is temporarily unavailable [item ${i}]`));
		expect(out.map((o) => o.error?.description)).toEqual(['Try again later.', 'Try again later.', 'Try again later.']);
	});

	it('without Continue On Fail, stops at a bad item before any request', async () => {
		const sent: Array<{ key: string; indexes: number[] }> = [];
		await expect(runOperation.call(context(10, false), operation(sent), 10)).rejects.toThrow('Bad phone [item 3]');
		expect(sent).toHaveLength(0);
	});
});
