// The credential's token never leaves the node in any text, even when WTS Chat's error body or n8n's request helper
// echoes it: message, description, context, cause, the error item's json and an AI tool's answer.
import { describe, expect, it } from 'vitest';

import { redactText } from '../../../../nodes/WtsChat/transport/redact';
import { rl, SEED, useSandbox } from '../../../harness/fixture.mjs';

const t = useSandbox();

/** Every string reachable from a value (own properties, arrays, nested objects, errors). */
function strings(value: unknown, seen = new Set<unknown>()): string[] {
	if (typeof value === 'string') return [value];
	if (!value || typeof value !== 'object' || seen.has(value)) return [];
	seen.add(value);
	return Object.getOwnPropertyNames(value).flatMap((k) => strings((value as Record<string, unknown>)[k], seen));
}

describe('no token in any text', () => {
	const session = (SEED.sessions.inProgress as string[])[0];
	const echo = () => ({
		error: true,
		key: 'ERROR_UNAUTHORIZED',
		text: `Token inválido: ${t.sandbox.token} (Authorization: Bearer ${t.sandbox.token})`,
		httpStatusCode: 401,
		details: { headers: { Authorization: `Bearer ${t.sandbox.token}` } },
	});

	it.each(['stop', 'continueRegularOutput', 'continueErrorOutput', 'tool'] as const)('an API body echoing the token (%s)', async (mode) => {
		t.sandbox.faults.add({ path: `/chat/v2/session/${session}`, status: 401, body: echo(), times: -1 });
		const params = { resource: 'session', operation: 'get', sessionId: rl(session) };
		const token = t.sandbox.token as string;
		let everything: string[];
		if (mode === 'stop') {
			const error = await t.runError(params);
			everything = strings(error);
			expect(error.message).toContain('[redacted]');
		} else {
			const { output } = await t.run(params, mode === 'tool' ? { nodeType: 'n8n-nodes-wts-chat.wtsChatTool' } : { onError: mode });
			everything = strings(output);
			expect(everything.join('\n')).toContain('[redacted]');
		}
		expect(everything.filter((s) => s.includes(token))).toEqual([]);
		expect(everything.filter((s) => /Bearer\s+(?!\[redacted\])\S/.test(s))).toEqual([]);
	});

	it('scrubs Bearer tokens, Authorization headers and the token itself from a text', () => {
		expect(redactText('Authorization: Bearer pn_abcdef123', [])).toBe('Authorization: Bearer [redacted]');
		expect(redactText('{"authorization":"pn_abcdef123"}', [])).toBe('{"authorization":"[redacted]"}');
		expect(redactText('token pn_abcdef123 refused', ['pn_abcdef123'])).toBe('token [redacted] refused');
		expect(redactText('no secret here', ['pn_abcdef123'])).toBe('no secret here');
	});
});
