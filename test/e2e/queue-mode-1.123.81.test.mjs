// n8n 1.123.81 in queue mode (main + 2 workers, Redis, PostgreSQL): see lib/queue-leg.mjs.
import { defineQueueLeg } from './lib/queue-leg.mjs';

defineQueueLeg('1.123.81');
