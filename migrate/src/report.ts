// The Markdown report a person reads after a conversion.

import type { Finding, NewCredential, WorkflowResult } from './types';

export interface ReportInput {
	mode: 'files' | 'dry-run' | 'apply' | 'in-place';
	results: WorkflowResult[];
	credentials: NewCredential[];
	/** per workflow: where the converted workflow went (a file, or the new workflow in n8n) */
	written?: Map<WorkflowResult, string>;
	/** lines about what happened on the n8n instance or on disk */
	actions?: string[];
}

const cell = (s: string | undefined) => (s ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (s: string | undefined) => (s ? `\`${cell(s).replace(/`/g, "'")}\`` : '');

const MODE_TEXT: Record<ReportInput['mode'], string> = {
	files: 'Files converted; the originals were not changed.',
	'dry-run': 'Dry run: nothing was written to n8n. Run again with `--apply` to create the converted workflows (inactive), or `--apply --in-place` to replace them.',
	apply: 'Applied: each converted workflow was created as a new, inactive workflow next to its original; nothing was activated.',
	'in-place': 'Applied in place: each workflow was replaced by its conversion (a backup file of each original was written first); nothing was activated.',
};

function findingsTable(findings: Finding[], withChange: boolean, heading = 'What to do'): string[] {
	const out = withChange ? ['| Node | Parameter | Before | After | Why |', '|---|---|---|---|---|'] : [`| Node | Parameter | ${heading} |`, '|---|---|---|'];
	for (const f of findings) {
		const what = f.before && !withChange ? `${f.text} (in the node: ${code(f.before)})` : f.text;
		out.push(withChange ? `| ${cell(f.node)} | ${code(f.parameter)} | ${code(f.before)} | ${code(f.after)} | ${cell(f.text)} |` : `| ${cell(f.node)} | ${code(f.parameter)} | ${cell(what)} |`);
	}
	return out;
}

export function renderReport(input: ReportInput): string {
	const { results } = input;
	const withLegacy = results.filter((r) => r.legacyNodes > 0);
	const all = withLegacy.flatMap((r) => r.findings);
	const todo = all.filter((f) => f.kind === 'todo').length;
	const check = all.filter((f) => f.kind === 'check').length;
	const lines: string[] = ['# Migration from n8n-nodes-wts to n8n-nodes-wts-chat', ''];
	lines.push(MODE_TEXT[input.mode], '');
	lines.push(
		`- Workflows read: ${results.length}; with legacy WTS nodes: ${withLegacy.length}`,
		`- Legacy nodes converted: ${withLegacy.reduce((n, r) => n + r.nodes.filter((x) => x.now !== 'not converted').length, 0)} of ${withLegacy.reduce((n, r) => n + r.legacyNodes, 0)}`,
		`- To do by hand: ${todo}; to check: ${check}; changes made for you: ${all.filter((f) => f.kind === 'changed').length}`,
		'',
	);
	if (input.actions?.length) lines.push('## What was done', '', ...input.actions.map((a) => `- ${a}`), '');

	lines.push('## Credentials', '');
	if (!input.credentials.length) lines.push('No legacy credential was referenced.', '');
	else {
		lines.push('| Legacy credential (WTS API) | Replaced by (WTS Chat API) | Base URL | State |', '|---|---|---|---|');
		for (const c of input.credentials) {
			const state = c.toFill
				? '**To create by hand**: the legacy token could not be read. Create a WTS Chat API credential with this name (API Token = the legacy API Key without a `staging_` / `test_` prefix; Base URL = `https://api.wts.chat`, or the staging / test host that prefix meant), then select it in the converted nodes.'
				: c.id
					? `Created with the legacy token (ID ${code(c.id)})`
					: 'Will be created with the legacy token (`--apply`)';
			lines.push(`| ${cell(c.legacyName)} | ${cell(c.name)} | ${c.baseUrl ? code(c.baseUrl) : ''} | ${state} |`);
		}
		lines.push('');
	}

	lines.push(
		'## What changes for every converted node',
		'',
		'- List operations output **one item per record** (paired with its input item) instead of one item holding a page object (`items`, `pageNumber`, `totalItems`, …). The node right after one gets Execute Once, so it still runs once as before (listed below; turn it off to process every record). References to `items` were rewritten below; page fields are listed to do by hand.',
		'- Simplify is turned off where the operation has it, so records keep the raw field names the legacy node returned.',
		'- Every input item is processed and every output item paired (the legacy node passed on only the first item\'s answer, and waited 3 s between items).',
		'- IDs are given "By ID" (the same values); you may switch them to "From list".',
		'',
	);

	for (const r of results) {
		lines.push(`## Workflow "${cell(r.name)}"${r.id ? ` (ID ${code(r.id)})` : ''}`, '');
		const to = input.written?.get(r);
		if (r.source) lines.push(`Source: ${code(r.source)}${to ? ` → ${cell(to)}` : ''}`, '');
		if (!r.legacyNodes) {
			lines.push('No legacy WTS node: unchanged.', '');
			continue;
		}
		lines.push('### Converted nodes', '', '| Node | Legacy action | Now |', '|---|---|---|');
		for (const n of r.nodes) lines.push(`| ${cell(n.name)} | ${cell(n.legacyAction)} | ${cell(n.now)} |`);
		lines.push('');
		const todoF = r.findings.filter((f) => f.kind === 'todo');
		const checkF = r.findings.filter((f) => f.kind === 'check');
		const rewrites = r.findings.filter((f) => f.kind === 'changed' && f.after !== undefined);
		const changed = r.findings.filter((f) => f.kind === 'changed' && f.after === undefined);
		lines.push('### To do by hand', '');
		lines.push(...(todoF.length ? findingsTable(todoF, false) : ['Nothing.']), '');
		lines.push('### To check', '');
		lines.push(...(checkF.length ? findingsTable(checkF, false) : ['Nothing.']), '');
		lines.push('### Expressions rewritten for you', '');
		lines.push(...(rewrites.length ? findingsTable(rewrites, true) : ['None.']), '');
		lines.push('### Other changes made for you', '');
		lines.push(...(changed.length ? findingsTable(changed, false, 'What changed') : ['None.']), '');
	}
	return lines.join('\n');
}
