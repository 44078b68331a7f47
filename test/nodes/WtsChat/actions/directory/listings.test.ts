import { NodeApiError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { rl, SEED, useSandbox } from '../../../../harness/fixture.mjs';

const t = useSandbox();
type Json = Record<string, unknown>;
type Item = { json: Json; pairedItem?: unknown };
type Req = { method: string; path: string; body: Json };

/** A WTS business refusal (500 FORM_ERROR) forced on one listing. */
const refuse = (path: string, text: string) =>
	t.sandbox.faults.add({ method: 'GET', path, status: 500, body: { error: true, key: 'FORM_ERROR', text, isUnsolvableError: false } });

describe("the listings surface WTS's own text, per item, and Continue On Fail keeps the other items", () => {
	it.each([
		['Tag → Get Many', '/core/v1/tag', { resource: 'tag', operation: 'getMany', returnAll: true }],
		['Tag → Get Colors', '/core/v1/tag/color', { resource: 'tag', operation: 'getColors' }],
		['Portfolio → Get Many', '/core/v1/portfolio', { resource: 'portfolio', operation: 'getMany', returnAll: true }],
		['Custom Field → Get Many', '/core/v1/custom-field', { resource: 'customField', operation: 'getMany', entityType: 'CONTACT', returnAll: true }],
		['Company → Get Office Hours', '/core/v1/company/officehours', { resource: 'company', operation: 'getOfficeHours' }],
	])('%s', async (_, path, params) => {
		refuse(path, 'Serviço indisponível para esta conta.');
		const error = await t.runError(params);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('WTS Chat rejected the request: Serviço indisponível para esta conta. [item 0]');
		refuse(path, 'Serviço indisponível para esta conta.');
		const { output } = await t.run(params, { items: [{ json: {} }, { json: {} }], onError: 'continueRegularOutput' });
		const [failed, ...rest] = output[0] as Item[];
		expect(failed.pairedItem).toEqual({ item: 0 });
		expect(failed.json.error).toMatch(/Serviço indisponível .*\[item 0\]$/);
		expect(rest.length).toBeGreaterThan(0);
		expect(rest.every((o) => (o.pairedItem as { item: number }).item === 1 && o.json.error === undefined)).toBe(true);
	});
});

describe('Portfolio → Add Contacts at scale', () => {
	it('10,000 input items take ⌈10,000 / 100⌉ = 100 requests, one paired output item each', async () => {
		const contacts = Object.values(SEED.contacts).map((c) => (c as { id: string }).id);
		const portfolio = SEED.portfolios.inativos.id;
		const n = 10_000;
		const { output } = await t.run(
			(i: number) => ({ resource: 'portfolio', operation: 'addContacts', portfolioId: rl(portfolio), contactId: rl(contacts[i % contacts.length]) }),
			{ items: Array.from({ length: n }, () => ({ json: {} })) },
		);
		const posts = (t.apiRequests() as Req[]).filter((r) => r.method === 'POST');
		expect(posts).toHaveLength(100);
		expect(output[0]).toHaveLength(n);
		expect(output[0][n - 1].pairedItem).toEqual({ item: n - 1 });
		expect(output[0][n - 1].json.contactId).toBe(contacts[(n - 1) % contacts.length]);
	}, 60_000);
});
