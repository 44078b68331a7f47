// Expressions (and Code node code) that read what a converted node outputs. The legacy node returned one item per
// input item holding the raw answer: for list actions a page object {items, pageNumber, pageSize, totalItems,
// totalPages, hasMorePages}. This package outputs one item per record, paired with its input item. References to
// `items` are rewritten mechanically; references to the page fields cannot be, and are listed for a person.

import type { Finding, MappedNode, Workflow } from './types';

export type OutputKind = MappedNode['output'];

const PAGE_FIELDS = ['pageNumber', 'pageSize', 'totalItems', 'totalPages', 'hasMorePages'];
/** Parameters holding JavaScript (not an n8n expression) in n8n's Code / Function nodes. */
const CODE_PARAMETERS = new Set(['jsCode', 'functionCode']);

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `$('Name')…`, `$node["Name"]…`, `$items("Name")[k]…` up to (and including) `.json`. */
function refHead(name: string): string {
	const n = escapeRe(name);
	const q = (i: number) => `(['"\`])${n}\\${i}`;
	return (
		`(?:\\$\\(\\s*${q(1)}\\s*\\)(?:\\.item|\\.first\\(\\)|\\.last\\(\\)|\\.all\\(\\)\\[\\d+\\]|\\.itemMatching\\([^()]*\\)|\\.pairedItem\\([^()]*\\))?` +
		`|\\$node\\[\\s*${q(2)}\\s*\\]` +
		`|\\$items\\(\\s*${q(3)}\\s*\\)\\[\\d+\\])\\.json`
	);
}

/** `$json`, `$input.item.json`, `$input.first().json`, `$input.all()[k].json` (and `items[k].json` in code): rewritten to the parent by name. */
const INPUT_HEAD = `(?:\\$json|\\$input\\.item\\.json|\\$input\\.first\\(\\)\\.json|\\$input\\.all\\(\\)\\[\\d+\\]\\.json)`;
const CODE_INPUT_HEAD = `(?:items\\[\\d+\\]\\.json)`;

const ITEMS_TAIL = `(?:\\.items|\\[\\s*['"]items['"]\\s*\\])(?:\\[(\\d+)\\])?`;
const PAGE_TAIL = `(?:\\.|\\[\\s*['"])(${PAGE_FIELDS.join('|')})\\b`;

interface Target {
	node: string;
	parameter: string;
	value: string;
	isCode: boolean;
	set: (v: string) => void;
}

/** Every expression or code string in a node's parameters, with a setter to rewrite it. */
function stringsOf(params: unknown, path: string, out: Omit<Target, 'node'>[], parentKey = '') {
	if (Array.isArray(params)) {
		params.forEach((v, i) => {
			if (typeof v === 'string') {
				if (v.startsWith('=')) out.push({ parameter: `${path}[${i}]`, value: v, isCode: false, set: (nv) => (params[i] = nv) });
			} else stringsOf(v, `${path}[${i}]`, out, parentKey);
		});
		return;
	}
	if (!params || typeof params !== 'object') return;
	const obj = params as Record<string, unknown>;
	for (const [k, v] of Object.entries(obj)) {
		const p = path ? `${path}.${k}` : k;
		if (typeof v === 'string') {
			const isCode = CODE_PARAMETERS.has(k);
			if (isCode || v.startsWith('=')) out.push({ parameter: p, value: v, isCode, set: (nv) => (obj[k] = nv) });
		} else stringsOf(v, p, out, k);
	}
}

function pageFieldAdvice(field: string, all: string): string {
	switch (field) {
		case 'totalItems':
			return `No page object any more: for the number of records returned use \`${all}.length\` (set Return All to count them all).`;
		case 'hasMorePages':
		case 'pageNumber':
		case 'totalPages':
			return 'No page object any more and no paging to drive: the node fetches the pages itself (Return All / Limit). Remove the page loop that read this.';
		default:
			return `No page object any more: the records come as items; \`${all}.length\` is how many came back.`;
	}
}

/**
 * Rewrites and lists the expressions of `workflow` that read the output of the converted nodes (`kinds`: node name →
 * legacy output shape). Returns the findings; the workflow is changed in place.
 */
export function fixDownstreamExpressions(workflow: Workflow, kinds: Map<string, OutputKind>): Finding[] {
	const findings: Finding[] = [];
	// direct main-input parents of each node
	const parents = new Map<string, Set<string>>();
	for (const [source, byType] of Object.entries(workflow.connections ?? {})) {
		for (const outputs of Object.values(byType ?? {})) {
			for (const targets of outputs ?? []) {
				for (const t of targets ?? []) {
					if (!parents.has(t.node)) parents.set(t.node, new Set());
					parents.get(t.node)!.add(source);
				}
			}
		}
	}

	for (const node of workflow.nodes) {
		const strings: Omit<Target, 'node'>[] = [];
		stringsOf(node.parameters, '', strings);
		const listParents = [...(parents.get(node.name) ?? [])].filter((p) => kinds.get(p) === 'list');
		for (const s of strings) {
			let value = s.value;
			const record = (f: Omit<Finding, 'node' | 'parameter'>) => findings.push({ node: node.name, parameter: s.parameter, ...f });

			for (const [name, kind] of kinds) {
				if (name === node.name) continue;
				const all = `$('${name.replace(/'/g, "\\'")}').all()`;
				if (kind === 'list') {
					const itemsRe = new RegExp(`${refHead(name)}${ITEMS_TAIL}`, 'g');
					value = value.replace(itemsRe, (match, ...groups) => {
						const index = groups[3] as string | undefined; // groups 0–2: the quotes of the three reference forms
						const after = index !== undefined ? `${all}[${index}].json` : `${all}.map(i => i.json)`;
						record({ kind: 'changed', before: match, after, text: `"${name}" now outputs one item per record instead of one page object with \`items\`.` });
						return after;
					});
					const pageRe = new RegExp(`${refHead(name)}${PAGE_TAIL}`, 'g');
					for (const m of value.matchAll(pageRe)) {
						record({ kind: 'todo', before: m[0], text: `Reads "${name}".${m[4]} from the legacy page object. ${pageFieldAdvice(m[4], all)}` });
					}
				} else if (kind === 'delete' || kind === 'perContact') {
					const re = new RegExp(refHead(name), 'g');
					for (const m of value.matchAll(re)) {
						record({
							kind: 'check',
							before: m[0],
							text:
								kind === 'delete'
									? `"${name}" now outputs {deleted: true, id, …} (the legacy node passed on the raw answer, often empty): check what this reads.`
									: `"${name}" now outputs one item per contact (the legacy node gave one item with the raw batch answer): check what this reads.`,
						});
					}
				}
			}

			if (listParents.length) {
				const parent = listParents[0];
				const heads = s.isCode ? `(?:${INPUT_HEAD}|${CODE_INPUT_HEAD})` : INPUT_HEAD;
				const itemsRe = new RegExp(`${heads}${ITEMS_TAIL}`, 'g');
				// by name, not `$input.all()`: the node now runs with Execute Once (below), and the parent's items are
				// then read the same way in every n8n version
				const inputAll = `$('${parent.replace(/'/g, "\\'")}').all()`;
				value = value.replace(itemsRe, (match, index) => {
					const after = index !== undefined ? `${inputAll}[${index}].json` : `${inputAll}.map(i => i.json)`;
					record({ kind: 'changed', before: match, after, text: `The input ("${parent}") now comes as one item per record instead of one page object with \`items\`.` });
					return after;
				});
				const pageRe = new RegExp(`${heads}${PAGE_TAIL}`, 'g');
				for (const m of value.matchAll(pageRe)) {
					record({ kind: 'todo', before: m[0], text: `Reads ${m[0]} of the legacy page object of "${parent}". ${pageFieldAdvice(m[1], `$('${parent.replace(/'/g, "\\'")}').all()`)}` });
				}
			}
			if (value !== s.value) s.set(value);
		}
		const splitField = node.parameters?.fieldToSplitOut;
		if (listParents.length && (node.type === 'n8n-nodes-base.splitOut' || node.type === 'n8n-nodes-base.itemLists') && typeof splitField === 'string' && /(^|[.,\s])items\s*$/.test(splitField)) {
			findings.push({
				node: node.name,
				kind: 'todo',
				parameter: 'fieldToSplitOut',
				before: splitField,
				text: `Splits the legacy page object's \`items\`: "${listParents[0]}" now outputs one item per record already. Remove this node (connect its input to its output), or its field is not found.`,
			});
			continue;
		}
		const multiParents = [...(parents.get(node.name) ?? [])].filter((p) => kinds.get(p) === 'list' || kinds.get(p) === 'perContact');
		if (multiParents.length && !node.executeOnce) {
			// The legacy node gave its children one item (the page or the batch answer; bug B1 dropped any other): they
			// ran once. Now the records / contacts come one item each; Execute Once keeps the child running once, on
			// the first item; the rewritten references above read the parent's records by name.
			node.executeOnce = true;
			findings.push({
				node: node.name,
				kind: 'changed',
				parameter: 'Settings → Execute Once',
				text: `Turned on: "${multiParents.join('", "')}" now outputs one item per record (or contact) and this node ran once after it. Turn it off to run this node once per record (then read the record as \`$json\`).`,
			});
		}
	}
	return findings;
}
