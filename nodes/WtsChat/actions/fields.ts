import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { FieldInfo, FieldResolver } from '../transport';

/**
 * How an operation's parameters name the API's fields, for the transport's contract check (transport/contract.ts):
 * the refusal of a value names the field the user filled in, with its display name, and knows whether that field
 * is a single line. Derived from the operation's property declarations: the parameter whose value (for this item)
 * is the value refused, preferring one whose name matches the API field; else the parameter named like the API
 * field (`senderId` ↔ Options → Sender ID, `parameters` ↔ Template Parameters).
 */

interface Leaf {
	/** The property's name, e.g. `senderId`. */
	name: string;
	displayName: string;
	singleLine: boolean;
	/** Reads this property's value(s) for item i (collections and fixed collections walked into). */
	read: (top: Map<string, unknown>) => unknown[];
}

const isSingleLine = (p: INodeProperties) =>
	(p.type === 'string' && !p.typeOptions?.rows && !p.typeOptions?.editor) || p.type === 'resourceLocator';

/** Every property, also inside collections and fixed collections, with how to find its values in the item's parameters. */
function leaves(
	properties: INodeProperties[],
	under: (top: Map<string, unknown>) => unknown[] = () => [],
	top = true,
	prefix = '',
): Leaf[] {
	const out: Leaf[] = [];
	for (const p of properties) {
		const read = top
			? (values: Map<string, unknown>) => [values.get(p.name)]
			: (values: Map<string, unknown>) =>
					under(values).flatMap((parent) => {
						const v = parent && typeof parent === 'object' ? (parent as IDataObject)[p.name] : undefined;
						return Array.isArray(v) && p.type !== 'multiOptions' ? v : [v];
					});
		if (p.type === 'collection' && p.options) {
			out.push(...leaves(p.options as INodeProperties[], read, false, prefix));
		} else if (p.type === 'fixedCollection' && p.options) {
			for (const group of p.options as Array<{ name: string; values?: INodeProperties[] }>) {
				const readGroup = (values: Map<string, unknown>) =>
					read(values).flatMap((v) => {
						const g = v && typeof v === 'object' ? (v as IDataObject)[group.name] : undefined;
						return Array.isArray(g) ? g : [g];
					});
				// "Key", "Value", "Name or ID" alone say little: an entry's field is named with its collection.
				out.push(...leaves(group.values ?? [], readGroup, false, `${p.displayName} → `));
			}
		} else {
			out.push({ name: p.name, displayName: `${prefix}${p.displayName}`, singleLine: isSingleLine(p), read });
		}
	}
	return out;
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Whether the parameter's name and the API field's name say the same (`fileUrl` ↔ `url`, `parameters` ↔ `templateParameters`). */
function sameName(leaf: Leaf, apiField: string): boolean {
	const a = norm(leaf.name);
	const b = norm(apiField);
	return a === b || (b.length >= 3 && (a.endsWith(b) || b.endsWith(a)));
}

function matchesValue(candidate: unknown, value: unknown): boolean {
	if (candidate === undefined || candidate === null) return false;
	if (typeof value === 'string') {
		const want = value.trim();
		if (want === '') return false;
		const v = candidate && typeof candidate === 'object' && '__rl' in (candidate as IDataObject) ? (candidate as IDataObject).value : candidate;
		if (Array.isArray(v)) return v.some((x) => String(x).trim() === want);
		// A list typed as text ("a, b") holds the value as one of its entries.
		return typeof v === 'string' || typeof v === 'number' ? String(v).trim() === want || String(v).split(',').some((x) => x.trim() === want) : false;
	}
	return typeof value === 'object' && candidate === value;
}

/** The resolver of an operation's parameters for this execution. */
export function fieldResolver(ctx: IExecuteFunctions, properties: INodeProperties[]): FieldResolver {
	const all = leaves(properties);
	return (apiField: string, value: unknown, itemIndex: number | undefined): FieldInfo | undefined => {
		const info = (leaf: Leaf): FieldInfo => ({ label: leaf.displayName, singleLine: leaf.singleLine });
		if (itemIndex !== undefined && value !== undefined) {
			const top = new Map<string, unknown>();
			for (const p of properties) {
				try {
					top.set(p.name, ctx.getNodeParameter(p.name, itemIndex, undefined));
				} catch {
					/* a parameter this node version does not have */
				}
			}
			const byValue = all.filter((leaf) => leaf.read(top).some((v) => matchesValue(v, value)));
			const best = byValue.find((leaf) => sameName(leaf, apiField)) ?? (byValue.length === 1 ? byValue[0] : undefined);
			if (best) return info(best);
		}
		const byName = all.find((leaf) => norm(leaf.name) === norm(apiField)) ?? all.find((leaf) => sameName(leaf, apiField));
		return byName ? info(byName) : undefined;
	};
}
