import { describe, it, expect, afterEach } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../sandbox/contract/derive.mjs';
import { parseArgs } from '../../sandbox/cli.mjs';
import { SEED } from '../../sandbox/seed.mjs';

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

	it('--check-responses / WTS_SANDBOX_CHECK_RESPONSES switch the response check on', () => {
		expect(parseArgs([], {}).checkResponses).toBe(false);
		expect(parseArgs(['--check-responses'], {}).checkResponses).toBe(true);
		expect(parseArgs([], { WTS_SANDBOX_CHECK_RESPONSES: '1' }).checkResponses).toBe(true);
		expect(parseArgs([], { WTS_SANDBOX_CHECK_RESPONSES: 'true' }).checkResponses).toBe(true);
		expect(parseArgs([], { WTS_SANDBOX_CHECK_RESPONSES: '0' }).checkResponses).toBe(false);
		expect(parseArgs(['--check-responses'], { WTS_SANDBOX_CHECK_RESPONSES: 'off' }).checkResponses).toBe(true);
		expect(() => parseArgs([], { WTS_SANDBOX_CHECK_RESPONSES: 'maybe' })).toThrow(/not a boolean/);
	});

	it('--check-responses prints response drift to stderr', async () => {
		// lenient mode lets an off-contract status through; the session answered afterwards drifts from the contract
		const cli = startCli(['--port', '0', '--lenient', '--check-responses']);
		const url = await cli.ready;
		expect(cli.output()).toMatch(/Mode {5}: lenient, .*response checks on/);
		const id = SEED.sessions.inProgress[0];
		const r = await fetch(`${url}/chat/v1/session/${id}/status`, {
			method: 'PUT',
			headers: { authorization: 'Bearer pn_sandbox_token', 'content-type': 'application/json' },
			body: JSON.stringify({ newStatus: 'ON_HOLD' }),
		});
		expect(r.status).toBe(200);
		const deadline = Date.now() + 5000;
		while (!/RESPONSE DRIFT/.test(cli.output()) && Date.now() < deadline) await new Promise((res) => setTimeout(res, 50));
		expect(cli.output()).toContain('[sandbox] RESPONSE DRIFT PUT /chat/v1/session/{id}/status');
		expect(cli.output()).toMatch(/\[sandbox\] {3}- response\.status: "ON_HOLD" is not one of/);
		cli.child.kill('SIGTERM');
		expect(await cli.exited).toEqual({ code: 0, signal: null });
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
