// The import graph of the node and of the sandbox: layers point one way (operations → UI descriptions → runtime
// helpers → transport), a resource never imports another resource's folder, and there is no import cycle.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function files(dir, ext) {
	const out = [];
	for (const e of readdirSync(dir)) {
		const p = path.join(dir, e);
		if (statSync(p).isDirectory()) out.push(...files(p, ext));
		else if (ext.some((x) => p.endsWith(x))) out.push(p);
	}
	return out;
}

/** Relative runtime imports of a file (type-only imports create no module dependency), resolved to files. */
function importsOf(file) {
	const text = readFileSync(file, 'utf8');
	const out = [];
	for (const m of text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+'(\.[^']+)';/gms)) {
		if (m[2]) continue;
		let target = path.resolve(path.dirname(file), m[3]);
		for (const candidate of [target, `${target}.ts`, path.join(target, 'index.ts')]) {
			try {
				if (statSync(candidate).isFile()) {
					target = candidate;
					break;
				}
			} catch {
				/* next */
			}
		}
		out.push(target);
	}
	return out;
}

function cycles(graph) {
	const found = [];
	const state = new Map();
	const visit = (node, stack) => {
		state.set(node, 'open');
		for (const next of graph.get(node) ?? []) {
			if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next].map((f) => path.relative(ROOT, f)).join(' → '));
			else if (!state.has(next)) visit(next, [...stack, next]);
		}
		state.set(node, 'done');
	};
	for (const node of graph.keys()) if (!state.has(node)) visit(node, [node]);
	return found;
}

const nodeFiles = [...files(path.join(ROOT, 'nodes'), ['.ts']), ...files(path.join(ROOT, 'credentials'), ['.ts'])];
const nodeGraph = new Map(nodeFiles.map((f) => [f, importsOf(f)]));
const rel = (f) => path.relative(path.join(ROOT, 'nodes', 'WtsChat'), f).split(path.sep);

/** The layer of a file of nodes/WtsChat: 0 transport, 1 helpers, 2 methods and the UI descriptions (actions/*.ts), 3 a resource's operations, 4 registry, router and node class. */
function layer(file) {
	const [top, second] = rel(file);
	if (top === 'transport') return 0;
	if (top === 'helpers') return 1;
	if (top === 'methods') return 2;
	if (top === 'actions' && second?.endsWith('.ts')) return ['registry.ts', 'router.ts', 'operations.generated.ts'].includes(second) ? 4 : 2;
	if (top === 'actions') return 3;
	return 4;
}

describe('architecture', () => {
	it('nodes/ and credentials/ import only n8n-workflow and relative paths', () => {
		const bad = [];
		for (const f of nodeFiles) {
			for (const m of readFileSync(f, 'utf8').matchAll(/from\s+'([^.'][^']*)'/g)) {
				if (m[1] !== 'n8n-workflow') bad.push(`${path.relative(ROOT, f)}: ${m[1]}`);
			}
		}
		expect(bad).toEqual([]);
	});

	it('no import in nodes/WtsChat points to a higher layer, and no resource imports another resource', () => {
		const upward = [];
		for (const [file, imports] of nodeGraph) {
			if (!file.includes(`${path.sep}WtsChat${path.sep}`) || file.includes('WtsChatTrigger')) continue;
			for (const target of imports) {
				if (!target.includes(`${path.sep}WtsChat${path.sep}`)) continue;
				const [from, to] = [layer(file), layer(target)];
				// The UI descriptions' level may use its own level; an operation its own folder.
				if (to > from) upward.push(`${rel(file).join('/')} (layer ${from}) → ${rel(target).join('/')} (layer ${to})`);
				if (from === 3 && to === 3 && rel(file)[1] !== rel(target)[1]) upward.push(`${rel(file).join('/')} → another resource: ${rel(target).join('/')}`);
			}
		}
		expect(upward).toEqual([]);
	});

	it('the trigger uses the action node’s helpers, methods and transport, never its operations', () => {
		const trigger = [...nodeGraph].filter(([f]) => f.includes('WtsChatTrigger'));
		expect(trigger.length).toBeGreaterThan(0);
		for (const [, imports] of trigger) {
			for (const target of imports) expect(path.relative(ROOT, target)).not.toMatch(/WtsChat\/actions\//);
		}
	});

	it('has no import cycle in nodes/ nor in sandbox/', () => {
		expect(cycles(nodeGraph)).toEqual([]);
		const sandboxFiles = files(path.join(ROOT, 'sandbox'), ['.mjs']);
		expect(cycles(new Map(sandboxFiles.map((f) => [f, importsOf(f)])))).toEqual([]);
	});

	it('a cycle and an upward import are caught (the checks can fail)', () => {
		expect(cycles(new Map([['/a', ['/b']], ['/b', ['/a']]]))).toHaveLength(1);
		expect(layer(path.join(ROOT, 'nodes/WtsChat/transport/index.ts'))).toBeLessThan(layer(path.join(ROOT, 'nodes/WtsChat/helpers/send.ts')));
	});
});

describe('references', () => {
	it('code, tests and docs cite files in the repository, never the team’s notes outside it', () => {
		const roots = ['nodes', 'credentials', 'sandbox', 'test', 'scripts', 'bench', 'examples', 'migrate/src', 'spec', 'docs'].map((d) => path.join(ROOT, d));
		const all = [...roots.flatMap((r) => files(r, ['.ts', '.mjs', '.md', '.json'])), path.join(ROOT, 'README.md'), path.join(ROOT, 'migrate', 'README.md')];
		const outside = /\.\.\/shared\/|\bapi\.md\b|n8n-practice\.md|legacy-node\.md/;
		const found = all.filter((f) => !f.endsWith('architecture.test.mjs') && outside.test(readFileSync(f, 'utf8'))).map((f) => path.relative(ROOT, f));
		expect(found).toEqual([]);
	});
});
