#!/usr/bin/env node
// Bulk benchmark in one real n8n (issue 12, item 4): the same N calls (Session → Get of one session, N items)
// through our node and through n8n's own HTTP Request node with our credential (Authentication: Predefined
// Credential Type → WTS Chat API), side by side in the same n8n run. What a user who has no WTS Chat node would
// build with the HTTP Request node is measured twice: as it comes (no batching, no retry) and with its
// Batching option set to the documented burst window (200 items per 5 s).
//
//   node scripts/bench-n8n.mjs            # 1,000 items per workflow (npm run bench:n8n)
//   node scripts/bench-n8n.mjs --quick    # 250 items per workflow (one burst window over: the HTTP Request node meets
//                                         # 50 × 429, our node waits for the window; about 30 s with the n8n start)
//   node scripts/bench-n8n.mjs --json     # also print the raw figures as JSON
//
// Each workflow gets its own sandbox (documented windows: 200 requests / 5 s and 1,000 / 5 min per account, no
// Retry-After as in production), so every workflow starts with a fresh account; the sandboxes run in this
// process, n8n 2.8.4 (the cached install, scripts/n8n.mjs) in its own. Builds and packs the package first (dist/).
// Measured per workflow: wall time of the webhook call that runs it (answers when the run is over), requests the
// sandbox received, 429s among them, items that came out with an error, items that came out with the session.
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { SEED, startSandbox } from '../sandbox/server.mjs';
import { N8nRest } from './lib/n8n-rest.mjs';
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
} from './n8n.mjs';
import { startN8n } from './n8n.mjs';

const SESSION_ID = SEED.sessions.inProgress[0];
/** Items of the --quick run: one burst window (200) over, so the comparison still shows something. */
export const QUICK_ITEMS = 250;

const VARIANTS = [
	{ key: 'node', label: 'WTS Chat node: Session → Get (Simplify off)' },
	{ key: 'http', label: 'HTTP Request node, WTS Chat API credential (defaults: no batching, no retry)' },
	{ key: 'httpBatched', label: 'HTTP Request node, WTS Chat API credential, Batching 200 items / 5,000 ms' },
];

function workflowFor(variant, sandbox, index) {
	const credential = { id: `WtsBenchCred0${index}`, name: `WTS Chat bench ${variant.key}` };
	const slug = `wts-bench/${variant.key}`;
	const call =
		variant.key === 'node'
			? {
					name: 'Call',
					type: NODE_TYPE,
					typeVersion: 1,
					position: [440, 0],
					parameters: { resource: 'session', operation: 'get', sessionId: { __rl: true, mode: 'id', value: SESSION_ID }, simplify: false, options: {} },
					credentials: { [CREDENTIAL_TYPE]: credential },
					onError: 'continueRegularOutput',
				}
			: {
					name: 'Call',
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					position: [440, 0],
					parameters: {
						url: `${sandbox.url}/chat/v2/session/${SESSION_ID}`,
						authentication: 'predefinedCredentialType',
						nodeCredentialType: CREDENTIAL_TYPE,
						options: variant.key === 'httpBatched' ? { batching: { batch: { batchSize: 200, batchInterval: 5000 } } } : {},
					},
					credentials: { [CREDENTIAL_TYPE]: credential },
					onError: 'continueRegularOutput',
				};
	const workflow = {
		id: `WtsBench${variant.key.padEnd(8, '0').slice(0, 8)}`,
		name: `bench: ${variant.label}`,
		active: false,
		nodes: [
			{
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: `0be0c000-0000-4000-8000-${String(index).padStart(12, '0')}`,
				parameters: { httpMethod: 'POST', path: slug, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
			},
			{ name: 'Items', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [220, 0], parameters: { fieldToSplitOut: 'body.items', options: {} } },
			call,
		],
		connections: {
			Webhook: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Call', type: 'main', index: 0 }]] },
		},
		// Only the webhook's answer is read: n8n does not have to store 1,000 items per run.
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'none', saveDataErrorExecution: 'none', saveManualExecutions: false },
		pinData: {},
		tags: [],
	};
	return { credential: { ...credential, type: CREDENTIAL_TYPE, data: { apiToken: sandbox.token, baseUrl: sandbox.url } }, workflow, slug };
}

/** Runs the side-by-side benchmark; resolves to one result per variant. */
export async function runN8nBench({ items = 1000, version = DEFAULT_VERSION, log = (m) => process.stderr.write(`[bench:n8n] ${m}\n`) } = {}) {
	if (buildIsStale()) await buildPackage({ log });
	const tgz = await packPackage({ log });
	// The cached install only (node scripts/n8n.mjs install --version 2.8.4 makes it): a benchmark never installs n8n.
	const runtime = installedRuntime(version);
	if (!runtime) throw new Error(`n8n ${version} is not installed in the cache: run node scripts/n8n.mjs install --version ${version}`);
	const sandboxes = [];
	const userFolder = createUserFolder();
	let n8n;
	try {
		for (let k = 0; k < VARIANTS.length; k++) {
			sandboxes.push(await startSandbox({ port: 0, quiet: true, rateLimitRetryAfter: false, requestLogLimit: 100_000 }));
		}
		const setups = VARIANTS.map((v, k) => workflowFor(v, sandboxes[k], k + 1));
		await installPackage(userFolder, tgz);
		await importCredentials(runtime, userFolder, setups.map((s) => s.credential));
		await importWorkflows(runtime, userFolder, setups.map((s) => s.workflow));
		n8n = await startN8n(runtime, userFolder, { maxSeconds: 1800, logFile: path.join(userFolder, 'n8n.log') });
		log(`n8n ${version} ready in ${(n8n.startupMs / 1000).toFixed(1)} s at ${n8n.url}`);
		const rest = new N8nRest(n8n.url);
		await rest.ensureOwner();
		for (const s of setups) await rest.activateWorkflow(s.workflow.id);

		const body = JSON.stringify({ items: Array.from({ length: items }, (_, k) => ({ k })) });
		const results = [];
		for (let k = 0; k < VARIANTS.length; k++) {
			const variant = VARIANTS[k];
			const sandbox = sandboxes[k];
			log(`${items} × ${variant.label}…`);
			const started = performance.now();
			const res = await fetch(`${n8n.url}/webhook/${setups[k].slug}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
			const text = await res.text();
			const ms = performance.now() - started;
			let out;
			try {
				out = JSON.parse(text);
			} catch {
				throw new Error(`${variant.key}: n8n answered HTTP ${res.status}: ${text.slice(0, 300)}`);
			}
			if (!Array.isArray(out)) out = [out];
			const api = sandbox.requests.filter((r) => r.path.startsWith('/chat/'));
			const failedItems = out.filter((o) => o.error !== undefined || o.id !== SESSION_ID);
			const r = {
				key: variant.key,
				scenario: `${items} × ${variant.label}`,
				httpStatus: res.status,
				ms,
				items: out.length,
				ok: out.length - failedItems.length,
				failed: failedItems.length,
				requests: api.length,
				rejected429: api.filter((q) => q.status === 429).length,
				firstError: failedItems[0] ? JSON.stringify(failedItems[0].error ?? failedItems[0]).slice(0, 200) : undefined,
			};
			log(`  ${(ms / 1000).toFixed(2)} s; ${r.requests} requests, ${r.rejected429} × 429; ${r.ok} ok, ${r.failed} failed`);
			results.push(r);
		}
		return { version, nodeVersion: runtime.nodeVersion, startupMs: n8n.startupMs, results };
	} finally {
		await n8n?.stop().catch(() => {});
		for (const s of sandboxes) await s.close().catch(() => {});
		rmSync(userFolder, { recursive: true, force: true });
		rmSync(path.dirname(tgz), { recursive: true, force: true });
	}
}

export function n8nTable(run) {
	return [
		'| Workflow (one n8n run) | Time | Requests | 429s | Items OK | Items failed |',
		'|---|---|---|---|---|---|',
		...run.results.map((r) => `| ${r.scenario} | ${(r.ms / 1000).toFixed(2)} s | ${r.requests} | ${r.rejected429} | ${r.ok} | ${r.failed} |`),
	].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
	const quick = process.argv.includes('--quick');
	const started = new Date();
	runN8nBench({ items: quick ? QUICK_ITEMS : 1000 })
		.then((run) => {
			process.stdout.write(
				`\nn8n ${run.version} (Node ${run.nodeVersion}), ${started.toISOString()}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load average ${os.loadavg()[0].toFixed(1)}\n\n${n8nTable(run)}\n`,
			);
			if (process.argv.includes('--json')) process.stdout.write(`\n${JSON.stringify(run, null, 2)}\n`);
		})
		.catch((e) => {
			process.stderr.write(`${e?.stack ?? e}\n`);
			process.exit(1);
		});
}
