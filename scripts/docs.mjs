#!/usr/bin/env node
// Renders the pages under docs/ from the built node (`npm run docs` builds first and renders README's operations index
// with scripts/readme.mjs; scripts/lib/docs/build.mjs), from the registry, docs/src/ (the hand-written parts), the stored
// example outputs in docs/captures/ (`npm run docs:capture` refreshes them) and error probes run now against an
// in-process sandbox. `--check` writes nothing and exits 1 when a file differs (the unit test
// test/docs/docs.test.mjs makes the same check from the sources).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { renderDocs } from './lib/docs/build.mjs';
import { builtDeps, ROOT } from './lib/docs/deps.mjs';

const check = process.argv.includes('--check');
const pages = await renderDocs(ROOT, builtDeps());
const stale = [];
for (const [rel, text] of Object.entries(pages)) {
	const file = path.join(ROOT, rel);
	const have = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
	if (have === text) continue;
	stale.push(rel);
	if (!check) {
		mkdirSync(path.dirname(file), { recursive: true });
		writeFileSync(file, text);
	}
}
if (check && stale.length) {
	process.stderr.write(`docs not current (run npm run docs):\n  ${stale.join('\n  ')}\n`);
	process.exit(1);
}
process.stderr.write(`docs: ${Object.keys(pages).length} pages, ${stale.length} ${check ? 'stale' : 'written'}\n`);
