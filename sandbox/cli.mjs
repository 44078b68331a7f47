#!/usr/bin/env node
// Runs the WTS Chat API sandbox in the foreground.
//
//   node sandbox/cli.mjs [--port 4010] [--host 127.0.0.1] [--token X] [--no-rate-limit]
//                        [--latency ms] [--queue-delay ms] [--lenient] [--quiet] [--log]
//                        [--check-responses] [--parent-pid PID] [--exit-after SECONDS]
//                        [--bulk-sessions N]
//
// Env: WTS_SANDBOX_PORT, WTS_SANDBOX_TOKEN, WTS_SANDBOX_HOST, WTS_SANDBOX_CHECK_RESPONSES (flags win).

import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { SEED, startSandbox } from './server.mjs';

const HELP = `WTS Chat API sandbox

Usage: node sandbox/cli.mjs [options]

  --port <n>           port to listen on (default 4010, env WTS_SANDBOX_PORT; 0 = any free port)
  --host <h>           loopback host (default 127.0.0.1, env WTS_SANDBOX_HOST)
  --token <t>          accepted Bearer token (default pn_sandbox_token, env WTS_SANDBOX_TOKEN)
  --no-rate-limit      disable the 429 rate limits
  --no-retry-after     do not send Retry-After on 429
  --latency <ms>       delay every API request
  --queue-delay <ms>   time async messages stay QUEUED
  --lenient            record contract violations but do not reject them (strict=false)
  --no-seed            start with empty state
  --quiet              do not print contract violations
  --log                print one line per request
  --check-responses    validate every 200 response (as sent) against the contract and print
                       drift to stderr as [sandbox] RESPONSE DRIFT (env WTS_SANDBOX_CHECK_RESPONSES=1)
  --parent-pid <pid>   exit when that process is gone (checked every 2 s)
  --exit-after <s>     exit after that many seconds
  --bulk-sessions <n>  replace the sessions with n copies of the first seeded one (ids cccccccc-0000-4000-8000-…,
                       one second apart): the Return All benchmark (scripts/bench-bulk.mjs) pages over them
  -h, --help           this help
`;

/** A boolean env var: unset/''/0/false/no/off → false, 1/true/yes/on → true, anything else is an error. */
function envFlag(name, raw) {
	if (raw === undefined) return false;
	const v = String(raw).trim().toLowerCase();
	if (['', '0', 'false', 'no', 'off'].includes(v)) return false;
	if (['1', 'true', 'yes', 'on'].includes(v)) return true;
	throw new Error(`${name}=${raw} is not a boolean (use 1/0, true/false, yes/no, on/off)`);
}

export function parseArgs(argv, env = process.env) {
	const o = {
		port: env.WTS_SANDBOX_PORT !== undefined ? Number(env.WTS_SANDBOX_PORT) : 4010,
		host: env.WTS_SANDBOX_HOST ?? '127.0.0.1',
		token: env.WTS_SANDBOX_TOKEN ?? undefined,
		rateLimits: undefined,
		rateLimitRetryAfter: true,
		latencyMs: 0,
		queueDelayMs: 0,
		strict: true,
		seed: true,
		quiet: false,
		log: false,
		checkResponses: envFlag('WTS_SANDBOX_CHECK_RESPONSES', env.WTS_SANDBOX_CHECK_RESPONSES),
		parentPid: null,
		exitAfter: null,
		bulkSessions: 0,
		help: false,
	};
	const num = (flag, v) => {
		const n = Number(v);
		if (v === undefined || !Number.isFinite(n) || n < 0) throw new Error(`${flag} needs a non-negative number`);
		return n;
	};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
		const value = () => inline ?? argv[++i];
		switch (flag) {
			case '--port': o.port = num(flag, value()); break;
			case '--host': o.host = value(); break;
			case '--token': o.token = value(); break;
			case '--no-rate-limit': o.rateLimits = false; break;
			case '--no-retry-after': o.rateLimitRetryAfter = false; break;
			case '--latency': o.latencyMs = num(flag, value()); break;
			case '--queue-delay': o.queueDelayMs = num(flag, value()); break;
			case '--lenient': o.strict = false; break;
			case '--no-seed': o.seed = false; break;
			case '--quiet': o.quiet = true; break;
			case '--log': o.log = true; break;
			case '--check-responses': o.checkResponses = true; break;
			case '--parent-pid': o.parentPid = num(flag, value()); break;
			case '--exit-after': o.exitAfter = num(flag, value()); break;
			case '--bulk-sessions': o.bulkSessions = num(flag, value()); break;
			case '-h':
			case '--help': o.help = true; break;
			default: throw new Error(`unknown option ${a} (see --help)`);
		}
	}
	return o;
}

/** N copies of the first seeded in-progress session, one second apart (the Return All benchmark's data). */
export function bulkSessions(state, n) {
	const template = state.sessions.get(SEED.sessions.inProgress[0]);
	state.sessions.clear();
	for (let k = 0; k < n; k++) {
		const id = `cccccccc-0000-4000-8000-${String(k).padStart(12, '0')}`;
		const at = new Date(Date.parse('2026-01-01T00:00:00Z') + k * 1000).toISOString();
		state.sessions.set(id, { ...structuredClone(template), id, createdAt: at, updatedAt: at });
	}
}

async function main() {
	let args;
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (e) {
		process.stderr.write(`${e.message}\n`);
		process.exit(2);
	}
	if (args.help) {
		process.stdout.write(HELP);
		return;
	}
	const sandbox = await startSandbox({
		host: args.host,
		port: args.port,
		token: args.token,
		rateLimits: args.rateLimits,
		rateLimitRetryAfter: args.rateLimitRetryAfter,
		latencyMs: args.latencyMs,
		queueDelayMs: args.queueDelayMs,
		strict: args.strict,
		seed: args.seed,
		quiet: args.quiet,
		log: args.log,
		checkResponses: args.checkResponses,
	});
	if (args.bulkSessions) bulkSessions(sandbox.state, args.bulkSessions);

	let stopping = false;
	const stop = async (reason) => {
		if (stopping) return;
		stopping = true;
		process.stdout.write(`[sandbox] stopping (${reason})\n`);
		await sandbox.close();
		process.exit(0);
	};

	const line = '─'.repeat(64);
	process.stdout.write(
		[
			line,
			' WTS Chat API sandbox (local, fake data — not the real api.wts.chat)',
			line,
			` Base URL : ${sandbox.url}   (e.g. ${sandbox.url}/chat/v2/session)`,
			` Token    : ${sandbox.token}   (Authorization: Bearer ${sandbox.token})`,
			` Admin    : ${sandbox.url}/__sandbox/health  · /seed · /violations · /requests · /state`,
			` Mode     : ${args.strict ? 'strict' : 'lenient'}, rate limits ${args.rateLimits === false ? 'off' : 'on'}${args.latencyMs ? `, latency ${args.latencyMs} ms` : ''}${args.checkResponses ? ', response checks on' : ''}`,
			` Stop     : Ctrl+C${args.exitAfter ? ` (or automatically after ${args.exitAfter} s)` : ''}${args.parentPid ? ` (or when process ${args.parentPid} exits)` : ''}`,
			line,
			`SANDBOX_URL=${sandbox.url}`,
			'',
		].join('\n'),
	);

	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
	if (args.exitAfter) setTimeout(() => stop(`--exit-after ${args.exitAfter}`), args.exitAfter * 1000).unref();
	if (args.parentPid) {
		setInterval(() => {
			try {
				process.kill(args.parentPid, 0);
			} catch (e) {
				if (e.code !== 'EPERM') stop(`parent ${args.parentPid} is gone`);
			}
		}, 2000).unref();
	}
}

const invokedDirectly = (() => {
	try {
		return Boolean(process.argv[1]) && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
	} catch {
		return false;
	}
})();

if (invokedDirectly) {
	main().catch((e) => {
		process.stderr.write(`[sandbox] failed to start: ${e?.stack ?? e}\n`);
		process.exit(1);
	});
}
