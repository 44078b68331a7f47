// The node's description follows n8n's UX guidelines (../shared/reference/n8n-practice.md §1.4), checked over every
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
