// A small client for n8n's own REST API (/rest/...), the one its editor uses: owner set-up, login (cookie),
// settings, workflows (list, activate), executions (with their full run data) and the credential test.
// Works with n8n 1.123.81, 2.8.4 and 2.41.1 (the pinned versions; see scripts/n8n.mjs). No dependencies (global fetch).

/**
 * n8n stores execution data "flatted" (https://github.com/WebReflection/flatted): a JSON array whose first
 * entry is the root; every string inside an object or array is the index (as a string) of the entry holding
 * the real value. This is the same algorithm as flatted's parse, without a reviver.
 */
export function parseFlatted(text) {
	const input = JSON.parse(text, (_k, v) => (typeof v === 'string' ? new String(v) : v));
	const values = input.map((v) => (v instanceof String ? String(v) : v));
	const seen = new Set();
	const revive = (output) => {
		const lazy = [];
		for (const k of Object.keys(output)) {
			const value = output[k];
			if (value instanceof String) {
				const target = values[Number(value)];
				if (target && typeof target === 'object' && !seen.has(target)) {
					seen.add(target);
					output[k] = undefined;
					lazy.push([k, target]);
				} else {
					output[k] = target;
				}
			}
		}
		for (const [k, target] of lazy) output[k] = revive(target);
		return output;
	};
	const root = values[0];
	if (root && typeof root === 'object') {
		seen.add(root);
		return revive(root);
	}
	return root;
}

export const OWNER = Object.freeze({
	email: 'owner@wts-e2e.example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	password: 'WtsE2e-Passw0rd!',
});

export class N8nRest {
	/** @param {string} baseUrl e.g. http://127.0.0.1:5678 */
	constructor(baseUrl) {
		this.baseUrl = baseUrl.replace(/\/+$/, '');
		this.cookie = '';
	}

	async request(method, path, body, { expectOk = true } = {}) {
		const headers = { accept: 'application/json' };
		if (this.cookie) headers.cookie = this.cookie;
		if (body !== undefined) headers['content-type'] = 'application/json';
		const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
		const setCookie = res.headers.getSetCookie?.() ?? [];
		for (const c of setCookie) {
			const [pair] = c.split(';');
			if (pair.startsWith('n8n-auth=')) this.cookie = pair;
		}
		const text = await res.text();
		let json;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		if (expectOk && !res.ok) {
			throw new Error(`n8n ${method} ${path} → HTTP ${res.status}: ${text.slice(0, 500)}`);
		}
		return { status: res.status, body: json, text };
	}

	/** The `data` envelope of n8n's REST answers. */
	async data(method, path, body) {
		const r = await this.request(method, path, body);
		return r.body?.data ?? r.body;
	}

	/** Creates the instance owner (first run) or logs in when the owner exists. */
	async ensureOwner(owner = OWNER) {
		const setup = await this.request('POST', '/rest/owner/setup', owner, { expectOk: false });
		if (setup.status >= 200 && setup.status < 300 && this.cookie) return setup.body?.data;
		return await this.login(owner);
	}

	async login(owner = OWNER) {
		return await this.data('POST', '/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password });
	}

	/** POST /rest/owner/setup (throws unless n8n created the owner; then this client holds its session cookie). */
	async setupOwner(owner = OWNER) {
		return await this.data('POST', '/rest/owner/setup', owner);
	}

	/**
	 * GET /rest/settings: the editor's settings (the public subset without a session, the full set with one).
	 * Both carry `userManagement.showSetupOnFirstLoad`.
	 */
	async settings() {
		return await this.data('GET', '/rest/settings');
	}

	/** Whether n8n still opens on its "Set up owner account" form (no owner yet). */
	async ownerSetupPending() {
		const pending = (await this.settings())?.userManagement?.showSetupOnFirstLoad;
		if (typeof pending !== 'boolean') throw new Error('n8n /rest/settings has no userManagement.showSetupOnFirstLoad');
		return pending;
	}

	/** The workflows the logged-in user sees on the editor's Workflows list (GET /rest/workflows). */
	async listWorkflows() {
		return (await this.data('GET', '/rest/workflows')) ?? [];
	}

	async getWorkflow(id) {
		return await this.data('GET', `/rest/workflows/${encodeURIComponent(id)}`);
	}

	/** Activates (publishes) a workflow's current version, so its production webhooks answer. */
	async activateWorkflow(id) {
		const wf = await this.getWorkflow(id);
		return await this.data('POST', `/rest/workflows/${encodeURIComponent(id)}/activate`, { versionId: wf.versionId });
	}

	/** Latest executions of a workflow, newest first (summaries, without run data). */
	async listExecutions(workflowId, limit = 10) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const d = await this.data('GET', `/rest/executions?filter=${filter}&limit=${limit}`);
		return d?.results ?? [];
	}

	/** One execution with its run data parsed: `{id, status, finished, mode, data: IRunExecutionData, ...}`. */
	async getExecution(id) {
		const e = await this.data('GET', `/rest/executions/${encodeURIComponent(id)}`);
		if (e && typeof e.data === 'string') e.data = parseFlatted(e.data);
		if (e && typeof e.workflowData === 'string') e.workflowData = JSON.parse(e.workflowData);
		return e;
	}

	/**
	 * Waits for a finished execution of `workflowId` whose id is greater than `afterId` and returns it with run
	 * data. Polls n8n (an execution is saved right around the moment its webhook answers).
	 */
	async waitForExecution(workflowId, afterId = 0, timeoutMs = 60_000) {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const list = await this.listExecutions(workflowId, 5);
			const done = list.filter((e) => Number(e.id) > Number(afterId) && !['new', 'running', 'waiting'].includes(e.status) && e.stoppedAt);
			if (done.length) {
				const newest = done.sort((a, b) => Number(b.id) - Number(a.id))[0];
				return await this.getExecution(newest.id);
			}
			if (Date.now() > deadline)
				throw new Error(`no finished execution of workflow ${workflowId} after id ${afterId} within ${timeoutMs} ms`);
			await new Promise((r) => setTimeout(r, 150));
		}
	}

	async lastExecutionId(workflowId) {
		const list = await this.listExecutions(workflowId, 1);
		return list.length ? Number(list[0].id) : 0;
	}

	/**
	 * n8n's credential test (the "Test" / "Retry" in the credential dialog): POST /rest/credentials/test with
	 * the stored credential's id and its data. Resolves to `{status: 'OK'|'Error', message}`.
	 */
	async testCredential({ id, name, type, data }) {
		return await this.data('POST', '/rest/credentials/test', { credentials: { id, name, type, data } });
	}
}
