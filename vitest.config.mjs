import { defineConfig } from 'vitest/config';

// Unit and sandbox-integration tests. The end-to-end suite in a real n8n has its own config (test/e2e).
export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,mjs}'],
		exclude: ['test/e2e/**', 'node_modules/**'],
		testTimeout: 30_000,
		hookTimeout: 30_000,
	},
});
