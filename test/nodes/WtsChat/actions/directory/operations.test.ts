import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { useSandbox } from '../../../../harness/fixture.mjs';

const t = useSandbox();
type Json = Record<string, unknown>;
type Item = { json: Json; pairedItem?: unknown };
type Req = { method: string; path: string; query: Record<string, string[]>; body: Json };
const only = (output: Item[][]) => output[0].map((o) => o.json);
const lastRequest = () => t.apiRequests().at(-1) as Req;
const CF = (extra: Record<string, unknown> = {}) => ({ resource: 'customField', operation: 'getMany', returnAll: true, ...extra });
const OH = { resource: 'company', operation: 'getOfficeHours' };

describe('Custom Field → Get Many', () => {
	it('lists the contact fields simplified (one item each), sending the entity type', async () => {
		const { output } = await t.run(CF({ entityType: 'CONTACT', simplify: true }));
		const fields = only(output);
		expect(fields.length).toBeGreaterThan(3);
		expect(fields.every((f) => f.entityType === 'CONTACT')).toBe(true);
		expect(fields.every((f) => !('companyId' in f) && !('createdAt' in f))).toBe(true);
		expect(fields.find((f) => f.key === 'plano')?.options).toHaveLength(2);
		expect(lastRequest().query).toEqual({ EntityType: ['CONTACT'] });
	});

	it('lists panel fields raw, nested in groups when asked, cut to the limit', async () => {
		const { output } = await t.run(CF({ entityType: 'PANEL', simplify: false, returnAll: false, limit: 1 }));
		expect(only(output)).toHaveLength(1);
		expect(only(output)[0]).toMatchObject({ entityType: 'PANEL', key: 'origem-negocio' });
		expect(only(output)[0]).toHaveProperty('companyId');
		const nested = await t.run(CF({ options: { nestedList: true } }));
		expect(lastRequest().query).toEqual({ EntityType: ['CONTACT'], NestedList: ['true'] });
		expect(only(nested.output)[0].type).toBe('GROUP');
		expect((only(nested.output)[0].children as unknown[]).length).toBeGreaterThan(0);
	});

	it('refuses an entity type in the wrong case before any request', async () => {
		const error = await t.runError(CF({ entityType: 'contact' }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('"contact" is not a valid Entity Type [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('runs once per item, paired; Continue On Fail in both modes', async () => {
		const types = ['CONTACT', 'bad', 'PANEL'];
		const items = types.map(() => ({ json: {} }));
		const params = (i: number) => CF({ entityType: types[i], returnAll: false, limit: 1 });
		const regular = await t.run(params, { items, onError: 'continueRegularOutput' });
		expect(regular.output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(regular.output[0][1].json.error).toBe('"bad" is not a valid Entity Type [item 1]');
		const split = await t.run(params, { items, onError: 'continueErrorOutput' });
		expect(split.output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(split.output[1].map((o: Item) => o.pairedItem)).toEqual([{ item: 1 }]);
	});
});

describe('Company → Get Office Hours', () => {
	it('returns the office hours as one item per input item', async () => {
		const { output } = await t.run(OH, { items: [{ json: {} }, { json: {} }] });
		expect(output[0]).toHaveLength(2);
		expect(output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const hours = only(output)[0];
		expect(hours).toMatchObject({ limitHours: true, timezoneDiff: -3 });
		expect((hours.days as Json[])[0]).toMatchObject({ dayWeek: 'MONDAY', active: true });
		expect(lastRequest()).toMatchObject({ method: 'GET', path: '/core/v1/company/officehours' });
	});

	it("surfaces an API refusal (a wrong token) with WTS's text, in both Continue On Fail modes", async () => {
		const wrong = { apiToken: ['pn', 'wrong', 'x'.repeat(12)].join('_'), baseUrl: t.sandbox.url };
		const error = await t.runError(OH, { credentials: wrong });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('WTS Chat refused the API token: Acesso negado [item 0]');
		const { output } = await t.run(OH, { credentials: wrong, onError: 'continueErrorOutput' });
		expect(output[1][0].pairedItem).toEqual({ item: 0 });
		const regular = await t.run(OH, { credentials: wrong, onError: 'continueRegularOutput' });
		expect(regular.output[0][0].json.error).toMatch(/Acesso negado/);
	});
});
