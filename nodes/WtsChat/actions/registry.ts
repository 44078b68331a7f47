import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import type { OperationDefinition } from './operation';
import { OPERATIONS } from './operations.generated';
import { DEFAULT_RESOURCE, RESOURCES } from './resources';
import type { WtsChatResource } from './resources';

/**
 * The operation registry: every operation declared once (actions/<resource>/<operation>.operation.ts, collected into
 * operations.generated.ts by scripts/registry.mjs) and everything derived from those declarations: the editor's
 * resource and operation lists, each operation's displayOptions, and the router's table.
 */

const keyOf = (resource: string, operation: string) => `${resource}:${operation}`;

const TABLE: ReadonlyMap<string, OperationDefinition> = new Map(OPERATIONS.map((op) => [keyOf(op.resource, op.value), op]));

/** The declared operation, or undefined when this resource has none of that value. */
export function findOperation(resource: string, operation: string): OperationDefinition | undefined {
	return TABLE.get(keyOf(resource, operation));
}

/** The operations of a resource, in the editor's order (by name). */
export function operationsOf(resource: WtsChatResource): OperationDefinition[] {
	return OPERATIONS.filter((op) => op.resource === resource).sort((a, b) => a.name.localeCompare(b.name));
}

export { OPERATIONS, RESOURCES };

/** Adds `displayOptions` to every property (merging with its own), like n8n's internal helper of the same name. */
function withDisplayOptions(displayOptions: IDisplayOptions, properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...displayOptions.show, ...property.displayOptions?.show },
			...(property.displayOptions?.hide ? { hide: property.displayOptions.hide } : {}),
		},
	}));
}

/** The node's properties: Resource, then per resource its Operation list and each operation's parameters. */
export function nodeProperties(): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: RESOURCES.map(({ name, value }) => ({ name, value })),
			default: DEFAULT_RESOURCE,
		},
	];
	for (const resource of RESOURCES) {
		const operations = operationsOf(resource.value);
		const defaultOperation = resource.defaultOperation;
		properties.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			default: defaultOperation,
			options: operations.map(({ name, value, description, action }) => ({ name, value, description, action })),
		});
		for (const op of operations) {
			properties.push(...withDisplayOptions({ show: { resource: [resource.value], operation: [op.value] } }, op.properties));
		}
	}
	return properties;
}

/** What is wrong with the declarations (duplicates, unknown resources, missing defaults); empty when nothing. */
export function registryProblems(): string[] {
	const problems: string[] = [];
	const seen = new Set<string>();
	for (const op of OPERATIONS) {
		const key = keyOf(op.resource, op.value);
		if (seen.has(key)) problems.push(`${key} is declared twice`);
		seen.add(key);
		if (!RESOURCES.some((r) => r.value === op.resource)) problems.push(`${key}: unknown resource`);
		if (!op.execute && !op.batch) problems.push(`${key}: neither execute, batch nor request`);
		if (op.batch && !op.batch.probe) problems.push(`${key}: a batch without probe (its entries would not be checked one by one)`);
	}
	for (const r of RESOURCES) {
		if (!findOperation(r.value, r.defaultOperation)) problems.push(`${r.value}: default operation ${r.defaultOperation} is not declared`);
		if (operationsOf(r.value).length === 0) problems.push(`${r.value}: no operations`);
	}
	return problems;
}
