// n8n 2.8.4 in queue mode (main + 2 workers, Redis, PostgreSQL): see lib/queue-leg.mjs.
import { defineQueueLeg } from './lib/queue-leg.mjs';

defineQueueLeg('2.8.4');
