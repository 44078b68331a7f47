#!/usr/bin/env node
// Process guard: runs one command in its own process group and makes sure that whole group (n8n and its
// task runners) dies when the process that started the guard dies, however it dies.
//
//   node scripts/lib/guard.mjs --parent-pid <pid> [--max-seconds <s>] -- <command> [args...]
//
// The guard stops the group when:
//   - its stdin reaches end-of-file (the parent holds the write end of a pipe; the kernel closes it when the
//     parent exits, even on SIGKILL),
//   - the parent pid is gone (checked every second, in case stdin is not a pipe),
//   - it receives SIGINT, SIGTERM or SIGHUP (Ctrl+C in a terminal, or the parent's stop()),
//   - --max-seconds have passed (0 or absent: no limit),
//   - the command exits by itself (then the guard exits with the same code).
// Stopping sends SIGTERM to the group, and SIGKILL 15 s later if anything is still alive.
import { spawn } from 'node:child_process';

const argv = process.argv.slice(2);
const sep = argv.indexOf('--');
if (sep === -1 || sep === argv.length - 1) {
	process.stderr.write('usage: guard.mjs --parent-pid <pid> [--max-seconds <s>] -- <command> [args...]\n');
	process.exit(2);
}
const opts = argv.slice(0, sep);
const [command, ...args] = argv.slice(sep + 1);
const opt = (name) => {
	const i = opts.indexOf(name);
	return i === -1 ? undefined : opts[i + 1];
};
const parentPid = Number(opt('--parent-pid') ?? process.ppid);
const maxSeconds = Number(opt('--max-seconds') ?? 0);

// Our stdout/stderr are pipes to the parent; once it is gone, writing there fails with EPIPE, which must not
// crash the guard before it has stopped the group.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
const say = (text) => {
	try {
		process.stderr.write(text);
	} catch {
		/* parent gone */
	}
};

const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], detached: true, env: process.env });
// The parent reads this line to kill the group itself if it must exit abruptly (see startN8n in ../n8n.mjs).
if (child.pid) say(`[guard] pid ${child.pid}\n`);
let stopping = false;
let childExited = false;

function groupAlive() {
	try {
		process.kill(-child.pid, 0);
		return true;
	} catch {
		return false;
	}
}

function stop(reason) {
	if (stopping) return;
	stopping = true;
	if (reason) say(`[guard] stopping ${command.split('/').pop()} (${reason})\n`);
	try {
		process.kill(-child.pid, 'SIGTERM');
	} catch {
		/* already gone */
	}
	const started = Date.now();
	const poll = setInterval(() => {
		if (!groupAlive()) {
			clearInterval(poll);
			process.exit(childExited ? (child.exitCode ?? 0) : 0);
		}
		if (Date.now() - started > 15_000) {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				/* gone */
			}
		}
	}, 200);
}

child.on('exit', (code, signal) => {
	childExited = true;
	if (stopping) return;
	// The main process ended by itself: take its helpers (task runners) down too, and report its status.
	try {
		process.kill(-child.pid, 'SIGTERM');
	} catch {
		/* gone */
	}
	process.exit(code ?? (signal ? 1 : 0));
});
child.on('error', (err) => {
	say(`[guard] could not start ${command}: ${err.message}\n`);
	process.exit(127);
});

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => stop(sig));
process.stdin.on('end', () => stop('parent closed the pipe'));
process.stdin.on('error', () => stop('parent pipe error'));
process.stdin.resume();
setInterval(() => {
	try {
		process.kill(parentPid, 0);
	} catch {
		stop(`parent ${parentPid} is gone`);
	}
}, 1000).unref();
if (maxSeconds > 0) setTimeout(() => stop(`ran for its maximum of ${maxSeconds} s`), maxSeconds * 1000).unref();
