import { describe, expect, it } from 'vitest';

import { rl, SEED, useSandbox } from '../../../../harness/fixture.mjs';

const t = useSandbox();
type Json = Record<string, unknown>;
type Item = { json: Json; pairedItem?: unknown };
type Req = { method: string; path: string; query: Record<string, string[]> };
const only = (output: Item[][]) => output[0].map((o) => o.json);
const lastRequest = () => t.apiRequests().at(-1) as Req;

describe('Template → Get Many', () => {
	it('lists the templates of a channel with the documented filters, simplified by default', async () => {
		const { output } = await t.run({
			resource: 'template',
			operation: 'getMany',
			returnAll: true,
			filters: { channelId: SEED.channels.zapi.id, approvedOnly: true, archived: false },
			options: { includeDetails: ['Params'] },
		});
		expect(only(output).map((x) => x.name)).toEqual([SEED.templates.quickReply.name]);
		expect(lastRequest().query).toMatchObject({ ChannelId: [SEED.channels.zapi.id], ApprovedOnly: ['true'], Archived: ['false'], IncludeDetails: ['Params'] });
		expect(only(output)[0].createdAt).toBeUndefined();
		const { output: named } = await t.run({ resource: 'template', operation: 'getMany', returnAll: true, simplify: false, filters: { name: 'pedido', type: 'ATTENDANCE' } });
		expect(only(named).map((x) => x.name)).toEqual([SEED.templates.orderUpdate.name]);
		expect(only(named)[0].createdAt).toBeTruthy();
		const { output: limited } = await t.run({ resource: 'template', operation: 'getMany', returnAll: false, limit: 2 });
		expect(limited[0]).toHaveLength(2);
	});

	it('refuses a malformed channel ID or type before any request', async () => {
		const e1 = await t.runError({ resource: 'template', operation: 'getMany', filters: { channelId: 'zapi' } });
		expect(e1.message).toBe('"zapi" is not a valid Channel ID [item 0]');
		const e2 = await t.runError({ resource: 'template', operation: 'getMany', filters: { type: 'quickreply' } });
		expect(e2.message).toBe('"quickreply" is not a valid Type [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('the template picker narrows to the chosen channel; the parameters show by name', async () => {
		const ctx = t.loadOptions({ resource: 'message', operation: 'send', channelId: rl(SEED.channels.zapi.id), content: 'template' });
		const { results } = await t.node().methods.listSearch.searchTemplates.call(ctx);
		expect(results.map((r: { name: string }) => r.name)).toEqual([expect.stringContaining(SEED.templates.quickReply.name)]);
		const ctx2 = t.loadOptions({ resource: 'message', operation: 'send', content: 'template', templateId: rl(SEED.templates.orderUpdate.id) });
		const params = await t.node().methods.loadOptions.getTemplateParameters.call(ctx2);
		expect(params.map((p: { name: string }) => p.name)).toEqual(['nome', 'pedido', 'situacao']);
	});
});

describe('Channel → Get Many', () => {
	it('lists the channels, by type, with a limit', async () => {
		const { output } = await t.run({ resource: 'channel', operation: 'getMany', returnAll: true });
		expect(only(output).map((c) => c.id).sort()).toEqual(Object.values(SEED.channels).map((c) => c.id).sort());
		const { output: wa } = await t.run({ resource: 'channel', operation: 'getMany', returnAll: true, filters: { channelType: 'Whatsapp' } });
		expect(only(wa)).toHaveLength(2);
		expect(lastRequest().query).toMatchObject({ ChannelType: ['Whatsapp'] });
		const { output: one } = await t.run({ resource: 'channel', operation: 'getMany', returnAll: false, limit: 1 }, { items: [{ json: {} }, { json: {} }] });
		expect(one[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('surfaces the API’s text on a refused token, with Continue On Fail', async () => {
		const { output } = await t.run({ resource: 'channel', operation: 'getMany', returnAll: true }, { credentials: { apiToken: 'pn_wrong', baseUrl: t.sandbox.url }, onError: 'continueRegularOutput' });
		expect(output[0][0].json.error).toMatch(/^WTS Chat refused the API token: .+ \[item 0\]$/);
	});
});

describe('Scheduled Message picker', () => {
	it('labels scheduled messages by contact, template, time and status', async () => {
		await t.run({
			resource: 'scheduledMessage',
			operation: 'create',
			phoneNumber: '11999990001',
			channelId: rl(SEED.channels.whatsapp.id),
			templateId: rl(SEED.templates.followUp.id),
			scheduling: '2099-03-01T12:00:00Z',
		});
		const ctx = t.loadOptions({ resource: 'scheduledMessage', operation: 'get' });
		const { results } = await t.node().methods.listSearch.searchScheduledMessages.call(ctx, 'maria retomar 2099');
		expect(results.map((r: { name: string }) => r.name)).toEqual(['Maria Oliveira · retomar_conversa · 2099-03-01 12:00 UTC · scheduled']);
	});
});
