// The node as an AI agent's tool ("WTS Chat Tool", n8n's usableAsTool variant).
import { describe, expect, it } from 'vitest';

import { rl, SEED, useSandbox } from '../../../harness/fixture.mjs';

const t = useSandbox();
const TOOL = 'n8n-nodes-wts-chat.wtsChatTool';
const missing = '0a0a0a0a-0000-4000-8000-000000000000';

describe('as an AI agent tool', () => {
	it('answers a failure as a sentence the model can act on, instead of ending the run', async () => {
		const { output } = await t.run({ resource: 'session', operation: 'complete', sessionId: rl(missing), reactivateOnNewMessage: true }, { nodeType: TOOL });
		expect(output[0]).toHaveLength(1);
		expect(output[0][0].json).toEqual({
			error: `Session ${missing} not found [item 0]`,
			howToFix: expect.stringContaining('WTS Chat answered "Conversa não encontrada"'),
		});
		expect(output[0][0].pairedItem).toEqual({ item: 0 });
	});

	it('refuses bad input the same way, before any request', async () => {
		const { output } = await t.run({ resource: 'session', operation: 'get', sessionId: rl('session one') }, { nodeType: TOOL });
		expect(output[0][0].json.error).toBe('"session one" is not a valid Session ID [item 0]');
		expect(output[0][0].json.howToFix).toMatch(/UUID/);
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('gives compact results (Simplify on by default)', async () => {
		const id = SEED.sessions.inProgress[0];
		const { output } = await t.run({ resource: 'session', operation: 'get', sessionId: rl(id) }, { nodeType: TOOL });
		expect(Object.keys(output[0][0].json)).toHaveLength(10);
	});

	it('still throws as a regular node without Continue On Fail', async () => {
		const error = await t.runError({ resource: 'session', operation: 'complete', sessionId: rl(missing) });
		expect(error.message).toBe(`Session ${missing} not found [item 0]`);
	});
});
