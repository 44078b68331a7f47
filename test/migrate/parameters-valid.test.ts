/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- tests of the migrate command-line tool (not node code): files, processes, a loopback server */
// Every parameter the converter writes must exist in our node as built (dist/, what n8n loads), be shown for that
// resource / operation (displayOptions, evaluated by n8n-workflow's own NodeHelpers), and hold a valid value:
// an option value that exists, the right type, a resource-locator mode the parameter has, known collection keys.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { NodeHelpers, type INode, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';
import { beforeAll, describe, expect, it } from 'vitest';

import { CredentialPlan, convertWorkflow } from '../../migrate/src/convert';
import { mapParameters } from '../../migrate/src/mappings';
import type { Params, Workflow } from '../../migrate/src/types';
import { LEGACY_WORKFLOWS } from './fixtures/e2e-legacy.mjs';
import { ACTIONS, U, workflowOf } from './fixtures/legacy-actions.mjs';

const REPO = path.resolve(__dirname, '..', '..');
const BUILT = path.join(REPO, 'dist', 'nodes', 'WtsChat', 'WtsChat.node.js');
let description: INodeTypeDescription;

beforeAll(() => {
	// `npm test` builds first; when this file runs alone on a fresh clone, build once
	if (!existsSync(BUILT)) execSync('npm run build', { cwd: REPO, stdio: 'inherit' });
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { WtsChat } = require(BUILT);
	description = new WtsChat().description;
}, 180_000);

const isExpr = (v: unknown) => typeof v === 'string' && v.startsWith('=');

/** The problems of `params` (a node's parameters, or a collection's value) against `properties`. */
function problems(params: Params, properties: INodeProperties[], where: string, root: Params, node: INode): string[] {
	const out: string[] = [];
	for (const [name, value] of Object.entries(params)) {
		const candidates = properties.filter((p) => p.name === name);
		if (!candidates.length) {
			out.push(`${where}${name}: no such parameter`);
			continue;
		}
		const shown = candidates.filter((p) => NodeHelpers.displayParameter(params, p, node, description, root));
		if (!shown.length) {
			out.push(`${where}${name}: not shown for ${JSON.stringify({ resource: root.resource, operation: root.operation })}`);
			continue;
		}
		const errs = shown.map((p) => valueProblems(p, value, `${where}${name}`, root, node));
		if (errs.every((e) => e.length)) out.push(...errs[0]);
	}
	return out;
}

function valueProblems(p: INodeProperties, value: unknown, where: string, root: Params, node: INode): string[] {
	if (isExpr(value)) return [];
	const staticValues = (p.options as Array<{ value?: unknown }> | undefined)?.map((o) => o.value);
	switch (p.type) {
		case 'options':
			if (p.typeOptions?.loadOptionsMethod) return typeof value === 'string' ? [] : [`${where}: not a string`];
			return staticValues!.includes(value) ? [] : [`${where}: ${JSON.stringify(value)} is not one of ${JSON.stringify(staticValues)}`];
		case 'multiOptions':
			if (!Array.isArray(value)) return [`${where}: not a list`];
			if (p.typeOptions?.loadOptionsMethod) return [];
			return value.filter((v) => !staticValues!.includes(v)).map((v) => `${where}: ${JSON.stringify(v)} is not one of ${JSON.stringify(staticValues)}`);
		case 'boolean':
			return typeof value === 'boolean' ? [] : [`${where}: not a boolean`];
		case 'number':
			return typeof value === 'number' ? [] : [`${where}: not a number`];
		case 'string':
		case 'dateTime':
			return typeof value === 'string' ? [] : [`${where}: not a string`];
		case 'resourceLocator': {
			const rl = value as { __rl?: boolean; mode?: string; value?: unknown };
			const modes = (p.modes ?? []).map((m) => m.name);
			if (!rl || rl.__rl !== true || !modes.includes(String(rl.mode))) return [`${where}: not a resource locator with a mode of ${JSON.stringify(modes)}`];
			return typeof rl.value === 'string' ? [] : [`${where}: locator value not a string`];
		}
		case 'collection':
			if (!value || typeof value !== 'object' || Array.isArray(value)) return [`${where}: not an object`];
			return problems(value as Params, p.options as INodeProperties[], `${where}.`, root, node);
		case 'fixedCollection': {
			if (!value || typeof value !== 'object') return [`${where}: not an object`];
			const groups = p.options as Array<{ name: string; values: INodeProperties[] }>;
			const out: string[] = [];
			for (const [g, entries] of Object.entries(value as Record<string, unknown>)) {
				const group = groups.find((x) => x.name === g);
				if (!group) {
					out.push(`${where}.${g}: no such group (${groups.map((x) => x.name).join(', ')})`);
					continue;
				}
				const list = p.typeOptions?.multipleValues ? entries : [entries];
				if (!Array.isArray(list)) {
					out.push(`${where}.${g}: not a list`);
					continue;
				}
				list.forEach((e, i) => out.push(...problems(e as Params, group.values, `${where}.${g}[${i}].`, root, node)));
			}
			return out;
		}
		default:
			return [];
	}
}

function check(parameters: Params): string[] {
	const node = { name: 'x', type: 'n8n-nodes-wts-chat.wtsChat', typeVersion: 1, position: [0, 0], parameters } as unknown as INode;
	return problems(parameters, description.properties, '', parameters, node);
}

describe('converted parameters are valid for our node as built (dist/)', () => {
	it('the checker itself catches a wrong name, a hidden parameter, a bad option value and a bad collection key', () => {
		expect(check({ resource: 'session', operation: 'get', sessionIdd: 'x' })).toEqual(['sessionIdd: no such parameter']);
		expect(check({ resource: 'session', operation: 'get', text: 'x' })).toEqual(['text: not shown for {"resource":"session","operation":"get"}']);
		expect(check({ resource: 'session', operation: 'updateStatus', sessionId: { __rl: true, mode: 'id', value: 'x' }, status: 'Started' })[0]).toMatch(/^status: "Started" is not one of/);
		expect(check({ resource: 'session', operation: 'get', sessionId: { __rl: true, mode: 'id', value: 'x' }, options: { includeDetails: ['Undefined'] } })[0]).toMatch(/includeDetails: "Undefined"/);
		expect(check({ resource: 'message', operation: 'send', content: 'text', fileUrl: 'x' })).toEqual(['fileUrl: not shown for {"resource":"message","operation":"send"}']);
		expect(check({ resource: 'contact', operation: 'update', updateFields: { utm: { value: { source: 'x' } } } })).toEqual(['updateFields.utm.value: no such group (values)']);
	});

	it.each(ACTIONS.map((a) => [`${a.legacy[0] ?? 'contact'}.${a.legacy[1] ?? '(default)'}`, a] as const))('%s', (_k, a) => {
		const r = convertWorkflow(workflowOf(a, 1) as Workflow, new CredentialPlan());
		for (const node of r.converted.nodes.filter((n) => n.type === 'n8n-nodes-wts-chat.wtsChat')) expect(check(node.parameters)).toEqual([]);
	});

	it('variants: auto paging, empty-value clears, a session chatbot, templates without a file, binary sends, one contact by ID', () => {
		const variants: Params[] = [
			{ resource: 'session', autoPagination: true, maxPage: 5 },
			{ resource: 'session', pageNumber: '={{ $runIndex + 1 }}' },
			{ resource: 'contact', operation: 'updateContact', contactId: U.contact, fieldsUpdateContact: ['Name', 'Email', 'Instagram', 'Annotation', 'PictureUrl', 'Tags', 'Portfolio', 'Utm'] },
			{ resource: 'panel', operation: 'updateCard', cardIdUpdateCard: U.card, fieldsUpdateCard: ['Archived', 'ContactIds', 'Description', 'DueDate', 'MonetaryAmount', 'TagIds', 'ResponsibleUserId'], includeArchivedUpdateCard: true },
			{ resource: 'session', operation: 'updateSession', sessionId: U.session, fieldsUpdate: ['DepartmentId', 'UserId', 'EndAt', 'Number'], departmentIdUpdatedSession: U.department },
			{ resource: 'chatbot', chatbotId: U.botKey, sessionId: U.session, skipIfInProgress: true },
			{ resource: 'session', operation: 'sendTemplateBySessionid', sessionId: U.session, templatesBySession: JSON.stringify({ id: U.template, fileType: 'UNDEFINED' }) },
			{ resource: 'session', operation: 'sendFileBySessionid', sessionId: U.session, fileToSend: 'data', synchronousMessage: true },
			{ resource: 'message', operation: 'sendFile', channelId: U.channel, numberToSend: '55', fileToSend: 'file' },
			{ resource: 'message', operation: 'sendTemplate', channelId: U.channel, numberToSend: '55', templates: JSON.stringify({ id: U.template, fileType: 'UNDEFINED' }) },
			{ resource: 'sequence', contactId: U.contact, sequenceId: U.sequence },
			{ resource: 'sequence', operation: 'addContactsToSequence', sequenceId: U.sequence, phonenumbers: { phonenumber: ['55'] } },
			{ resource: 'contact', operation: 'createContact', getIfExists: true, name: 'x', phonenumber: '55' },
			{ resource: 'panel', operation: 'listCards', panels: U.panel, autoPagination: true },
		];
		for (const v of variants) expect(check(mapParameters(v)!.mapped.parameters), JSON.stringify(v)).toEqual([]);
	});

	it('the realistic workflow converts to valid nodes (the added Edit Fields and Split Out nodes are n8n core nodes)', () => {
		const wf = JSON.parse(readFileSync(path.join(__dirname, 'fixtures', 'realistic-legacy.json'), 'utf8')) as Workflow;
		const r = convertWorkflow(wf, new CredentialPlan());
		const ours = r.converted.nodes.filter((n) => n.type === 'n8n-nodes-wts-chat.wtsChat');
		expect(ours).toHaveLength(5);
		for (const node of ours) expect(check(node.parameters), node.name).toEqual([]);
	});

	it.each(Object.keys(LEGACY_WORKFLOWS))('the e2e legacy workflow "%s" converts to valid nodes with nothing left to do by hand', (slug) => {
		const r = convertWorkflow(LEGACY_WORKFLOWS[slug] as Workflow, new CredentialPlan([{ id: 'LegacyWtsE2e0001', name: 'x', type: 'wtsApi', data: { apiKey: 'pn_sandbox_token' } }]));
		expect(r.findings.filter((f) => f.kind === 'todo')).toEqual([]);
		const ours = r.converted.nodes.filter((n) => n.type === 'n8n-nodes-wts-chat.wtsChat');
		expect(ours).toHaveLength(r.legacyNodes);
		for (const node of ours) expect(check(node.parameters), node.name).toEqual([]);
	});
});
