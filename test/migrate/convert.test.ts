/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- tests of the migrate command-line tool (not node code): files, processes, a loopback server */
// The converter's mappings, one legacy fixture per action (39), the node settings it keeps, credentials, paging,
// the contact split of the batch sequence actions, and the downstream expressions of a realistic workflow.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { CredentialPlan, contactsArrayExpression, convertWorkflow, templateToJs } from '../../migrate/src/convert';
import { LEGACY_ACTIONS, tokenToCredential } from '../../migrate/src/legacy';
import { mapParameters } from '../../migrate/src/mappings';
import { renderReport } from '../../migrate/src/report';
import type { Workflow } from '../../migrate/src/types';
import { ACTIONS, U, legacyNode, workflowOf } from './fixtures/legacy-actions.mjs';

const DEFAULT_OP: Record<string, string> = { contact: 'listContacts', message: 'getMessageById', panel: 'listCardAnnotations', sequence: 'addContactToSequence', session: 'listSessions', chatbot: 'sendChatbot' };
const actionKey = (a: (typeof ACTIONS)[number]) => {
	const resource = a.legacy[0] ?? 'contact';
	return `${resource}.${a.legacy[1] ?? DEFAULT_OP[resource]}`;
};
const convertOne = (a: (typeof ACTIONS)[number], extra = {}) => {
	const plan = new CredentialPlan([]);
	const r = convertWorkflow(workflowOf(a, 1, extra) as Workflow, plan);
	return { r, node: r.converted.nodes.find((n) => n.name === 'WTS 1')!, plan };
};

describe('the 39 legacy actions', () => {
	it('the fixtures cover every legacy action once', () => {
		const all = Object.entries(LEGACY_ACTIONS).flatMap(([r, ops]) => Object.keys(ops).map((o) => `${r}.${o}`));
		expect(all).toHaveLength(39);
		expect(ACTIONS.map(actionKey).sort()).toEqual(all.sort());
	});

	it.each(ACTIONS.map((a) => [actionKey(a), a] as const))('%s: every parameter mapped to the resource, operation and parameters of our node', (_k, a) => {
		const { node, r } = convertOne(a);
		expect(node.type).toBe('n8n-nodes-wts-chat.wtsChat');
		expect(node.typeVersion).toBe(1);
		expect(node.parameters).toEqual({ resource: a.ours[0], operation: a.ours[1], ...a.expect });
		expect(node.credentials).toEqual({ wtsChatApi: { name: 'WTS account (WTS Chat)' } });
		// name, id and position kept
		const legacy = legacyNode(a, 1);
		expect([node.name, node.id, node.position]).toEqual([legacy.name, legacy.id, legacy.position]);
		expect(r.nodes).toEqual([{ name: 'WTS 1', legacyAction: expect.stringContaining(' → '), now: expect.stringContaining(' → ') }]);
	});

	it('no NOT_SEND / UNDEFINED sentinel survives in any converted node', () => {
		for (const a of ACTIONS) {
			const { node } = convertOne(a);
			expect(JSON.stringify(node.parameters), actionKey(a)).not.toMatch(/NOT_SEND|UNDEFINED|"Undefined"/);
		}
	});

	it('node settings are kept: notes, disabled, retry, Continue On Fail (onError and the old continueOnFail), execute once', () => {
		const settings = {
			notes: 'why',
			notesInFlow: true,
			disabled: true,
			retryOnFail: true,
			maxTries: 5,
			waitBetweenTries: 3000,
			onError: 'continueErrorOutput',
			continueOnFail: true,
			alwaysOutputData: true,
			executeOnce: true,
			color: 3,
		};
		for (const a of ACTIONS) {
			const { node } = convertOne(a, settings);
			expect(node).toMatchObject(settings);
		}
	});

	it('connections are kept as they were (names do not change)', () => {
		const a = ACTIONS.find((x) => x.ours[1] === 'sendText')!;
		const wf = workflowOf(a, 1) as Workflow;
		expect(convertWorkflow(wf, new CredentialPlan()).converted.connections).toEqual(wf.connections);
	});
});

describe('mappings in detail', () => {
	const map = (params: Record<string, unknown>) => mapParameters(params)!;

	it('resource and operation absent: the legacy defaults (contact → Get All Contacts)', () => {
		expect(map({}).mapped.parameters).toMatchObject({ resource: 'contact', operation: 'getMany', returnAll: false, limit: 15 });
		expect(map({ resource: 'chatbot' }).mapped.operation).toBe('start');
	});

	it('paging: Auto Pagination → Limit (Max Pages × 100, at most 5,000); a page after the first and an expression page are to do', () => {
		expect(map({ resource: 'session', autoPagination: true }).mapped.parameters).toMatchObject({ returnAll: false, limit: 1000 });
		expect(map({ resource: 'session', autoPagination: true, maxPage: 80 }).mapped.parameters).toMatchObject({ limit: 5000 });
		const page3 = map({ resource: 'session', pageNumber: 3, pageSize: 20 });
		expect(page3.mapped.parameters).toMatchObject({ returnAll: false, limit: 60 });
		expect(page3.notes).toEqual([expect.objectContaining({ kind: 'todo', parameter: 'limit', text: expect.stringContaining('page 3 only') })]);
		const loop = map({ resource: 'session', pageNumber: '={{ $runIndex + 1 }}' });
		expect(loop.mapped.parameters).toMatchObject({ returnAll: true });
		expect(loop.mapped.parameters).not.toHaveProperty('limit');
		expect(loop.notes[0]).toMatchObject({ kind: 'todo', text: expect.stringContaining('page loop') });
	});

	it('Send Synchronous Message → Wait for Channel (false leaves it out)', () => {
		expect(map({ resource: 'session', operation: 'sendTextBySessionid', sessionId: U.session, textMessage: 'x', synchronousMessage: true }).mapped.parameters.options).toEqual({ waitForChannel: true });
		expect(map({ resource: 'session', operation: 'sendTextBySessionid', sessionId: U.session, textMessage: 'x' }).mapped.parameters).not.toHaveProperty('options');
	});

	it('template: the legacy JSON blob gives the ID; a template without a file sends none; an expression blob is to do', () => {
		const noFile = map({ resource: 'session', operation: 'sendTemplateBySessionid', sessionId: U.session, templatesBySession: JSON.stringify({ id: U.template, fileType: 'UNDEFINED', params: [] }), urlFile: 'https://x.example/a.pdf' });
		expect(noFile.mapped.parameters).toMatchObject({ templateId: { __rl: true, mode: 'id', value: U.template }, fileSource: 'none' });
		expect(noFile.mapped.parameters).not.toHaveProperty('fileUrl');
		const expr = map({ resource: 'message', operation: 'sendTemplate', channelId: U.channel, numberToSend: '55', templates: '={{ $json.tpl }}' });
		expect(expr.mapped.parameters.templateId).toEqual({ __rl: true, mode: 'id', value: '={{ $json.tpl }}' });
		expect(expr.notes).toContainEqual(expect.objectContaining({ kind: 'todo', parameter: 'templateId' }));
	});

	it('the chatbot ID of the sends (botId, ignored by the API) becomes a to-do, not a wrong Chatbot Key', () => {
		const r = map({ resource: 'message', operation: 'sendText', channelId: U.channel, numberToSend: '55', textMessage: 'x', botId: U.bot });
		expect(r.mapped.parameters.options ?? {}).not.toHaveProperty('botKey');
		expect(r.notes).toContainEqual(expect.objectContaining({ kind: 'todo', parameter: 'options.botKey' }));
	});

	it('legacy bugs are not carried over: user {id: null} (B4), transfer to nobody (B5), duplicated Steps (B14), Started (B13)', () => {
		expect(map({ resource: 'message', operation: 'sendText', channelId: U.channel, numberToSend: '55', textMessage: 'x', userIdByDepartment: U.user }).mapped.parameters).not.toHaveProperty('options');
		const t = map({ resource: 'session', operation: 'transferSession', sessionId: U.session });
		expect(t.mapped.parameters).not.toHaveProperty('departmentId');
		expect(t.mapped.parameters).not.toHaveProperty('agentId');
		expect(t.notes[0]).toMatchObject({ kind: 'todo', text: expect.stringContaining('B5') });
		expect(map({ resource: 'panel', operation: 'getPanelById', panelId: U.panel, includeDetailsPanel: ['Cards', 'Steps', 'Steps'] }).mapped.parameters.options).toEqual({ includeDetails: ['Cards', 'Steps'] });
		expect(map({ resource: 'session', statusSession: ['Started'] }).mapped.parameters.filters).toEqual({ status: ['STARTED'] });
	});

	it('fieldsUpdate lists: values → Update Fields, "Empty" / empty → Fields to Clear, flags → Flags to Apply', () => {
		const s = map({ resource: 'session', operation: 'updateSession', sessionId: U.session, fieldsUpdate: ['UserId', 'Number', 'EndAt'], usersUpdateSession: 'NOT_SEND', number: '7' });
		expect(s.mapped.parameters).toMatchObject({ updateFields: { number: '7' }, clearFields: ['UserId', 'EndAt'] });
		const c = map({ resource: 'contact', operation: 'updateContact', contactId: U.contact, fieldsUpdateContact: ['Tags', 'Utm', 'Status'], statusUpdateContact: 'NOT_SEND' });
		expect(c.mapped.parameters).toMatchObject({ clearFields: ['Tags', 'Utm'] });
		expect(c.mapped.parameters).not.toHaveProperty('updateFields');
		const card = map({ resource: 'panel', operation: 'updateCard', cardIdUpdateCard: U.card, fieldsUpdateCard: ['CustomFields', 'TagIds'], customFieldsCardUpdateCard: { customFields: [{ key: 'Origem', value: 'x' }] } });
		expect(card.mapped.parameters).toMatchObject({ clearFields: ['tagIds'], customFields: { entries: [{ key: 'Origem', value: 'x' }] } });
		expect(card.notes).toContainEqual(expect.objectContaining({ kind: 'todo', parameter: 'customFields', text: expect.stringContaining('B9') }));
		const exprTokens = map({ resource: 'session', operation: 'updateSession', sessionId: U.session, fieldsUpdate: '={{ $json.f }}' });
		expect(exprTokens.notes[0]).toMatchObject({ kind: 'todo' });
	});

	it('contact create: Upsert → If the Contact Exists "update", Get If Exists → "get", neither → left to WTS Chat', () => {
		expect(map({ resource: 'contact', operation: 'createContact', getIfExists: true }).mapped.parameters.ifExists).toBe('get');
		expect(map({ resource: 'contact', operation: 'createContact' }).mapped.parameters).not.toHaveProperty('ifExists');
	});

	it('chatbot: a session makes the recipient the session', () => {
		expect(map({ resource: 'chatbot', chatbotId: U.botKey, sessionId: U.session }).mapped.parameters).toMatchObject({ recipientType: 'session', sessionId: { value: U.session } });
	});
});

describe('credentials', () => {
	it('staging_ / test_ token prefixes → the Base URL they meant, without the prefix', () => {
		expect(tokenToCredential('staging_ABC')).toEqual({ apiToken: 'ABC', baseUrl: 'https://api-staging.helena.run' });
		expect(tokenToCredential('test_ABC')).toEqual({ apiToken: 'ABC', baseUrl: 'https://api-test.helena.run' });
		expect(tokenToCredential('pn_ABC')).toEqual({ apiToken: 'pn_ABC', baseUrl: 'https://api.wts.chat' });
	});

	it('one WTS Chat API credential per legacy credential, shared by its nodes and workflows; with the token when given', () => {
		const plan = new CredentialPlan([{ id: 'legacyCred1', name: 'WTS account', type: 'wtsApi', data: { apiKey: 'staging_TOKEN1' } }]);
		const a = convertWorkflow(workflowOf(ACTIONS[0], 1) as Workflow, plan);
		const b = convertWorkflow(workflowOf(ACTIONS[5], 2) as Workflow, plan);
		const refs = [a, b].map((r) => r.converted.nodes.find((n) => n.type.startsWith('n8n-nodes-wts-chat'))!.credentials!.wtsChatApi);
		expect(refs[0]).toEqual(refs[1]);
		expect(plan.importable()).toEqual([{ id: refs[0].id, name: 'WTS account (WTS Chat)', type: 'wtsChatApi', data: { apiToken: 'TOKEN1', baseUrl: 'https://api-staging.helena.run' } }]);
	});

	it('without the token: referenced by name (no ID) and the report says to create it', () => {
		const plan = new CredentialPlan();
		const r = convertWorkflow(workflowOf(ACTIONS[0], 1) as Workflow, plan);
		expect(r.converted.nodes[1].credentials).toEqual({ wtsChatApi: { name: 'WTS account (WTS Chat)' } });
		expect(plan.importable()).toEqual([]);
		const report = renderReport({ mode: 'files', results: [r], credentials: [...plan.credentials.values()] });
		expect(report).toContain('| WTS account | WTS account (WTS Chat) |  | **To create by hand**');
	});

	it('--base-url overrides the host the token meant', () => {
		const plan = new CredentialPlan([{ name: 'WTS account', type: 'wtsApi', data: { apiKey: 'T' } }], { baseUrl: 'http://127.0.0.1:4010' });
		convertWorkflow(workflowOf(ACTIONS[0], 1) as Workflow, plan);
		expect(plan.importable()[0].data).toEqual({ apiToken: 'T', baseUrl: 'http://127.0.0.1:4010' });
	});
});

describe('batch sequence actions: one item per contact', () => {
	it('Edit Fields → Split Out are put before the node, the connections go through them', () => {
		const a = ACTIONS.find((x) => x.legacy[1] === 'addContactsToSequence')!;
		const { r } = convertOne(a, { disabled: true });
		const names = r.converted.nodes.map((n) => n.name);
		expect(names).toEqual(['Start', 'WTS 1', 'WTS 1 · contacts', 'WTS 1 · one item per contact']);
		expect(r.converted.connections).toEqual({
			Start: { main: [[{ node: 'WTS 1 · contacts', type: 'main', index: 0 }]] },
			'WTS 1 · contacts': { main: [[{ node: 'WTS 1 · one item per contact', type: 'main', index: 0 }]] },
			'WTS 1 · one item per contact': { main: [[{ node: 'WTS 1', type: 'main', index: 0 }]] },
		});
		const [set, split] = r.converted.nodes.slice(2);
		expect(set).toMatchObject({ type: 'n8n-nodes-base.set', typeVersion: 3.4, disabled: true, parameters: { includeOtherFields: true } });
		expect(split).toMatchObject({ type: 'n8n-nodes-base.splitOut', disabled: true, parameters: { fieldToSplitOut: '_wtsContacts', include: 'allOtherFields', options: { destinationFieldName: '_wtsContact' } } });
	});

	it('the Edit Fields expression yields one {contactBy, …} per phone number / contact ID, expressions evaluated, empties dropped', () => {
		const expr = contactsArrayExpression(['5511999990001', '={{ $json.phone }}', '=55{{ $json.ddd }}{{ $json.n }}', '={{ $json.more }}'], [U.contact, '={{ $json.none }}']);
		expect(expr.startsWith('={{ ') && expr.endsWith(' }}')).toBe(true);
		expect(expr.slice(4, -3)).not.toContain('}}');
		const js = expr.slice(4, -3);
		const $json = { phone: '5511999990002', ddd: '21', n: '999990003', more: ['5511999990004', ''], none: '' };
		expect(new Function('$json', `return ${js}`)($json)).toEqual([
			{ contactBy: 'phoneNumber', phoneNumber: '5511999990001' },
			{ contactBy: 'phoneNumber', phoneNumber: '5511999990002' },
			{ contactBy: 'phoneNumber', phoneNumber: '5521999990003' },
			{ contactBy: 'phoneNumber', phoneNumber: '5511999990004' },
			{ contactBy: 'contact', contactId: U.contact },
		]);
		expect(templateToJs('plain')).toBe('"plain"');
	});
});

describe('a realistic legacy workflow: trigger → several WTS nodes → expressions reading their output', () => {
	const original = JSON.parse(readFileSync(path.join(__dirname, 'fixtures', 'realistic-legacy.json'), 'utf8')) as Workflow;
	const plan = new CredentialPlan();
	const r = convertWorkflow(original, plan, 'realistic-legacy.json');
	const node = (name: string) => r.converted.nodes.find((n) => n.name === name)!;

	it('converts the five WTS nodes and keeps everything else', () => {
		expect(r.legacyNodes).toBe(5);
		expect(r.nodes.map((n) => [n.name, n.now])).toEqual([
			['Open sessions', 'Session → Get Many'],
			['Say hello', 'Session → Send Text'],
			['Contact', 'Contact → Get'],
			['Into follow-up sequence', 'Sequence → Add Contacts (after "Into follow-up sequence · contacts" and "Into follow-up sequence · one item per contact")'],
			['Close first', 'Session → Complete'],
		]);
		expect(node('Open sessions')).toMatchObject({ notes: 'Every open conversation', notesInFlow: true, position: [220, 300] });
		expect(node('Say hello')).toMatchObject({ retryOnFail: true, maxTries: 4, waitBetweenTries: 2000, onError: 'continueRegularOutput' });
		expect(node('Close first').disabled).toBe(true);
		expect(node('Webhook')).toEqual(original.nodes[0]);
		expect(r.converted.settings).toEqual(original.settings);
		expect(original.nodes[1].type).toBe('n8n-nodes-wts.wtsChat'); // the input is not changed
	});

	it('rewrites the references to the page object’s items', () => {
		const values = (node('Summary').parameters.assignments as { assignments: Array<{ value: string }> }).assignments.map((a) => a.value);
		expect(values).toEqual(["={{ $('Open sessions').all()[0].json.id }}", "={{ $('Open sessions').all().map(i => i.json).length }}", '={{ $json.totalItems }}']);
		expect(node('Say hello').parameters.sessionId).toEqual({ __rl: true, mode: 'id', value: "={{ $('Open sessions').all()[0].json.id }}" });
		expect(node('Say hello').parameters.text).toBe("=Olá {{ $('Open sessions').all()[0].json.contact.name }}, ainda precisa de ajuda?");
		expect(node('Contact').parameters.contactId).toEqual({ __rl: true, mode: 'id', value: "={{ $('Open sessions').all()[0].json.contactId }}" });
		expect(node('Close first').parameters.sessionId).toEqual({ __rl: true, mode: 'id', value: "={{ $('Open sessions').all()[0].json.id }}" });
	});

	it('lists what cannot be rewritten: the page fields', () => {
		const todo = r.findings.filter((f) => f.kind === 'todo');
		expect(todo).toContainEqual(expect.objectContaining({ node: 'Summary', parameter: 'assignments.assignments[2].value', before: '$json.totalItems' }));
		expect(todo).toContainEqual(
			expect.objectContaining({ node: 'More pages?', parameter: 'conditions.conditions[0].leftValue', before: "$('Open sessions').item.json.hasMorePages" }),
		);
	});

	it('the direct children of a list node keep running once (Execute Once turned on, and said so); the others are untouched', () => {
		expect(r.converted.nodes.filter((n) => n.executeOnce).map((n) => n.name).sort()).toEqual(['More pages?', 'Summary']);
		const changed = r.findings.filter((f) => f.parameter === 'Settings → Execute Once');
		expect(changed.map((f) => [f.node, f.kind])).toEqual([
			['Summary', 'changed'],
			['More pages?', 'changed'],
		]);
		expect(original.nodes.some((n) => n.executeOnce)).toBe(false);
	});

	it('the report names node, parameter and change for each of them, and the credential to create', () => {
		const report = renderReport({ mode: 'files', results: [r], credentials: [...plan.credentials.values()] });
		expect(report).toContain('## Workflow "Follow up open sessions (legacy WTS node)" (ID `LegacyFlow000001`)');
		expect(report).toContain('| Open sessions | Session → Get All Sessions | Session → Get Many |');
		expect(report).toContain("| Say hello | `sessionId.value` | `$('Open sessions').item.json.items[0]` | `$('Open sessions').all()[0].json` |");
		expect(report).toMatch(/\| Summary \| `assignments\.assignments\[2\]\.value` \| Reads \$json\.totalItems of the legacy page object of "Open sessions"\./);
		expect(report).toMatch(/\| More pages\? \| `conditions\.conditions\[0\]\.leftValue` \| Reads "Open sessions"\.hasMorePages/);
		expect(report).toContain('| Open sessions | `limit` | Auto Pagination with Max Pages 2 (pages of 100, at most 5,000 records) → Limit 200');
		expect(report).toContain('Send Synchronous Message → Wait for Channel.');
		expect(report).toContain('| WTS production | WTS production (WTS Chat) |  | **To create by hand**');
		expect(report).toMatch(/To do by hand: [1-9]/);
	});

	it('Code nodes: the page object read in JavaScript is rewritten too (`$input`, old `items[k]`, by name), page fields listed', () => {
		const wf = structuredClone(original);
		wf.nodes.push({
			id: 'code',
			name: 'Code',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [0, 0],
			parameters: {
				jsCode:
					"const first = $input.first().json.items[0];\nconst all = items[0].json.items;\nconst named = $('Open sessions').first().json['items'];\nif ($json.hasMorePages) throw new Error('more');\nreturn all.map((s) => ({ json: { ...s, first: first.id, n: named.length } }));",
			},
		});
		wf.connections['Open sessions'].main[0]!.push({ node: 'Code', type: 'main', index: 0 });
		const rr = convertWorkflow(wf, new CredentialPlan());
		const code = rr.converted.nodes.find((x) => x.name === 'Code')!;
		expect(code.parameters.jsCode).toBe(
			"const first = $('Open sessions').all()[0].json;\nconst all = $('Open sessions').all().map(i => i.json);\nconst named = $('Open sessions').all().map(i => i.json);\nif ($json.hasMorePages) throw new Error('more');\nreturn all.map((s) => ({ json: { ...s, first: first.id, n: named.length } }));",
		);
		expect(code.executeOnce).toBe(true);
		expect(rr.findings).toContainEqual(expect.objectContaining({ node: 'Code', kind: 'todo', parameter: 'jsCode', before: '$json.hasMorePages' }));
	});

	it('a Split Out of `items` after a list node is to remove', () => {
		const wf = structuredClone(original);
		wf.nodes.push({ id: 'x', name: 'Split', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [0, 0], parameters: { fieldToSplitOut: 'items' } });
		wf.connections['Open sessions'].main[0]!.push({ node: 'Split', type: 'main', index: 0 });
		const rr = convertWorkflow(wf, new CredentialPlan());
		expect(rr.findings).toContainEqual(expect.objectContaining({ node: 'Split', kind: 'todo', parameter: 'fieldToSplitOut' }));
	});
});
