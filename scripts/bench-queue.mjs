#!/usr/bin/env node
// Queue-mode benchmark (issue 25): n8n in queue mode (main + 1, 2, then 4 `n8n worker` processes, Redis and
// PostgreSQL from Debian, the same machinery as the e2e queue-mode leg: test/e2e/lib/services.mjs), one WTS Chat
// account shared by every worker. Each row: S sends as S/100 webhook executions of Webhook → Split Out → Session →
// Send Text (100 items each, Continue On Fail), all fired at once, against its own sandbox (a fresh account) with
// the documented windows (200 requests / 5 s, 1,000 / 5 min), with or without Retry-After on its 429s. The
// credential of a row says how many processes share the account (its worker count). Measured per row: wall time
// (first webhook call to the last answer), the floor the windows allow, 429s the sandbox answered, items that came
// out failed, texts the sandbox holds twice (duplicates) or not at all (lost), executions each worker ran, and the
// machine's load before and after. The "n8n alone" row runs the same 1,000 items through a No Operation node in place
// of Send Text: n8n's own time for those executions (webhook, queue, workers, the database), with nothing sent.
//
//   node scripts/bench-queue.mjs                  # 1 / 2 / 4 workers × 1,000 and 1,200 sends, ± Retry-After
//   node scripts/bench-queue.mjs --quick          # 1 / 2 workers × 400 sends (burst window only), ± Retry-After
//   node scripts/bench-queue.mjs --workers=1,2    # only these worker counts
//
// Rows run one after another (the full matrix takes about 35 minutes: six 1,200-send rows bound by the 5-minute
// window).
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

import { SEED, startSandbox } from '../sandbox/server.mjs';
import { LineRest } from '../test/e2e/lib/n8n-lines.mjs';
import { ensureQueueServices, queueEnv, startPostgres, startQueueWorker, startRedis } from '../test/e2e/lib/services.mjs';
import { floorMs } from './lib/floor.mjs';
import {
	buildIsStale,
	buildPackage,
	createUserFolder,
	CREDENTIAL_TYPE,
	DEFAULT_VERSION,
	importCredentials,
	importWorkflows,
	installedRuntime,
	installPackage,
	NODE_TYPE,
	packPackage,
	startN8n,
} from './n8n.mjs';

const ITEMS_PER_EXECUTION = 100;
const DOCUMENTED = [
	{ limit: 200, windowMs: 5_000 },
	{ limit: 1_000, windowMs: 300_000 },
];

export const FULL_PLAN = {
	workers: [1, 2, 4],
	// every worker runs the node once before the rows (wall times compared between worker counts)
	warmUp: true,
	rows: [
		{ sends: 1000, retryAfter: true },
		{ sends: 1000, retryAfter: false },
		{ sends: 1000, retryAfter: false, noOp: true },
		{ sends: 1200, retryAfter: true },
		{ sends: 1200, retryAfter: false },
	],
};

export const QUICK_PLAN = {
	workers: [1, 2],
	rows: [
		{ sends: 400, retryAfter: true },
		{ sends: 400, retryAfter: false },
	],
};

const load = () => {
	const up = spawnSync('uptime', [], { encoding: 'utf8' }).stdout?.trim() ?? '';
	return /load average: (.*)$/.exec(up)?.[1] ?? os.loadavg().map((x) => x.toFixed(2)).join(', ');
};

function rowKey(workers, row) {
	return `w${workers}-${row.sends}-${row.noOp ? 'noop' : row.retryAfter ? 'ra' : 'nora'}`;
}

function workflowFor(key, index, credential, noOp) {
	return {
		id: `WtsQBench${String(index).padStart(7, '0')}`,
		name: `bench queue ${key}`,
		active: false,
		nodes: [
			{
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `0be0c000-0000-4000-9000-${String(index).padStart(12, '0')}`,
				// The No Op row answers at once and is timed from the executions' stop times: with 4 workers n8n 2.8.4
				// left a webhook call waiting for good when its (30 ms) execution had finished (seen 3 Dec 2026).
				parameters: noOp
					? { httpMethod: 'POST', path: `wts-bench-queue/${key}`, responseMode: 'onReceived', options: {} }
					: { httpMethod: 'POST', path: `wts-bench-queue/${key}`, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
			},
			{ name: 'Items', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [220, 0], parameters: { fieldToSplitOut: 'body.items', options: {} } },
			noOp
				? { name: 'Send Text', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [440, 0], parameters: {} }
				: {
				name: 'Send Text',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [440, 0],
				parameters: {
					resource: 'session',
					operation: 'sendText',
					sessionId: { __rl: true, mode: 'id', value: '={{ $json.sessionId }}' },
					text: '={{ $json.text }}',
					options: {},
				},
				credentials: { [CREDENTIAL_TYPE]: { id: credential.id, name: credential.name } },
				onError: 'continueRegularOutput',
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Send Text', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
		tags: [],
	};
}

/** POSTs JSON without any client timeout; resolves to { status, body } (body null when not JSON). */
function postJson(url, payload) {
	const data = JSON.stringify(payload);
	return new Promise((resolve) => {
		const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (c) => (text += c));
			res.on('end', () => {
				let body = null;
				try {
					body = JSON.parse(text);
				} catch {
					// not JSON: counted as a failed execution
				}
				resolve({ status: res.statusCode, body });
			});
		});
		req.on('error', (error) => resolve({ status: 0, body: null, error: String(error) }));
		req.end(data);
	});
}

/** Runs one-item executions of the warm-up workflow until every worker has run one (at most five rounds). */
async function warmUp(cluster, warm, log) {
	const sessions = SEED.sessions.all;
	for (let round = 1; round <= 5; round++) {
		const calls = cluster.workers.length * 4;
		await Promise.all(
			Array.from({ length: calls }, (_, k) => postJson(`${cluster.main.url}/webhook/wts-bench-queue/warm`, { items: [{ sessionId: sessions[k % sessions.length], text: `warm ${round} ${k}` }] })),
		);
		const ids = (await cluster.rest.listExecutions(warm.workflow.id, 200)).map((e) => String(e.id));
		const cold = cluster.workers.filter((w) => !ids.some((id) => w.output().includes(`Worker started execution ${id} (`)));
		if (cold.length === 0) return;
		if (round === 5) log(`warm-up: ${cold.length} worker(s) ran none of the warm-up executions`);
	}
}

/** Runs one row: fires its executions at once, then counts what happened. */
async function runRow(setup, cluster) {
	const { key, row, sandbox, workflow } = setup;
	const sessions = SEED.sessions.all;
	const executions = row.sends / ITEMS_PER_EXECUTION;
	const texts = [];
	const loadBefore = load();
	const startedAt = Date.now();
	const started = performance.now();
	const responses = await Promise.all(
		Array.from({ length: executions }, async (_, e) => {
			const items = Array.from({ length: ITEMS_PER_EXECUTION }, (_, k) => {
				const text = `${key} e${e} i${k}`;
				texts.push(text);
				return { sessionId: sessions[(e * ITEMS_PER_EXECUTION + k) % sessions.length], text };
			});
			// node:http, not fetch: fetch gives up on an answer after 300 s (undici's headersTimeout), and a 1,200-send
			// execution answers when the 5-minute window lets its last item go.
			return await postJson(`${cluster.main.url}/webhook/wts-bench-queue/${key}`, { items });
		}),
	);
	let ms = performance.now() - started;
	let failed = 0;
	if (row.noOp) {
		// Timed to the last execution's stop (n8n's clock is this machine's).
		for (;;) {
			const list = await cluster.rest.listExecutions(workflow.id, executions + 5);
			const done = list.filter((e) => e.stoppedAt && !['new', 'running', 'waiting'].includes(e.status));
			if (done.length >= executions) {
				ms = Math.max(...done.map((e) => Date.parse(e.stoppedAt))) - startedAt;
				failed = done.filter((e) => e.status !== 'success').length * ITEMS_PER_EXECUTION;
				break;
			}
			await new Promise((r) => setTimeout(r, 50));
		}
	}
	const loadAfter = load();
	for (const r of responses) {
		if (r.status !== 200 || (!row.noOp && !Array.isArray(r.body))) failed += ITEMS_PER_EXECUTION;
		else if (!row.noOp) failed += r.body.filter((o) => o?.error !== undefined || typeof o?.id !== 'string').length + Math.max(0, ITEMS_PER_EXECUTION - r.body.length);
	}
	const counts = new Map();
	for (const m of sandbox.state.messages.values()) {
		if ((m.text ?? '').startsWith(`${key} e`)) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
	}
	const duplicates = [...counts.values()].reduce((a, n) => a + Math.max(0, n - 1), 0);
	// The No Op row sends nothing: n8n's own time for the same executions and items.
	const lost = row.noOp ? 0 : texts.filter((t) => !counts.has(t)).length;
	const api = sandbox.requests.filter((q) => /^\/(core|chat|crm)\//.test(q.path));
	const rejected429 = api.filter((q) => q.status === 429).length;
	// BENCH_QUEUE_DUMP=<folder>: each row's requests (time from the first webhook call, status, execution) for study.
	if (process.env.BENCH_QUEUE_DUMP) {
		const rows = api.map((q) => [Date.parse(q.time) - startedAt, q.status, /e(\d+) i/.exec(q.body?.text ?? '')?.[1]]);
		writeFileSync(path.join(process.env.BENCH_QUEUE_DUMP, `${key}.json`), JSON.stringify(rows));
	}
	const ids = (await cluster.rest.listExecutions(workflow.id, executions + 5)).map((e) => String(e.id));
	const perWorker = cluster.workers.map((w) => ids.filter((id) => w.output().includes(`Worker started execution ${id} (`)).length);
	const floor = row.noOp ? 0 : floorMs(row.sends, DOCUMENTED);
	return {
		key,
		workers: cluster.workers.length,
		sends: row.sends,
		retryAfter: row.retryAfter,
		noOp: Boolean(row.noOp),
		ms,
		floorMs: floor,
		ratio: floor ? ms / floor : undefined,
		requests: api.length,
		rejected429,
		failed,
		duplicates,
		lost,
		perWorker,
		loadBefore,
		loadAfter,
	};
}

/**
 * Runs the plan in one cluster (workers added between worker counts, like the e2e leg); resolves to one result per
 * row, in the plan's order. `onRow` sees each result as it comes.
 */
export async function runQueueBench({ plan = FULL_PLAN, version = DEFAULT_VERSION, tgz: packed, log = (m) => process.stderr.write(`[bench:queue] ${m}\n`), onRow = () => {} } = {}) {
	const services = ensureQueueServices(log);
	if (!services.ok) throw new Error(`queue-mode benchmark cannot run here: ${services.why}`);
	const runtime = installedRuntime(version);
	if (!runtime) throw new Error(`n8n ${version} is not installed in the cache: run node scripts/n8n.mjs install --version ${version}`);
	if (!packed && buildIsStale()) await buildPackage({ log });
	const tgz = packed ?? (await packPackage({ log }));
	const maxWorkers = Math.max(...plan.workers);
	const folders = Array.from({ length: 1 + maxWorkers }, () => createUserFolder());
	let redis;
	let postgres;
	let warm;
	const setups = [];
	const cluster = { main: undefined, workers: [], rest: undefined };
	try {
		[redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
		const env = queueEnv(redis, postgres, randomBytes(24).toString('hex'));
		let index = 0;
		for (const workers of plan.workers) {
			for (const row of plan.rows) {
				index++;
				const key = rowKey(workers, row);
				const sandbox = await startSandbox({
					port: 0,
					quiet: true,
					rateLimitRetryAfter: row.retryAfter,
					requestLogLimit: 100_000,
				});
				// The setting the README asks teams to make: how many processes share the account.
				const credential = { id: `WtsQBenchCred${String(index).padStart(3, '0')}`, name: `WTS Chat bench ${key}` };
				const data = { apiToken: sandbox.token, baseUrl: sandbox.url, processes: workers };
				setups.push({ key, workers, row, sandbox, credential: { ...credential, type: CREDENTIAL_TYPE, data }, workflow: workflowFor(key, index, credential, row.noOp) });
			}
		}
		// Warm-up: every worker loads the node (its first execution of it costs ~1–2 s of module loading) before the
		// measured rows, as in a running deployment.
		const warmSandbox = await startSandbox({ port: 0, quiet: true, rateLimits: false });
		const warmCredential = { id: 'WtsQBenchCredWarm', name: 'WTS Chat bench warm-up' };
		warm = {
			sandbox: warmSandbox,
			credential: { ...warmCredential, type: CREDENTIAL_TYPE, data: { apiToken: warmSandbox.token, baseUrl: warmSandbox.url, processes: 1 } },
			workflow: workflowFor('warm', 0, warmCredential, false),
		};
		await Promise.all(folders.map((f) => installPackage(f, tgz)));
		await importCredentials(runtime, folders[0], [warm.credential, ...setups.map((s) => s.credential)], { env });
		await importWorkflows(runtime, folders[0], [warm.workflow, ...setups.map((s) => s.workflow)], { env });
		cluster.main = await startN8n(runtime, folders[0], { maxSeconds: 3600, env, logFile: path.join(folders[0], 'n8n.log') });
		log(`n8n ${version} main ready in ${(cluster.main.startupMs / 1000).toFixed(1)} s`);
		cluster.rest = new LineRest(cluster.main.url, version, (what) => log(`seen: ${what}`));
		await cluster.rest.ensureOwner();
		for (const s of [warm, ...setups]) await cluster.rest.activateWorkflow(s.workflow.id);
		const results = [];
		for (const workers of plan.workers) {
			const starting = [];
			for (let k = cluster.workers.length; k < workers; k++) starting.push(startQueueWorker(runtime, folders[1 + k], env, { maxSeconds: 3600 }));
			cluster.workers.push(...(await Promise.all(starting)));
			if (plan.warmUp) await warmUp(cluster, warm, log);
			log(`${workers} worker(s) ready`);
			for (const s of setups.filter((x) => x.workers === workers)) {
				const r = await runRow(s, cluster);
				log(line(r));
				results.push(r);
				onRow(r);
			}
		}
		return { version, nodeVersion: runtime.nodeVersion, results };
	} finally {
		for (const p of [...cluster.workers, cluster.main]) await p?.stop().catch(() => {});
		await Promise.all([redis?.stop(), postgres?.stop(), warm?.sandbox.close(), ...setups.map((s) => s.sandbox.close())].map((p) => p?.catch?.(() => {})));
		for (const f of folders) rmSync(f, { recursive: true, force: true });
		if (!packed) rmSync(path.dirname(tgz), { recursive: true, force: true });
	}
}

function line(r) {
	return `${r.workers} worker(s), ${r.sends} sends, ${r.noOp ? 'n8n alone (No Op node, nothing sent)' : r.retryAfter ? 'Retry-After' : 'no Retry-After'}: ${(r.ms / 1000).toFixed(2)} s${r.ratio ? ` (${r.ratio.toFixed(3)}× the ${r.floorMs / 1000} s floor)` : ''}; ${r.rejected429} × 429; ${r.failed} failed, ${r.duplicates} duplicates, ${r.lost} lost; executions per worker ${r.perWorker.join(' + ')}; load ${r.loadBefore} → ${r.loadAfter}`;
}

export function queueTable(run) {
	return [
		'| Workers | Sends | Retry-After | Wall | Floor | Wall / floor | 429s | Failed | Duplicates | Lost | Executions per worker | Load before → after (1, 5, 15 min) |',
		'|---|---|---|---|---|---|---|---|---|---|---|---|',
		...run.results.map(
			(r) =>
				`| ${r.workers} | ${r.sends.toLocaleString('en-US')} | ${r.noOp ? 'n8n alone (No Op)' : r.retryAfter ? 'yes' : 'no'} | ${(r.ms / 1000).toFixed(2)} s | ${r.floorMs ? `${r.floorMs / 1000} s` : '–'} | ${r.ratio ? `${r.ratio.toFixed(3)}×` : '–'} | ${r.rejected429} | ${r.failed} | ${r.duplicates} | ${r.lost} | ${r.perWorker.join(' + ')} | ${r.loadBefore} → ${r.loadAfter} |`,
		),
	].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
	const quick = process.argv.includes('--quick');
	const only = process.argv.find((a) => a.startsWith('--workers='))?.slice('--workers='.length);
	const plan = quick ? QUICK_PLAN : FULL_PLAN;
	if (only) plan.workers = only.split(',').map(Number);
	const sends = process.argv.find((a) => a.startsWith('--sends='))?.slice('--sends='.length);
	if (sends) plan.rows = plan.rows.filter((r) => r.sends === Number(sends) || (quick && (r.sends = Number(sends))));
	const started = new Date();
	runQueueBench({ plan })
		.then((run) => {
			process.stdout.write(`\nn8n ${run.version} (Node ${run.nodeVersion}) in queue mode, ${started.toISOString()}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}\n\n${queueTable(run)}\n`);
			if (process.argv.includes('--json')) process.stdout.write(`\n${JSON.stringify(run, null, 2)}\n`);
		})
		.catch((e) => {
			process.stderr.write(`${e?.stack ?? e}\n`);
			process.exit(1);
		});
}
