// One sandbox per test file: started on a free loopback port, reset before each test, and every test fails
// if the node sent a request the WTS contract does not document (the sandbox records it as a violation).
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';

import { WtsChat } from '../../nodes/WtsChat/WtsChat.node';
import { SEED } from '../../sandbox/seed.mjs';
import { startSandbox } from '../../sandbox/server.mjs';
import { resetPacing, setRateLimits } from '../../nodes/WtsChat/transport/pacing';
import { loadOptionsContext, runNode } from './n8n.mjs';

export { SEED };

export function useSandbox(options = {}) {
	const t = {
		sandbox: undefined,
		SEED,
		credentials: () => ({ apiToken: t.sandbox.token, baseUrl: t.sandbox.url }),
		/** Runs the node with these parameters (or a function of the item index) against the sandbox. */
		run: (parameters, opts = {}) =>
			runNode({ node: new WtsChat(), parameters, credentials: opts.credentials ?? t.credentials(), ...opts }),
		/** Runs and returns the error the node threw (fails if it did not throw). */
		runError: async (parameters, opts = {}) => {
			try {
				await t.run(parameters, opts);
			} catch (error) {
				return error;
			}
			throw new Error('expected the node to throw');
		},
		/** A fresh node instance (its description). */
		node: () => new WtsChat(),
		loadOptions: (currentParameters = {}, helpers = undefined) =>
			loadOptionsContext({ node: new WtsChat(), credentials: t.credentials(), currentParameters, helpers }),
		/** API requests the sandbox received (admin and storage routes excluded). */
		apiRequests: () => t.sandbox.requests.filter((r) => /^\/(core|chat|crm)\//.test(r.path)),
	};
	beforeAll(async () => {
		t.sandbox = await startSandbox({ port: 0, quiet: true, checkResponses: true, ...options });
		// The node paces itself to the windows the sandbox enforces (the documented ones unless the test sets others).
		if (options.rateLimits !== undefined) {
			setRateLimits(options.rateLimits === false ? { burst: false, sustained: false, send: false } : options.rateLimits);
		}
	});
	beforeEach(() => {
		t.sandbox.reset();
		// The sandbox forgot the requests of earlier tests; so does the node's pacing (module state of this process).
		resetPacing();
	});
	afterEach(() => {
		expect(t.sandbox.violations, 'requests outside the documented WTS contract').toEqual([]);
		expect(t.sandbox.responseProblems, 'sandbox responses that do not match the spec').toEqual([]);
	});
	afterAll(async () => {
		await t.sandbox?.close();
		if (options.rateLimits !== undefined) setRateLimits();
	});
	return t;
}

/** A resource-locator value as n8n stores it. */
export const rl = (value, mode = 'id') => ({ __rl: true, mode, value });
