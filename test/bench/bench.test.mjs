// Runs the bulk benchmark (scripts/bench-bulk.mjs). In `npm test` it is the --quick run (short windows, small
// counts) with the goals as assertions, so the benchmark cannot rot; `npm run bench` runs it in full
// (BENCH_MODE=full) and writes bench/RESULTS.md.
import { expect, it } from 'vitest';

import { WtsChat } from '../../nodes/WtsChat/WtsChat.node';
import * as pacing from '../../nodes/WtsChat/transport/pacing';
import { runBench, table, writeResults } from '../../scripts/bench-bulk.mjs';

const mode = process.env.BENCH_MODE === 'full' ? 'full' : 'quick';
const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : undefined;

it(`bulk benchmark (${mode})`, { timeout: mode === 'full' ? 60 * 60_000 : 120_000 }, async () => {
	const started = new Date();
	const results = await runBench({
		quick: mode === 'quick',
		only,
		node: () => new WtsChat(),
		pacing,
		// npm test stays quiet; `npm run bench` (either mode) prints progress and the table.
		log: (m) => (process.env.BENCH_MODE ? process.stderr.write(`[bench] ${m}\n`) : undefined),
	});
	if (process.env.BENCH_MODE) process.stdout.write(`\n${table(results)}\n`);
	if (mode === 'full' && !only) writeResults(results, started);
	for (const r of results) {
		const raw = r.raw;
		if ('floorMs' in raw) {
			expect(raw.failed, r.scenario).toBe(0);
			expect(raw.duplicates, r.scenario).toBe(0);
			expect(raw.lost, r.scenario).toBe(0);
			expect(raw.reportedFailedButSent, r.scenario).toBe(0);
			expect(raw.sent, r.scenario).toBe(raw.items);
			expect(raw.ms, r.scenario).toBeGreaterThanOrEqual(raw.floorMs);
			if (!('injected' in raw)) {
				expect(raw.rejected429, r.scenario).toBe(0);
				// The full run reports its ratios (bench/RESULTS.md) rather than failing on a busy machine; the quick run
				// checks the pacing leaves no idle time beyond its short windows.
				if (mode === 'quick') expect(raw.ms, r.scenario).toBeLessThanOrEqual(raw.floorMs * 1.3 + 200);
			}
		}
		if ('pages' in raw) expect(raw.pages * 100, r.scenario).toBeLessThan(raw.items + 100 + 1);
		// The node's own memory (sandbox in its own process) stays within 2× the data it returns. Only the full run
		// checks it: over 1,000 records (1.2 MB) the RSS granularity of the quick run says little.
		if ('rssGrowth' in raw && mode === 'full') expect(raw.rssGrowth, r.scenario).toBeLessThanOrEqual(2 * raw.dataBytes);
	}
}, );
