#!/usr/bin/env node
// Refreshes the stored example outputs of the documentation from the sandbox (`npm run docs:capture`, under vite-node):
// docs/captures/<resource>/<operation>.json (each operation run through the test harness with the example
// parameters of its docs/src/ blurb, Simplify on and off where it has it) and docs/captures/trigger.json (a payload
// per webhook event). Then run `npm run docs`. Arguments: `resource` or `resource:operation` to refresh only those.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { captureAll, TRIGGER_CAPTURE } from './lib/docs/build.mjs';
import { builtDeps, ROOT } from './lib/docs/deps.mjs';
import { captureTriggerEvents } from './lib/docs/trigger-capture.mjs';

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const only = wanted.length ? (op) => wanted.includes(op.resource) || wanted.includes(`${op.resource}:${op.value}`) : undefined;
const deps = builtDeps();
const write = (rel, value) => {
	const file = path.join(ROOT, rel);
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, `${JSON.stringify(value, null, '\t')}\n`);
};
const captures = await captureAll(ROOT, deps, only);
for (const [rel, capture] of Object.entries(captures)) write(rel, capture);
if (!wanted.length || wanted.includes('trigger')) {
	write(TRIGGER_CAPTURE, await captureTriggerEvents(deps, deps.events.map((e) => e.value)));
}
process.stderr.write(`docs:capture: ${Object.keys(captures).length} operations captured\n`);
