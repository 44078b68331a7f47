#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --only=sends1000,sends1200,faults,returnAll,overhead]`: runs the bulk benchmark
// (scripts/bench-bulk.mjs) through vitest, which loads the node's TypeScript and n8n-workflow like the tests do.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const env = {
	...process.env,
	BENCH_MODE: args.includes('--quick') ? 'quick' : 'full',
	BENCH_ONLY: args.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? '',
	NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --expose-gc`.trim(),
};
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
const child = spawn(process.execPath, [vitest, 'run', '--config', 'vitest.config.mjs', 'test/bench/bench.test.mjs'], {
	cwd: root,
	env,
	stdio: 'inherit',
});
child.on('exit', (code) => process.exit(code ?? 1));
