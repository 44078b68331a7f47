import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { rl, useSandbox } from '../../../../harness/fixture.mjs';

const t = useSandbox();
const W = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'webhook', operation, ...extra });
type Json = Record<string, unknown>;
type Item = { json: Json; pairedItem?: unknown };
type Req = { method: string; path: string; query: Record<string, string[]>; body: Json };
const only = (output: Item[][]) => output[0].map((o) => o.json);
const lastRequest = () => t.apiRequests().at(-1) as Req;
const MISSING = '00000000-0000-4000-8000-000000000000';

/** Creates a subscription straight in the sandbox (through the API, as another client would). */
async function subscription(name = 'CRM sync', events = ['MESSAGE_RECEIVED'], enabled = true): Promise<Json> {
	const r = await fetch(`${t.sandbox.url}/core/v1/webhook/subscription`, {
		method: 'POST',
		headers: { authorization: `Bearer ${t.sandbox.token}`, 'content-type': 'application/json' },
		body: JSON.stringify({ name, url: 'https://example.com/hook', events, enabled }),
	});
	expect(r.status).toBe(200);
	t.sandbox.requests.length = 0;
	return (await r.json()) as Json;
}

describe('Webhook → Get Events', () => {
	it('lists the 16 documented events, one item each', async () => {
		const { output } = await t.run(W('listEvents'));
		const events = only(output);
		expect(events).toHaveLength(16);
		expect(events.map((e) => e.event)).toContain('MESSAGE_RECEIVED');
		expect(events.every((e) => typeof e.description === 'string')).toBe(true);
		expect(output[0].every((o) => (o.pairedItem as Json).item === 0)).toBe(true);
		expect(lastRequest()).toMatchObject({ method: 'GET', path: '/core/v1/webhook/event' });
	});
});

describe('Webhook → Create Subscription', () => {
	it('creates a subscription with exactly the fields set', async () => {
		const { output } = await t.run(
			W('createSubscription', { name: 'CRM sync', url: 'https://example.com/hook', events: ['SESSION_NEW', 'MESSAGE_RECEIVED'] }),
		);
		const [s] = only(output);
		expect(lastRequest().body).toEqual({ name: 'CRM sync', url: 'https://example.com/hook', events: ['SESSION_NEW', 'MESSAGE_RECEIVED'] });
		expect(s).toMatchObject({ name: 'CRM sync', enabled: true, events: [{ event: 'SESSION_NEW' }, { event: 'MESSAGE_RECEIVED' }] });
		expect(t.sandbox.state.webhookSubscriptions.get(s.id as string)).toBeTruthy();
	});

	it('sends enabled: false as a real value (a paused subscription)', async () => {
		const { output } = await t.run(
			W('createSubscription', { name: 'Paused', url: 'https://example.com/hook', events: ['CONTACT_NEW'], options: { enabled: false } }),
		);
		expect(lastRequest().body.enabled).toBe(false);
		expect(only(output)[0].enabled).toBe(false);
	});

	it('refuses an empty name, a bad or too long URL and no or unknown events before any request', async () => {
		const base = { name: 'x', url: 'https://example.com/hook', events: ['CONTACT_NEW'] };
		const cases: Array<[Json, string]> = [
			[{ name: '  ' }, 'The Name field is empty [item 0]'],
			[{ name: 'n'.repeat(101) }, 'Name is too long (101 characters) [item 0]'],
			[{ url: 'ftp://example.com' }, '"ftp://example.com" is not a valid URL [item 0]'],
			[{ url: `https://example.com/${'a'.repeat(490)}` }, 'URL is too long (510 characters) [item 0]'],
			[{ events: [] }, 'No event is chosen [item 0]'],
			[{ events: 'message_received' }, '"message_received" is not a valid event of Events [item 0]'],
		];
		for (const [change, message] of cases) {
			const e = await t.runError(W('createSubscription', { ...base, ...change }));
			expect(e).toBeInstanceOf(NodeOperationError);
			expect(e.message).toBe(message);
		}
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('creates one subscription per item, paired, and Continue On Fail keeps going (both modes)', async () => {
		const params = (i: number) => W('createSubscription', { name: i === 1 ? '' : `Sub ${i}`, url: 'https://example.com/hook', events: ['SESSION_NEW'] });
		const items = [{ json: {} }, { json: {} }, { json: {} }];
		const regular = await t.run(params, { items, onError: 'continueRegularOutput' });
		expect(regular.output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(regular.output[0][1].json.error).toBe('The Name field is empty [item 1]');
		const errorOut = await t.run(params, { items, onError: 'continueErrorOutput' });
		expect(errorOut.output[0].map((o: Item) => o.json.name)).toEqual(['Sub 0', 'Sub 2']);
		expect(errorOut.output[1]).toHaveLength(1);
		expect(errorOut.output[1][0].pairedItem).toEqual({ item: 1 });
		expect(t.sandbox.state.webhookSubscriptions.size).toBe(4);
	});
});

describe('Webhook → Get Many / Get Subscription', () => {
	it('lists active and paused subscriptions, Limit cut on our side (the listing is not paged)', async () => {
		await subscription('A');
		await subscription('B', ['CONTACT_NEW'], false);
		const { output } = await t.run(W('getManySubscriptions', { returnAll: true }));
		expect(only(output).map((s) => [s.name, s.enabled])).toEqual([
			['A', true],
			['B', false],
		]);
		expect(lastRequest().query).toEqual({});
		const { output: one } = await t.run(W('getManySubscriptions', { returnAll: false, limit: 1 }));
		expect(only(one).map((s) => s.name)).toEqual(['A']);
	});

	it('gets one subscription; an unknown one reads "Webhook subscription <id> not found" with WTS’s text kept', async () => {
		const s = await subscription();
		const { output } = await t.run(W('getSubscription', { subscriptionId: rl(s.id) }));
		expect(only(output)[0]).toMatchObject({ id: s.id, name: 'CRM sync' });
		const e = await t.runError(W('getSubscription', { subscriptionId: rl(MISSING) }));
		expect(e).toBeInstanceOf(NodeApiError);
		expect(e.message).toBe(`Webhook subscription ${MISSING} not found [item 0]`);
		expect(e.description).toContain('Assinatura de webhook não encontrada');
	});

	it('refuses a malformed ID before any request', async () => {
		const e = await t.runError(W('getSubscription', { subscriptionId: rl('abc') }));
		expect(e.message).toBe('"abc" is not a valid Subscription ID [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});
});

describe('Webhook → Update Subscription', () => {
	it('sends the fields mask of what was set, false included', async () => {
		const s = await subscription();
		const { output } = await t.run(W('updateSubscription', { subscriptionId: rl(s.id), updateFields: { enabled: false, events: ['SESSION_COMPLETE'] } }));
		expect(lastRequest().body).toEqual({ events: ['SESSION_COMPLETE'], enabled: false, fields: ['Events', 'Enabled'] });
		expect(only(output)[0]).toMatchObject({ name: 'CRM sync', enabled: false, events: [{ event: 'SESSION_COMPLETE' }] });
		await t.run(W('updateSubscription', { subscriptionId: rl(s.id), updateFields: { name: 'Renamed', url: 'https://example.org/x' } }));
		expect(lastRequest().body).toEqual({ name: 'Renamed', url: 'https://example.org/x', fields: ['Name', 'Url'] });
		expect(t.sandbox.state.webhookSubscriptions.get(s.id as string)).toMatchObject({ name: 'Renamed', enabled: false, events: ['SESSION_COMPLETE'] });
	});

	it('refuses an update with nothing to change before any request', async () => {
		const s = await subscription();
		const e = await t.runError(W('updateSubscription', { subscriptionId: rl(s.id) }));
		expect(e.message).toBe('Nothing to update [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});
});

describe('Webhook → Delete Subscription', () => {
	it('deletes and outputs {deleted: true, id}; a second delete reads not found', async () => {
		const s = await subscription();
		const { output } = await t.run(W('deleteSubscription', { subscriptionId: rl(s.id) }));
		expect(only(output)).toEqual([{ deleted: true, id: s.id }]);
		expect(t.sandbox.state.webhookSubscriptions.size).toBe(0);
		const e = await t.runError(W('deleteSubscription', { subscriptionId: rl(s.id) }));
		expect(e.message).toBe(`Webhook subscription ${s.id} not found [item 0]`);
	});
});

describe('Webhook → subscription picker', () => {
	it('labels subscriptions without the URL’s query string (where a trigger keeps its secret)', async () => {
		const r = await fetch(`${t.sandbox.url}/core/v1/webhook/subscription`, {
			method: 'POST',
			headers: { authorization: `Bearer ${t.sandbox.token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ name: 'n8n: Orders', url: 'https://n8n.example.com/webhook/abc/webhook?secret=TopSecret', events: ['SESSION_NEW'] }),
		});
		expect(r.status).toBe(200);
		const { listSearch } = await import('../../../../../nodes/WtsChat/methods');
		const res = await listSearch.searchWebhookSubscriptions.call(t.loadOptions() as never, 'orders');
		expect(res.results.map((x) => x.name)).toEqual(['n8n: Orders · enabled · https://n8n.example.com/webhook/abc/webhook']);
	});
});
