import { BaseSequencer } from 'vitest/node';
import { defineConfig } from 'vitest/config';

// End-to-end suite: our packed package inside real n8n installs (see scripts/n8n.mjs), against the sandbox.
// global-setup.mjs installs the pinned n8n versions on first use (minutes, with progress) and packs the package;
// each *.test.mjs file is one n8n version with one long-running `n8n start`. Files run one after the other,
// the required n8n 2.8.4 leg first.
class RequiredLegFirst extends BaseSequencer {
	async sort(files) {
		const rank = (f) => (f.moduleId.endsWith('n8n-2.8.4.test.mjs') ? 0 : 1);
		return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId));
	}
}

export default defineConfig({
	test: {
		include: ['test/e2e/**/*.test.mjs'],
		globalSetup: ['test/e2e/global-setup.mjs'],
		fileParallelism: false,
		pool: 'forks',
		sequence: { sequencer: RequiredLegFirst },
		testTimeout: 120_000,
		hookTimeout: 600_000,
		teardownTimeout: 60_000,
		reporters: ['verbose'],
	},
});
