// Every batch operation of the registry: when the request of a chunk fails as a whole, each of its items gets its own
// error naming it ([item 0], [item 1], [item 2], context.itemIndex likewise), paired, in both Continue On Fail modes;
// without Continue On Fail the node stops with the first item's error.
import { NodeApiError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { OPERATIONS } from '../../../../nodes/WtsChat/actions/registry';
import { rl, SEED, useSandbox } from '../../../harness/fixture.mjs';

const t = useSandbox();

const contacts = [SEED.contacts.maria.id, SEED.contacts.joao.id, SEED.contacts.paulo.id];
const phones = ['+55 11 98888-0001', '+55 11 98888-0002', '+55 11 98888-0003'];
const fromList = rl(SEED.channels.whatsapp.id, 'list');
const scheduled = Object.values(SEED.scheduledMessages as Record<string, { id: string }>).map((s) => s.id);

/** Three valid items of each batch operation, and the path of its one batch request. */
const CASES: Record<string, { path: string; params: (i: number) => Record<string, unknown> }> = {
	'chatbot:startBatch': {
		path: '/chat/v1/send/chatbot/batch',
		params: (i) => ({ botKey: rl(SEED.chatbots.pesquisa.key), recipientType: 'contact', to: phones[i], from: fromList }),
	},
	'contact:upsertMany': { path: '/core/v2/contact/batch', params: (i) => ({ name: `Contato ${i}`, phoneNumber: phones[i] }) },
	'portfolio:addContacts': {
		path: '/core/v1/portfolio/*/contact/batch',
		params: (i) => ({ portfolioId: rl(SEED.portfolios.vip.id), contactId: rl(contacts[i]) }),
	},
	'portfolio:removeContacts': {
		path: '/core/v1/portfolio/*/contact/batch',
		params: (i) => ({ portfolioId: rl(SEED.portfolios.vip.id), contactId: rl(contacts[i]) }),
	},
	'scheduledMessage:cancelMany': { path: '/chat/v1/scheduled-message/batch-cancel', params: (i) => ({ scheduledMessageId: rl(scheduled[i]) }) },
	'sendApi:sendTemplateBatch': {
		path: '/chat/v1/send/template/batch',
		params: (i) => ({
			to: phones[i],
			from: fromList,
			templateId: rl(SEED.templates.followUp.id),
			fileSource: 'none',
		}),
	},
	'sequence:addContacts': {
		path: '/chat/v1/sequence/*/contact/batch',
		params: (i) => ({ sequenceId: rl(SEED.sequences.boasVindas.id), contactId: rl(contacts[i]) }),
	},
	'sequence:removeContacts': {
		path: '/chat/v1/sequence/*/contact/batch',
		params: (i) => ({ sequenceId: rl(SEED.sequences.boasVindas.id), contactId: rl(contacts[i]) }),
	},
};

const batchOperations = OPERATIONS.filter((op) => op.batch);
const items = [{ json: {} }, { json: {} }, { json: {} }];
const failWhole = {
	status: 500,
	times: -1,
	body: { error: true, key: 'FORM_ERROR', text: 'Serviço indisponível no momento.', httpStatusCode: 'INTERNALSERVERERROR', customData: null, isUnsolvableError: false },
};

describe('a batch request that fails whole gives each item its own error', () => {
	it('covers every batch operation of the registry', () => {
		expect(batchOperations.map((op) => `${op.resource}:${op.value}`).sort()).toEqual(Object.keys(CASES).sort());
	});

	for (const op of batchOperations) {
		const key = `${op.resource}:${op.value}`;
		for (const onError of ['continueRegularOutput', 'continueErrorOutput'] as const) {
			it(`${key} (${onError})`, async () => {
				const c = CASES[key];
				t.sandbox.faults.add({ ...failWhole, method: op.value.startsWith('remove') ? 'DELETE' : undefined, path: c.path });
				const { output } = await t.run((i: number) => ({ resource: op.resource, operation: op.value, ...c.params(i) }), { items, onError });
				// continueErrorOutput routes the error items to the second output, continueRegularOutput keeps them in the first.
				const out = output[onError === 'continueErrorOutput' ? 1 : 0];
				expect(output[onError === 'continueErrorOutput' ? 0 : 1] ?? []).toEqual([]);
				expect(out).toHaveLength(3);
				expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
				out.forEach((o, i) => {
					expect(o.json.error).toMatch(new RegExp(`Serviço indisponível no momento\\. \\[item ${i}\\]$`));
					expect(o.error?.context.itemIndex).toBe(i);
					expect(o.error).toBeInstanceOf(NodeApiError);
				});
				// One request for the three items: the failure was the request's, not an item's.
				const batch = (t.apiRequests() as Array<{ path: string; method: string }>).filter((r) =>
					new RegExp(`^${c.path.replace(/\*/g, '[^/]+')}$`).test(r.path),
				);
				expect(batch).toHaveLength(1);
			});
		}
		it(`${key} without Continue On Fail stops with item 0's error`, async () => {
			const c = CASES[key];
			t.sandbox.faults.add({ ...failWhole, path: c.path });
			const error = await t.runError((i: number) => ({ resource: op.resource, operation: op.value, ...c.params(i) }), { items });
			expect(error.message).toMatch(/Serviço indisponível no momento\. \[item 0\]$/);
		});
	}
});

/** A bad value for the middle item of each batch operation (refused before any request). */
const BAD_MIDDLE: Record<string, Record<string, unknown>> = {
	'chatbot:startBatch': { options: { callbackUrl: 'http://example.com/callback' } },
	'contact:upsertMany': { additionalFields: { email: 'maria@' } },
	'portfolio:addContacts': { contactId: rl('..') },
	'portfolio:removeContacts': { contactId: rl('maria') },
	'scheduledMessage:cancelMany': { scheduledMessageId: rl('..') },
	'sendApi:sendTemplateBatch': { options: { senderId: 'a\nb' } },
	'sequence:addContacts': { contactId: rl('a/b') },
	'sequence:removeContacts': { contactId: rl('') },
};

/** The entries of a batch request's body (the array of IDs, `items`, `messages` or `contactIds`). */
const entriesOf = (body: unknown): unknown[] => {
	if (Array.isArray(body)) return body;
	const b = body as Record<string, unknown>;
	return (b.items ?? b.messages ?? b.contactIds ?? b.contacts ?? []) as unknown[];
};

describe('a 3-item batch with a bad middle item sends nothing for it and everything for the other two', () => {
	it('covers every batch operation of the registry', () => {
		expect(Object.keys(BAD_MIDDLE).sort()).toEqual(batchOperations.map((op) => `${op.resource}:${op.value}`).sort());
	});

	for (const op of batchOperations) {
		const key = `${op.resource}:${op.value}`;
		it(`${key} (Continue On Fail)`, async () => {
			const c = CASES[key];
			const params = (i: number) => ({ resource: op.resource, operation: op.value, ...c.params(i), ...(i === 1 ? BAD_MIDDLE[key] : {}) });
			const { output } = await t.run(params, { items, onError: 'continueRegularOutput' });
			const out = output[0];
			expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(out[0].json.error).toBeUndefined();
			expect(out[2].json.error).toBeUndefined();
			expect(out[1].json.error).toMatch(/\[item 1\]$/);
			expect(out[1].error?.context.itemIndex).toBe(1);
			const writes = (t.apiRequests() as Array<{ path: string; method: string; body: unknown }>).filter((r) => r.method !== 'GET');
			// One batch request, holding the entries of items 0 and 2 only.
			expect(writes).toHaveLength(1);
			expect(writes[0].path).toMatch(new RegExp(`^${c.path.replace(/\*/g, '[^/]+')}$`));
			expect(entriesOf(writes[0].body)).toHaveLength(2);
		});
		it(`${key} (without Continue On Fail: stops at item 1 before any request)`, async () => {
			const c = CASES[key];
			const params = (i: number) => ({ resource: op.resource, operation: op.value, ...c.params(i), ...(i === 1 ? BAD_MIDDLE[key] : {}) });
			const error = await t.runError(params, { items });
			expect(error.message).toMatch(/\[item 1\]$/);
			expect((t.apiRequests() as Array<{ method: string }>).filter((r) => r.method !== 'GET')).toEqual([]);
		});
	}
});
