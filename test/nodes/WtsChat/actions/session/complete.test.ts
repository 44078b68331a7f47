import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { rl, SEED, useSandbox } from '../../../../harness/fixture.mjs';

const t = useSandbox();
const open = SEED.sessions.inProgress;
const base = { resource: 'session', operation: 'complete' };

describe('Session → Complete', () => {
	it('PUTs /chat/v1/session/{id}/complete and outputs the updated session, paired, without binary', async () => {
		const id = open[0];
		const { output } = await t.run({ ...base, sessionId: rl(id, 'list'), reactivateOnNewMessage: true });
		expect(output).toHaveLength(1);
		expect(output[0]).toHaveLength(1);
		const item = output[0][0];
		expect(item.json).toMatchObject({ id, status: 'COMPLETED' });
		expect(item.json.endAt).toBeTruthy();
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(item.binary).toBeUndefined();

		const [req] = t.apiRequests();
		expect(req.method).toBe('PUT');
		expect(req.path).toBe(`/chat/v1/session/${id}/complete`);
		expect(req.body).toEqual({ reactivateOnNewMessage: true, stopBotInExecution: false });
		expect(req.headers.authorization).toBe('Bearer ***');
		expect(t.sandbox.state.sessions.get(id)).toMatchObject({ status: 'COMPLETED' });
	});

	it('stores Reactivate On New Message and Stop Bot In Execution as given', async () => {
		const [a, b] = open;
		await t.run({ ...base, sessionId: rl(a), reactivateOnNewMessage: true, stopBotInExecution: true });
		await t.run({ ...base, sessionId: rl(b) });
		const stateOf = async (id: string) => (await (await fetch(`${t.sandbox.url}/__sandbox/state/sessions/${id}`)).json()) as Record<string, unknown>;
		expect(JSON.stringify(await stateOf(a))).toMatch(/"reactivateOnNewMessage":true/);
		expect(JSON.stringify(await stateOf(b))).toMatch(/"reactivateOnNewMessage":false/);
		expect(t.apiRequests().map((r: { body: unknown }) => r.body)).toEqual([
			{ reactivateOnNewMessage: true, stopBotInExecution: true },
			{ reactivateOnNewMessage: false, stopBotInExecution: false },
		]);
	});

	it.each([
		['empty', ''],
		['blank', '   '],
	])('refuses an %s Session ID before any request', async (_, value) => {
		const error = await t.runError({ ...base, sessionId: rl(value) });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('The Session ID field is empty [item 0]');
		expect(error.description).toMatch(/Fill in the Session ID field/);
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('refuses a Session ID that is not a UUID before any request', async () => {
		const error = await t.runError({ ...base, sessionId: rl('12345') });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('"12345" is not a valid Session ID [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});

	it("surfaces WTS's not-found (HTTP 500 FORM_ERROR) with the API's text, without retrying", async () => {
		const missing = '00000000-0000-4000-8000-000000000000';
		const error = await t.runError({ ...base, sessionId: rl(missing) });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(`Session ${missing} not found [item 0]`);
		expect(error.httpCode).toBe('404');
		expect(error.description).toContain('WTS Chat answered "Conversa não encontrada"');
		expect(error.description).toMatch(/exists in this WTS Chat account/);
		expect(t.apiRequests()).toHaveLength(1);
	});

	it('processes every item with an expression-driven Session ID, one paired output each', async () => {
		const ids = open.slice(0, 3);
		const { output } = await t.run((i: number) => ({ ...base, sessionId: rl(ids[i]) }), {
			items: ids.map((id: string) => ({ json: { id } })),
		});
		expect(output[0].map((o: { json: { id: string } }) => o.json.id)).toEqual(ids);
		expect(output[0].map((o: { pairedItem: unknown }) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	describe('a failing item among good ones', () => {
		const ids = () => [open[0], 'not-a-uuid', open[1]];
		const params = (i: number) => ({ ...base, sessionId: rl(ids()[i]) });
		const items = [{ json: {} }, { json: {} }, { json: {} }];

		it('Continue (regular output): the error item stays in place, paired, and the next item still runs', async () => {
			const { output } = await t.run(params, { items, onError: 'continueRegularOutput' });
			expect(output).toHaveLength(1);
			expect(output[0]).toHaveLength(3);
			expect(output[0][1].json).toEqual({ error: '"not-a-uuid" is not a valid Session ID [item 1]' });
			expect(output[0][1].pairedItem).toEqual({ item: 1 });
			expect(output[0][2].json.status).toBe('COMPLETED');
			expect(t.apiRequests()).toHaveLength(2);
		});

		it('Continue (error output): the failing item goes to the error output, the others to success', async () => {
			const { output } = await t.run(params, { items, onError: 'continueErrorOutput' });
			expect(output[0].map((o: { pairedItem: unknown }) => o.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
			expect(output[1]).toHaveLength(1);
			expect(output[1][0].pairedItem).toEqual({ item: 1 });
			expect(output[1][0].error).toBeInstanceOf(NodeOperationError);
		});

		it('Stop workflow: throws our message for the failing item after completing the first', async () => {
			const error = await t.runError(params, { items });
			expect(error.message).toBe('"not-a-uuid" is not a valid Session ID [item 1]');
			expect(t.apiRequests()).toHaveLength(1);
		});
	});

	it('never shows the API token in an error', async () => {
		// A wrong token built at run time, so that no literal token sits in the source.
		const wrongToken = ['pn', 'wrong', Date.now().toString(36), 'x'.repeat(12)].join('_');
		const error = await t.runError({ ...base, sessionId: rl(open[0]) }, {
			credentials: { apiToken: wrongToken, baseUrl: t.sandbox.url },
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('401');
		expect(error.message).toBe('WTS Chat refused the API token: Acesso negado [item 0]');
		expect(error.description).toMatch(/API token in the WTS Chat credential/);
		const everything = JSON.stringify({ ...error, message: error.message, description: error.description, stack: error.stack });
		expect(everything).not.toContain(wrongToken);
		const { output } = await t.run({ ...base, sessionId: rl(open[0]) }, {
			credentials: { apiToken: wrongToken, baseUrl: t.sandbox.url },
			onError: 'continueRegularOutput',
		});
		expect(JSON.stringify(output)).not.toContain(wrongToken);
	});
});
