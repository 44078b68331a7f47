// package.json and the codex say what ships and where the node is found.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { WtsChat } from '../../../nodes/WtsChat/WtsChat.node';

const node = new WtsChat();

describe('package metadata', () => {
	it('is found in the nodes panel under the white-label names (codex aliases)', () => {
		const codex = JSON.parse(readFileSync(new URL('../../../nodes/WtsChat/WtsChat.node.json', import.meta.url), 'utf8'));
		for (const alias of ['Helena', 'FLW', 'FLW Chat', 'WTS']) expect(codex.alias).toContain(alias);
	});

	it("describes only resources the node ships in package.json's description", () => {
		const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
		const resources = (node.description.properties.find((p) => p.name === 'resource')?.options ?? []).map((o) =>
			String(o.value).toLowerCase(),
		);
		const claims = [
			[/\bcontacts?\b/i, 'contact'],
			[/\bcrm\b|\bcards?\b|\bpanels?\b/i, 'card'],
			[/\bchatbots?\b/i, 'chatbot'],
			[/\bsequences?\b/i, 'sequence'],
			[/\bagents?\b|\bdepartments?\b/i, 'agent'],
			[/\bwebhooks?\b|\btrigger\b/i, 'webhook'],
		];
		for (const [pattern, resource] of claims) {
			if (pattern.test(pkg.description)) expect(resources, `package.json mentions ${resource}`).toContain(resource);
		}
		expect(pkg.description).toMatch(/session/i);
	});
});

describe('the packed package', () => {
	it('ships the built nodes and credential, and no build leftovers (tsconfig.tsbuildinfo, declaration files, stale compiled files)', () => {
		const root = fileURLToPath(new URL('../../../', import.meta.url));
		const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }));
		const files = pack.files.map((f) => f.path);
		expect(files.filter((f) => /tsbuildinfo$/.test(f))).toEqual([]);
		expect(files.filter((f) => !/^dist\//.test(f)).sort()).toEqual(['LICENSE', 'README.md', 'package.json']);
		expect(strayFiles(files, root)).toEqual([]);
	});

	it('the stray-file check catches leftovers: build info, compiled files of deleted sources, anything else', () => {
		const root = fileURLToPath(new URL('../../../', import.meta.url));
		expect(
			strayFiles(['dist/tsconfig.tsbuildinfo', 'dist/nodes/WtsChat/actions/tag/gone.operation.js', 'dist/test/x.test.js', 'dist/.DS_Store', 'dist/credentials/WtsChatApi.credentials.d.ts', 'dist/nodes/WtsChat/WtsChat.node.js'], root),
		).toEqual(['dist/tsconfig.tsbuildinfo', 'dist/nodes/WtsChat/actions/tag/gone.operation.js', 'dist/test/x.test.js', 'dist/.DS_Store', 'dist/credentials/WtsChatApi.credentials.d.ts']);
	});
});

/**
 * Files of the tarball that are not the build of a source: a dist/ file must be the compiled output (.js, .js.map;
 * no .d.ts: n8n's scanner refuses a credential's declaration file) of a .ts file that exists under nodes/ or credentials/, an icon or codex file that exists there (or in
 * icons/), or dist/package.json (tsconfig includes package.json); anything else is a leftover.
 */
function strayFiles(files, root) {
	return files.filter((f) => {
		if (!f.startsWith('dist/')) return false;
		const rel = f.slice('dist/'.length);
		if (rel === 'package.json') return false;
		const compiled = /^((?:nodes|credentials)\/.+?)(?:\.js|\.js\.map)$/.exec(rel);
		if (compiled) return !existsSync(`${root}${compiled[1]}.ts`);
		if (/^(nodes|credentials|icons)\/.+\.(svg|png|node\.json)$/.test(rel)) return !existsSync(`${root}${rel}`);
		return true;
	});
}

describe('README migration table', () => {
	const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
	const table = readme.slice(readme.indexOf('### Migrating from `n8n-nodes-wts`'));
	const rows = [...table.matchAll(/^\| ([A-Za-z]+) → ([^|]+?) \| ([A-Za-z ]+) → ([^|]+?) \|/gm)].map((m) => ({
		legacy: `${m[1]} → ${m[2].trim()}`,
		resource: m[3].trim().toLowerCase().replace(/ /g, ''),
		operation: m[4].trim(),
	}));

	it('names each of the 10 legacy Session actions next to the operation of this node that replaces it', () => {
		const legacy = ['Get All Sessions', 'Get Session By ID', 'ChangeStatus', 'Complete Session', 'Transfer Session', 'Transfer to User', 'UpdateSession', 'Send Text In Session', 'Send File In Session', 'Send Template In Session'];
		expect(rows.filter((r) => r.legacy.startsWith('Session → ')).map((r) => r.legacy.slice(10)).sort()).toEqual([...legacy].sort());
	});

	it('points every row at an operation the node has', () => {
		for (const row of rows) {
			const operation = node.description.properties.find(
				(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.some((r) => r.toLowerCase() === row.resource),
			);
			expect(operation, row.legacy).toBeDefined();
			expect(operation.options.map((o) => o.name), row.legacy).toContain(row.operation);
		}
	});
});
