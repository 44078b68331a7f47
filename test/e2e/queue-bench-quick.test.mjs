// The queue-mode benchmark's --quick variant (scripts/bench-queue.mjs, issue 25) inside `npm test`: n8n 2.8.4 in
// queue mode (main + 1, then 2 workers, Redis, PostgreSQL), 400 sends (4 webhook executions × 100 Send Text items)
// per row against a sandbox with the documented windows, with and without Retry-After; the credential says how
// many processes share the account. The full matrix (1 / 2 / 4 workers × 1,000 and 1,200 sends) is
// `npm run bench -- --only=queue` (~35 min; bench/RESULTS.md).
import { describe, expect, inject, it } from 'vitest';

import { QUICK_PLAN, queueTable, runQueueBench } from '../../scripts/bench-queue.mjs';
import { notRun } from './lib/not-run.mjs';

const VERSION = '2.8.4';
const ctx = inject('wtsE2e');
const why = !ctx.queueServices.ok ? ctx.queueServices.why : !ctx.runtimes[VERSION] ? `n8n ${VERSION} is not installed` : undefined;

if (why) {
	notRun('the queue-mode benchmark (quick)', why);
} else {
	describe(`queue-mode benchmark (quick), n8n ${VERSION}: 1 and 2 workers × 400 sends, with and without Retry-After`, () => {
		it('every send once, no 429 with one worker, at most 2 × 429 per row with two (5 per 1,000), never faster than the windows allow', async () => {
			const run = await runQueueBench({ plan: QUICK_PLAN, version: VERSION, tgz: ctx.tgz, log: (m) => process.stderr.write(`[queue bench quick] ${m}\n`) });
			process.stderr.write(`\n${queueTable(run)}\n`);
			expect(run.results.map((r) => `${r.workers}/${r.retryAfter}`)).toEqual(['1/true', '1/false', '2/true', '2/false']);
			for (const r of run.results) {
				expect({ row: r.key, failed: r.failed, duplicates: r.duplicates, lost: r.lost }).toEqual({ row: r.key, failed: 0, duplicates: 0, lost: 0 });
				expect(r.perWorker.reduce((a, b) => a + b, 0)).toBe(r.sends / 100);
				expect(r.ms).toBeGreaterThanOrEqual(r.floorMs);
				if (r.workers === 1) expect(r.rejected429).toBe(0);
				else expect(r.rejected429).toBeLessThanOrEqual(2);
			}
		}, 300_000);
	});
}
