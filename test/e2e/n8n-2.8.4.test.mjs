// n8n 2.8.4 on the machine's Node 20 (the last n8n release that runs on Node 20). Required to pass.
import { defineN8nSuite } from './lib/suite.mjs';

defineN8nSuite('2.8.4');
