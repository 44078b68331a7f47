#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --only=sends1000,sends1200,faults,returnAll,overhead,n8n]`: runs the bulk benchmark
// (scripts/bench-bulk.mjs) through vitest, which loads the node's TypeScript and n8n-workflow like the tests do,
// then the side-by-side run in one real n8n (scripts/bench-n8n.mjs: our node vs n8n's HTTP Request node with our
// credential; 1,000 items, 250 with --quick). A full run writes bench/RESULTS.md; the n8n part replaces its own
// section of it (so `--only=n8n` refreshes just that section).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { n8nTable, QUICK_ITEMS, runN8nBench } from './bench-n8n.mjs';
import { FULL_PLAN, QUICK_PLAN, queueTable, runQueueBench } from './bench-queue.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? '';
const only = onlyArg ? onlyArg.split(',') : undefined;
const vitestScenarios = only ? only.filter((s) => s !== 'n8n' && s !== 'queue') : undefined;

function runVitest() {
	const env = {
		...process.env,
		BENCH_MODE: quick ? 'quick' : 'full',
		BENCH_ONLY: vitestScenarios ? vitestScenarios.join(',') : '',
		NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --expose-gc`.trim(),
	};
	const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
	const child = spawn(process.execPath, [vitest, 'run', '--config', 'vitest.config.mjs', 'test/bench/bench.test.mjs'], {
		cwd: root,
		env,
		stdio: 'inherit',
	});
	return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

const BEGIN = '<!-- bench:n8n -->';
const END = '<!-- /bench:n8n -->';

function n8nSection(run, started, command) {
	return [
		BEGIN,
		'## In one real n8n: our node vs the HTTP Request node with our credential',
		'',
		`- Date: ${started.toISOString()}; n8n ${run.version} (Node ${run.nodeVersion}, started in ${(run.startupMs / 1000).toFixed(1)} s); ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load average at the end ${os.loadavg()[0].toFixed(1)}`,
		`- Command: \`${command}\` (scripts/bench-n8n.mjs; \`node scripts/bench-n8n.mjs --quick\` for 250 items)`,
		'- Each workflow: Webhook → Items (Split Out, one item per entry) → the call, Continue On Fail (regular output) on the call; one sandbox per workflow with the documented windows (200 requests / 5 s, 1,000 / 5 min) and no Retry-After (as in production), so each starts with a fresh account. Time: the webhook call that runs the workflow (it answers when the run is over). Floor for 1,000 requests: 20.00 s.',
		'',
		n8nTable(run),
		'',
		END,
	].join('\n');
}

const code = vitestScenarios && vitestScenarios.length === 0 ? 0 : await runVitest();
let failed = code !== 0;
if (!only || only.includes('n8n')) {
	const started = new Date();
	try {
		const run = await runN8nBench({ items: quick ? QUICK_ITEMS : 1000 });
		process.stdout.write(`\n${n8nTable(run)}\n`);
		if (!quick) {
			const file = path.join(root, 'bench/RESULTS.md');
			const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Bulk benchmark results\n';
			const section = n8nSection(run, started, `npm run bench${only ? ` -- --only=${onlyArg}` : ''}`);
			const i = current.indexOf(BEGIN);
			const j = current.indexOf(END);
			const next = i >= 0 && j > i ? current.slice(0, i) + section + current.slice(j + END.length) : `${current.trimEnd()}\n\n${section}\n`;
			writeFileSync(file, next);
		}
		for (const r of run.results) {
			if (r.key === 'node' && (r.failed || r.rejected429)) {
				process.stderr.write(`[bench:n8n] our node: ${r.failed} failed, ${r.rejected429} × 429 (expected none)\n`);
				failed = true;
			}
		}
	} catch (e) {
		process.stderr.write(`[bench:n8n] ${e?.stack ?? e}\n`);
		failed = true;
	}
}
// The queue-mode benchmark (scripts/bench-queue.mjs) runs only when asked (--only=queue): the full one takes ~35 min.
if (only?.includes('queue')) {
	const started = new Date();
	const uptime = () => spawnSync('uptime', [], { encoding: 'utf8' }).stdout.trim();
	const before = uptime();
	try {
		const run = await runQueueBench({ plan: quick ? QUICK_PLAN : FULL_PLAN });
		const after = uptime();
		process.stdout.write(`\n${queueTable(run)}\n`);
		if (!quick) {
			const Q_BEGIN = '<!-- bench:queue -->';
			const Q_END = '<!-- /bench:queue -->';
			const section = [
				Q_BEGIN,
				'## Queue mode: several n8n workers on one WTS Chat account',
				'',
				`- Date: ${started.toISOString()}; n8n ${run.version} (Node ${run.nodeVersion}) in queue mode (main + workers, Redis and PostgreSQL from Debian); ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'} shared with other work`,
				`- Command: \`npm run bench -- --only=${onlyArg}\` (scripts/bench-queue.mjs)`,
				`- \`uptime\` before: \`${before}\`; after: \`${after}\``,
				'- Each row: its own sandbox (a fresh account) with the documented windows (200 requests / 5 s, 1,000 / 5 min), with or without Retry-After on 429; sends / 100 webhook executions of Webhook → Split Out → Session → Send Text (100 items each, Continue On Fail), fired at once; the credential\'s Processes Sharing the Account = the worker count; rows one after another. Floor: what the windows allow (1,000 sends: 20 s; 1,200: 300 s). "n8n alone (No Op)": the same 1,000 items through a No Operation node in place of Send Text (nothing sent): n8n\'s own time for those executions.',
				'',
				queueTable(run),
				'',
				Q_END,
			].join('\n');
			const file = path.join(root, 'bench/RESULTS.md');
			const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Bulk benchmark results\n';
			const i = current.indexOf(Q_BEGIN);
			const j = current.indexOf(Q_END);
			const next = i >= 0 && j > i ? current.slice(0, i) + section + current.slice(j + Q_END.length) : `${current.trimEnd()}\n\n${section}\n`;
			writeFileSync(file, next);
		}
		writeFileSync(path.join(os.tmpdir(), `wts-bench-queue-${quick ? 'quick' : 'full'}.json`), JSON.stringify({ started, before, after, run }, null, 2));
	} catch (e) {
		process.stderr.write(`[bench:queue] ${e?.stack ?? e}\n`);
		failed = true;
	}
}
process.exit(failed ? 1 : 0);
