// What differs between the pinned n8n lines (1.x and 2.x) for the end-to-end suite, in one place. Each difference
// is handled explicitly per line and reported (a "seen:" line in the timings output and in the test names), never
// skipped: a leg that meets something this file does not expect fails.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { N8nRest } from '../../../scripts/lib/n8n-rest.mjs';

/** The n8n major line of a version string ("1.123.81" → 1). */
export function lineOf(version) {
	return Number(String(version).split('.')[0]);
}

/** The node packages bundled with n8n whose node types the workflows use, and their type prefixes. */
const BUNDLED = [
	['n8n-nodes-base', 'n8n-nodes-base'],
	[path.join('@n8n', 'n8n-nodes-langchain'), '@n8n/n8n-nodes-langchain'],
];

/**
 * The node types (and their versions) an n8n install knows, read from its bundled packages' dist/types/nodes.json
 * (the same lists the editor gets from /types/nodes.json). Map: type → sorted versions.
 */
export function knownNodeVersions(runtime) {
	const known = new Map();
	for (const [dir, prefix] of BUNDLED) {
		const file = path.join(runtime.dir, 'node_modules', dir, 'dist', 'types', 'nodes.json');
		if (!existsSync(file)) throw new Error(`n8n ${runtime.version}: ${file} is missing; cannot tell which node versions it knows`);
		for (const node of JSON.parse(readFileSync(file, 'utf8'))) {
			const type = `${prefix}.${node.name}`;
			const versions = known.get(type) ?? new Set();
			for (const v of [node.version].flat()) versions.add(v);
			known.set(type, versions);
		}
	}
	return new Map([...known].map(([type, versions]) => [type, [...versions].sort((a, b) => a - b)]));
}

/**
 * The node-version adaptations each line needs for this repository's workflows (test/e2e/workflows, examples and
 * their webhook twins), as `<type> <from> → <to>`. The workflows are written for n8n 2.x; n8n 1.123 knows the
 * AI Agent only up to version 3 (2.x has 3.1), and its engine refuses a node version it does not know.
 * Anything else a leg meets fails it (see adaptWorkflows).
 */
export const EXPECTED_ADAPTATIONS = {
	1: ['@n8n/n8n-nodes-langchain.agent 3.1 → 3'],
	2: [],
};

/**
 * Copies of `workflows` with every bundled node at a version this n8n knows: a node whose typeVersion the install
 * does not know gets the highest known version below it. Returns the copies and the adaptations made
 * (`{workflow, node, type, from, to}`); throws on a type the install does not have at all, or with no lower version.
 * Our own node types (n8n-nodes-wts-chat.*) are left alone: the package under test is the same in every version.
 */
export function adaptWorkflows(runtime, workflows) {
	const known = knownNodeVersions(runtime);
	const adaptations = [];
	const adapted = workflows.map((wf) => {
		const copy = structuredClone(wf);
		for (const node of copy.nodes) {
			if (!BUNDLED.some(([, prefix]) => node.type.startsWith(`${prefix}.`))) continue;
			const versions = known.get(node.type);
			if (!versions) throw new Error(`n8n ${runtime.version} has no node type ${node.type} (workflow "${wf.name}", node "${node.name}")`);
			const wanted = node.typeVersion ?? 1;
			if (versions.includes(wanted)) continue;
			const lower = versions.filter((v) => v < wanted).at(-1);
			if (lower === undefined)
				throw new Error(`n8n ${runtime.version} knows ${node.type} only as ${versions.join(', ')}; workflow "${wf.name}" uses ${wanted}`);
			adaptations.push({ workflow: wf.name, node: node.name, type: node.type, from: wanted, to: lower });
			node.typeVersion = lower;
		}
		return copy;
	});
	return { workflows: adapted, adaptations };
}

/** The distinct adaptations as `<type> <from> → <to>` lines (what EXPECTED_ADAPTATIONS lists). */
export function adaptationKinds(adaptations) {
	return [...new Set(adaptations.map((a) => `${a.type} ${a.from} → ${a.to}`))].sort();
}

/**
 * Where n8n keeps binary data in `filesystem` mode, inside the user folder's .n8n: n8n 1.x in `binaryData`
 * (BinaryDataConfig.localStoragePath), n8n 2.x in `storage` (N8N_STORAGE_PATH's default).
 */
export const BINARY_DATA_FOLDER = { 1: 'binaryData', 2: 'storage' };

/**
 * How n8n gives a binary property's size: n8n 2.x as `bytes` (a number) beside `fileSize` (text, "337 B"); n8n 1.x
 * only as `fileSize` (n8n-core 1.x has no `bytes`). Returns the fields to expect for `length` bytes.
 */
export function binarySizeFields(line, length) {
	return line === 1 ? { fileSize: `${length} B` } : { bytes: length, fileSize: `${length} B` };
}

/**
 * Queue mode: whether n8n runs a dead worker's job again on another worker. n8n 1.x: yes, once (Bull's
 * maxStalledCount comes from QUEUE_WORKER_MAX_STALLED_COUNT, default 1); n8n 2.x: no (its scaling service sets
 * maxStalledCount 0, so the execution fails as crashed).
 */
export const STALLED_JOBS_RUN_AGAIN = { 1: true, 2: false };

const delay = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * N8nRest with activation and deactivation that return once they have taken effect, in every line:
 * - n8n 1.123.81 and 2.8.4: POST /rest/workflows/:id/activate (…/deactivate) registers the webhooks and runs the
 *   triggers' create (delete) before it answers; there is no publication-status endpoint.
 * - n8n 2.41.1: activation goes through a publication outbox (N8N_USE_WORKFLOW_PUBLICATION_SERVICE, on by default):
 *   the POST answers at once with `active: true`, and the webhooks and triggers follow a moment later. The editor
 *   follows GET /rest/workflows/:id/publication-status ({status: in_progress | published | partial | failed |
 *   not_published, liveVersionId, triggers}); so does this client, and a failed or partial publication fails here
 *   with the triggers' messages.
 * Which one a leg met is said once through `seen`.
 */
export class LineRest extends N8nRest {
	/** @param {string} baseUrl @param {string} version @param {(what: string) => void} [seen] */
	constructor(baseUrl, version, seen = () => {}) {
		super(baseUrl);
		this.version = version;
		this.seen = seen;
	}

	static said = new Set();

	/** GET …/publication-status, or undefined when this n8n has none (n8n 1.x, 2.8.4; or the service turned off). */
	async publicationStatus(id) {
		const r = await this.request('GET', `/rest/workflows/${encodeURIComponent(id)}/publication-status`, undefined, { expectOk: false });
		const status = r.body?.data ?? r.body;
		return r.status === 200 && typeof status?.status === 'string' ? status : undefined;
	}

	/**
	 * Waits until `done(status)`; throws on a failed or partial publication, or after `timeoutMs`. `kind`: what was
	 * done before (activate, deactivate: a POST; start: an n8n start with the workflow active), for what is said.
	 */
	async settle(id, kind, done, timeoutMs = 60_000) {
		const started = Date.now();
		let status = await this.publicationStatus(id);
		if (!status) {
			if (kind !== 'start')
				this.sayOnce(
					`sync-${kind}`,
					`${kind} is synchronous: webhooks and triggers are ${kind === 'activate' ? 'in place' : 'removed'} when POST /rest/workflows/:id/${kind} answers (no publication-status endpoint)`,
				);
			return { waitedMs: 0 };
		}
		const states = [status.status];
		while (!done(status)) {
			if (['failed', 'partial'].includes(status.status) && status.pendingVersionId === null) {
				throw new Error(
					`n8n ${this.version}: publication of workflow ${id} (${kind}) ended ${status.status}: ${JSON.stringify(status.triggers.map((t) => [t.nodeId, t.status, t.errorMessage]))}`,
				);
			}
			if (Date.now() - started > timeoutMs) throw new Error(`n8n ${this.version}: publication of workflow ${id} (${kind}) not settled after ${timeoutMs} ms: ${JSON.stringify(status)}`);
			await delay(100);
			status = await this.publicationStatus(id);
			if (states.at(-1) !== status.status) states.push(status.status);
		}
		const waitedMs = Date.now() - started;
		this.sayOnce(
			`async-${kind}`,
			kind === 'start'
				? `after n8n start, an active workflow's GET …/publication-status showed ${states.join(' → ')} within ${waitedMs} ms (first time)`
				: `${kind} is asynchronous (publication outbox): POST /rest/workflows/:id/${kind} answered at once; GET …/publication-status went ${states.join(' → ')} in ${waitedMs} ms (first time)`,
		);
		return { waitedMs };
	}

	sayOnce(key, text) {
		// once per version and process, also across clients (a restarted n8n gets a new client)
		const k = `${this.version}:${key}`;
		if (LineRest.said.has(k)) return;
		LineRest.said.add(k);
		this.seen(text);
	}

	async activateWorkflow(id) {
		const wf = await super.activateWorkflow(id);
		await this.settle(id, 'activate', (s) => s.status === 'published' && s.pendingVersionId === null && s.liveVersionId === wf.activeVersionId);
		return wf;
	}

	async deactivateWorkflow(id) {
		const wf = await this.data('POST', `/rest/workflows/${encodeURIComponent(id)}/deactivate`);
		await this.settle(id, 'deactivate', (s) => s.status !== 'in_progress' && s.pendingVersionId === null && s.liveVersionId === null);
		return wf;
	}

	/** After an n8n (re)start: waits until an active workflow's publication is live again (at once without the outbox). */
	async waitLive(id) {
		const wf = await this.getWorkflow(id);
		await this.settle(id, 'start', (s) => s.status === 'published' && s.pendingVersionId === null && s.liveVersionId === wf.activeVersionId);
	}
}
