#!/usr/bin/env node
// n8n's community-package scanner (@n8n/scan-community-package), offline: its analyse function (the ESLint rules
// n8n's verification applies) on the checkout (package.json and the sources under nodes/ and credentials/, as it
// lints the source a provenance attestation points at) and on the tarball `npm pack` makes (as it lints the published
// package). Its CLI's other checks need a published version (registry metadata, npm provenance) and run on the
// registry after a release.
//   node scripts/scan-package.mjs [--checkout] [--tarball] [dir]   (both when neither is given; dir: lint only that)
// Prints one JSON line per target {target, passed, message?, details?}; exits 1 when one fails.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
const both = !args.includes('--checkout') && !args.includes('--tarball');
const results = [];
if (dir) results.push({ target: dir, ...(await analyzePackage(path.resolve(dir))) });
if (!dir && (both || args.includes('--checkout'))) results.push({ target: 'checkout', ...(await analyzePackage(ROOT, SOURCE_FILE_PATTERNS)) });
if (!dir && (both || args.includes('--tarball'))) {
	const temp = mkdtempSync(path.join(tmpdir(), 'wts-scan-'));
	try {
		const [pack] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', temp], { cwd: ROOT, encoding: 'utf8' }));
		execFileSync('tar', ['-xzf', path.join(temp, pack.filename), '-C', temp]);
		results.push({ target: `tarball ${pack.filename} (${pack.entryCount} files)`, ...(await analyzePackage(path.join(temp, 'package'))) });
	} finally {
		rmSync(temp, { recursive: true, force: true });
	}
}
for (const r of results) process.stdout.write(`${JSON.stringify({ target: r.target, passed: r.passed, message: r.message, details: r.details })}\n`);
process.exit(results.every((r) => r.passed) ? 0 : 1);
