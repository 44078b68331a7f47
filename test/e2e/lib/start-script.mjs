// Runs scripts/start.mjs (`npm start`) as a user does, for the npm start legs of the end-to-end suite: on an isolated
// data folder (--data-dir), with the package global-setup.mjs packed (--package) and free ports, until it printed its
// ready block; Ctrl+C as in a terminal.
import { spawn } from 'node:child_process';
import path from 'node:path';

import { freePort } from '../../../scripts/n8n.mjs';
import { REPO } from './leg.mjs';

/** Runs scripts/start.mjs until it printed its ready block; resolves to the parsed block and the process. */
export async function startScript({ version, dataDir, tgz, running, timeoutMs = 90_000 }) {
	const port = await freePort();
	const sandboxPort = await freePort();
	const env = { ...process.env };
	for (const k of ['WTS_NO_SANDBOX', 'WTS_START_DIR', 'WTS_API_TOKEN']) delete env[k];
	const started = Date.now();
	const child = spawn(
		process.execPath,
		[
			path.join(REPO, 'scripts', 'start.mjs'),
			...['--n8n', version, '--port', String(port), '--sandbox-port', String(sandboxPort)],
			...['--data-dir', dataDir, '--package', tgz],
		],
		{ cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	let output = '';
	child.stdout.on('data', (c) => (output += c));
	child.stderr.on('data', (c) => (output += c));
	const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
	let exit;
	exited.then((e) => (exit = e));
	running.add(child);
	exited.then(() => running.delete(child));

	while (!/^Stop: press Ctrl\+C/m.test(output)) {
		if (exit) throw new Error(`start.mjs exited (${JSON.stringify(exit)}) before it was ready:\n${output}`);
		if (Date.now() - started > timeoutMs) throw new Error(`start.mjs was not ready after ${timeoutMs} ms:\n${output}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	const readyMs = Date.now() - started;
	const ready = /^n8n (\S+) is ready \([^)]*\):\s+(http:\/\/\S+)\s*$/m.exec(output);
	const login = /^\s+Log in:\s+(\S+@\S+)\s+password:\s+(\S+)/m.exec(output);
	return {
		child,
		output: () => output,
		exited,
		readyMs,
		port,
		sandboxPort,
		url: ready?.[2],
		version: ready?.[1],
		login: login ? { email: login[1], password: login[2] } : undefined,
	};
}

/** Ctrl+C, as in a terminal; resolves to the exit status and how long stopping took. */
export async function interrupt(run) {
	const t = Date.now();
	run.child.kill('SIGINT');
	const exit = await Promise.race([run.exited, new Promise((r) => setTimeout(() => r('timeout'), 40_000))]);
	return { exit, ms: Date.now() - t };
}

/** Stops the start.mjs processes a failed test left running: Ctrl+C, then SIGKILL (its guard then stops n8n itself). */
export async function stopLeftRunning(running) {
	for (const child of running) {
		if (child.exitCode !== null || child.signalCode !== null) continue;
		child.kill('SIGINT');
		const t = setTimeout(() => child.kill('SIGKILL'), 20_000);
		await new Promise((r) => child.once('exit', r));
		clearTimeout(t);
	}
}
