/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a command-line tool, not node code: it writes backup files */
// A running n8n through its public API (/api/v1, header X-N8N-API-KEY): dry run by default (report only);
// --apply creates each converted workflow as a new inactive workflow next to the original, or with --in-place
// replaces it after writing a backup file of the original. Nothing is ever activated.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { CredentialPlan, convertWorkflow, isLegacyNode } from './convert';
import { CREDENTIAL_TYPE } from './legacy';
import { renderReport } from './report';
import type { LegacyCredential, Workflow, WorkflowResult } from './types';

/** The workflow settings n8n's public API accepts (it refuses unknown keys). */
const SETTINGS_KEYS = [
	'saveExecutionProgress',
	'saveManualExecutions',
	'saveDataErrorExecution',
	'saveDataSuccessExecution',
	'executionTimeout',
	'errorWorkflow',
	'timezone',
	'executionOrder',
	'callerPolicy',
	'callerIds',
	'timeSavedPerExecution',
];

export class N8nPublicApi {
	private readonly base: string;

	constructor(
		url: string,
		private readonly apiKey: string,
	) {
		this.base = `${url.replace(/\/+$/, '')}/api/v1`;
	}

	async request<T>(method: string, route: string, body?: unknown): Promise<T> {
		const res = await fetch(`${this.base}${route}`, {
			method,
			headers: { 'X-N8N-API-KEY': this.apiKey, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		if (!res.ok) throw new Error(`n8n API ${method} ${route}: HTTP ${res.status} ${text.slice(0, 300)}`);
		return (text ? JSON.parse(text) : undefined) as T;
	}

	async listWorkflows(): Promise<Workflow[]> {
		const all: Workflow[] = [];
		let cursor: string | undefined;
		do {
			const page = await this.request<{ data: Workflow[]; nextCursor?: string | null }>('GET', `/workflows?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
			all.push(...page.data);
			cursor = page.nextCursor ?? undefined;
		} while (cursor);
		return all;
	}

	getWorkflow = (id: string) => this.request<Workflow>('GET', `/workflows/${encodeURIComponent(id)}`);
	createWorkflow = (wf: Workflow) => this.request<Workflow>('POST', '/workflows', writable(wf));
	updateWorkflow = (id: string, wf: Workflow) => this.request<Workflow>('PUT', `/workflows/${encodeURIComponent(id)}`, writable(wf));
	deactivateWorkflow = (id: string) => this.request<Workflow>('POST', `/workflows/${encodeURIComponent(id)}/deactivate`);
	createCredential = (c: { name: string; type: string; data: unknown }) => this.request<{ id: string; name: string }>('POST', '/credentials', c);

	/** The JSON schema n8n checks a credential's data against (undefined when this n8n does not say). */
	async credentialSchema(type: string): Promise<{ properties?: Record<string, unknown> } | undefined> {
		try {
			return await this.request('GET', `/credentials/schema/${encodeURIComponent(type)}`);
		} catch {
			return undefined;
		}
	}
}

/** The body the public API takes for a workflow: name, nodes, connections, settings (known keys only). */
export function writable(wf: Workflow): Workflow {
	const settings: Record<string, unknown> = {};
	for (const k of SETTINGS_KEYS) if (wf.settings && wf.settings[k] !== undefined) settings[k] = wf.settings[k];
	return { name: wf.name, nodes: wf.nodes, connections: wf.connections, settings };
}

export interface ApiRun {
	results: WorkflowResult[];
	report: string;
	created: Array<{ from: string; id: string; name: string }>;
	replaced: Array<{ id: string; backup: string; deactivated: boolean }>;
	credentialsCreated: Array<{ id: string; name: string }>;
}

export interface ApiOptions {
	url: string;
	apiKey: string;
	apply: boolean;
	inPlace: boolean;
	/** only these workflow IDs (default: every workflow with a legacy node) */
	workflowIds?: string[];
	/** folder for the backups of --in-place (and the report, when given) */
	out: string;
	credentials?: LegacyCredential[];
	baseUrl?: string;
	log?: (line: string) => void;
}

export async function migrateN8n(opts: ApiOptions): Promise<ApiRun> {
	const api = new N8nPublicApi(opts.url, opts.apiKey);
	const log = opts.log ?? (() => {});
	const plan = new CredentialPlan(opts.credentials ?? [], { baseUrl: opts.baseUrl, assignIds: false });
	const listed = opts.workflowIds?.length ? await Promise.all(opts.workflowIds.map((id) => api.getWorkflow(id))) : await api.listWorkflows();
	const results: WorkflowResult[] = [];
	for (const summary of listed) {
		// the list may hold the nodes already; read the full workflow only when it has legacy nodes (or no nodes listed)
		if (Array.isArray(summary.nodes) && !summary.nodes.some(isLegacyNode)) continue;
		const wf = Array.isArray(summary.nodes) && summary.settings !== undefined ? summary : await api.getWorkflow(String(summary.id));
		if (!wf.nodes.some(isLegacyNode)) continue;
		results.push(convertWorkflow(wf, plan, `${opts.url.replace(/\/+$/, '')}/workflow/${wf.id}`));
	}
	const run: ApiRun = { results, report: '', created: [], replaced: [], credentialsCreated: [] };
	const actions: string[] = [];
	const written = new Map<WorkflowResult, string>();
	if (opts.apply) {
		// credentials first (only those whose token was given), then point the converted nodes at their IDs
		// n8n 2.x adds "Allowed HTTP Request Domains" to every credential and its API schema then requires the domain
		// list unless the choice is given: "all" is what the editor saves by default.
		const schema = [...plan.credentials.values()].some((c) => c.data) ? await api.credentialSchema(CREDENTIAL_TYPE) : undefined;
		const extra = schema?.properties && 'allowedHttpRequestDomains' in schema.properties ? { allowedHttpRequestDomains: 'all' } : {};
		for (const cred of plan.credentials.values()) {
			if (!cred.data) continue;
			const created = await api.createCredential({ name: cred.name, type: CREDENTIAL_TYPE, data: { ...cred.data, ...extra } });
			cred.id = created.id;
			run.credentialsCreated.push({ id: created.id, name: cred.name });
			actions.push(`Created the credential "${cred.name}" (ID ${created.id}).`);
			log(`created credential ${cred.name} (${created.id})`);
		}
		for (const r of results) {
			for (const node of r.converted.nodes) {
				const ref = node.credentials?.[CREDENTIAL_TYPE];
				if (!ref) continue;
				const cred = [...plan.credentials.values()].find((c) => c.name === ref.name);
				node.credentials![CREDENTIAL_TYPE] = cred?.id ? { id: cred.id, name: ref.name } : { name: ref.name };
			}
		}
		for (const r of results) {
			const id = String(r.original.id);
			if (opts.inPlace) {
				mkdirSync(opts.out, { recursive: true });
				const backup = path.join(opts.out, `backup-${id}.json`);
				writeFileSync(backup, `${JSON.stringify(r.original, null, 2)}\n`);
				let deactivated = false;
				if (r.original.active) {
					// PUT on an active workflow would activate the converted one: deactivate first, the user re-activates after checking
					await api.deactivateWorkflow(id);
					deactivated = true;
				}
				await api.updateWorkflow(id, r.converted);
				run.replaced.push({ id, backup, deactivated });
				written.set(r, `replaced in place (backup: \`${backup}\`)`);
				actions.push(
					`Replaced workflow "${r.name}" (ID ${id}); backup of the original: \`${backup}\`.${deactivated ? ' It was active: it was deactivated before the change; activate it again once checked.' : ''}`,
				);
				log(`replaced ${id} (backup ${backup})`);
			} else {
				const created = await api.createWorkflow({ ...r.converted, name: `${r.name} (WTS Chat)` });
				run.created.push({ from: id, id: String(created.id), name: created.name });
				written.set(r, `new inactive workflow "${created.name}" (ID \`${String(created.id)}\`)`);
				actions.push(
					`Created workflow "${created.name}" (ID ${String(created.id)}, inactive) from "${r.name}" (ID ${id}); the original was not changed.${r.original.active ? ' The original is active: deactivate it when you activate the copy, so both do not run.' : ''}`,
				);
				log(`created ${String(created.id)} from ${id}`);
			}
		}
	}
	run.report = renderReport({ mode: opts.apply ? (opts.inPlace ? 'in-place' : 'apply') : 'dry-run', results, credentials: [...plan.credentials.values()], written, actions });
	return run;
}
