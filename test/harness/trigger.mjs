// IHookFunctions / IWebhookFunctions of our own for the WTS Chat Trigger, over REAL HTTP against the sandbox
// (the request helpers are those of ./n8n.mjs). It mirrors what n8n 2.x does around a webhook trigger:
//   activate():   checkExists(), then create() when it answered false (n8n's ActiveWorkflowManager / TestWebhooks)
//   deactivate(): delete()
//   receive():    the node's webhook() with the query and body of one HTTP call; the answer it wrote (401, …)
//                 or the items that would start an execution
// Static data is one object per node, kept across calls like n8n keeps it in the workflow (and in the database).
// `listen()` starts a loopback HTTP server standing in for n8n's webhook endpoint, so the sandbox's deliveries
// reach webhook() exactly as they would reach n8n.
import http from 'node:http';

import { loadOptionsContext } from './n8n.mjs';

/**
 * @param {object} o
 * @param {object} o.node a WtsChatTrigger instance
 * @param {object} o.parameters node parameters (events, options)
 * @param {{apiToken:string, baseUrl:string}} o.credentials
 * @param {string} [o.webhookUrl] what getNodeWebhookUrl('default') answers (n8n's production or test URL)
 * @param {'trigger'|'manual'|'internal'} [o.mode] 'manual' = the editor's "Listen for test event"; 'internal' = n8n taking a webhook down
 */
export function createTrigger({ node, parameters, credentials, webhookUrl = 'http://127.0.0.1:5678/webhook/0e2e-trigger/webhook', mode = 'trigger', helpers }) {
	const staticData = {};
	const workflow = { id: 'wfTrigger0001', name: 'Orders', active: true };
	const base = () => {
		const ctx = loadOptionsContext({ node, credentials, currentParameters: t.parameters, helpers });
		const nodeMeta = { ...ctx.getNode(), name: 'WTS Chat Trigger', type: 'n8n-nodes-wts-chat.wtsChatTrigger' };
		return Object.assign(ctx, {
			getNode: () => nodeMeta,
			getMode: () => t.mode,
			getActivationMode: () => (t.mode === 'manual' ? 'manual' : 'activate'),
			getWebhookName: () => 'default',
			getNodeWebhookUrl: () => t.webhookUrl,
			getWorkflow: () => workflow,
			getWorkflowStaticData: (type) => {
				if (type !== 'node') throw new Error(`unexpected static data type ${type}`);
				return staticData;
			},
		});
	};
	const t = {
		parameters,
		webhookUrl,
		mode,
		staticData,
		/** The hook context n8n gives webhookMethods. */
		hook: () => base(),
		async checkExists() {
			return await node.webhookMethods.default.checkExists.call(base());
		},
		/** What n8n does on activation (and on start-up for active workflows). Resolves to {existed}. */
		async activate() {
			const existed = await node.webhookMethods.default.checkExists.call(base());
			if (!existed) await node.webhookMethods.default.create.call(base());
			return { existed };
		},
		async deactivate() {
			return await node.webhookMethods.default.delete.call(base());
		},
		/**
		 * Runs webhook() for one incoming call. Resolves to {status, body, items}: status/body what the node wrote
		 * itself (401/400) or what n8n would answer, items the workflow's first output (undefined: nothing started).
		 */
		async receive({ query = {}, body = {} } = {}) {
			const response = { status: undefined, body: undefined };
			const res = {
				status(code) {
					response.status = code;
					return res;
				},
				json(payload) {
					response.body = payload;
					return res;
				},
			};
			const ctx = Object.assign(base(), {
				getQueryData: () => query,
				getBodyData: () => body,
				getHeaderData: () => ({ 'content-type': 'application/json' }),
				getResponseObject: () => res,
				getRequestObject: () => ({ query, body }),
			});
			const result = await node.webhook.call(ctx);
			if (result.noWebhookResponse) return { status: response.status, body: response.body, items: undefined };
			// onReceived: n8n answers 200 with webhookResponse, or its "Workflow was started" message
			return {
				status: 200,
				body: result.webhookResponse ?? { message: 'Workflow was started' },
				items: result.workflowData?.[0],
			};
		},
	};
	return t;
}

/**
 * A loopback HTTP server standing in for n8n's webhook endpoint: every POST runs the trigger's webhook() and is
 * answered like n8n would. `calls` records {query, status, items} per call. Set `trigger` after creating it.
 */
export async function listen() {
	const calls = [];
	const srv = {
		trigger: undefined,
		calls,
		url: '',
		server: http.createServer((req, res) => {
			const chunks = [];
			req.on('data', (c) => chunks.push(c));
			req.on('end', async () => {
				const u = new URL(req.url, 'http://n8n.local');
				const query = Object.fromEntries(u.searchParams);
				let body = {};
				try {
					body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
				} catch {
					body = {};
				}
				try {
					const r = await srv.trigger.receive({ query, body });
					calls.push({ path: u.pathname, query, status: r.status, items: r.items });
					res.writeHead(r.status, { 'content-type': 'application/json' });
					res.end(JSON.stringify(r.body ?? {}));
				} catch (e) {
					calls.push({ path: u.pathname, query, status: 500, error: e });
					res.writeHead(500);
					res.end(String(e?.message ?? e));
				}
			});
		}),
		async close() {
			await new Promise((r) => srv.server.close(() => r(undefined)));
		},
	};
	await new Promise((r) => srv.server.listen(0, '127.0.0.1', r));
	srv.url = `http://127.0.0.1:${srv.server.address().port}`;
	return srv;
}
