// End-to-end cases of the Webhook resource (the six operations, through an e2e workflow) and of the WTS Chat
// Trigger, on the example workflow examples/acknowledge-inbound-messages.json as users import it: n8n activates it
// (the trigger subscribes n8n's production webhook URL in the sandbox), the sandbox delivers events to that URL on
// 127.0.0.1, and n8n records the executions. Assertions are on the sandbox's subscriptions and on n8n's executions.
import { expect, it } from 'vitest';

import { SEED } from '../../../../sandbox/seed.mjs';
import { ACK_EXAMPLE_ID } from '../../../../scripts/workflows/webhook.mjs';

export default function webhookCases(suite) {
	const verified = new Set();
	const subscriptions = async () => await suite.api('/core/v1/webhook/subscription');
	const rest = () => suite.leg().rest;
	const sandbox = () => suite.leg().sandbox;
	const activate = async () => await rest().activateWorkflow(ACK_EXAMPLE_ID);
	// both return once n8n's change took effect (n8n 2.41's publication outbox; see ../n8n-lines.mjs: LineRest)
	const deactivate = async () => await rest().deactivateWorkflow(ACK_EXAMPLE_ID);
	/** Starts each case with the example inactive, whatever an earlier failure left. */
	const inactive = async () => {
		if ((await rest().getWorkflow(ACK_EXAMPLE_ID)).active) await deactivate();
	};
	const deliveries = async () => await (await fetch(`${sandbox().url}/__sandbox/webhook-deliveries`)).json();
	const inbound = async (body) => {
		const r = await fetch(`${sandbox().url}/__sandbox/inbound-message`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		expect(r.status).toBe(200);
		return await r.json();
	};
	const session = SEED.sessions.inProgress[0];
	/** What the editor's "Execute workflow" button sends for a workflow started by the trigger: n8n then listens on its test URL. */
	const listenInEditor = async () => {
		const workflowData = await rest().getWorkflow(ACK_EXAMPLE_ID);
		const answer = await rest().data('POST', `/rest/workflows/${ACK_EXAMPLE_ID}/run`, { workflowData, triggerToStartFrom: { name: 'WTS Chat Trigger' } });
		expect(answer).toMatchObject({ waitingForWebhook: true });
	};

	it('Webhook: List Events, Create / Get / Update / Get Many / Delete Subscription', async () => {
		const r = await suite.leg().run('webhook-operations', { name: 'e2e: CRM sync', url: 'https://example.com/e2e-hook' });
		expect(r.execution.status).toBe('success');
		expect(r.out('List Events').map((i) => i.json.event)).toHaveLength(16);
		const [created] = r.out('Create Subscription');
		expect(created.json).toMatchObject({ name: 'e2e: CRM sync', url: 'https://example.com/e2e-hook', enabled: true });
		expect(created.json.events.map((e) => e.event)).toEqual(['SESSION_NEW', 'MESSAGE_RECEIVED']);
		expect(r.out('Get Subscription')[0].json.id).toBe(created.json.id);
		expect(r.out('Update Subscription')[0].json).toMatchObject({ id: created.json.id, enabled: false, events: [{ event: 'SESSION_COMPLETE' }] });
		expect(r.out('Get Many Subscriptions').map((i) => [i.json.id, i.json.enabled])).toEqual([[created.json.id, false]]);
		expect(r.out('Delete Subscription').map((i) => i.json)).toEqual([{ deleted: true, id: created.json.id }]);
		expect(await subscriptions()).toEqual([]);
		for (const op of ['listEvents', 'createSubscription', 'getSubscription', 'updateSubscription', 'getManySubscriptions', 'deleteSubscription']) verified.add(op);
	});

	it('WTS Chat Trigger: activation creates exactly one subscription to n8n’s webhook URL with a secret; deactivation deletes it; re-activations add none', async () => {
		await inactive();
		await activate();
		const subs = await subscriptions();
		expect(subs).toHaveLength(1);
		const escaped = suite.leg().n8n.url.replace(/[.:/]/g, '\\$&');
		expect(subs[0].url).toMatch(new RegExp(`^${escaped}/webhook/[0-9a-f-]{36}/webhook\\?secret=[A-Za-z0-9]{40}$`));
		expect(subs[0].events.map((e) => e.event)).toEqual(['MESSAGE_RECEIVED', 'MESSAGE_SENT']);
		expect(subs[0].enabled).toBe(true);
		await deactivate();
		expect(await subscriptions()).toEqual([]);
		for (let k = 0; k < 2; k++) {
			await activate();
			expect(await subscriptions()).toHaveLength(1);
			await deactivate();
		}
		expect(await subscriptions()).toEqual([]);
	});

	it('WTS Chat Trigger: a simulated inbound message runs the workflow once with the message; the answer it sends does not start it again', async () => {
		await inactive();
		await activate();
		const before = await rest().lastExecutionId(ACK_EXAMPLE_ID);
		const r = await inbound({ sessionId: session, text: 'Qual o prazo de entrega?' });
		expect(r.deliveries.map((d) => [d.eventType, d.status, d.httpStatus])).toEqual([['MESSAGE_RECEIVED', 'delivered', 200]]);
		const execution = await rest().waitForExecution(ACK_EXAMPLE_ID, before);
		expect(execution.status).toBe('success');
		const runData = execution.data.resultData.runData;
		expect(runData['WTS Chat Trigger'][0].data.main[0].map((i) => i.json)).toEqual([r.message]);
		const [ack] = runData.Acknowledge[0].data.main[0];
		expect(ack.json.sessionId).toBe(session);
		const state = await suite.leg().state.session(session);
		expect(state._messages.at(-1)).toMatchObject({ direction: 'TO_HUB', text: 'Recebemos sua mensagem ("Qual o prazo de entrega?") e já vamos responder.' });
		// the answer was delivered to n8n as MESSAGE_SENT and refused by the Direction filter: no second run
		const all = await deliveries();
		expect(all.map((d) => [d.eventType, d.status, d.httpStatus])).toEqual([
			['MESSAGE_RECEIVED', 'delivered', 200],
			['MESSAGE_SENT', 'delivered', 200],
		]);
		const runs = (await rest().listExecutions(ACK_EXAMPLE_ID, 20)).filter((e) => Number(e.id) > before);
		expect(runs).toHaveLength(1);
		await deactivate();
	});

	it('WTS Chat Trigger: a forged call without the secret, or with a wrong one, gets 401 and runs nothing', async () => {
		await inactive();
		await activate();
		const [sub] = await subscriptions();
		const before = await rest().lastExecutionId(ACK_EXAMPLE_ID);
		const bare = sub.url.split('?')[0];
		const forged = { eventType: 'MESSAGE_RECEIVED', date: new Date().toISOString(), content: { id: 'x', sessionId: session, direction: 'FROM_HUB', text: 'forged' } };
		for (const url of [bare, `${bare}?secret=${'A'.repeat(40)}`, `${bare}?secret=`]) {
			const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(forged) });
			expect(res.status, url.replace(/secret=.*/, 'secret=…')).toBe(401);
		}
		// the genuine URL still works, so the refusals above were the secret's doing
		const ok = await fetch(sub.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(forged) });
		expect(ok.status).toBe(200);
		const execution = await rest().waitForExecution(ACK_EXAMPLE_ID, before);
		const runs = (await rest().listExecutions(ACK_EXAMPLE_ID, 20)).filter((e) => Number(e.id) > before);
		expect(runs.map((e) => e.id)).toEqual([execution.id]);
		await deactivate();
	});

	it('WTS Chat Trigger: a call with more than 100 events gets 413 with a clear body and runs nothing (issue 20)', async () => {
		await inactive();
		await activate();
		const [sub] = await subscriptions();
		const before = await rest().lastExecutionId(ACK_EXAMPLE_ID);
		const event = (k) => ({ eventType: 'MESSAGE_RECEIVED', date: new Date().toISOString(), content: { id: `m${k}`, sessionId: session, direction: 'FROM_HUB', text: `lote ${k}` } });
		const post = async (body) => await fetch(sub.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		const big = await post(Array.from({ length: 101 }, (_, k) => event(k)));
		expect(big.status).toBe(413);
		expect(await big.json()).toEqual({ message: 'Too many events in one call: 101 (at most 100). WTS Chat sends one event per call; nothing was started.' });
		// one genuine event afterwards: the only run since `before` is its own, so the 413 call started nothing
		expect((await post(event('ok'))).status).toBe(200);
		const execution = await rest().waitForExecution(ACK_EXAMPLE_ID, before);
		const runs = (await rest().listExecutions(ACK_EXAMPLE_ID, 20)).filter((e) => Number(e.id) > before);
		expect(runs.map((e) => e.id)).toEqual([execution.id]);
		await deactivate();
	});

	it('WTS Chat Trigger: a subscription deleted on the WTS side is recreated on the next activation', async () => {
		await inactive();
		await activate();
		const [first] = await subscriptions();
		const del = await fetch(`${sandbox().url}/core/v1/webhook/subscription/${first.id}`, {
			method: 'DELETE',
			headers: { authorization: `Bearer ${sandbox().token}` },
		});
		expect(del.status).toBe(200);
		await deactivate(); // deleting an already deleted subscription is not an error
		await activate();
		const subs = await subscriptions();
		expect(subs).toHaveLength(1);
		expect(subs[0].id).not.toBe(first.id);
		await deactivate();
		expect(await subscriptions()).toEqual([]);
	});

	it('WTS Chat Trigger: while the editor listens ("Execute workflow"), n8n’s test URL is subscribed, an inbound message runs the workflow once, and the subscription is removed after the run', async () => {
		await inactive();
		await listenInEditor();
		const subs = await subscriptions();
		expect(subs).toHaveLength(1);
		const escaped = suite.leg().n8n.url.replace(/[.:/]/g, '\\$&');
		expect(subs[0].url).toMatch(new RegExp(`^${escaped}/webhook-test/[0-9a-f-]{36}/webhook\\?secret=[A-Za-z0-9]{40}$`));
		const before = await rest().lastExecutionId(ACK_EXAMPLE_ID);
		const r = await inbound({ sessionId: session, text: 'Teste pelo editor' });
		expect(r.deliveries.map((d) => [d.eventType, d.httpStatus])).toEqual([['MESSAGE_RECEIVED', 200]]);
		const execution = await rest().waitForExecution(ACK_EXAMPLE_ID, before);
		expect([execution.mode, execution.status]).toEqual(['manual', 'success']);
		expect(execution.data.resultData.runData['WTS Chat Trigger'][0].data.main[0].map((i) => i.json)).toEqual([r.message]);
		// n8n takes its test webhook down after the run; the trigger then deletes the test subscription
		const deadline = Date.now() + 15_000;
		while ((await subscriptions()).length && Date.now() < deadline) await new Promise((res) => setTimeout(res, 200));
		expect(await subscriptions()).toEqual([]);
		expect((await rest().getWorkflow(ACK_EXAMPLE_ID)).active).toBe(false);
	});

	it('WTS Chat Trigger: listening in the editor on an active workflow adds a test subscription beside the live one and removes only it', async () => {
		await inactive();
		await activate();
		const [live] = await subscriptions();
		await listenInEditor();
		const both = await subscriptions();
		expect(both).toHaveLength(2);
		expect(both.find((s) => s.id !== live.id).url).toMatch(/\/webhook-test\//);
		const before = await rest().lastExecutionId(ACK_EXAMPLE_ID);
		const r = await inbound({ sessionId: session, text: 'Ativo e ouvindo' });
		// WTS Chat delivers to both subscriptions: the live workflow runs, and the editor's test run
		expect(r.deliveries.filter((d) => d.eventType === 'MESSAGE_RECEIVED').map((d) => d.httpStatus)).toEqual([200, 200]);
		const deadline = Date.now() + 15_000;
		let runs = [];
		while (Date.now() < deadline) {
			runs = (await rest().listExecutions(ACK_EXAMPLE_ID, 20)).filter((e) => Number(e.id) > before && e.stoppedAt);
			if (runs.length >= 2 && (await subscriptions()).length === 1) break;
			await new Promise((res) => setTimeout(res, 200));
		}
		expect(runs.map((e) => e.mode).sort()).toEqual(['manual', 'webhook']);
		// the test subscription is gone, the live one is untouched
		expect((await subscriptions()).map((s) => [s.id, s.url])).toEqual([[live.id, live.url]]);
		expect((await rest().getWorkflow(ACK_EXAMPLE_ID)).active).toBe(true);
		await deactivate();
		expect(await subscriptions()).toEqual([]);
	});

	it('WTS Chat Trigger: after an n8n restart the active workflow keeps its one subscription and its secret', async () => {
		await inactive();
		await activate();
		const [before] = await subscriptions();
		await suite.leg().restartN8n();
		await rest().waitLive(ACK_EXAMPLE_ID);
		const after = await subscriptions();
		expect(after.map((s) => [s.id, s.url])).toEqual([[before.id, before.url]]);
		// the secret came back from n8n's database: a delivery still starts the workflow
		const last = await rest().lastExecutionId(ACK_EXAMPLE_ID);
		const r = await inbound({ sessionId: session, text: 'Depois do reinício' });
		expect(r.deliveries.map((d) => [d.eventType, d.httpStatus])).toEqual([['MESSAGE_RECEIVED', 200]]);
		const execution = await rest().waitForExecution(ACK_EXAMPLE_ID, last);
		expect(execution.status).toBe('success');
		await deactivate();
		expect(await subscriptions()).toEqual([]);
		// n8n's start-up alone took 10–60 s on the shared 2-core machine
	}, 300_000);

	it('every Webhook operation of the node (as n8n loaded it) was run and checked above', async () => {
		const operations = await suite.operationsOf('webhook');
		expect([...operations].sort()).toEqual(suite.declared('webhook'));
		expect([...verified].sort()).toEqual([...new Set(operations)].sort());
	});
}
