// Redis and PostgreSQL for the queue-mode leg, from Debian's packages, each started on a free loopback port with
// its own data directory under a temporary folder, inside the process guard (scripts/lib/guard.mjs) so it stops
// with the suite however the suite ends.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { freePort, REPO_ROOT, startN8n } from '../../../scripts/n8n.mjs';

const GUARD = path.join(REPO_ROOT, 'scripts', 'lib', 'guard.mjs');
const delay = (ms) => new Promise((r) => setTimeout(r, ms));

/** The directory of PostgreSQL's server binaries (Debian: /usr/lib/postgresql/<major>/bin). */
function postgresBin() {
	const base = '/usr/lib/postgresql';
	if (!existsSync(base)) return undefined;
	const major = readdirSync(base).sort((a, b) => Number(b) - Number(a))[0];
	const bin = major && path.join(base, major, 'bin');
	return bin && existsSync(path.join(bin, 'postgres')) ? bin : undefined;
}

const hasRedis = () => spawnSync('redis-server', ['--version']).status === 0;

/**
 * Makes sure redis-server and PostgreSQL are installed: installs the Debian packages when missing and running as
 * root. Returns `{ ok: true }` or `{ ok: false, why }` (then the leg is reported as skipped, never as passed).
 */
export function ensureQueueServices(log = (m) => process.stderr.write(`[queue] ${m}\n`)) {
	if (hasRedis() && postgresBin()) return { ok: true };
	if (process.getuid?.() !== 0) return { ok: false, why: 'redis-server / postgresql are not installed and this is not root (apt-get install redis-server postgresql)' };
	log('installing redis-server and postgresql from Debian packages (apt-get, first time only)...');
	const t = Date.now();
	const r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server', 'postgresql'], {
		encoding: 'utf8',
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
	});
	if (r.status !== 0) {
		const update = spawnSync('apt-get', ['update'], { encoding: 'utf8' });
		const again = update.status === 0 && spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'redis-server', 'postgresql'], { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
		if (!again || again.status !== 0) return { ok: false, why: `apt-get install redis-server postgresql failed:\n${(r.stderr || r.stdout).slice(-1500)}` };
	}
	log(`installed in ${Math.round((Date.now() - t) / 1000)} s`);
	return hasRedis() && postgresBin() ? { ok: true } : { ok: false, why: 'installed, but redis-server or postgres is still not found' };
}

function guarded(command, args, { user, cwd } = {}) {
	const full = user ? ['runuser', '-u', user, '--', command, ...args] : [command, ...args];
	const child = spawn(process.execPath, [GUARD, '--parent-pid', String(process.pid), '--', ...full], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
	let output = '';
	child.stdout.on('data', (c) => (output = (output + c).slice(-200_000)));
	child.stderr.on('data', (c) => (output = (output + c).slice(-200_000)));
	let exited = false;
	child.on('exit', () => (exited = true));
	return {
		child,
		output: () => output,
		exited: () => exited,
		async stop() {
			if (exited) return;
			const done = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			await done;
		},
	};
}

async function waitFor(what, check, proc, timeoutMs = 30_000) {
	const started = Date.now();
	for (;;) {
		if (await check()) return;
		if (proc.exited()) throw new Error(`${what} exited during start-up:\n${proc.output().slice(-2000)}`);
		if (Date.now() - started > timeoutMs) throw new Error(`${what} was not ready after ${timeoutMs} ms:\n${proc.output().slice(-2000)}`);
		await delay(100);
	}
}

/** redis-server on a free loopback port, no persistence. */
export async function startRedis() {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'wts-redis-'));
	const port = await freePort();
	const proc = guarded('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no']);
	await waitFor('redis-server', () => spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG', proc);
	return {
		host: '127.0.0.1',
		port,
		async stop() {
			await proc.stop();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

/** A PostgreSQL cluster (trust auth on loopback) on a free port with a database `n8n`; as root it runs as user postgres. */
export async function startPostgres() {
	const bin = postgresBin();
	const dir = mkdtempSync(path.join(os.tmpdir(), 'wts-pg-'));
	const data = path.join(dir, 'data');
	const asRoot = process.getuid?.() === 0;
	const user = asRoot ? 'postgres' : undefined;
	if (asRoot) chownSync(dir, Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout), Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout));
	const runAs = (cmd, args) => spawnSync(user ? 'runuser' : cmd, user ? ['-u', user, '--', cmd, ...args] : args, { encoding: 'utf8' });
	const init = runAs(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale']);
	if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
	const port = await freePort();
	const proc = guarded(path.join(bin, 'postgres'), ['-D', data, '-p', String(port), '-h', '127.0.0.1', '-k', dir, '-c', 'fsync=off'], { user });
	const psql = (sql) => spawnSync(path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-tAc', sql], { encoding: 'utf8' });
	await waitFor('postgres', () => psql('select 1').stdout?.trim() === '1', proc);
	const created = psql('create database n8n');
	if (created.status !== 0) throw new Error(`create database failed: ${created.stderr}`);
	return {
		host: '127.0.0.1',
		port,
		user: 'postgres',
		database: 'n8n',
		psql,
		async stop() {
			await proc.stop();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

/**
 * The environment of every n8n process of one queue-mode cluster (main and workers): queue mode, the Bull queue on
 * `redis`, the shared PostgreSQL database, one encryption key, and stalled jobs noticed within seconds.
 */
export function queueEnv(redis, postgres, encryptionKey) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: postgres.host,
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		N8N_ENCRYPTION_KEY: encryptionKey,
		// a dead worker's jobs are noticed within seconds instead of a minute (n8n fails stalled jobs: maxStalledCount 0)
		QUEUE_WORKER_LOCK_DURATION: '10000',
		QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
		QUEUE_WORKER_STALLED_INTERVAL: '5000',
	};
}

/** Starts one `n8n worker` of a queue-mode cluster (its own user folder, health check on a free port). */
export async function startQueueWorker(runtime, folder, env, { maxSeconds = 1800 } = {}) {
	return await startN8n(runtime, folder, {
		command: 'worker',
		maxSeconds,
		env: { ...env, QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(await freePort()) },
		logFile: path.join(folder, 'n8n.log'),
	});
}
