// The scripted stand-in model `npm start` serves for the AI example (scripts/lib/demo-model.mjs): an
// OpenAI-compatible endpoint on 127.0.0.1 that reads the named session through the example's tools, then answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO_MODEL_CREDENTIAL, startDemoModel } from '../../scripts/lib/demo-model.mjs';

const SESSION = '3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b';
const TOOLS = ['Get_Session', 'Get_Messages', 'Send_Text'].map((name) => ({ type: 'function', function: { name, parameters: {} } }));
let model;

beforeAll(async () => {
	model = await startDemoModel({ port: 0, exampleSessionId: SESSION });
});
afterAll(async () => {
	await model?.close();
});

async function complete(messages, extra = {}) {
	const r = await fetch(`${model.url}/v1/chat/completions`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ model: 'gpt-4o-mini', messages, tools: TOOLS, ...extra }),
	});
	expect(r.status).toBe(200);
	return r;
}

describe('stand-in model of npm start', () => {
	it('listens on 127.0.0.1 only, and its credential is the one the AI example references', async () => {
		expect(model.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(DEMO_MODEL_CREDENTIAL).toEqual({ id: 'WtsDemoModelCred1', name: 'Stand-in model (npm start, no AI)' });
		const r = await fetch(`${model.url}/v1/models`);
		expect((await r.json()).data[0].id).toBe('gpt-4o-mini');
	});

	it('reads the session named in the chat (Get Session, then Get Messages), then answers with what the tools returned', async () => {
		const user = { role: 'user', content: `Session ${SESSION}: the order arrived.` };
		const first = (await (await complete([user])).json()).choices[0];
		expect(first.finish_reason).toBe('tool_calls');
		expect(first.message.tool_calls[0].function).toEqual({ name: 'Get_Session', arguments: JSON.stringify({ sessionId: SESSION }) });
		const sessionResult = { role: 'tool', tool_call_id: 'call_1', content: JSON.stringify([{ id: SESSION, number: '2026120300114', status: 'IN_PROGRESS' }]) };
		const second = (await (await complete([user, first.message, sessionResult])).json()).choices[0];
		expect(second.message.tool_calls[0].function.name).toBe('Get_Messages');
		const messagesResult = { role: 'tool', tool_call_id: 'call_2', content: JSON.stringify([{ text: 'Oi' }, { text: 'Chegou, obrigado!' }]) };
		const last = (await (await complete([user, first.message, sessionResult, second.message, messagesResult])).json()).choices[0];
		expect(last.finish_reason).toBe('stop');
		expect(last.message.content).toMatch(/^Session #2026120300114 is in progress; I read 2 of its messages\. The last message says: "Chegou, obrigado!"\./);
		expect(last.message.content).toMatch(/not an AI/);
	});

	it('without a session ID it says how to ask, with an example ID; streaming answers as server-sent events', async () => {
		const r = await complete([{ role: 'user', content: 'hello' }], { stream: true });
		expect(r.headers.get('content-type')).toMatch(/text\/event-stream/);
		const text = await r.text();
		expect(text).toContain(`Session ${SESSION}`);
		expect(text.trim().endsWith('data: [DONE]')).toBe(true);
	});
});
