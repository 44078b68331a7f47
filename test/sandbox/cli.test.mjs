import { describe, it, expect, afterEach } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../sandbox/contract/derive.mjs';
import { parseArgs } from '../../sandbox/cli.mjs';

const CLI = join(REPO_ROOT, 'sandbox', 'cli.mjs');

/** Children started by these tests; any still running after a test is stopped by its pid. */
const children = [];
afterEach(() => {
	for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
});

/** Starts the CLI and resolves with the child, its URL and collected output. */
function startCli(args, env = {}) {
	const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
	children.push(child);
	let out = '';
	const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
	const ready = new Promise((resolve, reject) => {
		child.stdout.on('data', (d) => {
			out += d;
			const m = /SANDBOX_URL=(\S+)/.exec(out);
			if (m) resolve(m[1]);
		});
		child.stderr.on('data', (d) => (out += d));
		child.on('exit', () => reject(new Error(`cli exited early:\n${out}`)));
	});
	return { child, ready, exited, output: () => out };
}

describe('cli', () => {
	it('parses flags and env', () => {
		expect(parseArgs(['--port', '4011', '--token=pn_x', '--no-rate-limit', '--latency', '50', '--parent-pid', '123', '--exit-after', '9'], {})).toMatchObject({
			port: 4011,
			token: 'pn_x',
			rateLimits: false,
			latencyMs: 50,
			parentPid: 123,
			exitAfter: 9,
		});
		expect(parseArgs([], { WTS_SANDBOX_PORT: '4555', WTS_SANDBOX_TOKEN: 'pn_env' })).toMatchObject({ port: 4555, token: 'pn_env' });
		expect(parseArgs([], {}).port).toBe(4010);
		expect(() => parseArgs(['--nope'], {})).toThrow(/unknown option/);
	});

	it('prints a banner, serves the API and stops on SIGTERM', async () => {
		const cli = startCli(['--port', '0', '--token', 'pn_cli'], { WTS_SANDBOX_TOKEN: 'ignored_because_flag_wins' });
		const url = await cli.ready;
		expect(cli.output()).toContain('Token    : pn_cli');
		expect(cli.output()).toMatch(/Ctrl\+C/);
		const r = await fetch(`${url}/core/v1/agent`, { headers: { authorization: 'Bearer pn_cli' } });
		expect(r.status).toBe(200);
		cli.child.kill('SIGTERM');
		expect(await cli.exited).toEqual({ code: 0, signal: null });
	});

	it('--exit-after stops by itself', async () => {
		const cli = startCli(['--port', '0', '--exit-after', '1']);
		await cli.ready;
		expect(await cli.exited).toEqual({ code: 0, signal: null });
		expect(cli.output()).toMatch(/stopping \(--exit-after 1\)/);
	}, 10_000);

	it('--parent-pid stops when the parent is gone', async () => {
		// a short-lived "parent"
		const parent = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 300)'], { stdio: 'ignore' });
		children.push(parent);
		const cli = startCli(['--port', '0', '--parent-pid', String(parent.pid)]);
		await cli.ready;
		expect(await cli.exited).toEqual({ code: 0, signal: null });
		expect(cli.output()).toMatch(/parent \d+ is gone/);
	}, 15_000);
});
