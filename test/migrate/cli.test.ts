/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-hardcoded-secrets -- tests of the migrate command-line tool (not node code): files, processes, a loopback server */
// The two ways in: files (one workflow, a folder, `export:workflow --all` output) and a running n8n through its
// public API, here a small fake of /api/v1 on 127.0.0.1 that records every request: the dry run changes nothing,
// --apply creates inactive copies, --in-place writes a backup first; nothing is ever activated.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { main } from '../../migrate/src/cli';
import type { Workflow } from '../../migrate/src/types';
import { ACTIONS, workflowOf } from './fixtures/legacy-actions.mjs';

const REPO = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(__dirname, 'fixtures');
const realistic = () => JSON.parse(readFileSync(path.join(FIXTURES, 'realistic-legacy.json'), 'utf8')) as Workflow;
const tmp = mkdtempSync(path.join(tmpdir(), 'wts-migrate-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const dir = (name: string) => {
	const d = path.join(tmp, name);
	mkdirSync(d, { recursive: true });
	return d;
};
const readJson = (p: string) => JSON.parse(readFileSync(p, 'utf8'));

let logs: string[] = [];
beforeEach(() => {
	logs = [];
	vi.spyOn(console, 'log').mockImplementation((...a) => void logs.push(a.join(' ')));
	vi.spyOn(console, 'error').mockImplementation((...a) => void logs.push(a.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

describe('files', () => {
	it('one workflow file → the converted file, the report; the original untouched', async () => {
		const out = dir('one');
		const src = path.join(FIXTURES, 'realistic-legacy.json');
		const before = readFileSync(src, 'utf8');
		expect(await main([src, '--out', out])).toBe(0);
		expect(readdirSync(out).sort()).toEqual(['migration-report.md', 'realistic-legacy.json']);
		const wf = readJson(path.join(out, 'realistic-legacy.json'));
		expect(wf.nodes.filter((n: { type: string }) => n.type === 'n8n-nodes-wts-chat.wtsChat')).toHaveLength(5);
		expect(wf.nodes.filter((n: { type: string }) => n.type === 'n8n-nodes-wts.wtsChat')).toHaveLength(0);
		expect(readFileSync(src, 'utf8')).toBe(before);
		const report = readFileSync(path.join(out, 'migration-report.md'), 'utf8');
		expect(report).toContain('## Workflow "Follow up open sessions (legacy WTS node)"');
		expect(logs.join('\n')).toContain('1 of 1 workflows had legacy WTS nodes');
	});

	it('a folder: every workflow file converted under the same relative path; files without legacy nodes or workflows are not written', async () => {
		const input = dir('folder-in');
		mkdirSync(path.join(input, 'sub'), { recursive: true });
		ACTIONS.forEach((a, i) => writeFileSync(path.join(input, i % 2 ? 'sub' : '', `a${i}.json`), JSON.stringify(workflowOf(a, i))));
		writeFileSync(path.join(input, 'other.json'), JSON.stringify({ name: 'no wts', nodes: [], connections: {} }));
		writeFileSync(path.join(input, 'notes.json'), JSON.stringify({ hello: 1 }));
		const out = dir('folder-out');
		expect(await main([input, '--out', out])).toBe(0);
		expect(readdirSync(out).filter((f) => f.endsWith('.json'))).toHaveLength(20);
		expect(readdirSync(path.join(out, 'sub'))).toHaveLength(19);
		const report = readFileSync(path.join(out, 'migration-report.md'), 'utf8');
		expect(report).toContain('- Workflows read: 40; with legacy WTS nodes: 39');
		expect(report).toContain('- Legacy nodes converted: 39 of 39');
		expect(report).toContain('notes.json (no workflow in it)');
	});

	it('export:workflow --all output (an array) stays an array; --credentials gives credentials.json with the prefix-mapped Base URL', async () => {
		const input = path.join(dir('export-in'), 'all.json');
		writeFileSync(input, JSON.stringify([realistic(), { id: 'plain1', name: 'Plain', nodes: [], connections: {} }]));
		const creds = path.join(tmp, 'creds.json');
		writeFileSync(creds, JSON.stringify([{ id: 'Cred0000000WtsA1', name: 'WTS production', type: 'wtsApi', data: { apiKey: 'test_SECRET' } }, { id: 'x', name: 'Other', type: 'httpBasicAuth', data: {} }]));
		const out = dir('export-out');
		expect(await main([input, '--out', out, '--credentials', creds])).toBe(0);
		const all = readJson(path.join(out, 'all.json'));
		expect(all.map((w: Workflow) => w.name)).toEqual(['Follow up open sessions (legacy WTS node)', 'Plain']);
		const credentials = readJson(path.join(out, 'credentials.json'));
		expect(credentials).toEqual([{ id: expect.stringMatching(/^[A-Za-z0-9]{16}$/), name: 'WTS production (WTS Chat)', type: 'wtsChatApi', data: { apiToken: 'SECRET', baseUrl: 'https://api-test.helena.run' } }]);
		const refs = all[0].nodes.filter((n: { type: string }) => n.type === 'n8n-nodes-wts-chat.wtsChat').map((n: { credentials: unknown }) => n.credentials);
		expect(new Set(refs.map((r: unknown) => JSON.stringify(r)))).toEqual(new Set([JSON.stringify({ wtsChatApi: { id: credentials[0].id, name: 'WTS production (WTS Chat)' } })]));
		const report = readFileSync(path.join(out, 'migration-report.md'), 'utf8');
		expect(report).toContain(`Created with the legacy token (ID \`${credentials[0].id}\`)`);
		expect(report).toContain('import them first with `n8n import:credentials');
	});

	it('usage errors exit 2: no --out, files and --n8n-url together, --in-place without --apply', async () => {
		expect(await main([path.join(FIXTURES, 'realistic-legacy.json')])).toBe(2);
		expect(await main(['x.json', '--n8n-url', 'http://127.0.0.1:1', '--api-key', 'k'])).toBe(2);
		expect(await main(['--n8n-url', 'http://127.0.0.1:1', '--api-key', 'k', '--in-place'])).toBe(2);
		expect(logs.join('\n')).toContain('Usage:');
	});

	it('`npm run migrate -- <file> --out <dir>` builds the package and runs its bin', () => {
		const out = dir('npm-run');
		const stdout = execFileSync('npm', ['run', '--silent', 'migrate', '--', path.join(FIXTURES, 'realistic-legacy.json'), '--out', out], { cwd: REPO, encoding: 'utf8' });
		expect(stdout).toContain('report: ');
		expect(readdirSync(out).sort()).toEqual(['migration-report.md', 'realistic-legacy.json']);
		const pkg = readJson(path.join(REPO, 'migrate', 'package.json'));
		expect(pkg.bin['n8n-nodes-wts-chat-migrate']).toBe('dist/cli.js');
		expect(pkg.dependencies).toBeUndefined();
		expect(readFileSync(path.join(REPO, 'migrate', pkg.bin['n8n-nodes-wts-chat-migrate']), 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
	}, 120_000);
});

// ------------------------------------------------------------------ a fake n8n public API

interface Fake {
	url: string;
	key: string;
	workflows: Map<string, Workflow>;
	requests: Array<{ method: string; path: string; body?: unknown }>;
	credentials: Array<Record<string, unknown>>;
	close: () => Promise<void>;
}

const ALLOWED_BODY = new Set(['name', 'nodes', 'connections', 'settings', 'staticData']);

async function fakeN8n(initial: Workflow[]): Promise<Fake> {
	const key = 'n8n_api_test_key';
	const workflows = new Map(initial.map((w) => [String(w.id), structuredClone(w)]));
	const requests: Fake['requests'] = [];
	const credentials: Fake['credentials'] = [];
	let next = 1;
	const server: Server = createServer(async (req, res) => {
		let raw = '';
		for await (const chunk of req) raw += chunk;
		const body = raw ? JSON.parse(raw) : undefined;
		const url = new URL(req.url!, 'http://x');
		requests.push({ method: req.method!, path: url.pathname, body });
		const send = (status: number, data: unknown) => {
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(data));
		};
		if (req.headers['x-n8n-api-key'] !== key) return send(401, { message: 'unauthorized' });
		const m = url.pathname.match(/^\/api\/v1\/workflows(?:\/([^/]+))?(?:\/(activate|deactivate))?$/);
		if (m && req.method === 'GET' && !m[1]) {
			// pages of 2, as n8n pages with a cursor
			const all = [...workflows.values()];
			const start = Number(url.searchParams.get('cursor') ?? 0);
			return send(200, { data: all.slice(start, start + 2), nextCursor: start + 2 < all.length ? String(start + 2) : null });
		}
		if (m && req.method === 'GET') return workflows.has(m[1]) ? send(200, workflows.get(m[1])) : send(404, { message: 'not found' });
		if (m && req.method === 'POST' && !m[1]) {
			const extra = Object.keys(body).filter((k) => !ALLOWED_BODY.has(k));
			if (extra.length) return send(400, { message: `request/body must NOT have additional properties: ${extra}` });
			const id = `created${next++}`;
			const wf = { ...body, id, active: false };
			workflows.set(id, wf);
			return send(200, wf);
		}
		if (m && req.method === 'PUT') {
			const extra = Object.keys(body).filter((k) => !ALLOWED_BODY.has(k));
			if (extra.length) return send(400, { message: `request/body must NOT have additional properties: ${extra}` });
			const wf = { ...workflows.get(m[1])!, ...body };
			workflows.set(m[1], wf);
			return send(200, wf);
		}
		if (m && m[2] && req.method === 'POST') {
			const wf = workflows.get(m[1])!;
			wf.active = m[2] === 'activate';
			return send(200, wf);
		}
		if (url.pathname === '/api/v1/credentials/schema/wtsChatApi' && req.method === 'GET') {
			// as n8n 2.x: the credential's fields plus its "Allowed HTTP Request Domains" choice
			return send(200, { type: 'object', properties: { apiToken: { type: 'string' }, baseUrl: { type: 'string' }, allowedHttpRequestDomains: { type: 'string' } } });
		}
		if (url.pathname === '/api/v1/credentials' && req.method === 'POST') {
			// n8n 2.8.4 answers this when the domains choice is left out (its schema's if/then requires the list)
			if (!body.data?.allowedHttpRequestDomains) return send(400, { message: 'request.body.data requires property "allowedDomains"' });
			const c = { id: `cred${credentials.length + 1}`, ...body };
			credentials.push(c);
			return send(200, { id: c.id, name: body.name, type: body.type });
		}
		return send(404, { message: 'no route' });
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	server.unref();
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		key,
		workflows,
		requests,
		credentials,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

describe('a running n8n through its public API (fake on 127.0.0.1)', () => {
	const legacyA = realistic(); // active
	const legacyB = { ...(workflowOf(ACTIONS[6], 1) as Workflow), id: 'LegacyFlow000002', active: false };
	const plain = { id: 'Plain00000000001', name: 'No WTS', nodes: [], connections: {}, active: true, settings: {} };
	const mutations = (f: Fake) => f.requests.filter((r) => r.method !== 'GET');

	it('dry run (default): reads every page, changes nothing in n8n, prints the report', async () => {
		const f = await fakeN8n([legacyA, plain, legacyB]);
		expect(await main(['--n8n-url', f.url, '--api-key', f.key])).toBe(0);
		expect(mutations(f)).toEqual([]);
		expect(f.requests.filter((r) => r.path === '/api/v1/workflows').length).toBe(2);
		expect([...f.workflows.values()]).toEqual([legacyA, plain, legacyB]);
		const out = logs.join('\n');
		expect(out).toContain('2 workflows with legacy WTS nodes (dry run: nothing written to n8n)');
		expect(out).toContain('Dry run: nothing was written to n8n.');
		expect(out).toContain('## Workflow "Follow up open sessions (legacy WTS node)" (ID `LegacyFlow000001`)');
		await f.close();
	});

	it('dry run with --out writes the report only', async () => {
		const f = await fakeN8n([legacyA]);
		const out = dir('dry-out');
		expect(await main(['--n8n-url', f.url, '--api-key', f.key, '--out', out])).toBe(0);
		expect(readdirSync(out)).toEqual(['migration-report.md']);
		expect(mutations(f)).toEqual([]);
		await f.close();
	});

	it('--apply: each converted workflow created as a new inactive workflow next to its original; credentials created; nothing activated', async () => {
		const f = await fakeN8n([legacyA, plain, legacyB]);
		const creds = path.join(tmp, 'api-creds.json');
		writeFileSync(creds, JSON.stringify([{ id: 'Cred0000000WtsA1', name: 'WTS production', type: 'wtsApi', data: { apiKey: 'pn_REAL' } }]));
		const out = dir('apply-out');
		expect(await main(['--n8n-url', f.url, '--api-key', f.key, '--apply', '--credentials', creds, '--out', out])).toBe(0);
		expect(mutations(f).map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/v1/credentials', 'POST /api/v1/workflows', 'POST /api/v1/workflows']);
		expect(f.requests.filter((r) => r.path === '/api/v1/credentials/schema/wtsChatApi')).toHaveLength(1);
		expect(f.requests.some((r) => r.path.endsWith('/activate'))).toBe(false);
		expect(f.credentials).toEqual([
			{ id: 'cred1', name: 'WTS production (WTS Chat)', type: 'wtsChatApi', data: { apiToken: 'pn_REAL', baseUrl: 'https://api.wts.chat', allowedHttpRequestDomains: 'all' } },
		]);
		// originals unchanged, copies inactive with the converted nodes and the new credential's ID
		expect(f.workflows.get('LegacyFlow000001')).toEqual(legacyA);
		const created = [...f.workflows.values()].filter((w) => String(w.id).startsWith('created'));
		expect(created.map((w) => [w.name, w.active])).toEqual([
			['Follow up open sessions (legacy WTS node) (WTS Chat)', false],
			[`${legacyB.name} (WTS Chat)`, false],
		]);
		const converted = created[0].nodes.filter((n) => n.type === 'n8n-nodes-wts-chat.wtsChat');
		expect(converted).toHaveLength(5);
		expect(converted.every((n) => JSON.stringify(n.credentials) === JSON.stringify({ wtsChatApi: { id: 'cred1', name: 'WTS production (WTS Chat)' } }))).toBe(true);
		expect(created[0].settings).toEqual({ executionOrder: 'v1', timezone: 'America/Sao_Paulo' });
		// legacyB's credential (legacyCred1 / "WTS account") had no token given: referenced by name, to fill in
		expect(created[1].nodes[1].credentials).toEqual({ wtsChatApi: { name: 'WTS account (WTS Chat)' } });
		const report = readFileSync(path.join(out, 'migration-report.md'), 'utf8');
		expect(report).toContain(
			'Created workflow "Follow up open sessions (legacy WTS node) (WTS Chat)" (ID created1, inactive) from "Follow up open sessions (legacy WTS node)" (ID LegacyFlow000001); the original was not changed. The original is active: deactivate it when you activate the copy, so both do not run.',
		);
		expect(report).toContain('| WTS account | WTS account (WTS Chat) |  | **To create by hand**');
		await f.close();
	});

	it('--apply --in-place: a backup file of each original first, then replaced; an active one is deactivated, never activated', async () => {
		const f = await fakeN8n([legacyA, plain, legacyB]);
		const out = dir('inplace-out');
		expect(await main(['--n8n-url', f.url, '--api-key', f.key, '--apply', '--in-place', '--out', out])).toBe(0);
		expect(readdirSync(out).sort()).toEqual(['backup-LegacyFlow000001.json', 'backup-LegacyFlow000002.json', 'migration-report.md']);
		expect(readJson(path.join(out, 'backup-LegacyFlow000001.json'))).toEqual(legacyA);
		expect(readJson(path.join(out, 'backup-LegacyFlow000002.json'))).toEqual(legacyB);
		expect(mutations(f).map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /api/v1/workflows/LegacyFlow000001/deactivate',
			'PUT /api/v1/workflows/LegacyFlow000001',
			'PUT /api/v1/workflows/LegacyFlow000002',
		]);
		expect(f.workflows.get('LegacyFlow000001')!.active).toBe(false);
		expect(f.workflows.get('LegacyFlow000001')!.nodes.filter((n) => n.type === 'n8n-nodes-wts.wtsChat')).toEqual([]);
		expect(f.workflows.get('Plain00000000001')).toEqual(plain);
		const report = readFileSync(path.join(out, 'migration-report.md'), 'utf8');
		expect(report).toContain('It was active: it was deactivated before the change; activate it again once checked.');
		await f.close();
	});

	it('--workflow limits the run to the IDs given; a wrong API key is an error', async () => {
		const f = await fakeN8n([legacyA, legacyB]);
		expect(await main(['--n8n-url', f.url, '--api-key', f.key, '--workflow', 'LegacyFlow000002', '--apply', '--out', dir('one-id')])).toBe(0);
		expect(mutations(f).map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/v1/workflows']);
		await expect(main(['--n8n-url', f.url, '--api-key', 'wrong'])).rejects.toThrow(/HTTP 401/);
		await f.close();
	});
});
