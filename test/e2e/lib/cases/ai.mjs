// AI Agent with WTS Chat tools, in real n8n, against the suite's stand-in model (no network, no real model): the
// model's tool calls reach WTS Chat with their arguments, the tools' results reach the model, and a failing tool
// call reaches the model as text while the run still finishes.
import { expect, it } from 'vitest';

import { SEED } from '../../../../sandbox/seed.mjs';

const UNKNOWN_SESSION = '0a0a0a0a-0000-4000-8000-000000000000';

/** The tool results the model received (messages with role "tool"), as the last request carried the conversation. */
const toolResults = (requests) => {
	const last = requests.filter((r) => r.path.endsWith('/chat/completions')).at(-1);
	return (last?.body?.messages ?? []).filter((m) => m.role === 'tool').map((m) => String(m.content));
};

export default function aiCases(suite) {
	it('AI Agent: the model calls Get Session and Complete Session (Reactivate on New Message on); the results reach the model', async () => {
		const leg = suite.leg();
		const sessionId = SEED.sessions.inProgress[2];
		await leg.model.setScript({
			steps: [
				{ tool: 'Get_Session', args: { sessionId } },
				{ tool: 'Complete_Session', args: { sessionId, reactivateOnNewMessage: true } },
			],
			final: 'The session is completed and will reopen if the customer writes again.',
		});
		const r = await leg.run('ai-agent', { prompt: `The customer of session ${sessionId} says the order arrived. Close it.` });
		expect(r.execution.status).toBe('success');
		expect(r.out('AI Agent')[0].json.output).toBe('The session is completed and will reopen if the customer writes again.');

		// the tools as the model saw them: names, descriptions from the operations' actions, $fromAI parameters
		const first = leg.model.requests().find((q) => q.path.endsWith('/chat/completions'));
		const tools = Object.fromEntries((first.body.tools ?? []).map((t) => [t.function.name, t.function]));
		expect(Object.keys(tools).sort()).toEqual(['Complete_Session', 'Get_Session']);
		expect(tools.Complete_Session.description).toMatch(/Complete a session once it is resolved/);
		expect(Object.keys(tools.Complete_Session.parameters.properties).sort()).toEqual(['reactivateOnNewMessage', 'sessionId']);
		expect(tools.Complete_Session.parameters.properties.reactivateOnNewMessage.type).toBe('boolean');

		// the call reached WTS Chat with the model's arguments
		const s = await leg.state.session(sessionId);
		expect(s.status).toBe('COMPLETED');
		expect(s._complete).toMatchObject({ reactivateOnNewMessage: true });
		// and the tools' results came back to the model (Get Session: the simplified session)
		const results = toolResults(leg.model.requests());
		expect(results).toHaveLength(2);
		expect(JSON.parse(results[0])).toEqual([expect.objectContaining({ id: sessionId, status: 'IN_PROGRESS' })]);
		expect(Object.keys(JSON.parse(results[0])[0])).toHaveLength(10);
		expect(JSON.parse(results[1])).toEqual([expect.objectContaining({ id: sessionId, status: 'COMPLETED' })]);
	});

	it('AI Agent: a failing tool call (unknown session) reaches the model as a sentence it can act on, and the run finishes', async () => {
		const leg = suite.leg();
		await leg.model.setScript({
			steps: [{ tool: 'Complete_Session', args: { sessionId: UNKNOWN_SESSION, reactivateOnNewMessage: false } }],
			final: 'I could not find that session. Could you check the ID?',
		});
		const r = await leg.run('ai-agent', { prompt: `Close session ${UNKNOWN_SESSION}.` });
		expect(r.execution.status).toBe('success');
		expect(r.out('AI Agent')[0].json.output).toBe('I could not find that session. Could you check the ID?');
		const [result] = toolResults(leg.model.requests());
		expect(JSON.parse(result)).toEqual([
			{
				error: `Session ${UNKNOWN_SESSION} not found [item 0]`,
				howToFix: expect.stringContaining('Check that the ID exists in this WTS Chat account'),
			},
		]);
	});

	it('example ai-agent-support: the assistant reads the session, answers the contact and completes it', async () => {
		const leg = suite.leg();
		const sessionId = SEED.sessions.inProgress[3];
		await leg.model.setScript({
			steps: [
				{ tool: 'Get_Session', args: { sessionId } },
				{ tool: 'Get_Messages', args: { sessionId } },
				{ tool: 'Send_Text', args: { sessionId, text: 'Que bom que chegou! Qualquer coisa, é só chamar.' } },
				{ tool: 'Complete_Session', args: { sessionId, reactivateOnNewMessage: true } },
			],
			final: 'Answered and completed.',
		});
		const r = await leg.runExample('ai-agent-support', { chatInput: `Session ${sessionId}: the customer says the order arrived, thanks!` });
		expect(r.execution.status).toBe('success');
		const s = await leg.state.session(sessionId);
		expect(s._messages.at(-1)).toMatchObject({ text: 'Que bom que chegou! Qualquer coisa, é só chamar.', direction: 'TO_HUB' });
		expect(s).toMatchObject({ status: 'COMPLETED', _complete: expect.objectContaining({ reactivateOnNewMessage: true }) });
		expect(toolResults(leg.model.requests())).toHaveLength(4);
	});
}
