// Issue 20 item 5: the trigger's filters type-check what they read, and one webhook call carries at most
// MAX_EVENTS_PER_CALL events (above: 413 with a clear body, no execution).
import { describe, expect, it } from 'vitest';

import { WtsChatTrigger } from '../../../nodes/WtsChatTrigger/WtsChatTrigger.node';
import { MAX_EVENTS_PER_CALL, passesFilters } from '../../../nodes/WtsChatTrigger/filters';
import { SEED, useSandbox } from '../../harness/fixture.mjs';
import { createTrigger } from '../../harness/trigger.mjs';

const t = useSandbox();
type Json = Record<string, unknown>;
const URL_LIVE = 'http://127.0.0.1:5678/webhook/2f7c0d7e-1111-4222-8333-944455556666/webhook';
const trigger = (parameters: Json) => createTrigger({ node: new WtsChatTrigger(), parameters, credentials: t.credentials(), webhookUrl: URL_LIVE });
const secretOf = (tr: { staticData: Json }) => (tr.staticData.registrations as Record<string, { secret: string }>).live.secret;
const envelope = (eventType: string, content: unknown) => ({ eventType, date: '2026-11-30T12:00:00.0000000Z', content, changeMetadata: null });
const channel = SEED.channels.whatsapp.id;
const dep = SEED.departments.vendas.id;

describe('WTS Chat Trigger filters type-check the fields they read', () => {
	it.each([
		['a number', 123],
		['null', null],
		['an object', { id: channel }],
		['a list holding the channel', [channel]],
		['true', true],
	])('the channel filter refuses content whose channelId is %s', (_what, channelId) => {
		expect(passesFilters({ id: 's', channelId } as Json, { channelIds: [channel] })).toBe(false);
		expect(passesFilters({ id: 's', departmentId: channelId } as Json, { departmentIds: [channel] })).toBe(false);
	});

	it('passes the chosen channel and department as text in any case, and content without the field', () => {
		expect(passesFilters({ channelId: channel.toUpperCase(), departmentId: dep }, { channelIds: [channel], departmentIds: dep })).toBe(true);
		expect(passesFilters({ id: 'c' }, { channelIds: [channel], departmentIds: [dep] })).toBe(true);
		expect(passesFilters({ channelId: 123 } as Json, {})).toBe(true); // no filter chosen: nothing to check
	});

	it('the direction filter (inbound by default) refuses a direction that is not the chosen text', () => {
		for (const direction of [null, 1, { value: 'FROM_HUB' }, ['FROM_HUB'], 'TO_HUB']) {
			expect(passesFilters({ direction } as Json, {}), JSON.stringify(direction)).toBe(false);
		}
		expect(passesFilters({ direction: 'FROM_HUB' }, {})).toBe(true);
		expect(passesFilters({ direction: null } as Json, { direction: 'any' })).toBe(true);
	});

	it('through webhook(): a session whose channelId is a number starts nothing', async () => {
		const tr = trigger({ events: ['SESSION_NEW'], options: { channelIds: [channel] } });
		await tr.activate();
		const query = { secret: secretOf(tr) };
		expect(await tr.receive({ query, body: envelope('SESSION_NEW', { id: 's', channelId: 42 }) })).toMatchObject({ status: 200, items: undefined });
		expect((await tr.receive({ query, body: envelope('SESSION_NEW', { id: 's', channelId: channel }) })).items).toHaveLength(1);
		// content that is a list is not an event
		expect(await tr.receive({ query, body: envelope('SESSION_NEW', [{ channelId: channel }]) })).toMatchObject({ status: 400, items: undefined });
	});
});

describe(`WTS Chat Trigger: at most ${MAX_EVENTS_PER_CALL} events per call`, () => {
	it('is the largest batch one WTS request can cause (100)', () => {
		expect(MAX_EVENTS_PER_CALL).toBe(100);
	});

	it('starts one execution with 100 events; answers 413 and starts nothing for 101 or 25,000', async () => {
		const tr = trigger({ events: ['MESSAGE_RECEIVED'] });
		await tr.activate();
		const query = { secret: secretOf(tr) };
		const batch = (n: number) => Array.from({ length: n }, (_, i) => envelope('MESSAGE_RECEIVED', { id: `m${i}`, direction: 'FROM_HUB', text: 'Oi' }));
		const ok = await tr.receive({ query, body: batch(MAX_EVENTS_PER_CALL) });
		expect(ok.status).toBe(200);
		expect(ok.items).toHaveLength(MAX_EVENTS_PER_CALL);
		for (const n of [MAX_EVENTS_PER_CALL + 1, 25_000]) {
			const r = await tr.receive({ query, body: batch(n) });
			expect(r).toEqual({
				status: 413,
				body: { message: `Too many events in one call: ${n} (at most 100). WTS Chat sends one event per call; nothing was started.` },
				items: undefined,
			});
		}
	});

	it('checks the secret first: a forged oversized call gets 401', async () => {
		const tr = trigger({ events: ['MESSAGE_RECEIVED'] });
		await tr.activate();
		const r = await tr.receive({ query: { secret: 'x' }, body: Array.from({ length: 500 }, () => envelope('MESSAGE_RECEIVED', {})) });
		expect(r.status).toBe(401);
	});
});
