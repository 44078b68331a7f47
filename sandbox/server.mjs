// WTS Chat API sandbox: a strict, stateful local stand-in for https://api.wts.chat.
//
//   import { startSandbox } from './sandbox/server.mjs';
//   const sandbox = await startSandbox({ port: 0 });
//   // base URL: sandbox.url (e.g. http://127.0.0.1:54321) — paths as in production: /chat/v2/session
//   await sandbox.close();
//
// Request pipeline (API routes):
//   log → global latency → fault rule (latency / drop / forced status) → auth (401) →
//   contract validation (violations recorded) → rate limit (429) → route (404/405) →
//   strict 400 → handler (501 if not simulated) → afterHandler fault → response.

import { createServer } from 'node:http';
import { SEED, DEFAULT_TOKEN } from './seed.mjs';
import { createState, snapshot } from './state.mjs';
import { loadContract, createValidator } from './validate.mjs';
import { createFaults } from './faults.mjs';
import { createRateLimiter, DEFAULT_RATE_LIMITS } from './ratelimit.mjs';
import { createStorage } from './storage.mjs';
import {
	HttpError,
	problemDetails,
	unauthorizedBody,
	tooManyRequestsBody,
	defaultFaultResponse,
	internalException,
	formErrorBody,
} from './envelopes.mjs';
import { handlers as coreHandlers } from './services/core.mjs';
import { handlers as contactHandlers } from './services/contacts.mjs';
import { handlers as chatHandlers } from './services/chat.mjs';
import { handlers as crmHandlers } from './services/crm.mjs';
import { handlers as messagingHandlers } from './services/messaging.mjs';
import { handlers as sequenceHandlers } from './services/sequences.mjs';
import { handlers as teamHandlers } from './services/team.mjs';
import { handlers as sendHandlers } from './services/send.mjs';
import { handlers as webhookHandlers } from './services/webhooks.mjs';
import { handlers as directoryHandlers } from './services/directory.mjs';
import { cardNoteEdit, createWebhookDelivery, inboundMessage, messageStatusChange } from './webhooks.mjs';

export { SEED, DEFAULT_TOKEN, DEFAULT_RATE_LIMITS };

/** Every simulated operation, keyed exactly like contract.json's operations. */
export const HANDLERS = Object.freeze({
	...coreHandlers,
	...contactHandlers,
	...chatHandlers,
	...crmHandlers,
	...messagingHandlers,
	...sendHandlers,
	...webhookHandlers,
	...teamHandlers,
	...sequenceHandlers,
	...directoryHandlers,
});

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function redactHeaders(headers) {
	const out = {};
	for (const [k, v] of Object.entries(headers)) {
		const key = k.toLowerCase();
		out[key] = key === 'authorization' ? (/^bearer\s/i.test(String(v)) ? 'Bearer ***' : '***') : v;
	}
	return out;
}

function queryObject(searchParams) {
	const q = {};
	for (const [k, v] of searchParams) (q[k] ??= []).push(v);
	return q;
}

function parseJsonLoose(raw, contentType) {
	if (!raw.length) return null;
	if (!/json/i.test(String(contentType ?? ''))) return null;
	try {
		return JSON.parse(raw.toString('utf8'));
	} catch {
		return null;
	}
}

/**
 * The JSON text a handler's return value is sent as (undefined/null → empty body).
 * Every handler result goes through JSON.stringify, strings and Buffers included, so what the
 * response check parses is exactly what the client receives.
 * @returns {string|undefined}
 */
export function toWireJson(value, key = 'handler') {
	if (value === undefined || value === null) return undefined;
	const text = JSON.stringify(value);
	if (text === undefined) throw new Error(`${key} returned a value JSON cannot represent (${typeof value})`);
	return text;
}

/**
 * Writes a result. body: undefined/null → empty; string/Buffer → as is; anything else → JSON.
 * @param {import('node:http').ServerResponse} res
 * @param {{status:number, body?:any, headers?:Record<string,string>, contentType?:string}} r
 */
function send(res, r) {
	const headers = { ...(r.headers ?? {}) };
	let payload = '';
	if (r.body === undefined || r.body === null) {
		payload = '';
	} else if (typeof r.body === 'string' || Buffer.isBuffer(r.body)) {
		payload = r.body;
		headers['content-type'] ??= r.contentType ?? 'text/plain; charset=utf-8';
	} else {
		payload = JSON.stringify(r.body);
		headers['content-type'] ??= r.contentType ?? 'application/json; charset=utf-8';
	}
	headers['content-length'] = String(Buffer.byteLength(payload));
	res.writeHead(r.status, headers);
	res.end(payload);
}

/**
 * Starts a sandbox instance.
 * @param {object} [options]
 * @param {string} [options.host='127.0.0.1'] loopback only (127.0.0.1, localhost, ::1)
 * @param {number} [options.port=0] 0 = any free port
 * @param {string} [options.token='pn_sandbox_token'] the Bearer token the API accepts
 * @param {false|{burst?:{limit:number,windowMs:number}|false, sustained?:{limit:number,windowMs:number}|false, send?:{limit:number,windowMs:number}|false}} [options.rateLimits]
 * @param {boolean} [options.rateLimitRetryAfter=true] send a Retry-After header (seconds) on 429
 * @param {number} [options.latencyMs=0] delay added to every API/storage request
 * @param {boolean} [options.seed=true] load the demo data (SEED)
 * @param {number|string|Date} [options.seedAnchor=now] time the seeded dates are relative to (without it, reset() re-anchors to the reset time)
 * @param {boolean} [options.strict=true] reject contract violations with 400 (false: record + pass through)
 * @param {boolean} [options.quiet=false] do not print violations to stderr
 * @param {boolean} [options.log=false] print one line per request to stderr
 * @param {number} [options.queueDelayMs=0] time an async message stays QUEUED before it is SENT/FAILED
 * @param {boolean} [options.checkResponses=false] validate every 200 body, as sent on the wire, against the contract (problems in `responseProblems`)
 * @param {number} [options.requestLogLimit=10000] max entries kept in `requests`
 */
export async function startSandbox(options = {}) {
	const opts = {
		host: '127.0.0.1',
		port: 0,
		token: DEFAULT_TOKEN,
		rateLimits: undefined,
		rateLimitRetryAfter: true,
		latencyMs: 0,
		seed: true,
		seedAnchor: Date.now(),
		strict: true,
		quiet: false,
		log: false,
		queueDelayMs: 0,
		checkResponses: false,
		requestLogLimit: 10_000,
		...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
	};
	if (!LOOPBACK.has(opts.host)) throw new Error(`sandbox binds to loopback only; host ${opts.host} refused`);
	const anchor = opts.seedAnchor instanceof Date ? opts.seedAnchor.getTime() : typeof opts.seedAnchor === 'string' ? Date.parse(opts.seedAnchor) : opts.seedAnchor;

	const contract = loadContract();
	const validator = createValidator(contract);
	const state = createState({ seed: opts.seed, anchor });
	const faults = createFaults();
	const limiter = createRateLimiter(opts.rateLimits === undefined ? DEFAULT_RATE_LIMITS : opts.rateLimits);
	const storage = createStorage();
	const webhooks = createWebhookDelivery({ state, quiet: opts.quiet });
	/** @type {{method:string, url:string, operation:string|null, problems:string[], time:string}[]} */
	const violations = [];
	/** @type {any[]} */
	const requests = [];
	/** @type {{operation:string, url:string, problems:string[]}[]} */
	const responseProblems = [];
	let baseUrl = '';
	let requestSeq = 0;

	const recordViolation = (method, url, operation, problems) => {
		violations.push({ method, url, operation, problems, time: new Date().toISOString() });
		if (!opts.quiet) {
			process.stderr.write(`[sandbox] CONTRACT VIOLATION ${method} ${url}\n${problems.map((p) => `[sandbox]   - ${p}`).join('\n')}\n`);
		}
	};

	const violationResponse = (status, title, problems, headers) => ({
		status,
		headers,
		body: problemDetails({ status, title, detail: problems.join('; '), errors: problems }),
	});

	/** The API part of the pipeline (after faults). */
	async function api({ method, pathname, search, searchParams, headers, rawBody }) {
		const url = pathname + search;
		const auth = /^bearer\s+(.+)$/i.exec(String(headers.authorization ?? '').trim());
		if (!auth || auth[1].trim() !== opts.token) return { status: 401, body: unauthorizedBody() };
		const token = auth[1].trim();

		const v = validator.validateRequest({ method, pathname, searchParams, headers, rawBody });
		const { route } = v;
		const key = route.kind === 'ok' ? route.key : null;
		if (v.problems.length) recordViolation(method, url, key, v.problems);

		const sendFamily = route.kind === 'ok' ? route.op.sendFamily : pathname.startsWith('/chat/v1/send/');
		const rl = limiter.check(token, sendFamily);
		if (!rl.ok) {
			const h = opts.rateLimitRetryAfter ? { 'retry-after': String(rl.retryAfterSeconds) } : {};
			return sendFamily
				? { status: 429, headers: h, body: problemDetails({ status: 429, title: 'Too Many Requests', detail: `Rate limit exceeded (${rl.window} window).`, type: 'https://tools.ietf.org/html/rfc6585#section-4' }) }
				: { status: 429, headers: h, body: tooManyRequestsBody() };
		}

		if (route.kind === 'no-route') return violationResponse(404, 'Sandbox contract violation', v.problems);
		if (route.kind === 'method-not-allowed') return violationResponse(405, 'Sandbox contract violation', v.problems, { allow: route.allowed.join(', ') });
		if (v.problems.length && opts.strict) return violationResponse(400, 'Sandbox contract violation', v.problems);

		const handler = HANDLERS[key];
		if (!handler) {
			const problems = [`${key} is documented but not simulated yet by the sandbox`];
			recordViolation(method, url, key, problems);
			return { status: 501, body: problemDetails({ status: 501, title: 'Not simulated yet', detail: problems[0], errors: problems }) };
		}
		const objectBody = route.op.requestBody?.schema?.type === 'object';
		const ctx = {
			state,
			params: v.params,
			query: v.query,
			// handlers may rely on an object when the contract body is an object (optional bodies)
			body: v.body ?? (objectBody ? {} : null),
			bodyPresent: rawBody.length > 0,
			headers,
			op: route.op,
			key,
			now: Date.now(),
			baseUrl,
			storage,
			options: opts,
		};
		try {
			// Serialize ONCE: the response check validates the parsed wire JSON and the very same text
			// is sent (undefined properties vanish, Dates become strings, NaN becomes null, ...).
			const wireText = toWireJson(await handler(ctx), key);
			if (opts.checkResponses) {
				const problems = validator.validateResponse(key, wireText === undefined ? undefined : JSON.parse(wireText));
				if (problems.length) {
					responseProblems.push({ operation: key, url, problems });
					if (!opts.quiet) process.stderr.write(`[sandbox] RESPONSE DRIFT ${key}\n${problems.map((p) => `[sandbox]   - ${p}`).join('\n')}\n`);
				}
			}
			// Webhook delivery (sandbox/webhooks.mjs): the events this state change raises go to the subscriptions.
			webhooks.afterHandler(ctx, key, wireText === undefined ? undefined : JSON.parse(wireText));
			return { status: 200, body: wireText, contentType: 'application/json; charset=utf-8' };
		} catch (e) {
			if (e instanceof HttpError) return { status: e.status, body: e.body, headers: e.headers };
			// lenient mode let an invalid request through: answer like the real API does for bad input
			if (v.problems.length) return { status: 500, body: formErrorBody('Requisição inválida.') };
			throw e;
		}
	}

	/** Applies a fault that drops the connection or forces a status. */
	function applyFault(fault, res, entry) {
		entry.fault = fault.id;
		if (fault.drop) {
			entry.status = 'dropped';
			res.socket?.destroy();
			return;
		}
		const base = fault.body !== undefined ? { body: fault.body } : defaultFaultResponse(fault.status);
		entry.status = fault.status;
		send(res, { status: fault.status, body: base.body, contentType: base.contentType, headers: fault.headers });
	}

	async function onRequest(req, res) {
		const started = Date.now();
		const url = new URL(req.url ?? '/', 'http://sandbox.local');
		const { pathname, search, searchParams } = url;
		const method = String(req.method).toUpperCase();
		const headers = req.headers;
		const rawBody = await readBody(req);

		if (pathname === '/__sandbox' || pathname.startsWith('/__sandbox/')) return admin(method, pathname, searchParams, rawBody, res);

		const entry = {
			seq: ++requestSeq,
			method,
			path: pathname,
			query: queryObject(searchParams),
			headers: redactHeaders(headers),
			body: parseJsonLoose(rawBody, headers['content-type']),
			bodyBytes: rawBody.length,
			time: new Date(started).toISOString(),
			status: null,
		};
		requests.push(entry);
		if (requests.length > opts.requestLogLimit) requests.splice(0, requests.length - opts.requestLogLimit);

		const finish = () => {
			entry.durationMs = Date.now() - started;
			if (opts.log) process.stderr.write(`[sandbox] ${method} ${pathname}${search} → ${entry.status} (${entry.durationMs} ms)\n`);
		};

		try {
			if (opts.latencyMs) await sleep(opts.latencyMs);
			const fault = faults.take(method, pathname);
			if (fault?.latencyMs) await sleep(fault.latencyMs);
			const forcing = fault && (fault.drop || fault.status);
			const isStorage = pathname.startsWith('/__storage/');

			if (forcing && !fault.afterHandler) {
				// still check the request against the contract so a bad request is never hidden by a fault
				if (!isStorage) {
					const v = validator.validateRequest({ method, pathname, searchParams, headers, rawBody });
					if (v.problems.length) recordViolation(method, pathname + search, v.route.kind === 'ok' ? v.route.key : null, v.problems);
				}
				applyFault(fault, res, entry);
				return finish();
			}

			let result;
			if (isStorage) {
				result = storage.handle({ method, pathname, searchParams, headers, rawBody, state });
				if (result.problem) recordViolation(method, pathname, null, [result.problem]);
			} else {
				result = await api({ method, pathname, search, searchParams, headers, rawBody });
			}

			if (forcing && fault.afterHandler) {
				entry.handlerStatus = result.status;
				applyFault(fault, res, entry);
				return finish();
			}
			entry.status = result.status;
			send(res, result);
			return finish();
		} catch (e) {
			process.stderr.write(`[sandbox] INTERNAL ERROR ${method} ${pathname}: ${e?.stack ?? e}\n`);
			entry.status = 500;
			if (!res.headersSent)
				send(res, { status: 500, body: internalException({ status: 500, key: 'SANDBOX_INTERNAL_ERROR', text: `Sandbox bug: ${e?.message ?? e}`, httpStatusCode: 'INTERNALSERVERERROR' }) });
			return finish();
		}
	}

	function reset() {
		// an explicit seedAnchor keeps the seeded dates identical; otherwise they move to "now"
		state.reset(opts.seed, options.seedAnchor === undefined ? Date.now() : anchor);
		faults.clear();
		limiter.reset();
		violations.length = 0;
		requests.length = 0;
		responseProblems.length = 0;
	}

	/** What happens outside the API, by admin route: each changes the state and names the events it raises. */
	const OUTSIDE = { 'inbound-message': inboundMessage, 'message-status': messageStatusChange, 'card-note-edit': cardNoteEdit };

	/** Runs one of OUTSIDE and delivers its events; resolves to its result (without `events`) and the deliveries. */
	async function outside(change, body) {
		const { events, ...result } = change({ state, now: Date.now(), baseUrl, storage, options: opts }, body);
		return { ...result, deliveries: await webhooks.emit(events) };
	}

	/** Admin API under /__sandbox/ (no auth; loopback only). */
	async function admin(method, pathname, searchParams, rawBody, res) {
		const json = (status, body) => send(res, { status, body });
		const parts = pathname.split('/').filter(Boolean).slice(1); // drop "__sandbox"
		const route = `${method} /${parts.join('/')}`;
		let body = null;
		if (rawBody.length) {
			try {
				body = JSON.parse(rawBody.toString('utf8'));
			} catch (e) {
				return json(400, { error: `invalid JSON: ${e.message}` });
			}
		}
		switch (route) {
			case 'GET /health':
				return json(200, { ok: true, url: baseUrl, token: opts.token, operations: Object.keys(contract.operations).length, simulated: Object.keys(HANDLERS).length, uptimeMs: Date.now() - startedAt });
			case 'POST /reset':
				reset();
				return json(200, { ok: true });
			case 'GET /violations':
				return json(200, violations);
			case 'DELETE /violations':
				violations.length = 0;
				return json(200, { ok: true });
			case 'GET /requests':
				return json(200, requests);
			case 'DELETE /requests':
				requests.length = 0;
				return json(200, { ok: true });
			case 'GET /faults':
				return json(200, faults.list());
			case 'POST /faults':
				try {
					return json(200, Array.isArray(body) ? body.map((r) => faults.add(r)) : faults.add(body));
				} catch (e) {
					return json(400, { error: e.message });
				}
			case 'DELETE /faults':
				faults.clear();
				return json(200, { ok: true });
			case 'GET /state':
				return json(200, snapshot(state));
			case 'GET /webhook-deliveries':
				await webhooks.settled();
				return json(200, [...state.webhookDeliveries.values()]);
			case 'POST /inbound-message':
			case 'POST /message-status':
			case 'POST /card-note-edit': {
				// What happens outside the API (sandbox/webhooks.mjs): answers once the deliveries are done.
				try {
					return json(200, await outside(OUTSIDE[parts[0]], body));
				} catch (e) {
					return json(e.status ?? 500, { error: e.message });
				}
			}
			case 'GET /seed':
				return json(200, SEED);
			case 'GET /routes':
				return json(200, Object.values(contract.operations).map((op) => ({ method: op.method, path: op.path, simulated: Boolean(HANDLERS[`${op.method} ${op.path}`]) })));
			default:
				break;
		}
		if (method === 'DELETE' && parts[0] === 'faults' && parts.length === 2) {
			return faults.remove(parts[1]) ? json(200, { ok: true }) : json(404, { error: `no fault ${parts[1]}` });
		}
		if (method === 'GET' && parts[0] === 'state' && parts.length === 3) {
			const [, collection, id] = parts;
			const map = state[collection];
			if (!(map instanceof Map)) return json(404, { error: `unknown collection ${collection}` });
			const rec = map.get(decodeURIComponent(id).toLowerCase());
			if (!rec) return json(404, { error: `${collection}/${id} not found` });
			if (collection === 'sessions') {
				const msgs = [...state.messages.values()].filter((m) => m.sessionId === rec.id).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
				return json(200, { ...rec, _messages: msgs.filter((m) => m.type !== 'NOTE'), _notes: msgs.filter((m) => m.type === 'NOTE') });
			}
			const { _bytes, ...rest } = rec;
			return json(200, _bytes ? { ...rest, _bytes: { length: _bytes.length } } : rest);
		}
		if (method === 'GET' && parts[0] === 'files' && parts.length === 2) {
			const f = state.files.get(decodeURIComponent(parts[1]).toLowerCase());
			if (!f || !f._bytes) return json(404, { error: `file ${parts[1]} not found` });
			const headers = { 'content-type': f.mimeType ?? 'application/octet-stream' };
			if (searchParams.get('download')) headers['content-disposition'] = `attachment; filename="${encodeURIComponent(f.name ?? f.id)}"`;
			return send(res, { status: 200, body: f._bytes, headers });
		}
		return json(404, { error: `unknown admin route ${route}` });
	}

	const server = createServer((req, res) => {
		onRequest(req, res).catch((e) => {
			process.stderr.write(`[sandbox] INTERNAL ERROR: ${e?.stack ?? e}\n`);
			res.socket?.destroy();
		});
	});
	const startedAt = Date.now();
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port, opts.host, () => {
			server.off('error', reject);
			resolve(undefined);
		});
	});
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	const hostForUrl = opts.host === '::1' ? '[::1]' : opts.host;
	baseUrl = `http://${hostForUrl}:${address.port}`;

	let closed = false;
	return {
		url: baseUrl,
		port: address.port,
		host: opts.host,
		token: opts.token,
		options: opts,
		seed: SEED,
		state,
		faults,
		violations,
		requests,
		responseProblems,
		contract,
		/** Reseeds state and clears faults, violations, requests and rate-limit windows. */
		reset,
		/** Waits until every webhook delivery started so far is done (they run in the background). */
		webhooksSettled: () => webhooks.settled(),
		/** Simulates a message from a contact, like POST /__sandbox/inbound-message; resolves to {session, message, created, deliveries}. */
		inboundMessage: (body) => outside(inboundMessage, body),
		/** A channel's status report, like POST /__sandbox/message-status; resolves to {message, deliveries}. */
		messageStatus: (body) => outside(messageStatusChange, body),
		/** A card note edited in the WTS UI, like POST /__sandbox/card-note-edit; resolves to {note, deliveries}. */
		editCardNote: (body) => outside(cardNoteEdit, body),
		/** Returns the recorded violations and clears them (for tests that provoke violations on purpose). */
		takeViolations() {
			return violations.splice(0, violations.length);
		},
		async close() {
			if (closed) return;
			closed = true;
			await new Promise((resolve) => {
				server.close(() => resolve(undefined));
				server.closeAllConnections?.();
			});
		},
	};
}
