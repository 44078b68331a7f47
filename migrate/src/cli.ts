#!/usr/bin/env node
/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- a command-line tool, not node code */
// n8n-nodes-wts-chat-migrate: converts workflows from the legacy n8n-nodes-wts node to n8n-nodes-wts-chat.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { convertFiles, readCredentials } from './files';
import { migrateN8n } from './n8nApi';

export const USAGE = `Usage:
  n8n-nodes-wts-chat-migrate <workflow.json | folder | export.json>... --out <dir> [--credentials <file>] [--base-url <url>]
  n8n-nodes-wts-chat-migrate --n8n-url <url> --api-key <key> [--apply [--in-place]] [--workflow <id>]... [--out <dir>] [--credentials <file>] [--base-url <url>]

Files: converts one workflow JSON, every *.json in a folder, or the output of \`n8n export:workflow --all\`;
  writes the converted files under --out (same names), migration-report.md and, with --credentials, credentials.json.
n8n: reads the workflows through the public API (Settings → n8n API gives the key; or set N8N_API_KEY).
  Default: dry run, the report only. --apply creates each converted workflow as a new inactive workflow next to the
  original; --apply --in-place replaces the original after writing a backup file of it under --out. Nothing is activated.

Options:
  --out <dir>            where converted files, backups and the report go (files: required; n8n: default ./wts-migrate-<time>)
  --credentials <file>   output of \`n8n export:credentials --decrypted\` (file or folder): the legacy tokens, so the
                         WTS Chat API credentials are created with them (otherwise they are named for you to fill in)
  --base-url <url>       Base URL for the created credentials (default: from the token prefix: api.wts.chat,
                         or the staging_ / test_ hosts)
  --workflow <id>        n8n: only this workflow (repeatable)
  --help
`;

export interface CliArgs {
	inputs: string[];
	out?: string;
	credentials?: string;
	baseUrl?: string;
	n8nUrl?: string;
	apiKey?: string;
	apply: boolean;
	inPlace: boolean;
	workflows: string[];
	help: boolean;
}

export function parseArgs(argv: string[]): CliArgs {
	const args: CliArgs = { inputs: [], apply: false, inPlace: false, workflows: [], help: false };
	const value = (i: number, flag: string) => {
		const v = argv[i + 1];
		if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
		return v;
	};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
		const take = () => (inline !== undefined ? inline : value(i++, flag));
		switch (flag) {
			case '--out':
				args.out = take();
				break;
			case '--credentials':
				args.credentials = take();
				break;
			case '--base-url':
				args.baseUrl = take();
				break;
			case '--n8n-url':
				args.n8nUrl = take();
				break;
			case '--api-key':
				args.apiKey = take();
				break;
			case '--workflow':
				args.workflows.push(take());
				break;
			case '--apply':
				args.apply = true;
				break;
			case '--in-place':
				args.inPlace = true;
				break;
			case '--help':
			case '-h':
				args.help = true;
				break;
			default:
				if (a.startsWith('-')) throw new UsageError(`Unknown option ${a}`);
				args.inputs.push(a);
		}
	}
	return args;
}

export class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
	let args: CliArgs;
	try {
		args = parseArgs(argv);
		if (args.help) {
			console.log(USAGE);
			return 0;
		}
		if (args.n8nUrl && args.inputs.length) throw new UsageError('Give either files or --n8n-url, not both');
		if (!args.n8nUrl && !args.inputs.length) throw new UsageError('Give workflow files (or a folder), or --n8n-url');
		if (args.inPlace && !args.apply) throw new UsageError('--in-place goes with --apply');
		if (!args.n8nUrl && (args.apply || args.workflows.length)) throw new UsageError('--apply and --workflow go with --n8n-url');
		if (!args.n8nUrl && !args.out) throw new UsageError('--out <dir> is required for files');
		if (args.baseUrl && !/^https?:\/\//.test(args.baseUrl)) throw new UsageError('--base-url must start with https:// (or http:// for localhost)');
	} catch (error) {
		if (error instanceof UsageError) {
			console.error(`${error.message}\n\n${USAGE}`);
			return 2;
		}
		throw error;
	}
	const credentials = args.credentials ? readCredentials(args.credentials) : undefined;
	if (!args.n8nUrl) {
		const run = convertFiles({ inputs: args.inputs, out: args.out!, credentials, baseUrl: args.baseUrl });
		const converted = run.results.filter((r) => r.legacyNodes);
		console.log(`${converted.length} of ${run.results.length} workflows had legacy WTS nodes; converted files: ${run.written.length}`);
		for (const w of run.written) console.log(`  ${w}`);
		if (run.credentialsPath) console.log(`credentials to import first: ${run.credentialsPath}`);
		console.log(`report: ${run.reportPath}`);
		return 0;
	}
	const apiKey = args.apiKey ?? process.env.N8N_API_KEY;
	if (!apiKey) {
		console.error(`--api-key (or N8N_API_KEY) is required with --n8n-url\n\n${USAGE}`);
		return 2;
	}
	const out = path.resolve(args.out ?? `wts-migrate-${new Date().toISOString().replace(/[:.]/g, '-')}`);
	const run = await migrateN8n({
		url: args.n8nUrl,
		apiKey,
		apply: args.apply,
		inPlace: args.inPlace,
		workflowIds: args.workflows,
		out,
		credentials,
		baseUrl: args.baseUrl,
		log: (l) => console.log(l),
	});
	console.log(`${run.results.length} workflows with legacy WTS nodes${args.apply ? '' : ' (dry run: nothing written to n8n)'}`);
	if (args.apply || args.out) {
		mkdirSync(out, { recursive: true });
		const reportPath = path.join(out, 'migration-report.md');
		writeFileSync(reportPath, run.report);
		console.log(`report: ${reportPath}`);
	} else {
		console.log(`\n${run.report}`);
	}
	return 0;
}

if (require.main === module) {
	main(process.argv.slice(2)).then(
		(code) => process.exit(code),
		(error: Error) => {
			console.error(`error: ${error.message}`);
			process.exit(1);
		},
	);
}
