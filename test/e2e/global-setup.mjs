// Runs once before the end-to-end files: builds the package if dist/ is stale, packs it (npm pack), and makes sure
// the pinned n8n versions are installed in the cache (installing them on first use, with progress on stderr).
// Every pinned version marked `required` in scripts/n8n.mjs must install, or the suite fails here; a version that is
// not required and cannot be installed is said loudly and its files report their tests as skipped (never as passed).
// Redis and PostgreSQL for the queue-mode legs are made available here too (once, before files run side by side).
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { buildIsStale, buildPackage, cacheDir, ensureN8n, formatMs, packPackage, VERSIONS } from '../../scripts/n8n.mjs';
import { ensureQueueServices } from './lib/services.mjs';

const log = (msg) => process.stderr.write(`[e2e] ${msg}\n`);

export default async function setup(project) {
	const started = Date.now();
	const work = mkdtempSync(path.join(tmpdir(), 'wts-e2e-'));
	const timingsFile = path.join(work, 'timings.jsonl');
	log(`n8n cache: ${cacheDir()}`);
	if (buildIsStale()) await buildPackage({ log });
	const tgz = await packPackage({ destDir: work, log });

	const runtimes = {};
	const installErrors = {};
	const installs = {};
	// WTS_E2E_VERSIONS=1.123.81,2.8.4 limits a (local) run to some pinned versions; the others' files then report
	// their legs as skipped, never as passed. Unset (as in CI): every pinned version.
	const only = process.env.WTS_E2E_VERSIONS?.split(',').map((v) => v.trim()).filter(Boolean);
	for (const v of only ?? []) if (!VERSIONS[v]) throw new Error(`WTS_E2E_VERSIONS: ${v} is not pinned (${Object.keys(VERSIONS).join(', ')})`);
	for (const version of Object.keys(VERSIONS)) {
		if (only && !only.includes(version)) {
			installErrors[version] = `not selected (WTS_E2E_VERSIONS=${only.join(',')})`;
			log(`n8n ${version}: not selected by WTS_E2E_VERSIONS; its legs are SKIPPED in this run`);
			continue;
		}
		const t = Date.now();
		try {
			const rt = await ensureN8n(version, { log });
			runtimes[version] = {
				version: rt.version,
				major: rt.major,
				dir: rt.dir,
				bin: rt.bin,
				node: rt.node,
				nodeVersion: rt.nodeVersion,
				pathEnv: rt.pathEnv,
				install: rt.install,
			};
			installs[version] = {
				reused: rt.reused,
				ms: rt.reused ? rt.install.durationMs : Date.now() - t,
				at: rt.install.installedAt,
				freshTree: rt.install.freshTree !== false,
			};
			log(
				`n8n ${version}: ${rt.reused ? `installed earlier (that install took ${formatMs(rt.install.durationMs)})` : `installed now in ${formatMs(Date.now() - t)}`}, node ${rt.nodeVersion}`,
			);
		} catch (error) {
			if (VERSIONS[version].required) throw error;
			installErrors[version] = String(error?.message ?? error).slice(0, 4000);
			const bar = '!'.repeat(100);
			log(
				`\n${bar}\n!!! n8n ${version} could NOT be installed on this machine; its end-to-end leg is SKIPPED (not passed).\n!!! ${installErrors[version].split('\n').join('\n!!! ')}\n${bar}\n`,
			);
		}
	}
	const queueServices = ensureQueueServices((m) => log(`queue mode: ${m}`));
	project.provide('wtsE2e', { tgz, runtimes, installErrors, queueServices, timingsFile, setupMs: Date.now() - started });

	return () => {
		const lines = existsSync(timingsFile)
			? readFileSync(timingsFile, 'utf8')
					.trim()
					.split('\n')
					.filter(Boolean)
					.map((l) => JSON.parse(l))
			: [];
		const out = ['', '==== WTS Chat end-to-end timings ===='];
		for (const version of Object.keys(VERSIONS)) {
			const inst = installs[version];
			out.push(
				inst
					? `n8n ${version}: install ${formatMs(inst.ms)}${inst.freshTree ? '' : ' (npm completing an existing node_modules)'} — ${inst.reused ? `reused from the cache, installed ${inst.at}` : 'installed in this run'}`
					: `n8n ${version}: NOT INSTALLED — leg skipped: ${installErrors[version]?.split('\n')[0]}`,
			);
			for (const t of lines.filter((l) => l.version === version && l.seen)) out.push(`  seen: ${t.seen}`);
			for (const t of lines.filter((l) => l.version === version && !l.seen)) {
				out.push(
					`  ${t.what}: ${formatMs(t.ms)}${
						t.detail
							? ` (${Object.entries(t.detail)
									.map(([k, v]) => `${k} ${typeof v === 'number' ? formatMs(v) : v}`)
									.join(', ')})`
							: ''
					}`,
				);
			}
		}
		out.push(`whole e2e run (setup + files): ${formatMs(Date.now() - started)}`, '');
		process.stderr.write(`${out.join('\n')}\n`);
		rmSync(work, { recursive: true, force: true });
	};
}
