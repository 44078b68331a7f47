// `npm start -- --n8n <version>` for every pinned version besides the default one (npm-start.test.mjs covers the
// default, 2.8.4, in depth; the newest of a line is asked for as `--n8n 1.x` / `2.x`): a first start on a new data folder prints the editor URL and a demo login that works, the
// examples are listed, no owner set-up is pending, and Ctrl+C frees the n8n and sandbox ports.
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';

import { N8nRest } from '../../scripts/lib/n8n-rest.mjs';
import { DEFAULT_VERSION, portIsFree, VERSIONS } from '../../scripts/n8n.mjs';
import { loadExamples } from './lib/leg.mjs';
import { notRun } from './lib/not-run.mjs';
import { interrupt, stopLeftRunning, startScript } from './lib/start-script.mjs';

const ctx = inject('wtsE2e');
const exampleIds = Object.values(loadExamples()).map((wf) => wf.id);
const running = new Set();
const dataDirs = [];

afterAll(async () => {
	await stopLeftRunning(running);
	for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

for (const version of Object.keys(VERSIONS).filter((v) => v !== DEFAULT_VERSION)) {
	if (!ctx.runtimes[version]) {
		notRun(`npm start -- --n8n ${version}`, ctx.installErrors[version] ?? 'not installed');
		continue;
	}
	// the newest pinned version of a line is asked for by its line (--n8n 1.x / 2.x), which start.mjs resolves
	const line = version.split('.')[0];
	const newestOfLine = Object.keys(VERSIONS)
		.filter((v) => v.split('.')[0] === line)
		.sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))
		.at(-1);
	const asked = newestOfLine === version ? `${line}.x` : version;
	describe(`npm start -- --n8n ${asked} (n8n ${version})`, () => {
		it('first start on a new folder: the printed login opens the Workflows list with the examples; Ctrl+C frees both ports', async () => {
			const dataDir = mkdtempSync(path.join(tmpdir(), `wts-start-e2e-${version}-`));
			dataDirs.push(dataDir);
			const run = await startScript({ version: asked, dataDir, tgz: ctx.tgz, running });
			appendFileSync(ctx.timingsFile, `${JSON.stringify({ version, what: 'npm start: first start on a new folder → ready (login printed)', ms: run.readyMs })}\n`);
			const out = run.output();
			expect(run.version, out).toBe(version);
			expect(run.url, out).toBe(`http://127.0.0.1:${run.port}`);
			expect(run.login, `no "Log in: <e-mail> password: <password>" line in:\n${out}`).toBeDefined();
			expect(await new N8nRest(run.url).ownerSetupPending()).toBe(false);
			const rest = new N8nRest(run.url);
			expect(await rest.login(run.login)).toMatchObject({ email: run.login.email, isOwner: true });
			expect((await rest.listWorkflows()).map((w) => w.id).sort()).toEqual([...exampleIds].sort());
			// our node is there, as a community node
			const nodes = (await rest.request('GET', '/types/nodes.json')).body;
			expect(nodes.filter((n) => n.name === 'n8n-nodes-wts-chat.wtsChat')).toHaveLength(1);

			const { exit, ms } = await interrupt(run);
			appendFileSync(ctx.timingsFile, `${JSON.stringify({ version, what: 'npm start: Ctrl+C → n8n and sandbox stopped', ms })}\n`);
			expect(exit, run.output()).toEqual({ code: 0, signal: null });
			expect(await portIsFree(run.port)).toBe(true);
			expect(await portIsFree(run.sandboxPort)).toBe(true);
		});
	});
}
