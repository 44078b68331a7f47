// One end-to-end "leg": a sandbox (in-process, free loopback port) and one long-running `n8n start` of a given
// version with our packed package installed, the credentials and all workflows imported, the owner set up and
// the webhook workflows activated. Helpers run a workflow through its webhook and return n8n's own record of
// the execution (REST API), so tests assert on node output items, pairedItem and execution status.
import { existsSync, readdirSync, readFileSync, rmSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startSandbox } from '../../../sandbox/server.mjs';
import { startStandInModel } from './stand-in-model.mjs';
import {
	createUserFolder,
	freePort,
	importCredentials,
	importWorkflows,
	installPackage,
	n8nCli,
	publishWorkflow,
	startN8n,
	CREDENTIAL_TYPE,
} from '../../../scripts/n8n.mjs';
import { adaptationKinds, adaptWorkflows, BINARY_DATA_FOLDER, LineRest, lineOf } from './n8n-lines.mjs';
import { BAD_TOKEN_CREDENTIAL, MANUAL_TRIGGER_NAME, SANDBOX_CREDENTIAL, STAND_IN_MODEL_CREDENTIAL } from '../../../scripts/build-workflows.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '..', '..', '..');
const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));

/** The e2e workflows (test/e2e/workflows/*.json) by slug. */
export function loadE2eWorkflows() {
	const dir = path.join(REPO, 'test', 'e2e', 'workflows');
	return Object.fromEntries(
		readdirSync(dir)
			.filter((f) => f.endsWith('.json'))
			.sort()
			.map((f) => [f.replace(/\.json$/, ''), readJson(path.join(dir, f))]),
	);
}

/** The example workflows (examples/*.json) by slug, as users import them. */
export function loadExamples() {
	const dir = path.join(REPO, 'examples');
	return Object.fromEntries(
		readdirSync(dir)
			.filter((f) => f.endsWith('.json'))
			.sort()
			.map((f) => [f.replace(/\.json$/, ''), readJson(path.join(dir, f))]),
	);
}

/**
 * The webhook twin of an example: the same workflow with its Manual Trigger replaced by a Webhook trigger
 * (POST /webhook/wts-example/<slug>, answering when the run is over). A Chat Trigger becomes a Webhook and a
 * "Chat Input" node giving the agent `chatInput` from the request body, and an OpenAI credential becomes the
 * suite's stand-in model. Every other node is untouched.
 */
export function webhookTwin(slug, example) {
	const twin = structuredClone(example);
	twin.id = `${example.id.slice(0, 12)}Hook`;
	twin.name = `${example.name} (e2e webhook twin)`;
	const trigger = twin.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger' || n.type === '@n8n/n8n-nodes-langchain.chatTrigger');
	if (!trigger) throw new Error(`example ${slug} has no Manual Trigger or Chat Trigger`);
	const oldName = trigger.name;
	const isChat = trigger.type === '@n8n/n8n-nodes-langchain.chatTrigger';
	Object.assign(trigger, {
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: `0e2e0000-0000-4000-8000-${Buffer.from(slug).toString('hex').slice(0, 12).padEnd(12, '0')}`,
		parameters: { httpMethod: 'POST', path: `wts-example/${slug}`, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
	});
	if (isChat) {
		twin.nodes.push({
			id: '0e2e0000-0000-4000-8000-0000c4a71a9e',
			name: 'Chat Input',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [trigger.position[0] + 100, trigger.position[1] + 200],
			parameters: {
				assignments: { assignments: [{ id: 'c4a7', name: 'chatInput', type: 'string', value: '={{ $json.body.chatInput }}' }] },
				options: {},
			},
		});
		twin.connections['Chat Input'] = twin.connections[oldName];
		twin.connections.Webhook = { main: [[{ node: 'Chat Input', type: 'main', index: 0 }]] };
	} else {
		if (oldName !== MANUAL_TRIGGER_NAME) throw new Error(`example ${slug}: unexpected trigger name ${oldName}`);
		twin.connections.Webhook = twin.connections[oldName];
	}
	delete twin.connections[oldName];
	for (const node of twin.nodes) if (node.credentials?.openAiApi) node.credentials.openAiApi = { ...STAND_IN_MODEL_CREDENTIAL };
	return twin;
}

/** Items of one output of one node in an execution's run data (first run of the node). */
export function outputOf(execution, nodeName, outputIndex = 0, runIndex = 0) {
	const runs = execution.data?.resultData?.runData?.[nodeName];
	if (!runs) return undefined;
	return runs[runIndex]?.data?.main?.[outputIndex] ?? [];
}

/** adaptWorkflows over the sets of a leg ({e2e, examples, twins}: slug → workflow), keyed as given, plus the adaptations. */
function adaptSets(runtime, sets) {
	const flat = Object.entries(sets).flatMap(([set, bySlug]) => Object.entries(bySlug).map(([slug, wf]) => ({ set, slug, wf })));
	const { workflows, adaptations } = adaptWorkflows(
		runtime,
		flat.map((f) => f.wf),
	);
	const out = Object.fromEntries(Object.keys(sets).map((set) => [set, {}]));
	flat.forEach((f, i) => (out[f.set][f.slug] = workflows[i]));
	return { ...out, adaptations };
}

export async function startLeg({ version, runtime, tgz, timingsFile, log = (m) => process.stderr.write(`[e2e ${version}] ${m}\n`) }) {
	const timing = (what, ms, detail) => {
		appendFileSync(timingsFile, `${JSON.stringify({ version, what, ms, detail })}\n`);
		log(`${what}: ${Math.round(ms)} ms`);
	};
	/** A version-specific behaviour this leg met: printed now and in the closing timings block ("seen: ..."). */
	const seen = (what) => {
		appendFileSync(timingsFile, `${JSON.stringify({ version, seen: what })}\n`);
		log(`seen: ${what}`);
	};
	const legStarted = Date.now();
	const sandbox = await startSandbox({ port: 0 });
	// the AI agent cases talk to this stand-in instead of a real model (OpenAI credential with its Base URL)
	const model = await startStandInModel();
	const userFolder = createUserFolder();
	let n8n;
	try {
		return await setUp();
	} catch (error) {
		// leave nothing behind when the set-up fails (the n8n process, the sandbox, the temp user folder)
		await n8n?.stop().catch(() => {});
		await sandbox.close().catch(() => {});
		await model.close().catch(() => {});
		if (!process.env.WTS_E2E_KEEP) rmSync(userFolder, { recursive: true, force: true });
		if (n8n) error.message += `\n--- last n8n output ---\n${n8n.output().split('\n').slice(-30).join('\n')}`;
		throw error;
	}

	async function setUp() {
		await installPackage(userFolder, tgz);

		const credentials = [
			{ ...SANDBOX_CREDENTIAL, type: CREDENTIAL_TYPE, data: { apiToken: sandbox.token, baseUrl: sandbox.url } },
			{ ...BAD_TOKEN_CREDENTIAL, type: CREDENTIAL_TYPE, data: { apiToken: 'pn_this_token_is_wrong', baseUrl: sandbox.url } },
			{ ...STAND_IN_MODEL_CREDENTIAL, type: 'openAiApi', data: { apiKey: 'sk-stand-in-e2e', url: `${model.url}/v1` } },
		];
		const asWritten = { e2e: loadE2eWorkflows(), examples: loadExamples() };
		// Examples that start with a Manual Trigger or a Chat Trigger get a webhook twin; an example started by the WTS
		// Chat Trigger (acknowledge-inbound-messages) is imported as it is and activated by its own cases.
		asWritten.twins = Object.fromEntries(
			Object.entries(asWritten.examples)
				.filter(([, wf]) => wf.nodes.some((n) => n.type === 'n8n-nodes-base.manualTrigger' || n.type === '@n8n/n8n-nodes-langchain.chatTrigger'))
				.map(([slug, wf]) => [slug, webhookTwin(slug, wf)]),
		);
		// Every bundled node at a version this n8n knows (see n8n-lines.mjs: 1.x lacks AI Agent 3.1); said, not hidden.
		const { e2e, examples, twins, adaptations } = adaptSets(runtime, asWritten);
		for (const kind of adaptationKinds(adaptations)) {
			const where = [...new Set(adaptations.filter((a) => `${a.type} ${a.from} → ${a.to}` === kind).map((a) => a.workflow))];
			seen(`n8n ${version} does not know ${kind.replace(/ → .*/, '')}: imported as ${kind.replace(/.* → /, 'version ')} in ${where.length} workflows (${where.join('; ')})`);
		}

		let t = Date.now();
		const ci = await importCredentials(runtime, userFolder, credentials);
		const wi = await importWorkflows(runtime, userFolder, [...Object.values(e2e), ...Object.values(twins), ...Object.values(examples)]);
		timing('import:credentials + import:workflow', Date.now() - t, { credentials: ci.ms, workflows: wi.ms });

		// One workflow is activated the headless way (a Docker entrypoint's), before n8n starts; its cases prove that
		// n8n serves its webhook. The command differs per line (see publishWorkflow).
		const cliActivated = e2e['get-many'];
		const published = await publishWorkflow(runtime, userFolder, cliActivated.id);
		timing(`${published.command.replace(/ --id=\S+/, '')} (one workflow, before n8n start)`, published.ms);

		n8n = await startN8n(runtime, userFolder, { maxSeconds: 3600, logFile: path.join(userFolder, 'n8n.log') });
		timing('n8n start → ready', n8n.startupMs);

		t = Date.now();
		const rest = new LineRest(n8n.url, version, seen);
		const webhookWorkflows = [...Object.values(e2e), ...Object.values(twins)].filter((wf) => wf.id !== cliActivated.id);
		await rest.ensureOwner();
		const afterCli = await rest.getWorkflow(cliActivated.id);
		if (afterCli.active !== true) throw new Error(`n8n ${version}: after \`${published.command}\` the workflow is not active after n8n start`);
		await rest.waitLive(cliActivated.id);
		seen(`activation from the command line: \`${published.command}\` before n8n start → active after start`);
		// a few at a time, as several editors would: n8n answers them side by side (2.41's outbox publishes 5 at once)
		const queue = [...webhookWorkflows];
		await Promise.all(Array.from({ length: 6 }, async () => {
			for (let wf = queue.shift(); wf; wf = queue.shift()) await rest.activateWorkflow(wf.id);
		}));
		const sample = await rest.getWorkflow(webhookWorkflows[0].id);
		if (sample.active !== true) throw new Error(`n8n ${version}: POST /rest/workflows/:id/activate left the workflow inactive`);
		seen(
			`activation in the editor's REST API: POST /rest/workflows/:id/activate {versionId} → active: true, activeVersionId ${sample.activeVersionId === sample.versionId ? '= versionId' : JSON.stringify(sample.activeVersionId ?? null)}`,
		);
		timing(`owner set-up + activating ${webhookWorkflows.length} webhook workflows`, Date.now() - t);

		const state = {
			async session(id) {
				const r = await fetch(`${sandbox.url}/__sandbox/state/sessions/${id}`);
				if (!r.ok) throw new Error(`sandbox state of session ${id}: HTTP ${r.status}`);
				return await r.json();
			},
			async file(id) {
				const r = await fetch(`${sandbox.url}/__sandbox/files/${id}`);
				if (!r.ok) throw new Error(`sandbox file ${id}: HTTP ${r.status}`);
				return Buffer.from(await r.arrayBuffer());
			},
			async all() {
				return await (await fetch(`${sandbox.url}/__sandbox/state`)).json();
			},
			async reset() {
				const r = await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
				if (!r.ok) throw new Error(`sandbox reset: HTTP ${r.status}`);
			},
			async addFault(rule) {
				const r = await fetch(`${sandbox.url}/__sandbox/faults`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(rule),
				});
				if (!r.ok) throw new Error(`sandbox fault: HTTP ${r.status} ${await r.text()}`);
				return await r.json();
			},
			async requests() {
				return await (await fetch(`${sandbox.url}/__sandbox/requests`)).json();
			},
			async violations() {
				return await (await fetch(`${sandbox.url}/__sandbox/violations`)).json();
			},
		};

		/** POSTs `body` to a webhook workflow and returns the HTTP answer plus n8n's record of the execution. */
		async function trigger(workflow, webhookPath, body) {
			const before = await rest.lastExecutionId(workflow.id);
			const started = Date.now();
			const res = await fetch(`${n8n.url}/webhook/${webhookPath}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body ?? {}),
			});
			const text = await res.text();
			let json;
			try {
				json = JSON.parse(text);
			} catch {
				json = text;
			}
			const execution = await rest.waitForExecution(workflow.id, before);
			return {
				httpStatus: res.status,
				response: json,
				execution,
				ms: Date.now() - started,
				out: (node, outputIndex = 0) => outputOf(execution, node, outputIndex),
				error: execution.data?.resultData?.error,
			};
		}

		return {
			version,
			runtime,
			sandbox,
			model,
			n8n,
			rest,
			state,
			userFolder,
			credentials,
			e2e,
			examples,
			twins,
			adaptations,
			line: lineOf(version),
			timing,
			seen,
			/**
			 * The bytes n8n stored for a binary property in `filesystem` mode (id `filesystem-v2:<path>`), read from the
			 * folder of this n8n line (n8n-lines.mjs: BINARY_DATA_FOLDER); the first read says where it was.
			 */
			binaryOnDisk(binaryId) {
				const folder = BINARY_DATA_FOLDER[lineOf(version)];
				const file = path.join(userFolder, '.n8n', folder, binaryId.replace(/^filesystem(-v2)?:/, ''));
				if (!existsSync(file)) throw new Error(`n8n ${version}: binary data ${binaryId} is not at ${file}`);
				if (!this.binarySeen) seen(`binary data in filesystem mode: ids "${binaryId.split(':')[0]}:…", files under .n8n/${folder}/`);
				this.binarySeen = true;
				return readFileSync(file);
			},
			/** Runs test/e2e/workflows/<slug>.json through its webhook. */
			run: (slug, body) => trigger(e2e[slug], `wts-e2e/${slug}`, body),
			/** Runs examples/<slug>.json through its webhook twin. */
			runExample: (slug, body) => trigger(twins[slug], `wts-example/${slug}`, body),
			/** `n8n execute --id` of a workflow in a separate process (what a user's "Execute workflow" does, headless). */
			async execute(workflowId) {
				// its own ports, so it can run next to the `n8n start` of this leg (same user folder and database)
				const r = await n8nCli(runtime, userFolder, ['execute', `--id=${workflowId}`, '--rawOutput'], {
					env: { N8N_RUNNERS_BROKER_PORT: String(await freePort()), N8N_PORT: String(await freePort()) },
				});
				// stdout: notices of the task broker/runners, then the run (IRun) as JSON from the first line with "{"
				const lines = r.stdout.split('\n');
				const first = lines.findIndex((l) => l.startsWith('{'));
				let run;
				try {
					run = first === -1 ? undefined : JSON.parse(lines.slice(first).join('\n'));
				} catch {
					run = undefined;
				}
				// What n8n printed besides the run (task runner notices, errors logged before the JSON), for failure messages.
				const notices = (first === -1 ? lines : lines.slice(0, first)).join('\n');
				return { ...r, run, notices };
			},
			/**
			 * Stops n8n and starts it again on the same port and user folder, as an n8n restart: n8n re-activates the
			 * active workflows itself (webhook triggers: checkExists, then create only if that answered false).
			 */
			async restartN8n() {
				const port = n8n.port;
				await n8n.stop();
				n8n = await startN8n(runtime, userFolder, { port, maxSeconds: 3600, logFile: path.join(userFolder, 'n8n.log') });
				this.n8n = n8n;
				timing('n8n restart → ready', n8n.startupMs);
			},
			async stop() {
				const t2 = Date.now();
				await n8n.stop();
				await sandbox.close();
				await model.close();
				timing('n8n stop', Date.now() - t2);
				timing('whole leg (setup + tests + stop)', Date.now() - legStarted);
				if (!process.env.WTS_E2E_KEEP) rmSync(userFolder, { recursive: true, force: true });
				else log(`kept the n8n user folder: ${userFolder}`);
			},
		};
	}
}
