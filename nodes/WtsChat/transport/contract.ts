import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { REQUEST_RULES, TEXT_MESSAGE_MAX } from './contract.generated';
import type { WtsRequest } from './request';
import type { Problem, UrlKind } from './rules';
import {
	emailProblem,
	enumProblem,
	isUuid,
	pathSegmentProblem,
	queryKeyProblem,
	textProblem,
	typeProblem,
	urlProblem,
	uuidProblem,
} from './rules';

/**
 * Every request checked against the API's contract before it is sent (contract.generated.ts, derived from the
 * spec): path segments, query parameters and body fields, by their type, enum, format, maximum length and URL kind
 * (rules.ts). A refusal names the field as the editor shows it: the operation layer tells the transport, per
 * execution, how an API field maps back to the user's field (describeFields); without that the API's field name is
 * spelled out ("Sender ID" for `senderId`).
 */

/** What the contract says about one value (generated from the spec). */
export interface Rule {
	type?: string;
	format?: 'uuid' | 'date-time' | 'email';
	enum?: string[];
	maxLength?: number;
	url?: UrlKind;
	items?: Rule;
	properties?: Record<string, Rule>;
	/** The rule of every value of a dictionary (`additionalProperties`). */
	values?: Rule;
}

export interface RequestRules {
	path: Record<string, Rule>;
	query: Record<string, Rule>;
	body?: Rule;
}

/** How the user's parameters name an API field: the editor's display name, and whether the field is one line. */
export interface FieldInfo {
	label: string;
	singleLine?: boolean;
}

/** Maps an API field (its name in the request, e.g. `senderId`, and the value sent) back to the user's field. */
export type FieldResolver = (apiField: string, value: unknown, itemIndex: number | undefined) => FieldInfo | undefined;

const resolvers = new WeakMap<object, FieldResolver>();

/** Called by the router for each execution: how this operation's parameters name the API's fields. */
export function describeFields(ctx: object, resolver: FieldResolver): void {
	resolvers.set(ctx, resolver);
}

const ACRONYMS: Record<string, string> = { id: 'ID', ids: 'IDs', url: 'URL', urls: 'URLs', otp: 'OTP', utm: 'UTM' };

/** `senderId` → "Sender ID", `OrderDirection` → "Order Direction". */
export function spellOut(apiField: string): string {
	const words = apiField
		.replace(/\[.*$/, '')
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.split(/[\s._-]+/)
		.filter(Boolean);
	return words.map((w) => ACRONYMS[w.toLowerCase()] ?? w[0].toUpperCase() + w.slice(1)).join(' ') || 'value';
}

/** The rules of the documented endpoint this request calls (undefined for a URL outside the API, e.g. an upload). */
export function rulesOf(request: Pick<WtsRequest, 'method' | 'path'>): RequestRules | undefined {
	return REQUEST_RULES[`${request.method} ${request.path}`];
}

interface Walk {
	field: (apiField: string, value: unknown) => FieldInfo;
	apiHost?: string;
}

function checkValue(value: unknown, rule: Rule | undefined, apiField: string, walk: Walk): Problem | undefined {
	if (value === undefined || value === null) return undefined;
	// A scalar where the API takes a list (a query key repeated, e.g. Status=…) is checked as one entry of it.
	if (rule?.type === 'array' && !Array.isArray(value)) return checkValue(value, rule.items, apiField, walk);
	if (Array.isArray(value)) {
		for (const v of value) {
			const p = checkValue(v, rule?.items ?? (rule?.type === 'array' ? undefined : rule), apiField, walk);
			if (p) return p;
		}
		return undefined;
	}
	if (typeof value === 'object') {
		if (rule?.type === 'string') return typeProblem(value, 'string', walk.field(apiField, value).label);
		for (const [name, v] of Object.entries(value)) {
			const p = checkValue(v, rule?.properties?.[name] ?? rule?.values, rule?.properties?.[name] ? name : rule?.values ? apiField : name, walk);
			if (p) return p;
		}
		return undefined;
	}
	// An empty text is no value (the node sends it to clear a field): required fields are the operations' to check.
	if (typeof value !== 'string' || value === '') return undefined;
	// The user's field is looked up only when something is wrong (or a line break needs to know whether the field is
	// a single line): reading the parameters for every value of every request would cost more than the check.
	const unnamed = stringProblem(value, rule, apiField, walk, { label: '' });
	if (!unnamed && !/[\r\n\u2028\u2029]/.test(value)) return undefined;
	return stringProblem(value, rule, apiField, walk, walk.field(apiField, value));
}

function stringProblem(value: string, rule: Rule | undefined, apiField: string, walk: Walk, info: FieldInfo): Problem | undefined {
	// NUL characters are refused in every text, whatever the contract says of the field.
	if (value.includes('\u0000')) return textProblem(value, info.label, {});
	if (!rule) return textProblem(value, info.label, { singleLine: info.singleLine });
	const text = textProblem(value, info.label, {
		singleLine: info.singleLine,
		maxLength: rule.maxLength,
		limitNote: rule.maxLength === TEXT_MESSAGE_MAX && apiField === 'text' ? 'WhatsApp’s limit for a text message' : undefined,
	});
	if (text) return text;
	if (rule.enum) return enumProblem(value, rule.enum, info.label);
	if (rule.format === 'uuid') return uuidProblem(value, info.label);
	if (rule.format === 'email') return emailProblem(value, info.label);
	if (rule.url && !(apiField === 'fileIdOrUrl' && isUuid(value))) return urlProblem(value, info.label, rule.url, walk.apiHost);
	return undefined;
}

/** What is wrong with the request, in the user's terms, or undefined. */
export function requestProblem(
	request: WtsRequest,
	resolve: FieldResolver | undefined,
	itemIndex: number | undefined,
	apiHost?: string,
): Problem | undefined {
	const rules = rulesOf(request);
	const field = (apiField: string, value: unknown): FieldInfo => resolve?.(apiField, value, itemIndex) ?? { label: spellOut(apiField) };
	const walk: Walk = { field, apiHost };
	for (const [name, value] of Object.entries(request.pathParams ?? {})) {
		// The user's field is looked up only when the segment is wrong (see checkValue).
		const problem = (label: string) => pathSegmentProblem(String(value), label) ?? (rules?.path[name]?.format === 'uuid' ? uuidProblem(String(value), label) : undefined);
		if (problem('')) return problem(field(name, value).label);
	}
	if (!rules) return undefined;
	for (const [key, value] of Object.entries(request.qs ?? {})) {
		const dict = /^([^[]+)\[(.*)\]$/.exec(key);
		const name = dict ? dict[1] : key;
		const rule = rules.query[name] ?? Object.entries(rules.query).find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
		if (dict) {
			const label = `${field(name, undefined).label} filter`;
			const p = queryKeyProblem(dict[2], label);
			if (p) return p;
		}
		const p = checkValue(value, dict ? rule?.values : rule, name, walk);
		if (p) return p;
	}
	if (request.body !== undefined) return checkValue(request.body, rules.body, 'body', walk);
	return undefined;
}

/** Throws the refusal of a request that breaks the contract, before anything is sent. */
export function checkRequest(ctx: object & { getNode(): INode }, request: WtsRequest, itemIndex: number | undefined, apiHost?: string): void {
	const problem = requestProblem(request, resolvers.get(ctx), itemIndex, apiHost);
	if (problem) {
		throw new NodeOperationError(ctx.getNode(), problem.message, { description: problem.hint, ...(itemIndex !== undefined ? { itemIndex } : {}) });
	}
}

/**
 * What only WTS Chat can know (a template that is not approved, a channel that is not connected) comes back as its
 * own text, in Portuguese, without the field. The words it uses for a record name the API field it is about; the
 * rejection then names the user's field too: `WTS Chat rejected the request (Template): O modelo … [item 0]`.
 */
const WTS_WORDS: Array<[RegExp, string[]]> = [
	[/\bmodelo/, ['templateId']],
	[/\bcana(l|is)\b/, ['from', 'channelId']],
	[/\bchatbot/, ['botKey']],
	[/\bsequencia/, ['sequenceId']],
	[/\betapa/, ['stepId']],
	[/\bagendamento/, ['scheduling']],
	[/\bordenacao/, ['orderBy']],
];

const REJECTED = 'WTS Chat rejected the request: ';

export function nameRejectedField(ctx: object, error: unknown, itemIndex: number | undefined): void {
	const resolve = resolvers.get(ctx);
	if (!resolve || !(error instanceof NodeApiError) || !error.message.startsWith(REJECTED)) return;
	const text = error.message
		.slice(REJECTED.length)
		.toLowerCase()
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '');
	for (const [words, fields] of WTS_WORDS) {
		if (!words.test(text)) continue;
		for (const apiField of fields) {
			const info = resolve(apiField, undefined, itemIndex);
			if (info) {
				error.message = `WTS Chat rejected the request (${info.label}): ${error.message.slice(REJECTED.length)}`;
				return;
			}
		}
	}
}
