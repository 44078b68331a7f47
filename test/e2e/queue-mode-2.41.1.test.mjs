// n8n 2.41.1 in queue mode (main + 2 workers, Redis, PostgreSQL): see lib/queue-leg.mjs.
import { defineQueueLeg } from './lib/queue-leg.mjs';

defineQueueLeg('2.41.1');
