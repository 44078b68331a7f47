// End-to-end cases of the resources other than Session, one module per resource. Each module exports a function
// `(suite) => void` that declares its `it(...)` cases inside the version's describe block. `suite` gives:
//   suite.leg()         the running leg (n8n + sandbox): leg.run(slug, body), leg.state.*, leg.rest, leg.sandbox
//   suite.api(path)     a direct GET to the sandbox's API (the ground truth), parsed JSON
//   suite.version       the n8n version of this leg
//   suite.operationsOf(resource)  the operation values n8n loaded for that resource (Custom API Call excluded)
// Each module ends with a case checking that every operation of its resource was run (see session in suite.mjs).
import agent from './agent.mjs';
import aiCases from './ai.mjs';
import crm from './crm.mjs';
import department from './department.mjs';
import directoryCases from './tags.mjs';
import message from './message.mjs';
import migrate from './migrate.mjs';
import pickers from './pickers.mjs';
import send from './send.mjs';
import sequence from './sequence.mjs';
import webhook from './webhook.mjs';
import { contactCases } from './contact.mjs';

export const resourceCases = [agent, aiCases, crm, department, directoryCases, message, pickers, send, sequence, webhook, contactCases, migrate];
