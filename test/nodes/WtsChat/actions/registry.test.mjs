// The operation registry: every operation declared once, and what is derived from the declarations (the editor's
// lists and displayOptions, the router's table, README's operations tables) current and complete.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { findOperation, nodeProperties, OPERATIONS, operationsOf, registryProblems, RESOURCES } from '../../../../nodes/WtsChat/actions/registry';
import { WtsChat } from '../../../../nodes/WtsChat/WtsChat.node';
import { generatedIndex, GENERATED, operationFiles } from '../../../../scripts/registry.mjs';
import { hasOperationsIndex, renderReadmeIndex } from '../../../../scripts/lib/operations-table.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

describe('operation registry', () => {
	it('operations.generated.ts lists exactly the operation files (node scripts/registry.mjs writes it)', () => {
		expect(readFileSync(GENERATED, 'utf8')).toBe(generatedIndex());
		expect(OPERATIONS).toHaveLength(operationFiles().length);
	});

	it('has no duplicate, unknown-resource or default-less declarations', () => {
		expect(registryProblems()).toEqual([]);
	});

	it('each operation file declares the operation of its own folder, with every text the editor and README use', () => {
		const actions = path.join(ROOT, 'nodes/WtsChat/actions');
		for (const folder of readdirSync(actions, { withFileTypes: true }).filter((d) => d.isDirectory())) {
			for (const file of readdirSync(path.join(actions, folder.name)).filter((f) => f.endsWith('.operation.ts'))) {
				const source = readFileSync(path.join(actions, folder.name, file), 'utf8');
				expect(source, `${folder.name}/${file}`).toContain(`resource: '${folder.name}'`);
				// The router names items: no operation types [item N] itself.
				expect(source, `${folder.name}/${file}`).not.toMatch(/\[item \$\{/);
			}
		}
		for (const op of OPERATIONS) {
			for (const key of ['name', 'action', 'description', 'summary', 'endpoint']) {
				expect(op[key].trim(), `${op.resource}:${op.value} ${key}`).not.toBe('');
			}
			expect(op.endpoint, `${op.resource}:${op.value}`).toMatch(/`(GET|POST|PUT|DELETE|PATCH)\b|as |`\w/);
		}
	});

	it('the node shows each operation in its resource list, and its parameters only for it', () => {
		const properties = new WtsChat().description.properties;
		expect(properties).toEqual(nodeProperties());
		const resource = properties[0];
		expect(resource.options?.map((o) => o.value)).toEqual(RESOURCES.map((r) => r.value));
		for (const r of RESOURCES) {
			const selector = properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.[0] === r.value);
			const values = (selector?.options ?? []).map((o) => o.value);
			expect(values, r.value).toEqual(operationsOf(r.value).map((op) => op.value));
			expect(values, r.value).toContain(selector?.default);
		}
		const rest = properties.filter((p) => p.name !== 'resource' && p.name !== 'operation');
		expect(rest.length).toBe(OPERATIONS.reduce((n, op) => n + op.properties.length, 0));
		for (const p of rest) {
			const show = p.displayOptions?.show ?? {};
			expect(show.resource, p.name).toHaveLength(1);
			expect(show.operation, p.name).toHaveLength(1);
			expect(findOperation(String(show.resource?.[0]), String(show.operation?.[0])), p.name).toBeDefined();
		}
	});

	it('README has the operations index (each resource, its operations linking to their pages), rendered from the registry (npm run docs renders it)', () => {
		const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
		expect(hasOperationsIndex(readme)).toBe(true);
		expect(readme).toBe(renderReadmeIndex(readme, { RESOURCES, operationsOf }));
		for (const op of OPERATIONS) expect(readme).toContain(`](docs/${op.resource}/${op.value}.md)`);
	});
});
