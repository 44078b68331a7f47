/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- a command-line tool, not node code: it reads and writes files */
// Files in: one workflow JSON, a folder of them, or n8n's `export:workflow --all` output (an array in one file).
// Files out: the converted files under --out (same relative paths and shape), the report, and the credentials to import.

import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { CredentialPlan, convertWorkflow } from './convert';
import { renderReport } from './report';
import type { LegacyCredential, Workflow, WorkflowResult } from './types';

export interface InputFile {
	path: string;
	/** path relative to the input root, used under --out */
	relative: string;
	/** the file held an array (export:workflow --all) or {data: [...]} */
	shape: 'object' | 'array' | 'data';
	workflows: Workflow[];
}

const isWorkflow = (v: unknown): v is Workflow => !!v && typeof v === 'object' && Array.isArray((v as Workflow).nodes);

function walk(dir: string): string[] {
	const out: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
		const p = path.join(dir, entry.name);
		if (entry.isDirectory()) out.push(...walk(p));
		else if (entry.name.endsWith('.json')) out.push(p);
	}
	return out.sort();
}

/** Reads the workflow files named on the command line (files that hold no workflow are skipped). */
export function readInputs(paths: string[]): { files: InputFile[]; skipped: string[] } {
	const files: InputFile[] = [];
	const skipped: string[] = [];
	for (const given of paths) {
		const abs = path.resolve(given);
		if (!existsSync(abs)) throw new Error(`No such file or folder: ${given}`);
		const isDir = statSync(abs).isDirectory();
		const list = isDir ? walk(abs) : [abs];
		for (const file of list) {
			let json: unknown;
			try {
				json = JSON.parse(readFileSync(file, 'utf8'));
			} catch (error) {
				if (!isDir) throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
				skipped.push(`${file} (not valid JSON)`);
				continue;
			}
			const relative = isDir ? path.relative(abs, file) : path.basename(file);
			if (isWorkflow(json)) files.push({ path: file, relative, shape: 'object', workflows: [json] });
			else if (Array.isArray(json) && json.length && json.every(isWorkflow)) files.push({ path: file, relative, shape: 'array', workflows: json });
			else if (json && typeof json === 'object' && Array.isArray((json as { data?: unknown }).data) && (json as { data: unknown[] }).data.every(isWorkflow)) {
				files.push({ path: file, relative, shape: 'data', workflows: (json as { data: Workflow[] }).data });
			} else skipped.push(`${file} (no workflow in it)`);
		}
	}
	return { files, skipped };
}

/** Legacy credentials from `n8n export:credentials --decrypted` output (one file, an array, or a folder of them). */
export function readCredentials(given: string): LegacyCredential[] {
	const abs = path.resolve(given);
	const list = statSync(abs).isDirectory() ? walk(abs) : [abs];
	const out: LegacyCredential[] = [];
	for (const file of list) {
		const json = JSON.parse(readFileSync(file, 'utf8')) as unknown;
		for (const c of Array.isArray(json) ? json : [json]) if (c && typeof c === 'object' && typeof (c as LegacyCredential).type === 'string') out.push(c as LegacyCredential);
	}
	return out;
}

export interface FilesRun {
	results: WorkflowResult[];
	report: string;
	reportPath: string;
	written: string[];
	credentialsPath?: string;
}

/** Converts the files and writes the converted files, credentials.json (when tokens were given) and the report. */
export function convertFiles(opts: { inputs: string[]; out: string; credentials?: LegacyCredential[]; baseUrl?: string }): FilesRun {
	const { files, skipped } = readInputs(opts.inputs);
	const out = path.resolve(opts.out);
	const plan = new CredentialPlan(opts.credentials ?? [], { baseUrl: opts.baseUrl });
	const results: WorkflowResult[] = [];
	const writtenTo = new Map<WorkflowResult, string>();
	const written: string[] = [];
	const actions: string[] = [];
	for (const file of files) {
		const converted = file.workflows.map((wf) => convertWorkflow(wf, plan, file.path));
		results.push(...converted);
		if (!converted.some((r) => r.legacyNodes > 0)) continue;
		const target = path.join(out, file.relative);
		if (path.resolve(target) === path.resolve(file.path)) throw new Error(`--out would overwrite the input ${file.path}: choose another folder`);
		const workflows = converted.map((r) => r.converted);
		const body = file.shape === 'object' ? workflows[0] : file.shape === 'array' ? workflows : { data: workflows };
		mkdirSync(path.dirname(target), { recursive: true });
		writeFileSync(target, `${JSON.stringify(body, null, 2)}\n`);
		written.push(target);
		for (const r of converted) if (r.legacyNodes) writtenTo.set(r, target);
	}
	if (written.length) actions.push(`Converted workflows written: ${written.map((w) => `\`${w}\``).join(', ')}. Import them with \`n8n import:workflow --input=<file>\` (or Import from File in the editor); they are not active.`);
	let credentialsPath: string | undefined;
	const importable = plan.importable();
	if (importable.length) {
		credentialsPath = path.join(out, 'credentials.json');
		mkdirSync(out, { recursive: true });
		writeFileSync(credentialsPath, `${JSON.stringify(importable, null, 2)}\n`, { mode: 0o600 });
		actions.push(
			`WTS Chat API credentials written to \`${credentialsPath}\`: import them first with \`n8n import:credentials --input=${credentialsPath}\`. The file holds the tokens in clear text: delete it afterwards.`,
		);
	}
	for (const s of skipped) actions.push(`Skipped ${s}.`);
	const report = renderReport({ mode: 'files', results, credentials: [...plan.credentials.values()], written: writtenTo, actions });
	mkdirSync(out, { recursive: true });
	const reportPath = path.join(out, 'migration-report.md');
	writeFileSync(reportPath, report);
	return { results, report, reportPath, written, credentialsPath };
}
