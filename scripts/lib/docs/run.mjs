// Runs operations of the node against a sandbox for the documentation: the example run of each operation (its output,
// stored by `npm run docs:capture`) and the error probes (what the node answers to empty or malformed parameters, an
// unknown ID, a refused token, a 429 it cannot wait out), which `npm run docs` runs every time so the Troubleshooting
// sections follow the node's own error texts. The node class and its pacing module are passed in (`deps`): the
// scripts use the build (dist/), the unit tests the sources, so both see the same behaviour.
import { SEED } from '../../../sandbox/seed.mjs';
import { startSandbox } from '../../../sandbox/server.mjs';
import { runNode } from '../../../test/harness/n8n.mjs';

/** A well-formed ID that names no record of the sandbox (the not-found probe). */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
/** What a malformed-ID probe types. */
export const MALFORMED_ID = 'not-an-id';
/** The Retry-After of the 429 probe: longer than the default Max Wait on Rate Limit. */
export const PROBE_RETRY_AFTER_S = 3600;

const get = (object, dotted) => dotted.split('.').reduce((o, k) => (o == null ? undefined : o[k]), object);
const rl = (value, mode = 'id') => ({ __rl: true, mode, value });

/**
 * The example parameters of a blurb with their tokens replaced: `"$seed:contacts.maria.id"` (a seed value),
 * `"$inHours:2"` (an ISO date that many hours ahead), `"$setup:0.id"` (a field of the first output item of setup step
 * 0), `{"$rl": <value>, "mode"?: "list"}` (a resource-locator value).
 */
export function resolveTokens(value, setups = []) {
	if (typeof value === 'string') {
		let m = /^\$seed:(.+)$/.exec(value);
		if (m) {
			const v = get(SEED, m[1]);
			if (v === undefined) throw new Error(`docs example: no seed value ${m[1]}`);
			return v;
		}
		m = /^\$inHours:(\d+)$/.exec(value);
		if (m) return new Date(Date.now() + Number(m[1]) * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
		m = /^\$setup:(\d+)\.(.+)$/.exec(value);
		if (m) {
			const v = get(setups[Number(m[1])], m[2]);
			if (v === undefined) throw new Error(`docs example: setup ${m[1]} gave no ${m[2]}`);
			return v;
		}
		return value;
	}
	if (Array.isArray(value)) return value.map((v) => resolveTokens(v, setups));
	if (value && typeof value === 'object') {
		if ('$rl' in value) return rl(resolveTokens(value.$rl, setups), value.mode ?? 'id');
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveTokens(v, setups)]));
	}
	return value;
}

/** A sandbox for documentation runs: no rate limits (runs do not wait), quiet. */
export async function docsSandbox(deps) {
	deps.setRateLimits({ burst: false, sustained: false, send: false });
	const sandbox = await startSandbox({ port: 0, quiet: true, rateLimits: false });
	const credentials = { apiToken: sandbox.token, baseUrl: sandbox.url };
	const run = (parameters, opts = {}) =>
		runNode({ node: new deps.WtsChat(), parameters, credentials: opts.credentials ?? credentials, items: opts.items });
	return {
		sandbox,
		credentials,
		run,
		/** Fresh state, then the example's setup steps; the parameters of the example. */
		async prepare(op, example) {
			sandbox.reset();
			deps.resetPacing();
			const setups = [];
			for (const step of example.setup ?? []) {
				const { output } = await run(resolveTokens(step, setups));
				setups.push(output[0]?.[0]?.json);
			}
			return { resource: op.resource, operation: op.value, ...resolveTokens(example.parameters, setups) };
		},
		async close() {
			await sandbox.close();
			deps.setRateLimits();
		},
	};
}

/** Whether a property is shown for these parameters (top-level displayOptions, as the editor decides). */
export function shownFor(property, parameters, all) {
	const valueOf = (key) => (key in parameters ? parameters[key] : all.find((p) => p.name === key && shownFor(p, parameters, all))?.default);
	for (const [key, allowed] of Object.entries(property.displayOptions?.show ?? {})) {
		if (key === 'resource' || key === 'operation' || key.startsWith('@')) continue;
		if (!allowed.includes(valueOf(key))) return false;
	}
	for (const [key, hidden] of Object.entries(property.displayOptions?.hide ?? {})) {
		if (hidden.includes(valueOf(key))) return false;
	}
	return true;
}

const emptyOf = (property) =>
	property.type === 'resourceLocator'
		? rl('')
		: property.type === 'multiOptions'
		? []
		: property.type === 'number'
		? undefined
		: property.type === 'collection' || property.type === 'fixedCollection'
		? {}
		: '';

const isUuid = (v) => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/** The error a run throws: {message, description}, or undefined when it did not throw. */
async function errorOf(run) {
	try {
		await run();
	} catch (error) {
		// WTS Chat's trace reference changes with every answer: shown as a placeholder so pages are the same every run.
		const text = (s) => (typeof s === 'string' ? s.trim().replace(/\(reference [0-9a-f]+\)/g, '(reference <trace ID>)') : '');
		return { message: text(error.message), description: text(error.description) };
	}
	return undefined;
}

/**
 * The errors the operation raises, probed: each required parameter left empty, each ID parameter malformed and
 * unknown, the token refused, a 429 asking for longer than Max Wait on Rate Limit. Each with the case that raised it;
 * the same message is listed once.
 */
export async function probeErrors(env, op, example) {
	const base = await env.prepare(op, example);
	const visible = op.properties.filter((p) => shownFor(p, base, op.properties));
	const cases = [];
	const probe = async (when, change, opts) => {
		const parameters = await env.prepare(op, example);
		const error = await errorOf(() => env.run(change(parameters), opts));
		if (error && error.message) cases.push({ when, ...error });
	};
	for (const p of visible.filter((q) => q.required)) {
		await probe(`${p.displayName} is empty`, (params) => ({ ...params, [p.name]: emptyOf(p) }));
	}
	for (const p of visible) {
		const given = base[p.name];
		const value = given && typeof given === 'object' && given.__rl ? given.value : p.type === 'string' ? given : undefined;
		if (!isUuid(value)) continue;
		const wrap = (v) => (given.__rl ? { ...given, value: v } : v);
		await probe(`${p.displayName} is not an ID (\`${MALFORMED_ID}\`)`, (params) => ({ ...params, [p.name]: wrap(MALFORMED_ID) }));
		await probe(`${p.displayName} names no record (\`${UNKNOWN_ID}\`)`, (params) => ({ ...params, [p.name]: wrap(UNKNOWN_ID) }));
	}
	await probe('the credential’s API token is refused (HTTP 401)', (params) => params, {
		credentials: { ...env.credentials, apiToken: 'pn_not_a_valid_token' },
	});
	const parameters = await env.prepare(op, example);
	env.sandbox.faults.add({ status: 429, headers: { 'retry-after': String(PROBE_RETRY_AFTER_S) }, times: 1 });
	const limited = await errorOf(() => env.run(parameters));
	if (limited?.message) cases.push({ when: `WTS Chat answers 429 asking to wait ${PROBE_RETRY_AFTER_S} s, more than Max Wait on Rate Limit`, ...limited });
	const seen = new Set();
	return cases.filter((c) => {
		const key = `${c.message}\n${c.description}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}

/** Scrubs what changes from run to run (the sandbox URL's port) so pages are the same on every machine. */
export function stable(value, env) {
	return JSON.parse(JSON.stringify(value).replaceAll(env.sandbox.url, 'http://127.0.0.1:4010'));
}

/** One output of a run: how many items, the first item's JSON, its binary (metadata only). */
function summarise(output, env) {
	const items = output[0] ?? [];
	const first = items[0];
	const binary = first?.binary
		? Object.fromEntries(
				Object.entries(first.binary).map(([k, b]) => [k, Object.fromEntries(Object.entries(b).filter(([key]) => key !== 'data'))]),
		  )
		: undefined;
	return stable({ items: items.length, json: first?.json ?? null, ...(binary ? { binary } : {}) }, env);
}

/** The example run of an operation: its output, with Simplify on and off when it has Simplify. */
export async function captureOutputs(env, op, example) {
	const hasSimplify = op.properties.some((p) => p.name === 'simplify');
	const variants = hasSimplify ? { simplified: true, raw: false } : { output: undefined };
	const result = {};
	for (const [name, simplify] of Object.entries(variants)) {
		const parameters = await env.prepare(op, example);
		const { output } = await env.run(simplify === undefined ? parameters : { ...parameters, simplify });
		result[name] = summarise(output, env);
	}
	return result;
}

/** The structure of a JSON value (keys and types, not values), to tell a stored capture still matches. */
export function shapeOf(value) {
	if (value === null) return 'null';
	if (Array.isArray(value)) return value.length ? [shapeOf(value[0])] : [];
	if (typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, shapeOf(value[k])]));
	return typeof value;
}
