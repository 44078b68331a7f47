// The release path n8n can verify: the GitHub Actions workflows (CI: npm ci + npm test on Ubuntu with Node 20;
// release: publish both packages with npm provenance on a version tag) are valid workflow files, and n8n's
// community-package scanner (@n8n/scan-community-package, its analyse function, offline, via
// scripts/scan-package.mjs: the provenance and registry checks of its CLI need a published version) passes on the
// checkout and on the packed tarball.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VALIDATOR = path.join(ROOT, 'node_modules', '.bin', 'action-validator');
const temp = mkdtempSync(path.join(tmpdir(), 'wts-release-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** action-validator's verdict on a workflow file: {ok, output}. */
function validate(file) {
	try {
		return { ok: true, output: execFileSync(VALIDATOR, [file], { encoding: 'utf8', stdio: 'pipe' }) };
	} catch (error) {
		return { ok: false, output: `${error.stdout ?? ''}${error.stderr ?? ''}` };
	}
}
const workflow = (name) => readFileSync(path.join(ROOT, '.github', 'workflows', name), 'utf8');

describe('GitHub Actions workflows (validated with @action-validator/cli)', () => {
	it('ci.yml and release.yml are valid workflows', () => {
		for (const name of ['ci.yml', 'release.yml']) {
			const { ok, output } = validate(path.join(ROOT, '.github', 'workflows', name));
			expect(ok, `${name}: ${output}`).toBe(true);
		}
	});

	it('the validator refuses a broken workflow (the check can fail)', () => {
		const bad = path.join(temp, 'bad.yml');
		writeFileSync(bad, 'name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n');
		const { ok, output } = validate(bad);
		expect(ok).toBe(false);
		expect(output).toContain("Additional property 'stepz' is not allowed");
	});

	it('CI runs npm ci and npm test on Ubuntu with Node 20, with the n8n installs cached', () => {
		const ci = workflow('ci.yml');
		expect(ci).toMatch(/runs-on: ubuntu-latest/);
		expect(ci).toMatch(/node-version: 20\b/);
		expect(ci).toMatch(/- run: npm ci\n/);
		expect(ci).toMatch(/- run: npm test\n/);
		expect(ci).toMatch(/uses: actions\/cache@v4\n\s+with:\n\s+path: ~\/\.cache\/n8n-nodes-wts-chat\n/);
	});

	it('release publishes the node package and the migration package with provenance, on a version tag', () => {
		const release = workflow('release.yml');
		expect(release).toMatch(/on:\n\s+push:\n\s+tags: \['v\*\.\*\.\*'\]/);
		expect(release).toMatch(/permissions:\n\s+contents: read\n\s+id-token: write/);
		const publishes = [...release.matchAll(/npm publish --provenance --access public/g)];
		expect(publishes).toHaveLength(2);
		expect(release).toMatch(/working-directory: migrate\n\s+run: npm publish --provenance --access public/);
		expect(release).toContain('npm run build');
		expect(release).toContain('npm run build:migrate');
	});

	it('the packages are publishable from a public GitHub repository (provenance needs repository.url)', () => {
		for (const file of ['package.json', 'migrate/package.json']) {
			const pkg = JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));
			expect(pkg.repository.url, file).toMatch(/^git\+https:\/\/github\.com\/[\w-]+\/[\w.-]+\.git$/);
			expect(pkg.private, file).toBeUndefined();
		}
	});
});

/**
 * scripts/scan-package.mjs in a plain Node process, without vitest's NODE_ENV=test (with it eslint-plugin-n8n-nodes-base
 * takes every file name for a test fixture's and reports false errors): {status, results}.
 */
const ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')));
function scan(...args) {
	let stdout;
	let status = 0;
	try {
		stdout = execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'scan-package.mjs'), ...args], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe', env: ENV });
	} catch (error) {
		stdout = error.stdout;
		status = error.status;
	}
	return { status, results: stdout.trim().split('\n').map((l) => JSON.parse(l)) };
}

describe("n8n's community-package scanner (offline analyse, scripts/scan-package.mjs)", () => {
	it('passes on the checkout (package.json and the sources under nodes/ and credentials/) and on the tarball npm pack makes', () => {
		const { status, results } = scan();
		expect(results.map((r) => r.target.replace(/ .*/, ''))).toEqual(['checkout', 'tarball']);
		for (const r of results) expect(r.passed, `${r.target}: ${r.message}\n${r.details}`).toBe(true);
		expect(status).toBe(0);
	}, 180_000);

	it('fails a package that breaks its rules, e.g. a declaration file next to a credential (the check can fail)', () => {
		const dir = path.join(temp, 'bad-package');
		mkdirSync(path.join(dir, 'dist', 'credentials'), { recursive: true });
		writeFileSync(path.join(dir, 'package.json'), readFileSync(path.join(ROOT, 'package.json')));
		// what `tsc --declaration` writes next to the credential (the tarball shipped it before package.json excluded it)
		writeFileSync(
			path.join(dir, 'dist', 'credentials', 'WtsChatApi.credentials.d.ts'),
			"import type { ICredentialType } from 'n8n-workflow';\nexport declare class WtsChatApi implements ICredentialType {\n    name: string;\n}\n",
		);
		const { status, results } = scan(dir);
		expect(status).toBe(1);
		expect(results[0].passed).toBe(false);
		expect(results[0].details).toContain('cred-filename-against-convention');
		expect(results[0].details).toContain('1 problem');
	}, 120_000);
});
