// Everything under docs/ that is generated, as {relative path → text}: shared by scripts/docs.mjs (writes it) and the
// drift test (test/docs/docs.test.mjs, compares it with the files). The registry, the node, the trigger and the
// credential are passed in (`deps`: the build for the script, the sources for the test).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { captureOutputs, docsSandbox, probeErrors } from './run.mjs';
import { blurbProblems, credentialPage, indexPage, legacyByOperation, operationPage, parseBlurb, triggerPage } from './pages.mjs';

export const blurbFile = (root, op) => path.join(root, 'docs', 'src', op.resource, `${op.value}.md`);
export const captureFile = (root, op) => path.join(root, 'docs', 'captures', op.resource, `${op.value}.json`);
export const TRIGGER_CAPTURE = path.join('docs', 'captures', 'trigger.json');

/** The blurb of each operation, or the problems that keep it from being one ({key → {blurb} | {problems}}). */
export function readBlurbs(root, operations) {
	const result = {};
	for (const op of operations) {
		const file = blurbFile(root, op);
		const key = `${op.resource}:${op.value}`;
		if (!existsSync(file)) {
			result[key] = { problems: [`missing ${path.relative(root, file)}`] };
			continue;
		}
		try {
			const blurb = parseBlurb(readFileSync(file, 'utf8'), path.relative(root, file));
			const problems = blurbProblems(blurb);
			result[key] = problems.length ? { problems: problems.map((p) => `${path.relative(root, file)}: ${p}`) } : { blurb };
		} catch (e) {
			result[key] = { problems: [e.message] };
		}
	}
	return result;
}

/** Blurb files that name no operation (a renamed or removed operation leaves one behind). */
export function orphanBlurbs(root, operations) {
	const known = new Set(operations.map((op) => `${op.resource}/${op.value}.md`));
	const dir = path.join(root, 'docs', 'src');
	const orphans = [];
	for (const folder of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
		for (const f of readdirSync(path.join(dir, folder.name))) if (!known.has(`${folder.name}/${f}`)) orphans.push(`docs/src/${folder.name}/${f}`);
	}
	return orphans;
}

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined);

/**
 * The generated pages. `deps`: {registry: {OPERATIONS, RESOURCES, operationsOf}, WtsChat, resetPacing, setRateLimits,
 * credential (an instance), trigger (the trigger's description), events (the trigger's event options)}.
 */
export async function renderDocs(root, deps) {
	const { registry } = deps;
	const blurbs = readBlurbs(root, registry.OPERATIONS);
	const problems = Object.values(blurbs).flatMap((b) => b.problems ?? []);
	if (problems.length) throw new Error(`operations without their hand-written part:\n${problems.join('\n')}`);
	const legacy = legacyByOperation(readFileSync(path.join(root, 'README.md'), 'utf8'));
	const pages = {};
	const env = await docsSandbox(deps);
	try {
		for (const resource of registry.RESOURCES) {
			for (const op of registry.operationsOf(resource.value)) {
				const { blurb } = blurbs[`${op.resource}:${op.value}`];
				const errors = await probeErrors(env, op, blurb.meta);
				pages[`docs/${op.resource}/${op.value}.md`] = operationPage({
					op,
					resource,
					blurb,
					capture: readJson(captureFile(root, op)),
					errors,
					legacy: legacy[`${resource.name} → ${op.name}`] ?? [],
				});
			}
		}
	} finally {
		await env.close();
	}
	pages['docs/README.md'] = indexPage({ resources: registry.RESOURCES, operationsOf: registry.operationsOf, count: registry.OPERATIONS.length });
	pages['docs/credential.md'] = credentialPage({ credential: deps.credential, body: readFileSync(path.join(root, 'docs', 'src', 'credential.md'), 'utf8') });
	pages['docs/trigger.md'] = triggerPage({
		trigger: deps.trigger,
		body: readFileSync(path.join(root, 'docs', 'src', 'trigger.md'), 'utf8'),
		events: deps.events,
		samples: readJson(path.join(root, TRIGGER_CAPTURE)) ?? {},
	});
	return pages;
}

/** The example run of each operation, as stored in docs/captures/ ({path → capture}). */
export async function captureAll(root, deps, only) {
	const { registry } = deps;
	const blurbs = readBlurbs(root, registry.OPERATIONS);
	const captures = {};
	const failures = [];
	const env = await docsSandbox(deps);
	try {
		for (const op of registry.OPERATIONS) {
			if (only && !only(op)) continue;
			const { blurb, problems } = blurbs[`${op.resource}:${op.value}`];
			if (!blurb) {
				failures.push(...problems);
				continue;
			}
			let parameters;
			let outputs;
			try {
				parameters = await env.prepare(op, blurb.meta);
				outputs = await captureOutputs(env, op, blurb.meta);
			} catch (e) {
				failures.push(`${op.resource}:${op.value}: ${e.message}`);
				continue;
			}
			const { resource, operation, ...rest } = JSON.parse(JSON.stringify(parameters).replaceAll(env.sandbox.url, 'http://127.0.0.1:4010'));
			captures[path.relative(root, captureFile(root, op))] = { parameters: { resource, operation, ...rest }, outputs };
		}
	} finally {
		await env.close();
	}
	if (failures.length) throw new Error(`example runs that failed (fix docs/src/…):\n${failures.join('\n')}`);
	return captures;
}
