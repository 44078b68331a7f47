// n8n in queue mode, the way teams run it at scale: one main (editor, webhooks), two `n8n worker` processes that
// execute, Redis (Bull) between them and PostgreSQL as the shared database, all on loopback, with our package
// installed as a community node in all three user folders and one shared encryption key. One file per pinned n8n
// version (../queue-mode-<version>.test.mjs), so versions can run side by side; each leg starts and stops its own
// Redis, PostgreSQL, sandbox and n8n processes. Redis and PostgreSQL are installed (when missing) once, by
// global-setup.mjs, before any file runs.
import { randomBytes } from 'node:crypto';
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { startSandbox } from '../../../sandbox/server.mjs';
import { SEED } from '../../../sandbox/seed.mjs';
import { SANDBOX_CREDENTIAL } from '../../../scripts/build-workflows.mjs';
import { CREDENTIAL_TYPE, createUserFolder, importCredentials, importWorkflows, installPackage, startN8n } from '../../../scripts/n8n.mjs';
import { REPO } from './leg.mjs';
import { LineRest, lineOf, STALLED_JOBS_RUN_AGAIN } from './n8n-lines.mjs';
import { notRun } from './not-run.mjs';
import { queueEnv, startPostgres, startQueueWorker, startRedis } from './services.mjs';

const EXECUTIONS = 10;
const ITEMS = 20;

/** Declares the queue-mode leg of one pinned n8n version (call it from a test file). */
export function defineQueueLeg(VERSION) {
	const ctx = inject('wtsE2e');
	const runtime = ctx.runtimes[VERSION];
	const log = (m) => process.stderr.write(`[queue ${VERSION}] ${m}\n`);
	if (!ctx.queueServices.ok) notRun(`the n8n ${VERSION} queue-mode leg`, ctx.queueServices.why);
	else if (!runtime) notRun(`the n8n ${VERSION} queue-mode leg`, `n8n ${VERSION} is not installed`);
	else queueLeg(VERSION, runtime, log, ctx);
}

function queueLeg(VERSION, runtime, log, ctx) {
	/** A version-specific behaviour met in queue mode: logged now and in the closing timings block. */
	const seen = (what) => {
		appendFileSync(ctx.timingsFile, `${JSON.stringify({ version: VERSION, seen: `queue mode: ${what}` })}\n`);
		log(`seen: ${what}`);
	};
	describe(`n8n ${VERSION} in queue mode: main + 2 workers, Redis, PostgreSQL`, () => {
		let redis;
		let postgres;
		let sandbox;
		let main;
		const workers = [];
		let folders = [];
		let rest;
		let startWorker;
		const workflow = JSON.parse(readFileSync(path.join(REPO, 'test', 'e2e', 'workflows', 'queue-send-complete.json'), 'utf8'));
		// started by the WTS Chat Trigger (Message Received, inbound only): it answers each inbound message
		const ackExample = JSON.parse(readFileSync(path.join(REPO, 'examples', 'acknowledge-inbound-messages.json'), 'utf8'));
		let env;
		let mainOptions;

		let legStarted;
		beforeAll(async () => {
			const t = Date.now();
			legStarted = t;
			[redis, postgres, sandbox] = await Promise.all([startRedis(), startPostgres(), startSandbox({ port: 0, quiet: true })]);
			log(`redis :${redis.port}, postgres :${postgres.port}, sandbox ${sandbox.url} (${Date.now() - t} ms)`);
			env = queueEnv(redis, postgres, randomBytes(24).toString('hex'));
			folders = [createUserFolder(), createUserFolder(), createUserFolder()];
			await Promise.all(folders.map((f) => installPackage(f, ctx.tgz)));
			await importCredentials(runtime, folders[0], [{ ...SANDBOX_CREDENTIAL, type: CREDENTIAL_TYPE, data: { apiToken: sandbox.token, baseUrl: sandbox.url } }], { env });
			await importWorkflows(runtime, folders[0], [workflow, ackExample], { env });
			mainOptions = { maxSeconds: 1800, env, logFile: path.join(folders[0], 'n8n.log') };
			main = await startN8n(runtime, folders[0], mainOptions);
			log(`main ready in ${main.startupMs} ms`);
			startWorker = async () => {
				const folder = folders[1 + workers.length];
				const w = await startQueueWorker(runtime, folder, env);
				log(`worker ${workers.length + 1} ready in ${w.startupMs} ms`);
				workers.push(w);
			};
			await startWorker();
			rest = new LineRest(main.url, VERSION, seen);
			await rest.ensureOwner();
			await rest.activateWorkflow(workflow.id);
		});

		afterAll(async () => {
			for (const p of [...workers, main]) await p?.stop().catch(() => {});
			await Promise.all([redis?.stop(), postgres?.stop(), sandbox?.close()].map((p) => p?.catch?.(() => {})));
			if (legStarted) appendFileSync(ctx.timingsFile, `${JSON.stringify({ version: VERSION, what: 'whole queue-mode leg (services, main, workers, tests, stop)', ms: Date.now() - legStarted })}\n`);
			if (!process.env.WTS_E2E_KEEP) for (const f of folders) rmSync(f, { recursive: true, force: true });
		});

		/** Sends the batch through the webhook, checks every execution and every item; returns the executions per worker. */
		async function runBatch(label) {
			sandbox.reset(); // fresh seed and rate-limit windows: each batch starts from the same account state
			const sessions = SEED.sessions.all;
			const texts = [];
			const started = Date.now();
			const responses = await Promise.all(
				Array.from({ length: EXECUTIONS }, async (_, e) => {
					const items = Array.from({ length: ITEMS }, (_, k) => {
						const text = `${label} e${e} i${k}`;
						texts.push(text);
						return { sessionId: sessions[(e * ITEMS + k) % sessions.length], text };
					});
					const r = await fetch(`${main.url}/webhook/wts-e2e/queue-send-complete`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({ items }),
					});
					return { status: r.status, body: await r.json().catch(() => null) };
				}),
			);
			const ms = Date.now() - started;
			expect(responses.map((r) => r.status)).toEqual(Array(EXECUTIONS).fill(200));
			// the webhook answers with the last node's items: every session completed
			for (const r of responses) {
				expect(r.body).toHaveLength(ITEMS);
				expect(r.body.every((s) => s.status === 'COMPLETED')).toBe(true);
			}
			// n8n's own records: every execution of this batch succeeded
			const executions = (await rest.listExecutions(workflow.id, 100)).slice(0, EXECUTIONS);
			expect(executions.map((e) => e.status)).toEqual(Array(EXECUTIONS).fill('success'));
			const ran = workers.map((w) => executions.filter((e) => w.output().includes(`Worker started execution ${e.id} (`)).length);
			expect(ran.reduce((a, b) => a + b, 0)).toBe(EXECUTIONS);
			// the sandbox (what WTS Chat would hold): each text sent exactly once, nothing twice
			const sent = [...sandbox.state.messages.values()].filter((m) => (m.text ?? '').startsWith(`${label} e`)).map((m) => m.text);
			expect(sent.length).toBe(EXECUTIONS * ITEMS);
			expect(new Set(sent)).toEqual(new Set(texts));
			const limited = sandbox.requests.filter((q) => q.status === 429).length;
			log(`${label}: ${EXECUTIONS} executions × ${ITEMS} items (${EXECUTIONS * ITEMS * 2} API calls) in ${ms} ms; per worker ${ran.join(' + ')}; ${limited} × 429 waited out`);
			expect(sandbox.violations).toEqual([]);
			return ran;
		}

		it(`one worker: ${EXECUTIONS} webhook executions × ${ITEMS} items of Send Text + Complete, every item once`, async () => {
			const ran = await runBatch('one-worker');
			expect(ran).toEqual([EXECUTIONS]);
		});

		it(`two workers: the same batch is spread over both, every item once`, async () => {
			await startWorker();
			const ran = await runBatch('two-workers');
			expect(ran.every((n) => n > 0)).toBe(true);
		});

		it('WTS Chat Trigger: activating on main creates one subscription, an inbound message runs on a worker, a restart of main keeps that one subscription', async () => {
			sandbox.reset();
			const subscriptions = () => [...sandbox.state.webhookSubscriptions.values()];
			const inbound = async (text) => {
				const r = await fetch(`${sandbox.url}/__sandbox/inbound-message`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ sessionId: SEED.sessions.inProgress[0], text }),
				});
				expect(r.status).toBe(200);
				return await r.json();
			};
			/** The delivered message runs once, on one of the workers, and answers the contact. */
			const runsOnAWorker = async (text) => {
				const before = await rest.lastExecutionId(ackExample.id);
				const r = await inbound(text);
				expect(r.deliveries.map((d) => [d.eventType, d.httpStatus])).toEqual([['MESSAGE_RECEIVED', 200]]);
				const execution = await rest.waitForExecution(ackExample.id, before);
				expect(execution.status).toBe('success');
				const ranOn = workers.filter((w) => w.output().includes(`Worker started execution ${execution.id} (`));
				expect(ranOn).toHaveLength(1);
				return execution;
			};

			await rest.activateWorkflow(ackExample.id);
			expect(subscriptions()).toHaveLength(1);
			const [subscription] = subscriptions();
			await runsOnAWorker('Chegou meu pedido?');

			// restart main (same user folder, port and database): the trigger finds its subscription again
			const port = main.port;
			await main.stop();
			main = await startN8n(runtime, folders[0], { ...mainOptions, port });
			log(`main restarted in ${main.startupMs} ms`);
			rest = new LineRest(main.url, VERSION, seen);
			await rest.ensureOwner();
			await rest.waitLive(ackExample.id);
			expect(subscriptions().map((s) => s.id)).toEqual([subscription.id]);
			await runsOnAWorker('E agora, chegou?');
			expect(subscriptions()).toHaveLength(1);

			await rest.deactivateWorkflow(ackExample.id);
			expect(subscriptions()).toEqual([]);
		});

		const rerunsStalledJobs = STALLED_JOBS_RUN_AGAIN[lineOf(VERSION)];
		it(`a worker killed in the middle of a run: ${
			rerunsStalledJobs
				? 'n8n 1.x runs its executions again on the other worker (Bull maxStalledCount 1): all succeed, every item is sent, items the dead worker had sent go out a second time, none a third'
				: 'its executions fail in n8n, none is re-run, nothing is sent twice'
		}`, async () => {
			const before = new Set([...sandbox.state.messages.keys()]);
			const sessions = SEED.sessions.all;
			const runs = Array.from({ length: 6 }, (_, e) =>
				fetch(`${main.url}/webhook/wts-e2e/queue-send-complete`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ items: Array.from({ length: ITEMS }, (_, k) => ({ sessionId: sessions[(e * ITEMS + k) % sessions.length], text: `kill e${e} i${k}` })) }),
					signal: AbortSignal.timeout(100_000),
				})
					.then(async (r) => ({ status: r.status }))
					.catch((error) => ({ error: error.name })),
			);
			// once the victim has taken one of these executions, kill it the hard way (no graceful shutdown)
			const victim = workers[0];
			const taken = () => victim.output().split('Worker started execution').length;
			const already = taken();
			const t0 = Date.now();
			while (taken() === already && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 50));
			await new Promise((r) => setTimeout(r, 300));
			process.kill(-victim.pid(), 'SIGKILL');
			const outcomes = await Promise.all(runs);
			const texts = [...sandbox.state.messages.values()].filter((m) => !before.has(m.id) && /^kill e\d+ i\d+$/.test(m.text ?? '')).map((m) => m.text);
			const counts = new Map();
			for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
			const twice = [...counts.values()].filter((n) => n > 1).length;
			const executions = await rest.listExecutions(workflow.id, 50);
			log(
				`worker killed: responses ${JSON.stringify(outcomes)}; executions ${JSON.stringify(executions.slice(0, 6).map((e) => e.status))}; ` +
					`${counts.size} of ${6 * ITEMS} texts sent, ${twice} sent twice`,
			);
			// what the node guarantees: within one run of an execution, no item is sent twice (the node never resends a
			// send whose outcome is unknown); each duplicate can only come from n8n running a whole job again.
			const startedBy = (w) => new Set([...w.output().matchAll(/Worker started execution (\d+) \(/g)].map((m) => m[1]));
			const rerun = [...startedBy(victim)].filter((id) => startedBy(workers[1]).has(id));
			if (rerunsStalledJobs) {
				// What n8n 1.123.81 did here: Bull's maxStalledCount is 1 in n8n 1.x (QUEUE_WORKER_MAX_STALLED_COUNT; 2.x
				// forces 0), so the dead worker's jobs are taken again by the other worker and run from the start: the same
				// execution ids, all ending in success, every item sent, and what the dead worker had already sent goes out
				// once more (n8n runs the whole job again; the node cannot know a previous run existed).
				seen(`a killed worker's executions (${rerun.join(', ')}) were run again by the other worker; all 6 succeeded; ${twice} of ${6 * ITEMS} texts went out twice`);
				expect(rerun.length).toBeGreaterThan(0);
				expect(outcomes.map((o) => o.status)).toEqual(Array(6).fill(200));
				expect(executions.slice(0, 6).map((e) => e.status)).toEqual(Array(6).fill('success'));
				expect(counts.size).toBe(6 * ITEMS);
				expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
				expect(twice).toBeLessThanOrEqual(rerun.length * ITEMS);
			} else {
				// What n8n 2.8.4, 2.39.10 and 2.41.1 did here: the killed worker's executions end as failed ("crashed"), not
				// run again on the other worker, so nothing is sent twice; their webhook calls answer 500.
				expect(rerun).toEqual([]);
				expect(twice).toBe(0);
				seen(`a killed worker's executions failed (crashed), none was run again; ${counts.size} of ${6 * ITEMS} texts sent, none twice`);
				expect(outcomes.some((o) => o.status === 500)).toBe(true);
				expect(executions.filter((e) => e.status === 'error').length).toBeGreaterThan(0);
			}
			expect(sandbox.violations).toEqual([]);
		});
	});
}
