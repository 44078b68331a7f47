#!/usr/bin/env node
// Several processes on one WTS Chat account, without n8n: each child process loads the node's built transport
// (dist/: the pacing and retry code n8n runs) and sends its executions' items one after another, like a worker
// running E executions of 100 Session → Send Text items at once; one sandbox counts the account's windows. A
// development tool for the pacing (issue 25): seconds per scenario instead of an n8n cluster, and the 5-minute
// window can be shortened (--long=60 keeps 1,000 requests per 60 s) so the long-window behaviour shows in a minute.
//
//   npm run build && node scripts/sim-queue.mjs --split=3,3,2,2 [--long=300] [--no-retry-after] [--item-ms=2]
//     [--item-cpu=6] [--jitter] [--stagger=150] [--show-429]
//
// --split: executions per process (100 items each), one number per process; "Processes Sharing the Account" is
// their count unless --processes=N. Prints wall / floor, 429s, failed, duplicates, lost.
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? dflt;

if (process.argv.includes('--child')) {
	const require = createRequire(import.meta.url);
	const pacing = require(path.join(root, 'dist/nodes/WtsChat/transport/pacing.js'));
	const { withRetries } = require(path.join(root, 'dist/nodes/WtsChat/transport/attempts.js'));
	const cfg = JSON.parse(process.env.SIM_CFG);
	pacing.setRateLimits(cfg.limits);
	const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
	const send = (sessionId, text) => () =>
		new Promise((resolve, reject) => {
			inflight++;
			const data = JSON.stringify({ text });
			const req = http.request(
				`${cfg.url}/chat/v1/session/${sessionId}/message`,
				{ method: 'POST', agent, headers: { 'x-sim-proc': String(cfg.index), authorization: `Bearer ${cfg.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } },
				(res) => {
					let body = '';
					res.setEncoding('utf8');
					res.on('data', (c) => (body += c));
					res.on('end', () => {
						const now = Date.now();
						if (res.statusCode === 429 && process.env.SIM_DEBUG) {
							const inLast = (ms) => okTimes.filter((t) => t > now - ms).length;
							process.stderr.write(`[p${cfg.index}] 429 at ${((now - t0) / 1000).toFixed(2)} own in 5 s ${inLast(5000)}, in long ${inLast(cfg.limits.sustained.windowMs)}, inflight ${inflight}\n`);
						}
						if (res.statusCode < 300) okTimes.push(now);
						inflight--;
						resolve({ statusCode: res.statusCode, headers: res.headers, body });
					});
				},
			);
			req.on('error', (e) => reject(Object.assign(e, { code: e.code ?? 'ECONNRESET' })));
			req.end(data);
		});
	const itemMs = cfg.itemMs;
	const okTimes = [];
	let inflight = 0;
	let t0 = 0;
	const pause = (ms) => new Promise((r) => setTimeout(r, ms));
	process.on('message', async (m) => {
		if (m?.go === undefined) return;
		t0 = m.go;
		// --stagger=ms: process i starts i × ms later (n8n hands the executions out over a few hundred ms)
		if (cfg.stagger) await pause(cfg.index * cfg.stagger);
		const account = pacing.accountKey(cfg.url, cfg.token);
		let failed = 0;
		let sent = 0;
		await Promise.all(
			cfg.executions.map(async (e) => {
				for (let k = 0; k < 100; k++) {
					// --jitter: each item takes 0–2× --item-ms (workers drift out of step, as n8n's do)
					if (itemMs) await pause(cfg.jitter ? itemMs * 2 * Math.random() : itemMs);
					// --item-cpu: the item's own work in the process (n8n's per-item CPU): processes on the same cores slow
					// each other down, as n8n's workers do
					if (cfg.itemCpu) {
						const until = performance.now() + cfg.itemCpu;
						while (performance.now() < until);
						await new Promise((r) => setImmediate(r));
					}
					const rc = {
						node: { name: 'Send Text', type: 'sim', typeVersion: 1, position: [0, 0], parameters: {}, id: 'sim' },
						itemIndex: k,
						idempotent: false,
						pacing: { account, path: '/chat/v1/session/{id}/message', processes: cfg.processes },
						maxRateLimitWaitMs: cfg.maxWaitMs,
					};
					try {
						await withRetries(rc, send(cfg.sessions[(e * 100 + k) % cfg.sessions.length], `${cfg.tag} e${e} i${k}`));
						sent++;
					} catch (error) {
						failed++;
						if (failed <= 3) process.stderr.write(`[child ${process.pid}] ${error.message}\n`);
					}
				}
			}),
		);
		process.send({ failed, sent }, () => process.exit(0));
	});
	process.send('ready');
} else {
	const { startSandbox, SEED } = await import('../sandbox/server.mjs');
	const { floorMs } = await import('./lib/floor.mjs');
	const split = arg('split', '5,5').split(',').map(Number);
	const processes = Number(arg('processes', split.length));
	const longMs = Number(arg('long', 300)) * 1000;
	const retryAfter = !process.argv.includes('--no-retry-after');
	const limits = { burst: { limit: 200, windowMs: 5_000 }, sustained: { limit: 1_000, windowMs: longMs } };
	const sandbox = await startSandbox({ port: 0, quiet: true, rateLimits: limits, rateLimitRetryAfter: retryAfter, requestLogLimit: 100_000 });
	let e = 0;
	const tag = `sim${Date.now()}`;
	const children = split.map((n, index) => {
		const executions = Array.from({ length: n }, () => e++);
		const cfg = { index, url: sandbox.url, token: sandbox.token, limits, processes, executions, sessions: SEED.sessions.all, tag, maxWaitMs: Number(arg('max-wait', longMs / 1000)) * 1000, itemMs: Number(arg('item-ms', 0)), itemCpu: Number(arg('item-cpu', 0)), jitter: process.argv.includes('--jitter'), stagger: Number(arg('stagger', 0)) };
		return fork(fileURLToPath(import.meta.url), ['--child'], { env: { ...process.env, SIM_CFG: JSON.stringify(cfg) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	});
	await Promise.all(children.map((c) => new Promise((r) => c.once('message', r))));
	const started = performance.now();
	const results = await Promise.all(children.map((c) => (c.send({ go: Date.now() }), new Promise((r) => c.once('message', (m) => r({ ...m, at: performance.now() - started }))))));
	const ms = performance.now() - started;
	const sends = e * 100;
	const counts = new Map();
	for (const m of sandbox.state.messages.values()) if ((m.text ?? '').startsWith(`${tag} e`)) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
	const duplicates = [...counts.values()].reduce((a, n) => a + Math.max(0, n - 1), 0);
	const api = sandbox.requests.filter((q) => /^\/(core|chat|crm)\//.test(q.path));
	const r429 = api.filter((q) => q.status === 429);
	const floor = floorMs(sends, [limits.burst, limits.sustained]);
	console.log(
		`split ${split.join('+')} (processes ${processes}), ${sends} sends, long ${longMs / 1000} s, ${retryAfter ? 'Retry-After' : 'no Retry-After'}: ${(ms / 1000).toFixed(2)} s = ${(ms / floor).toFixed(3)}× the ${floor / 1000} s floor; ${r429.length} × 429; failed ${results.reduce((a, r) => a + r.failed, 0)}; duplicates ${duplicates}; lost ${sends - counts.size}; per process done at ${results.map((r) => (r.at / 1000).toFixed(1)).join(' / ')} s`,
	);
	if (process.argv.includes('--show-429')) {
		const t0 = Date.parse(api[0]?.time);
		console.log(`  429s (process @ s): ${r429.map((q) => `${q.headers['x-sim-proc']}@${((Date.parse(q.time) - t0) / 1000).toFixed(2)}`).join(' ')}`);
	}
	await sandbox.close();
}
