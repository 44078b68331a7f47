// The node's description follows n8n's UX guidelines (https://docs.n8n.io/integrations/creating-nodes/build/reference/ux-guidelines/), checked over every
// property of every resource and operation, so new resources are held to the same rules.
import { describe, expect, it } from 'vitest';

import { WtsChat } from '../../../nodes/WtsChat/WtsChat.node';
import { WtsChatTrigger } from '../../../nodes/WtsChatTrigger/WtsChatTrigger.node';

type Prop = {
	displayName: string;
	name: string;
	type: string;
	description?: string;
	options?: Array<Prop & { value?: unknown; values?: Prop[] }>;
	values?: Prop[];
};


/** Every property, with the path it sits at, including collection options and fixedCollection values. */
function walk(props: Prop[], path: string[] = []): Array<{ prop: Prop; path: string }> {
	const out: Array<{ prop: Prop; path: string }> = [];
	for (const prop of props) {
		const here = [...path, prop.displayName];
		out.push({ prop, path: here.join(' › ') });
		if (prop.type === 'collection') out.push(...walk((prop.options ?? []) as Prop[], here));
		if (prop.type === 'fixedCollection') {
			for (const group of prop.options ?? []) out.push(...walk(group.values ?? [], [...here, group.displayName]));
		}
	}
	return out;
}

// Both nodes of the package: the action node and the trigger.
const all = [new WtsChat(), new WtsChatTrigger()].flatMap((node) =>
	walk(node.description.properties as unknown as Prop[], [node.description.displayName]),
);

// Title Case as n8n's title-case lint writes it: articles, conjunctions and short prepositions in lower case ("Wait
// for Channel", "Name or ID"). "At" and "By" stay capitalised where they are part of an API field name
// (Created At = CreatedAt, Order By = OrderBy).
const SMALL_WORDS = new Set(['a', 'an', 'and', 'but', 'for', 'from', 'in', 'nor', 'of', 'on', 'or', 'the', 'to', 'via', 'with']);

function titleCaseProblem(text: string): string | undefined {
	const words = text.split(/\s+/);
	for (const [i, word] of words.entries()) {
		const bare = word.replace(/^[("']+|[)"',.:]+$/g, '');
		if (bare === '' || !/^[A-Za-z]/.test(bare)) continue;
		const small = SMALL_WORDS.has(bare.toLowerCase());
		if (i > 0 && small && bare !== bare.toLowerCase()) return `"${bare}" should be lower case`;
		if ((i === 0 || !small) && bare[0] !== bare[0].toUpperCase()) return `"${bare}" should start with a capital`;
	}
	return undefined;
}

describe('node description (n8n UX guidelines)', () => {
	it('uses Title Case in every display name and option name (minor words in lower case)', () => {
		const problems: string[] = [];
		for (const { prop, path } of all) {
			// a notice's text is a sentence, not a title
			const p = prop.type === 'notice' ? undefined : titleCaseProblem(prop.displayName);
			if (p) problems.push(`${path}: ${p}`);
			if (prop.type === 'options' || prop.type === 'multiOptions') {
				for (const option of prop.options ?? []) {
					const q = titleCaseProblem(option.name);
					if (q) problems.push(`${path} → option "${option.name}": ${q}`);
				}
			}
		}
		expect(problems).toEqual([]);
		expect(titleCaseProblem('Reactivate On New Message')).toBeDefined();
		expect(titleCaseProblem('Wait for Channel')).toBeUndefined();
	});

	it('lists the options of every collection (filters, options, update fields) alphabetically', () => {
		for (const { prop, path } of all) {
			if (prop.type !== 'collection') continue;
			const names = (prop.options ?? []).map((o) => o.displayName);
			expect(names, path).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
	});

	it('describes every parameter, filter and option', () => {
		const undescribed = all
			.filter(({ prop }) => !['resource', 'operation'].includes(prop.name) && prop.type !== 'notice')
			.filter(({ prop }) => !prop.description || prop.description.trim() === '')
			.map(({ path }) => path);
		expect(undescribed).toEqual([]);
	});

	it('starts boolean descriptions with "Whether" and placeholders with "e.g."', () => {
		for (const { prop, path } of all) {
			if (prop.type === 'boolean') expect(prop.description, path).toMatch(/^Whether /);
			const placeholder = (prop as { placeholder?: string }).placeholder;
			if (placeholder && !/^(Add|Select) /.test(placeholder)) expect(placeholder, path).toMatch(/^e\.g\. /);
		}
	});
});

describe('every picker names a method the node has', () => {
	for (const node of [new WtsChat(), new WtsChatTrigger()]) {
		const methods = (node as unknown as { methods?: { loadOptions?: object; listSearch?: object } }).methods ?? {};
		const props = walk(node.description.properties as unknown as Prop[], [node.description.displayName]);
		const topLevel = new Set((node.description.properties as unknown as Prop[]).map((p) => p.name));
		const uses = props.flatMap(({ prop, path }) => {
			const p = prop as Prop & {
				typeOptions?: { loadOptionsMethod?: string; loadOptionsDependsOn?: string[] };
				modes?: Array<{ typeOptions?: { searchListMethod?: string } }>;
			};
			const out: Array<{ kind: 'loadOptions' | 'listSearch' | 'dependsOn'; name: string; path: string }> = [];
			if (p.typeOptions?.loadOptionsMethod) out.push({ kind: 'loadOptions', name: p.typeOptions.loadOptionsMethod, path });
			for (const dep of p.typeOptions?.loadOptionsDependsOn ?? []) out.push({ kind: 'dependsOn', name: dep, path });
			for (const mode of p.modes ?? []) {
				if (mode.typeOptions?.searchListMethod) out.push({ kind: 'listSearch', name: mode.typeOptions.searchListMethod, path });
			}
			return out;
		});

		it(`${node.description.displayName}: every loadOptionsMethod and searchListMethod exists`, () => {
			const missing = uses
				.filter((u) => u.kind !== 'dependsOn')
				.filter((u) => typeof (methods[u.kind as 'loadOptions' | 'listSearch'] as Record<string, unknown> | undefined)?.[u.name] !== 'function')
				.map((u) => `${u.path}: ${u.kind}.${u.name}`);
			expect(missing).toEqual([]);
		});

		it(`${node.description.displayName}: every loadOptionsDependsOn names a parameter of the node`, () => {
			// "panelId.value" is the value of the panelId resource locator
			const wrong = uses.filter((u) => u.kind === 'dependsOn' && !topLevel.has(u.name.split('.')[0])).map((u) => `${u.path}: ${u.name}`);
			expect(wrong).toEqual([]);
		});
	}

	it('the action node uses pickers (so the checks above check something)', () => {
		const node = new WtsChat();
		const json = JSON.stringify(node.description.properties);
		expect(json.match(/"loadOptionsMethod"/g)?.length ?? 0).toBeGreaterThan(10);
		expect(json.match(/"searchListMethod"/g)?.length ?? 0).toBeGreaterThan(10);
	});
});
