// An OpenAI-compatible stand-in model on loopback for the end-to-end suite: answers POST /v1/chat/completions
// (plain JSON or server-sent events when the client asks for `stream`) with scripted tool calls, and records every
// request it receives, so a test can check what n8n's AI Agent sent to the model (the tools' results included).
//
// The script is set per test (POST /__script): `{ steps: [{ tool, args }], final }`. For each request the model
// counts the tool results already in the conversation (messages with role "tool") and answers the next step's
// tool call, or the final text once every step has its result. No network, no real model.
import { createServer } from 'node:http';

export async function startStandInModel() {
	let script = { steps: [], final: 'Done.' };
	/** @type {Array<{path: string, body: any}>} */
	const requests = [];
	let callSeq = 0;

	const completion = (message, finishReason, model) => ({
		id: `chatcmpl-standin-${++callSeq}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model,
		choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason }],
		usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
	});

	function answer(body) {
		const messages = Array.isArray(body?.messages) ? body.messages : [];
		const done = messages.filter((m) => m.role === 'tool').length;
		const step = script.steps[done];
		if (step) {
			const call = { id: `call_${done + 1}`, type: 'function', function: { name: step.tool, arguments: JSON.stringify(step.args) } };
			return { message: { role: 'assistant', content: null, tool_calls: [call] }, finish: 'tool_calls' };
		}
		return { message: { role: 'assistant', content: script.final }, finish: 'stop' };
	}

	function sse(res, id, model, message, finish) {
		res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
		const chunk = (delta, finishReason = null) =>
			res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model, choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`);
		if (message.tool_calls) {
			chunk({ role: 'assistant', content: null, tool_calls: message.tool_calls.map((c, index) => ({ index, ...c })) });
		} else {
			chunk({ role: 'assistant', content: message.content });
		}
		chunk({}, finish);
		res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model, choices: [], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } })}\n\n`);
		res.end('data: [DONE]\n\n');
	}

	const server = createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			let body = null;
			try {
				body = raw ? JSON.parse(raw) : null;
			} catch {
				body = raw;
			}
			const path = new URL(req.url ?? '/', 'http://stand-in').pathname;
			const json = (status, payload) => {
				res.writeHead(status, { 'content-type': 'application/json' });
				res.end(JSON.stringify(payload));
			};
			if (path === '/__script' && req.method === 'POST') {
				script = { steps: body?.steps ?? [], final: body?.final ?? 'Done.' };
				requests.length = 0;
				return json(200, { ok: true });
			}
			if (path === '/__requests') return json(200, requests);
			requests.push({ path, body });
			if (path.endsWith('/models')) return json(200, { object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model', owned_by: 'stand-in' }] });
			if (path.endsWith('/chat/completions') && req.method === 'POST') {
				const model = body?.model ?? 'gpt-4o-mini';
				const { message, finish } = answer(body);
				if (body?.stream) return sse(res, `chatcmpl-standin-${++callSeq}`, model, message, finish);
				return json(200, completion(message, finish, model));
			}
			return json(404, { error: { message: `stand-in model: no route ${req.method} ${path}` } });
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${server.address().port}`;
	return {
		url,
		async setScript(s) {
			const r = await fetch(`${url}/__script`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(s) });
			if (!r.ok) throw new Error(`stand-in model script: HTTP ${r.status}`);
		},
		requests: () => requests,
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve(undefined));
				server.closeAllConnections?.();
			}),
	};
}
