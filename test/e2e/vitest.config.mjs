import { BaseSequencer } from 'vitest/node';
import { defineConfig } from 'vitest/config';

// End-to-end suite: our packed package inside real n8n installs (see scripts/n8n.mjs), against the sandbox.
// global-setup.mjs installs the pinned n8n versions on first use (minutes, with progress) and packs the package.
// Each *.test.mjs file is one n8n version of one kind of leg (n8n-<version>: every case on one long-running
// `n8n start`; queue-mode-<version>: main + workers + Redis + PostgreSQL; npm-start*: scripts/start.mjs), each with
// its own ports, user folders and sandbox, so files run side by side: WTS_E2E_PARALLEL of them at a time (default 2,
// the machine's 2 cores; 1 runs them one after the other). The longest files start first.
const PARALLEL = Math.max(1, Number(process.env.WTS_E2E_PARALLEL ?? 2) || 1);

class LongestFirst extends BaseSequencer {
	async sort(files) {
		const rank = (f) => {
			const name = f.moduleId.split('/').pop();
			if (name.startsWith('n8n-')) return 0; // every case of one version: the longest files
			if (name.startsWith('queue-mode-')) return 1;
			return 2; // npm start
		};
		return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId));
	}
}

export default defineConfig({
	test: {
		include: ['test/e2e/**/*.test.mjs'],
		globalSetup: ['test/e2e/global-setup.mjs'],
		fileParallelism: PARALLEL > 1,
		pool: 'forks',
		poolOptions: { forks: { maxForks: PARALLEL, minForks: 1 } },
		sequence: { sequencer: LongestFirst },
		testTimeout: 120_000,
		hookTimeout: 600_000,
		teardownTimeout: 60_000,
		reporters: ['verbose'],
	},
});
