// The Return All benchmark's data: `node sandbox/cli.mjs --bulk-sessions N` (bulkSessions) replaces the sessions
// with N copies of a seeded one, and the sandbox pages over them.
import { expect, it } from 'vitest';

import { bulkSessions, parseArgs } from '../../sandbox/cli.mjs';
import { startSandbox } from '../../sandbox/server.mjs';

it('--bulk-sessions N seeds N sessions that the listing pages over', async () => {
	expect(parseArgs(['--bulk-sessions', '250'], {}).bulkSessions).toBe(250);
	expect(parseArgs([], {}).bulkSessions).toBe(0);
	expect(() => parseArgs(['--bulk-sessions', 'x'], {})).toThrow(/non-negative number/);
	const sandbox = await startSandbox({ port: 0, quiet: true, rateLimits: false });
	try {
		bulkSessions(sandbox.state, 250);
		expect(sandbox.state.sessions.size).toBe(250);
		const headers = { Authorization: `Bearer ${sandbox.token}` };
		const ids = new Set();
		for (let page = 1; page <= 3; page++) {
			const res = await fetch(`${sandbox.url}/chat/v2/session?PageNumber=${page}&PageSize=100`, { headers });
			expect(res.status).toBe(200);
			const body = await res.json();
			for (const s of body.items) ids.add(s.id);
			expect(body.hasMorePages).toBe(page < 3);
		}
		expect(ids.size).toBe(250);
		expect([...ids].every((id) => id.startsWith('cccccccc-0000-4000-8000-'))).toBe(true);
		expect(sandbox.violations).toEqual([]);
	} finally {
		await sandbox.close();
	}
});
