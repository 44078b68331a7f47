#!/usr/bin/env node
// Renders README.md's operations tables from the built registry (run `npm run build` first; `npm run docs` does
// both). `--check` exits 1 when README.md differs (the unit test test/nodes/WtsChat/actions/registry.test.ts makes
// the same check from the sources).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { renderReadmeIndex as renderReadme } from './lib/operations-table.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const registry = createRequire(import.meta.url)(path.join(root, 'dist', 'nodes', 'WtsChat', 'actions', 'registry.js'));
const file = path.join(root, 'README.md');
const have = readFileSync(file, 'utf8');
const want = renderReadme(have, registry);
if (process.argv.includes('--check')) {
	if (have !== want) {
		process.stderr.write('README.md operations tables are not current: run npm run docs\n');
		process.exit(1);
	}
} else if (have !== want) {
	writeFileSync(file, want);
	process.stderr.write('README.md: operations tables rendered from the registry\n');
}
