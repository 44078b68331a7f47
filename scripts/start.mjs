#!/usr/bin/env node
// `npm start`: a local n8n with this package, a ready credential and the example workflows.
//
//   npm start                          sandbox (fake WTS Chat API with demo data) + n8n 2.8.4 on http://127.0.0.1:5678
//   npm start -- --port 5700           another n8n port
//   npm start -- --no-sandbox          no sandbox: a credential for your real account (token from WTS_API_TOKEN or
//                                      asked on the terminal; Base URL from --base-url / WTS_BASE_URL)
//   npm start -- --help                all options
//
// Ctrl+C stops n8n and the sandbox. The n8n installation and its user folder (database, credentials, workflows)
// are kept in ${WTS_N8N_CACHE:-~/.cache/n8n-nodes-wts-chat}, so the next start is quick and keeps your work.
// On the first start of a user folder n8n gets a local owner account (demo@wts-chat.local and a generated
// password kept in the user folder); the login is printed next to the editor URL on every start.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';

import {
	buildPackage,
	cacheDir,
	CREDENTIAL_TYPE,
	DEFAULT_VERSION,
	ensureN8n,
	formatMs,
	freePort,
	importCredentials,
	importWorkflows,
	installPackage,
	packPackage,
	portIsFree,
	REPO_ROOT,
	startN8n,
	VERSIONS,
} from './n8n.mjs';
import { demoLoginFile, ensureDemoOwner, readDemoLogin, writeDemoLogin } from './lib/demo-owner.mjs';
import { DEMO_MODEL_CREDENTIAL, startDemoModel } from './lib/demo-model.mjs';

/** The sandbox URL written in the examples (the default port); replaced by the actual URL when they are imported. */
const EXAMPLE_SANDBOX_URL = 'http://127.0.0.1:4010';

const HELP = `Usage: npm start [-- options]

Starts the WTS Chat sandbox and a local n8n with this package installed, a credential and the example workflows.

Options:
  --port <n>            n8n port (default 5678, or a free one if 5678 is taken)
  --sandbox-port <n>    sandbox port (default 4010, or a free one if taken)
  --model-port <n>      port of the scripted stand-in model for the AI example (default 4011, or a free one)
  --no-sandbox          do not start the sandbox; create a credential for a real WTS Chat account instead
                        (also: WTS_NO_SANDBOX=1). The token comes from WTS_API_TOKEN or is asked on the terminal.
  --base-url <url>      API host of the real account (default: WTS_BASE_URL or https://api.wts.chat)
  --n8n <version>       n8n version, one of the pinned ones: ${Object.entries(VERSIONS)
	.map(([v, spec]) => `${v} (${spec.node === 'system' ? 'this Node' : `Node ${spec.node.slice(4)} from npm`})`)
	.join(', ')};
                        or a line: 1.x / 2.x (its newest pinned version). Default ${DEFAULT_VERSION}.
  --reset               start from an empty n8n user folder (deletes its workflows, credentials, executions;
                        the demo login is kept)
  --data-dir <dir>      where the n8n user folders and the packed package live (also: WTS_START_DIR;
                        default <cache>/start). The n8n installs stay in the cache either way.
  --package <file.tgz>  install this packed package instead of building and packing the working tree
  --no-build            pack the dist/ already built (by npm run build) instead of building again
  --verbose             show n8n's own log lines
  --help                this text
`;

/** A pinned version as given, or the newest pinned version of a line ("1", "1.x", "2.x"). */
function pinnedVersion(asked) {
	if (VERSIONS[asked]) return asked;
	const line = /^(\d+)(\.x)?$/i.exec(asked)?.[1];
	const newest = Object.keys(VERSIONS)
		.filter((v) => line !== undefined && v.split('.')[0] === line)
		.sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))
		.at(-1);
	if (newest) return newest;
	throw new Error(`--n8n must be one of ${Object.keys(VERSIONS).join(', ')} (or a line: 1.x, 2.x); got ${asked}`);
}

function parseArgs(argv) {
	const o = {
		port: undefined,
		sandboxPort: undefined,
		modelPort: undefined,
		build: true,
		sandbox: !/^(1|true|yes)$/i.test(process.env.WTS_NO_SANDBOX ?? ''),
		baseUrl: process.env.WTS_BASE_URL || 'https://api.wts.chat',
		version: DEFAULT_VERSION,
		reset: false,
		verbose: false,
		dataDir: process.env.WTS_START_DIR || undefined,
		package: undefined,
	};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const value = () => {
			const v = argv[++i];
			if (v === undefined) throw new Error(`${a} needs a value`);
			return v;
		};
		if (a === '--port') o.port = Number(value());
		else if (a === '--sandbox-port') o.sandboxPort = Number(value());
		else if (a === '--model-port') o.modelPort = Number(value());
		else if (a === '--no-build') o.build = false;
		else if (a === '--no-sandbox') o.sandbox = false;
		else if (a === '--base-url') o.baseUrl = value();
		else if (a === '--n8n') o.version = value();
		else if (a === '--reset') o.reset = true;
		else if (a === '--data-dir') o.dataDir = value();
		else if (a === '--package') o.package = path.resolve(value());
		else if (a === '--verbose') o.verbose = true;
		else if (a === '--help' || a === '-h') o.help = true;
		else throw new Error(`Unknown option ${a}\n\n${HELP}`);
	}
	o.dataDir = path.resolve(o.dataDir ?? path.join(cacheDir(), 'start'));
	if (o.package && !existsSync(o.package)) throw new Error(`--package ${o.package}: no such file`);
	o.version = pinnedVersion(o.version);
	for (const [k, v] of [
		['--port', o.port],
		['--sandbox-port', o.sandboxPort],
		['--model-port', o.modelPort],
	]) {
		if (v !== undefined && !(Number.isInteger(v) && v > 0 && v < 65536)) throw new Error(`${k} must be a port number`);
	}
	return o;
}

const say = (msg = '') => process.stdout.write(`${msg}\n`);
const step = (msg) => process.stdout.write(`» ${msg}\n`);

/** Reads a secret from the terminal without echoing it. */
function askSecret(prompt) {
	return new Promise((resolve, reject) => {
		const stdin = process.stdin;
		if (!stdin.isTTY) {
			reject(new Error('No API token: set WTS_API_TOKEN (stdin is not a terminal, so it cannot be asked for).'));
			return;
		}
		process.stdout.write(prompt);
		stdin.setRawMode(true);
		stdin.resume();
		stdin.setEncoding('utf8');
		let value = '';
		const onData = (chunk) => {
			for (const ch of chunk) {
				if (ch === '\r' || ch === '\n') {
					stdin.setRawMode(false);
					stdin.pause();
					stdin.removeListener('data', onData);
					process.stdout.write('\n');
					resolve(value.trim());
					return;
				}
				if (ch === '\u0003') {
					stdin.setRawMode(false);
					process.stdout.write('\n');
					process.exit(130);
				}
				if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
				else value += ch;
			}
		};
		stdin.on('data', onData);
	});
}

async function pickPort(wanted, fallbackDefault, label) {
	if (wanted !== undefined) {
		if (!(await portIsFree(wanted))) throw new Error(`${label} port ${wanted} is already in use on 127.0.0.1; choose another one.`);
		return wanted;
	}
	if (await portIsFree(fallbackDefault)) return fallbackDefault;
	const p = await freePort();
	say(`  (${label} port ${fallbackDefault} is taken; using ${p})`);
	return p;
}

async function main() {
	const opts = parseArgs(process.argv.slice(2));
	if (opts.help) {
		say(HELP);
		return;
	}
	const t0 = Date.now();
	say(`WTS Chat for n8n — local environment (n8n ${opts.version}, ${opts.sandbox ? 'sandbox' : 'real account'})`);

	// 1. the package, built and packed the way it is published
	let tgz = opts.package;
	if (tgz) {
		step(`Package ${tgz} (--package: not building)`);
	} else {
		if (opts.build) {
			step('Building the package (npm run build)');
			await buildPackage({ log: (m) => say(`  ${m}`) });
		} else {
			step('Packing the package built in dist/ (--no-build)');
		}
		tgz = await packPackage({ destDir: path.join(opts.dataDir, 'pack'), log: (m) => say(`  ${m}`) });
	}

	// 2. n8n (installed on first use)
	step(`n8n ${opts.version}`);
	const runtime = await ensureN8n(opts.version, { log: (m) => say(`  ${m}`) });
	if (runtime.reused) say(`  already installed in ${runtime.dir}`);

	// 3. credential data: sandbox or real account
	let sandbox;
	let model;
	let credential;
	const extraCredentials = [];
	if (opts.sandbox) {
		step('Starting the WTS Chat sandbox');
		const { startSandbox } = await import('../sandbox/server.mjs');
		const { SEED } = await import('../sandbox/seed.mjs');
		const port = await pickPort(opts.sandboxPort, 4010, 'sandbox');
		sandbox = await startSandbox({ port });
		credential = {
			id: 'WtsSandboxCred01',
			name: 'WTS Chat Sandbox',
			type: CREDENTIAL_TYPE,
			data: { apiToken: sandbox.token, baseUrl: sandbox.url },
		};
		// The AI example's model: a scripted OpenAI-compatible stand-in on loopback (no key, no network, no AI).
		step('Starting the stand-in model for the AI example');
		model = await startDemoModel({
			port: await pickPort(opts.modelPort, 4011, 'stand-in model'),
			exampleSessionId: SEED.sessions.inProgress[0],
		});
		extraCredentials.push({
			...DEMO_MODEL_CREDENTIAL,
			type: 'openAiApi',
			data: { apiKey: 'no-key-needed-local-stand-in', url: `${model.url}/v1` },
		});
	} else {
		const baseUrl = opts.baseUrl.trim().replace(/\/+$/, '');
		if (!/^https:\/\//i.test(baseUrl)) throw new Error(`The Base URL must start with https:// (got ${baseUrl})`);
		const token = (process.env.WTS_API_TOKEN ?? '').trim() || (await askSecret(`WTS Chat API token for ${baseUrl} (input hidden): `));
		if (!token) throw new Error('No API token given.');
		credential = { id: 'WtsChatAccount01', name: 'WTS Chat account', type: CREDENTIAL_TYPE, data: { apiToken: token, baseUrl } };
	}

	// 4. the user folder (kept between runs), our package, the credential and the examples
	const userFolder = path.join(opts.dataDir, `n8n-${opts.version}${opts.sandbox ? '' : '-account'}`);
	const { createUserFolder } = await import('./n8n.mjs');
	const firstRun = opts.reset || !existsSync(path.join(userFolder, '.n8n'));
	if (firstRun) {
		const keptLogin = readDemoLogin(userFolder); // --reset: the new owner gets the same login
		createUserFolder(userFolder);
		if (keptLogin) writeDemoLogin(userFolder, keptLogin);
	}
	step(`n8n user folder ${userFolder}${firstRun ? ' (new)' : ''}`);
	const installed = await installPackage(userFolder, tgz);
	say(`  installed n8n-nodes-wts-chat ${installed.version} into .n8n/nodes/node_modules`);
	await importCredentials(runtime, userFolder, [credential, ...extraCredentials]);
	say(`  credential "${credential.name}" → ${credential.data.baseUrl}`);
	for (const c of extraCredentials) say(`  credential "${c.name}" (${c.type}) → ${c.data.url}`);

	if (opts.sandbox) {
		const recordFile = path.join(userFolder, '.wts-start.json');
		const record = existsSync(recordFile) ? JSON.parse(readFileSync(recordFile, 'utf8')) : { examples: {} };
		const dir = path.join(REPO_ROOT, 'examples');
		const examples = readdirSync(dir)
			.filter((f) => f.endsWith('.json'))
			.map((f) => ({ file: f, text: readFileSync(path.join(dir, f), 'utf8') }))
			.map((e) => ({ ...e, wf: JSON.parse(e.text), sha: createHash('sha256').update(e.text).digest('hex') }));
		// New examples, and examples whose file changed since they were imported here (the repository's newer version
		// replaces the imported copy; duplicate an example in n8n to keep your own changes).
		const missing = examples.filter((e) => record.examples[e.wf.id]?.sha !== e.sha);
		if (missing.length) {
			await importWorkflows(
				runtime,
				userFolder,
				// the sandbox URL in sticky notes and expressions: the one this sandbox actually listens on
				missing.map((e) => JSON.parse(e.text.split(EXAMPLE_SANDBOX_URL).join(sandbox.url))),
			);
			for (const e of missing) record.examples[e.wf.id] = { file: e.file, sha: e.sha, importedAt: new Date().toISOString() };
			writeFileSync(recordFile, JSON.stringify(record, null, 2));
		}
		say(
			`  example workflows: ${missing.length ? `imported ${missing.map((e) => e.file).join(', ')}` : 'already imported (use --reset to start over)'}`,
		);
	} else {
		say('  example workflows are not imported for a real account (they send messages and complete sessions);');
		say(`  import them from ${path.join(REPO_ROOT, 'examples')} in the editor (⋯ → Import from File) if you want them.`);
	}

	// 5. n8n
	const port = await pickPort(opts.port, 5678, 'n8n');
	step(`Starting n8n on http://127.0.0.1:${port} (log: ${path.join(userFolder, 'n8n.log')})`);
	const n8n = await startN8n(runtime, userFolder, { port, logFile: path.join(userFolder, 'n8n.log'), echo: opts.verbose });

	let stopping = false;
	const stop = async (why) => {
		if (stopping) return;
		stopping = true;
		say(`\nStopping (${why})...`);
		await n8n.stop().catch(() => {});
		await sandbox?.close().catch(() => {});
		await model?.close().catch(() => {});
		say('n8n and the sandbox are stopped.');
		process.exit(0);
	};
	for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => stop(sig));
	n8n.process.on('exit', (code) => {
		if (stopping) return;
		say(`\nn8n exited (code ${code}). Last lines of its log:\n${n8n.output().split('\n').slice(-20).join('\n')}`);
		sandbox?.close();
		model?.close();
		process.exit(1);
	});

	// 6. the owner account, so the editor opens on a login form (then the Workflows list), not on owner set-up
	let owner;
	try {
		owner = await ensureDemoOwner(n8n.url, userFolder);
	} catch (error) {
		owner = { status: 'failed', error };
	}
	if (owner.status === 'created') say(`  owner account ${owner.login.email} created (login kept in ${demoLoginFile(userFolder)})`);

	const line = '─'.repeat(78);
	say(`\n${line}`);
	say(`n8n ${opts.version} is ready (${formatMs(Date.now() - t0)}):  ${n8n.url}`);
	if (owner.status === 'created' || owner.status === 'exists') {
		say(`  Log in:  ${owner.login.email}   password: ${owner.login.password}   (local demo owner of this n8n only)`);
	} else if (owner.status === 'changed') {
		say(`  Log in:  ${owner.login.email} with the password you set in the editor (the demo password kept in`);
		say(`           ${demoLoginFile(userFolder)} no longer works; npm start -- --reset starts over with it).`);
	} else if (owner.status === 'foreign') {
		say('  Log in with the owner account you created in this n8n earlier (npm start -- --reset starts over');
		say('  with an empty n8n and a printed demo login).');
	} else {
		say(`  ! Could not create the demo owner account (${owner.error?.message ?? owner.error}); the editor`);
		say('    asks you to set up an owner account yourself (stored only in this local n8n).');
	}
	say(`  Node: "WTS Chat" (n8n-nodes-wts-chat.wtsChat) · Credential: "${credential.name}"`);
	if (sandbox) {
		say(`  Examples: Workflows → "WTS Chat: ..." (open one, then "Execute workflow")`);
		say(`Sandbox (fake WTS Chat API with demo data): ${sandbox.url}`);
		say(`  API token: ${sandbox.token}   ·   reseed: curl -X POST ${sandbox.url}/__sandbox/reset`);
		say(`  inspect: ${sandbox.url}/__sandbox/seed  ${sandbox.url}/__sandbox/state  ${sandbox.url}/__sandbox/requests`);
		say(`Stand-in model for the AI example (scripted, no AI, no key): ${model.url}/v1  ·  credential "${DEMO_MODEL_CREDENTIAL.name}"`);
		say('  For a real model: in "OpenAI Chat Model" pick an OpenAI credential with your API key (see docs/ai-agents.md).');
	} else {
		say(`  Account: ${credential.data.baseUrl} (the token is stored encrypted in n8n; it is not printed)`);
	}
	say('Stop: press Ctrl+C (stops n8n and the sandbox).');
	say(line);
}

main().catch((error) => {
	process.stderr.write(`\nnpm start failed: ${error?.message ?? error}\n`);
	process.exit(1);
});
