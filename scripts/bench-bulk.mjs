// Bulk benchmark (issue 12): the node's real code (its TypeScript sources, loaded by vitest like the tests load
// them) driven through our IExecuteFunctions harness (test/harness/n8n.mjs) over real HTTP against the sandbox.
//
//   npm run bench                 # full run: documented windows, 1,000 and 1,200 sends (~6 min), writes bench/RESULTS.md
//   npm run bench -- --quick      # short windows and small counts (~15 s); npm test runs it too (test/bench)
//   npm run bench -- --only=sends1000,returnAll
//
// The runner is test/bench/bench.test.mjs (vitest loads the TypeScript and n8n-workflow); this file holds the
// scenarios and the report; scripts/bench.mjs is the command that starts the runner.
// Scenarios: N × Session → Send Text with the documented windows (time vs the floor those windows allow, 429s,
// failed items, duplicates); 1,000 sends with 10 % injected 429/503/drops before or after the handler (lost,
// duplicates, items reported failed that were sent); Return All over 10,000 and 100,000 sessions (requests,
// time, RSS growth vs the size of the data); per-request overhead of the node vs a bare HTTP request.
// Not part of `npm test` (the full run takes about 6 minutes); a --quick run of it is (test/bench/bench.test.mjs).
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { rawRequest, runNode } from '../test/harness/n8n.mjs';
import { SEED, startSandbox } from '../sandbox/server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The earliest time (ms after the first request) request n-1 may go under these windows, with zero latency. */
export { floorMs } from './lib/floor.mjs';
import { floorMs } from './lib/floor.mjs';

const QUICK = {
	windows: { burst: { limit: 20, windowMs: 500 }, sustained: { limit: 60, windowMs: 3_000 }, send: { limit: 60, windowMs: 1_200 } },
	sends: 60,
	sendsOverSustained: 72,
	faultSends: 100,
	returnAll: [1_000],
	overhead: 50,
};
const FULL = {
	windows: undefined, // the documented ones
	sends: 1_000,
	sendsOverSustained: 1_200,
	faultSends: 1_000,
	returnAll: [10_000, 100_000],
	overhead: 500,
};

/**
 * Starts `node sandbox/cli.mjs --port 0 --quiet ...args` in its own process, runs `fn({url, token})`, stops it.
 */
export async function withSandboxProcess(args, fn) {
	const child = spawn(process.execPath, [path.join(ROOT, 'sandbox/cli.mjs'), '--port', '0', '--quiet', '--parent-pid', String(process.pid), ...args], {
		cwd: ROOT,
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	try {
		const url = await new Promise((resolve, reject) => {
			let out = '';
			child.stdout.on('data', (d) => {
				out += d;
				const m = /SANDBOX_URL=(\S+)/.exec(out);
				if (m) resolve(m[1]);
			});
			child.on('exit', (code) => reject(new Error(`sandbox exited (${code}) before it was ready: ${out}`)));
		});
		child.stdout.resume();
		const health = await (await fetch(`${url}/__sandbox/health`)).json();
		return await fn({ url, token: health.token });
	} finally {
		child.kill('SIGTERM');
		await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
	}
}

/**
 * Runs `fn` and measures this process's peak RSS growth over it: sampled every 5 ms, and the kernel's peak
 * (getrusage maxrss) when it rose during the run (it catches peaks between samples).
 */
export async function measureMemory(fn) {
	globalThis.gc?.();
	globalThis.gc?.();
	const rssBefore = process.memoryUsage().rss;
	const heapBefore = process.memoryUsage().heapUsed;
	const maxRssBefore = process.resourceUsage().maxRSS * 1024;
	let peak = rssBefore;
	let heapPeak = heapBefore;
	const sample = () => {
		const m = process.memoryUsage();
		peak = Math.max(peak, m.rss);
		heapPeak = Math.max(heapPeak, m.heapUsed);
	};
	const timer = setInterval(sample, 5);
	const started = performance.now();
	let result;
	try {
		result = await fn();
	} finally {
		clearInterval(timer);
	}
	const ms = performance.now() - started;
	sample();
	const maxRssAfter = process.resourceUsage().maxRSS * 1024;
	if (maxRssAfter > maxRssBefore) peak = Math.max(peak, maxRssAfter);
	return { result, ms, rssBefore, rssGrowth: peak - rssBefore, heapGrowth: heapPeak - heapBefore };
}

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;

/**
 * Runs the scenarios. `node` is a WtsChat instance factory and `pacing` the transport's pacing module (the
 * TypeScript sources under vitest, dist/ from the command line).
 */
export async function runBench({ quick = false, only, node, pacing, log = () => {} }) {
	const cfg = quick ? QUICK : FULL;
	const documented = pacing.DOCUMENTED_RATE_LIMITS;
	const windows = cfg.windows ?? documented;
	const accountWindows = [windows.burst, windows.sustained].filter(Boolean);
	const want = (name) => !only || only.includes(name);
	const results = [];
	const push = results.push.bind(results);
	results.push = (...rs) => {
		for (const r of rs) log(`${r.scenario}: ${r.figures} (floor ${r.floor}, ratio ${r.ratio})`);
		return push(...rs);
	};
	const sessionId = SEED.sessions.inProgress[0];

	async function withSandbox(options, fn) {
		const sandbox = await startSandbox({ port: 0, quiet: true, rateLimitRetryAfter: false, requestLogLimit: 200_000, ...options });
		pacing.setRateLimits(options.rateLimits === false ? { burst: false, sustained: false, send: false } : windows);
		try {
			return await fn(sandbox);
		} finally {
			await sandbox.close();
		}
	}
	const credentials = (sandbox) => ({ apiToken: sandbox.token, baseUrl: sandbox.url });

	async function sends(sandbox, n, tag) {
		const items = Array.from({ length: n }, (_, k) => ({ json: { k } }));
		const started = performance.now();
		const { output } = await runNode({
			node: node(),
			credentials: credentials(sandbox),
			items,
			onError: 'continueRegularOutput',
			parameters: (i) => ({ resource: 'session', operation: 'sendText', sessionId: { __rl: true, mode: 'id', value: sessionId }, text: `${tag} #${i}` }),
		});
		const ms = performance.now() - started;
		const out = output[0];
		const failed = out.filter((o) => o.json.error !== undefined);
		const counts = new Map();
		for (const m of sandbox.state.messages.values()) {
			if (typeof m.text === 'string' && m.text.startsWith(`${tag} #`)) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
		}
		let sent = 0;
		let duplicates = 0;
		let reportedFailedButSent = 0;
		let lost = 0;
		out.forEach((o, i) => {
			const c = counts.get(`${tag} #${i}`) ?? 0;
			if (c > 0) sent++;
			if (c > 1) duplicates += c - 1;
			if (o.json.error !== undefined && c > 0) reportedFailedButSent++;
			if (o.json.error === undefined && c === 0) lost++;
		});
		const api = sandbox.requests.filter((r) => /^\/(core|chat|crm)\//.test(r.path));
		return {
			ms,
			items: out.length,
			failed: failed.length,
			sent,
			duplicates,
			lost,
			reportedFailedButSent,
			rejected429: api.filter((r) => r.status === 429).length,
			requests: api.length,
			firstError: failed[0]?.json.error,
		};
	}

	for (const [name, n] of [
		['sends1000', cfg.sends],
		['sends1200', cfg.sendsOverSustained],
	]) {
		if (!want(name)) continue;
		log(`${n} × Send Text…`);
		const r = await withSandbox({ rateLimits: cfg.windows ?? undefined }, (sb) => sends(sb, n, `bench-${name}`));
		const floor = floorMs(n, accountWindows);
		results.push({
			scenario: `${n} × Session → Send Text (account windows)`,
			figures: `${fmt(r.ms)}; ${r.rejected429} × 429; ${r.failed} failed; ${r.duplicates} duplicates; ${r.sent}/${n} sent`,
			floor: fmt(floor),
			ratio: floor ? (r.ms / floor).toFixed(3) : '–',
			raw: { ...r, floorMs: floor },
		});
	}

	if (want('faults')) {
		const n = cfg.faultSends;
		log(`${n} × Send Text with 10 % injected faults…`);
		const r = await withSandbox({ rateLimits: cfg.windows ?? undefined }, async (sb) => {
			sb.faults.add({
				method: 'POST',
				path: '/chat/v1/session/*/message',
				rate: 0.1,
				kinds: [429, 503, '503:after', 502, '502:after', 'drop', 'drop:after'],
				seed: 12,
			});
			const result = await sends(sb, n, 'bench-faults');
			const injected = sb.requests.filter((q) => q.fault !== undefined);
			return { ...result, injected: injected.length, injectedAfter: injected.filter((q) => q.handlerStatus !== undefined).length };
		});
		// Lookups and resends are requests too: the floor is that of every request the run needed.
		const floor = floorMs(r.requests - r.rejected429, accountWindows);
		results.push({
			scenario: `${n} × Send Text, 10 % of sends answered 429/502/503 or dropped (before or after WTS processed them)`,
			figures: `${fmt(r.ms)}; ${r.requests} requests; ${r.injected} faults injected (${r.injectedAfter} after processing); ${r.lost} lost; ${r.duplicates} duplicates; ${r.reportedFailedButSent} reported failed but sent; ${r.failed} failed; ${r.sent}/${n} sent`,
			floor: fmt(floor),
			ratio: floor ? (r.ms / floor).toFixed(3) : '–',
			raw: { ...r, floorMs: floor },
		});
	}

	if (want('returnAll')) {
		for (const n of cfg.returnAll) {
			log(`Return All over ${n} sessions (sandbox in its own process)…`);
			// The sandbox runs in a child process (node sandbox/cli.mjs --bulk-sessions N), so the RSS measured here is
			// that of the node (and this runner) alone, not of the sandbox building and serializing pages.
			const r = await withSandboxProcess(['--no-rate-limit', '--bulk-sessions', String(n)], async (sb) => {
				pacing.setRateLimits({ burst: false, sustained: false, send: false });
				const mem = await measureMemory(() =>
					runNode({
						node: node(),
						credentials: { apiToken: sb.token, baseUrl: sb.url },
						parameters: { resource: 'session', operation: 'getMany', returnAll: true, simplify: false },
					}),
				);
				const { output } = mem.result;
				const dataBytes = Buffer.byteLength(JSON.stringify(output[0].map((o) => o.json)));
				const requests = await (await fetch(`${sb.url}/__sandbox/requests`)).json();
				const pages = requests.filter((q) => q.path === '/chat/v2/session').length;
				return { ms: mem.ms, items: output[0].length, pages, dataBytes, rssGrowth: mem.rssGrowth, heapGrowth: mem.heapGrowth, rssBefore: mem.rssBefore };
			});
			results.push({
				scenario: `Return All over ${n.toLocaleString('en')} sessions (Get Many, Simplify off; sandbox in its own process)`,
				figures: `${fmt(r.ms)}; ${r.pages} requests for ${r.items} items; node process peak RSS growth ${(r.rssGrowth / 1e6).toFixed(0)} MB for ${(r.dataBytes / 1e6).toFixed(0)} MB of data (${(r.rssGrowth / r.dataBytes).toFixed(2)}×); heap growth ${(r.heapGrowth / 1e6).toFixed(0)} MB`,
				floor: `${Math.ceil(n / 100)} requests; RSS ≤ 2× data`,
				ratio: `${(r.pages / Math.ceil(n / 100)).toFixed(3)}; ${(r.rssGrowth / r.dataBytes).toFixed(2)}×`,
				raw: r,
			});
		}
	}

	if (want('overhead')) {
		const n = cfg.overhead;
		log(`Per-request overhead over ${n} reads…`);
		const r = await withSandbox({ rateLimits: false }, async (sb) => {
			const url = `${sb.url}/chat/v2/session/${sessionId}`;
			const headers = { Authorization: `Bearer ${sb.token}`, Accept: 'application/json' };
			let started = performance.now();
			for (let k = 0; k < n; k++) await rawRequest({ method: 'GET', url, headers, json: true });
			const bare = performance.now() - started;
			started = performance.now();
			await runNode({
				node: node(),
				credentials: credentials(sb),
				items: Array.from({ length: n }, () => ({ json: {} })),
				parameters: { resource: 'session', operation: 'get', sessionId: { __rl: true, mode: 'id', value: sessionId } },
			});
			const viaNode = performance.now() - started;
			return { bare, viaNode, n };
		});
		results.push({
			scenario: `${n} × Session → Get, node vs a bare HTTP request (no rate limits)`,
			figures: `node ${(r.viaNode / n).toFixed(2)} ms/request; bare HTTP ${(r.bare / n).toFixed(2)} ms/request; overhead ${((r.viaNode - r.bare) / n).toFixed(2)} ms/request`,
			floor: `${(r.bare / n).toFixed(2)} ms`,
			ratio: (r.viaNode / r.bare).toFixed(3),
			raw: r,
		});
	}
	pacing.setRateLimits();
	return results;
}

export function table(results) {
	const rows = results.map((r) => `| ${r.scenario} | ${r.figures} | ${r.floor} | ${r.ratio} |`);
	return ['| Scenario | Measured | Floor | Ratio |', '|---|---|---|---|', ...rows].join('\n');
}

/** bench/RESULTS.md for a full run. */
export function resultsMarkdown(results, started, command = 'npm run bench') {
	return [
		'# Bulk benchmark results',
		'',
		`- Date: ${started.toISOString()}`,
		`- Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.release()}, Node ${process.version} (shared with other work while it ran)`,
		`- Command: \`${command}\``,
		"- What runs: the node's TypeScript sources through the IExecuteFunctions harness of the tests (test/harness/n8n.mjs), over real HTTP against the sandbox with the documented windows (200 requests / 5 s and 1,000 / 5 min per account; sends 1,000 / 2 min). Floors: the earliest the last request may go under those windows with zero latency (request k+200 no earlier than request k + 5 s; request k+1000 no earlier than request k + 300 s).",
		'- Return All: the sandbox runs in its own process (`node sandbox/cli.mjs --port 0 --no-rate-limit --bulk-sessions N`, N copies of a seeded session), so the peak RSS growth is that of the process running the node alone (the benchmark runner: sampled every 5 ms, plus the kernel\'s peak from getrusage when it rose during the run). Data: the JSON bytes of the records returned. Goal: growth ≤ 2× the data.',
		'',
		table(results),
		'',
		'Raw figures:',
		'',
		'```json',
		JSON.stringify(results.map((r) => ({ scenario: r.scenario, ...r.raw })), null, 2),
		'```',
		'',
	].join('\n');
}

export function writeResults(results, started) {
	mkdirSync(path.join(ROOT, 'bench'), { recursive: true });
	writeFileSync(path.join(ROOT, 'bench/RESULTS.md'), resultsMarkdown(results, started));
}
