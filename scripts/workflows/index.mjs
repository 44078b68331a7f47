// Workflows of the resources other than Session, one module per resource. Each module exports a function that
// receives the builders of scripts/build-workflows.mjs and declares its end-to-end workflows (`e2e(slug, name,
// nodes, edges, extra?)`) and examples (`example(file, id, name, nodes, edges, note)`). `wts(name, position,
// parameters)` defaults to resource "session": pass `resource` in the parameters.
import agent from './agent.mjs';
import crm from './crm.mjs';
import defineAiWorkflows from './ai.mjs';
import defineDirectoryWorkflows from './tags.mjs';
import defineQueueWorkflows from './queue.mjs';
import department from './department.mjs';
import message from './message.mjs';
import send from './send.mjs';
import sequence from './sequence.mjs';
import webhook from './webhook.mjs';
import { contactWorkflows } from './contact.mjs';

export const workflowModules = [agent, crm, defineAiWorkflows, defineDirectoryWorkflows, defineQueueWorkflows, department, message, send, sequence, webhook, contactWorkflows];
