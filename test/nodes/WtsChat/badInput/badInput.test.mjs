// The bad-input table (issue 20): every `*.cases.mjs` file of this folder is loaded and each of its cases is run
// against one sandbox for the whole file (rate limits off: the table sends thousands of requests in a few seconds).
//
// CASE FORMAT — a `*.cases.mjs` file default-exports an array of cases:
//
//   export default [
//     {
//       name: 'OTP ID ".." (a path segment)',   // unique over the whole table; shown in the test's title
//       resource: 'sendApi', operation: 'getOtpStatus',
//       good: (i) => ({ otpId: 'login-4821' }), // the parameters of a GOOD item i (0..2), or a plain object; every
//                                               // good item must succeed against the seeded sandbox
//       bad: { otpId: '..' },                   // merged over good(1) (shallow): the BAD item's parameters; or a
//                                               // function (goodParams) => params for anything a merge cannot say
//       field: 'OTP ID or Sender ID',           // the editor's display name; the error message must contain it
//       message: /not a path segment/,          // optional: more the message must match
//       lookups: true,                          // optional: read-only GETs are allowed before the refusal
//       wts: true,                              // optional: only WTS Chat can tell (e.g. a template not approved):
//                                               // requests for the bad item are allowed, `message` should match
//                                               // WTS's own text; the field and [item N] are still required
//       items: (i) => ({ json: {}, binary: {} }), // optional: the input item i (default { json: {} })
//       setup: async (t) => value,              // optional: run after every sandbox reset, before the node (e.g. to
//                                               // create the record a good item reads); its requests are not counted;
//                                               // its value is passed to good/bad functions as their last argument
//       credentials: (sandbox) => ({ ... }),    // optional: the credential for the run (then single item only)
//       single: 'why',                          // optional: run the single-item legs only, with the reason
//     },
//   ];
//
// Each case runs as:
//   1. a single bad item, Continue On Fail off: the node throws; message contains `field` and ends with `[item 0]`;
//      `context.itemIndex` is 0; no request at all was sent (only GETs with `lookups`, anything with `wts`);
//   2. a single bad item, Continue On Fail on: one output item, paired with item 0, whose json.error is that message;
//   3. a baseline run of the two good items [good(0), good(2)] (the sandbox reset before and after), which must succeed;
//   4. [good(0), bad, good(2)] with Continue On Fail on: the requests are exactly the baseline's (method, path, query
//      and, for writes, body): nothing was sent for the bad item (extra GETs allowed with `lookups`); the good items'
//      outputs are paired with items 0 and 2 (as many as in the baseline, none an error) and item 1's output is the
//      error item (`[item 1]`, `context.itemIndex` 1);
//   5. the same batch with Continue On Fail off: the node throws the `[item 1]` error, and every request sent was one
//      of the baseline's (item 0 may have run; nothing for item 1).
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { resetPacing } from '../../../../nodes/WtsChat/transport/pacing';
import { useSandbox } from '../../../harness/fixture.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(HERE)
	.filter((f) => f.endsWith('.cases.mjs'))
	.sort();
const tables = await Promise.all(
	files.map(async (file) => ({ file, cases: (await import(pathToFileURL(join(HERE, file)).href)).default })),
);

const t = useSandbox({ rateLimits: false });

let prepared;
const goodOf = (c, i) => (typeof c.good === 'function' ? c.good(i, prepared) : { ...(c.good ?? {}) });
const badOf = (c) => (typeof c.bad === 'function' ? c.bad(goodOf(c, 1), prepared) : { ...goodOf(c, 1), ...c.bad });
const paramsOf = (c, list) => (i) => ({ resource: c.resource, operation: c.operation, ...list[i] });
const itemsOf = (c, indexes) => indexes.map((i) => (c.items ? c.items(i) : { json: {} }));

/** The sandbox's record of the requests sent since the last reset, as comparable keys. */
function sent() {
	return t.apiRequests().map((r) => ({
		get: r.method === 'GET',
		key: `${r.method} ${r.path} ${JSON.stringify(r.query ?? {})}${r.method === 'GET' ? '' : ` ${JSON.stringify(r.body ?? null)}`}`,
	}));
}

async function fresh(c) {
	t.sandbox.reset();
	resetPacing();
	prepared = c.setup ? await c.setup(t) : undefined;
	t.sandbox.requests.length = 0;
}

function expectRefusal(c, error, index) {
	expect(error, 'the node refused the item').toBeTruthy();
	expect(error.message).toContain(c.field);
	expect(error.message).toMatch(new RegExp(`\\[item ${index}\\]$`));
	if (c.message) expect(error.message).toMatch(c.message);
	expect(error.context?.itemIndex).toBe(index);
	if (!c.wts) expect(error).toBeInstanceOf(NodeOperationError);
}

function expectNothingSent(c, requests) {
	if (c.wts) return;
	const allowed = requests.filter((r) => !(c.lookups && r.get));
	expect(allowed.map((r) => r.key), 'requests sent for the bad item').toEqual([]);
}

async function runCase(c) {
	const cred = c.credentials ? { credentials: c.credentials(t.sandbox) } : {};

	// 1. single item, Continue On Fail off
	await fresh(c);
	const error = await t.runError(paramsOf(c, [badOf(c)]), { items: itemsOf(c, [1]), ...cred });
	expectRefusal(c, error, 0);
	expectNothingSent(c, sent());

	// 2. single item, Continue On Fail on
	await fresh(c);
	const single = await t.run(paramsOf(c, [badOf(c)]), { items: itemsOf(c, [1]), onError: 'continueRegularOutput', ...cred });
	expect(single.output[0]).toHaveLength(1);
	expect(single.output[0][0].pairedItem).toEqual({ item: 0 });
	expectRefusal(c, single.output[0][0].error, 0);
	expect(single.output[0][0].json.error).toBe(single.output[0][0].error.message);
	expectNothingSent(c, sent());
	if (c.single) return;

	// 3. baseline: the two good items alone
	await fresh(c);
	const good = [goodOf(c, 0), goodOf(c, 2)];
	const base = await t.run(paramsOf(c, good), { items: itemsOf(c, [0, 2]) });
	const baseRequests = sent();
	expect(baseRequests.length, 'the good items reach the sandbox').toBeGreaterThan(0);
	const baseCount = [0, 1].map((k) => base.output[0].filter((o) => o.pairedItem?.item === k).length);
	expect(base.output[0].every((o) => o.json.error === undefined)).toBe(true);

	// 4. [good, bad, good] with Continue On Fail on
	await fresh(c);
	const batch = [goodOf(c, 0), badOf(c), goodOf(c, 2)];
	const { output } = await t.run(paramsOf(c, batch), { items: itemsOf(c, [0, 1, 2]), onError: 'continueRegularOutput' });
	const batchRequests = sent();
	const byItem = (k) => output[0].filter((o) => o.pairedItem?.item === k);
	expect(byItem(0)).toHaveLength(baseCount[0]);
	expect(byItem(2)).toHaveLength(baseCount[1]);
	expect([...byItem(0), ...byItem(2)].every((o) => o.json.error === undefined)).toBe(true);
	expect(byItem(1)).toHaveLength(1);
	expectRefusal(c, byItem(1)[0].error, 1);
	if (!c.wts) {
		const keep = (list) => list.filter((r) => !(c.lookups && r.get)).map((r) => r.key);
		expect(keep(batchRequests), 'the batch sent what the two good items send, nothing for item 1').toEqual(keep(baseRequests));
	}

	// 5. the same batch with Continue On Fail off
	await fresh(c);
	const stopped = await t.runError(paramsOf(c, [goodOf(c, 0), badOf(c), goodOf(c, 2)]), { items: itemsOf(c, [0, 1, 2]) });
	expectRefusal(c, stopped, 1);
	if (!c.wts) {
		const pool = baseRequests.map((r) => r.key);
		for (const r of sent()) {
			if (c.lookups && r.get) continue;
			const at = pool.indexOf(r.key);
			expect(at, `${r.key} is not a request of the good items`).toBeGreaterThanOrEqual(0);
			pool.splice(at, 1);
		}
	}
}

const names = new Set();
for (const { file, cases } of tables) {
	describe(file, () => {
		for (const c of cases) {
			const title = `${c.resource}:${c.operation} — ${c.name}`;
			if (names.has(title)) throw new Error(`duplicate bad-input case: ${title}`);
			names.add(title);
			it(title, async () => {
				await runCase(c);
			});
		}
	});
}

describe('the bad-input table', () => {
	it('covers every resource of the node and has at least 150 cases', async () => {
		const { RESOURCES } = await import('../../../../nodes/WtsChat/actions/registry');
		const all = tables.flatMap((x) => x.cases);
		expect(all.length).toBeGreaterThanOrEqual(150);
		const covered = new Set(all.map((c) => c.resource));
		expect(RESOURCES.map((r) => r.value).filter((r) => !covered.has(r))).toEqual([]);
	});
	it('names its cases uniquely', () => {
		expect(names.size).toBe(tables.reduce((n, x) => n + x.cases.length, 0));
	});
});
