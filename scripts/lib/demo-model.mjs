// The scripted model `npm start` serves so the AI-agent example (examples/ai-agent-support.json) runs offline: an
// OpenAI-compatible endpoint on 127.0.0.1 (POST /v1/chat/completions, plain JSON or server-sent events when the
// client asks for `stream`; GET /v1/models), no key checked, no network, no real model. It is not an AI: it follows
// one script. When the chat message names a session ID it calls the Get Session tool, then Get Messages, then
// answers with what the two tools returned; otherwise it answers how to ask. n8n's OpenAI Chat Model reaches it
// through an OpenAI credential whose Base URL is this server (DEMO_MODEL_CREDENTIAL, imported by `npm start`).
//
// The e2e suite has its own stand-in (test/e2e/lib/stand-in-model.mjs), scripted per test with fixed tool calls.
import { createServer } from 'node:http';

/** The OpenAI credential `npm start` imports and the AI example references. */
export const DEMO_MODEL_CREDENTIAL = { id: 'WtsDemoModelCred1', name: 'Stand-in model (npm start, no AI)' };
export const DEMO_MODEL_NAME = 'gpt-4o-mini';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

const text = (content) =>
	typeof content === 'string' ? content : Array.isArray(content) ? content.map((p) => (typeof p === 'string' ? p : (p?.text ?? ''))).join(' ') : '';

function parseJson(value) {
	try {
		return JSON.parse(value);
	} catch {
		return undefined;
	}
}

/** The first record of a tool result (n8n passes a tool's output items as a JSON array in the message content). */
const firstRecord = (content) => {
	const parsed = parseJson(text(content));
	return Array.isArray(parsed) ? parsed[0] : parsed;
};

/**
 * The script: what the model answers to one chat-completions request body.
 * @param {any} body the request body n8n's OpenAI Chat Model sent
 * @param {{ exampleSessionId?: string }} options
 * @returns {{ message: any, finish: string }}
 */
export function demoAnswer(body, { exampleSessionId } = {}) {
	const messages = Array.isArray(body?.messages) ? body.messages : [];
	const tools = new Set((Array.isArray(body?.tools) ? body.tools : []).map((t) => t?.function?.name));
	const userText = messages.filter((m) => m.role === 'user').map((m) => text(m.content)).at(-1) ?? '';
	const sessionId = UUID.exec(userText)?.[0];
	const results = messages.filter((m) => m.role === 'tool');
	const say = (content) => ({ message: { role: 'assistant', content }, finish: 'stop' });
	const call = (name, args) => ({
		message: {
			role: 'assistant',
			content: null,
			tool_calls: [{ id: `call_${results.length + 1}`, type: 'function', function: { name, arguments: JSON.stringify(args) } }],
		},
		finish: 'tool_calls',
	});
	const note = 'This answer comes from the scripted stand-in model of `npm start`, not an AI: connect a real model in OpenAI Chat Model to let it reply, transfer or complete.';

	if (!sessionId) {
		const example = exampleSessionId ? ` e.g. "Session ${exampleSessionId}: the customer says the order arrived."` : '';
		return say(`Write a WTS Chat session ID in your message and I will read that session and its messages,${example} ${note}`);
	}
	if (results.length === 0 && tools.has('Get_Session')) return call('Get_Session', { sessionId });
	if (results.length === 1 && tools.has('Get_Messages')) return call('Get_Messages', { sessionId });
	const session = firstRecord(results[0]?.content) ?? {};
	if (session.error) return say(`I could not read session ${sessionId}: ${session.error} ${note}`);
	const messagesResult = parseJson(text(results[1]?.content));
	const list = Array.isArray(messagesResult) ? messagesResult : [];
	const last = list.map((m) => (typeof m?.text === 'string' ? m.text : '')).filter(Boolean).at(-1);
	const number = session.number ? ` #${session.number}` : '';
	const status = session.status ? ` is ${String(session.status).toLowerCase().replace(/_/g, ' ')}` : '';
	const lastLine = last ? ` The last message says: "${last}".` : '';
	return say(`Session${number}${status}; I read ${list.length} of its messages.${lastLine} ${note}`);
}

/**
 * Starts the scripted model on 127.0.0.1 (`port` 0 for a free one). Stops with close(), and with its parent process.
 * @returns {Promise<{ url: string, port: number, requests: () => any[], close: () => Promise<void> }>}
 */
export async function startDemoModel({ port = 0, exampleSessionId } = {}) {
	const requests = [];
	let seq = 0;
	const server = createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			const body = raw ? (parseJson(raw) ?? raw) : null;
			const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
			const json = (status, payload) => {
				res.writeHead(status, { 'content-type': 'application/json' });
				res.end(JSON.stringify(payload));
			};
			requests.push({ method: req.method, path, body });
			if (requests.length > 200) requests.shift();
			if (path.endsWith('/models')) return json(200, { object: 'list', data: [{ id: DEMO_MODEL_NAME, object: 'model', owned_by: 'stand-in' }] });
			if (!(path.endsWith('/chat/completions') && req.method === 'POST')) {
				return json(404, { error: { message: `stand-in model: no route ${req.method} ${path}` } });
			}
			const model = body?.model ?? DEMO_MODEL_NAME;
			const id = `chatcmpl-demo-${++seq}`;
			const created = Math.floor(Date.now() / 1000);
			const { message, finish } = demoAnswer(body, { exampleSessionId });
			const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
			if (!body?.stream) {
				return json(200, { id, object: 'chat.completion', created, model, choices: [{ index: 0, message, logprobs: null, finish_reason: finish }], usage });
			}
			res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
			const chunk = (delta, finishReason = null) =>
				res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`);
			if (message.tool_calls) chunk({ role: 'assistant', content: null, tool_calls: message.tool_calls.map((c, index) => ({ index, ...c })) });
			else chunk({ role: 'assistant', content: message.content });
			chunk({}, finish);
			res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices: [], usage })}\n\n`);
			res.end('data: [DONE]\n\n');
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', resolve);
	});
	const actual = server.address().port;
	return {
		url: `http://127.0.0.1:${actual}`,
		port: actual,
		requests: () => [...requests],
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve(undefined));
				server.closeAllConnections?.();
			}),
	};
}
