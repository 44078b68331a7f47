import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiRequestPage } from '../transport';
import { typeProblem } from '../transport/rules';

/** The `templateParameters.parameter[]` entries of item `itemIndex` as the API's `parameters` object (name → value). */
export function readTemplateParameters(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const entries =
		((ctx.getNodeParameter('templateParameters', itemIndex, {}) as IDataObject).parameter as IDataObject[] | undefined) ?? [];
	const parameters: IDataObject = {};
	for (const { name, value } of entries) {
		const key = String(name ?? '').trim();
		if (key === '') {
			throw new NodeOperationError(ctx.getNode(), `A template parameter has no name`, {
				description: 'Pick the variable for every template parameter, or remove the empty entry.',
				itemIndex,
			});
		}
		const problem = typeProblem(value, 'string', `Template Parameters ("${key}")`);
		if (problem) throw new NodeOperationError(ctx.getNode(), problem.message, { description: problem.hint, itemIndex });
		parameters[key] = value === undefined || value === null ? '' : String(value);
	}
	return parameters;
}

/** What the node knows of a template: its name and the names of its variables. */
interface TemplateInfo {
	name: string;
	variables: string[];
}

/** The templates read in this execution (keyed on the execution's context), each once: template ID → its info. */
const templateCache = new WeakMap<object, Map<string, Promise<TemplateInfo | undefined>>>();

const TEMPLATE_PAGE_SIZE = 100;
const TEMPLATE_MAX_PAGES = 50;

/**
 * A template's name and variables, from the template listing with `IncludeDetails=Params` (the API has no route
 * for one template; the editor's variable picker reads it the same way). `undefined` when the listing does not show
 * it (archived, another account) or cannot be read: what WTS Chat then answers to the send is reported as it is.
 */
async function readTemplate(ctx: IExecuteFunctions, itemIndex: number, templateId: string): Promise<TemplateInfo | undefined> {
	const id = templateId.toLowerCase();
	try {
		for (let page = 1; page <= TEMPLATE_MAX_PAGES; page++) {
			const { items, hasMorePages } = await apiRequestPage.call(
				ctx,
				{ method: 'GET', path: '/chat/v1/template', qs: { IncludeDetails: ['Params'] } },
				page,
				TEMPLATE_PAGE_SIZE,
				itemIndex,
			);
			const template = items.find((t) => String(t.id).toLowerCase() === id);
			if (template) {
				const params = Array.isArray(template.params) ? (template.params as IDataObject[]) : [];
				return {
					name: String(template.name ?? templateId),
					variables: params.map((p) => String(p.name ?? '')).filter((n) => n !== ''),
				};
			}
			if (!hasMorePages) break;
		}
	} catch {
		// Not readable (e.g. a permission the token lacks): the send itself says what is wrong, if anything.
	}
	return undefined;
}

function templateInfo(ctx: IExecuteFunctions, itemIndex: number, templateId: string): Promise<TemplateInfo | undefined> {
	let perRun = templateCache.get(ctx);
	if (!perRun) {
		perRun = new Map();
		templateCache.set(ctx, perRun);
	}
	const key = templateId.toLowerCase();
	let pending = perRun.get(key);
	if (!pending) {
		pending = readTemplate(ctx, itemIndex, templateId);
		perRun.set(key, pending);
	}
	return pending;
}

const list = (names: string[]) => names.map((n) => `"${n}"`).join(', ');

/**
 * Refuses, before the send, template parameters that leave a variable of the template without a value or name a
 * variable it does not have. The template's variables are read once per template per execution. Whether WTS Chat
 * approved the template is left to WTS Chat (its own answer is reported).
 */
export async function checkTemplateVariables(
	ctx: IExecuteFunctions,
	itemIndex: number,
	templateId: string,
	parameters: IDataObject,
): Promise<void> {
	const template = await templateInfo(ctx, itemIndex, templateId);
	if (!template) return;
	const { name, variables } = template;
	const missing = variables.filter((v) => parameters[v] === undefined || parameters[v] === null || parameters[v] === '');
	const unknown = Object.keys(parameters).filter((k) => !variables.includes(k));
	if (!missing.length && !unknown.length) return;
	const expected = variables.length
		? `The template "${name}" has the variables ${list(variables)}: give each of them a value under Template Parameters, and no other.`
		: `The template "${name}" has no variables: remove every entry under Template Parameters.`;
	const parts: string[] = [];
	if (missing.length) parts.push(`${missing.length === 1 ? 'variable' : 'variables'} ${list(missing)} without a value`);
	if (unknown.length) parts.push(`unknown ${unknown.length === 1 ? 'variable' : 'variables'} ${list(unknown)}`);
	throw new NodeOperationError(ctx.getNode(), `Template Parameters: ${parts.join('; ')}`, { description: expected, itemIndex });
}
