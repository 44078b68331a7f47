// Converts whole workflows: every legacy WTS node becomes a WTS Chat node of this package with the same name,
// position, connections, notes, disabled state, retry and error settings; its credential is replaced; the
// expressions reading its output are fixed or listed (./expressions).

import { randomBytes, randomUUID } from 'node:crypto';

import { fixDownstreamExpressions, type OutputKind } from './expressions';
import { CREDENTIAL_TYPE, LEGACY_ACTIONS, LEGACY_CREDENTIAL_TYPE, LEGACY_NODE_TYPE, NODE_TYPE, NODE_TYPE_VERSION, RESOURCE_NAMES, tokenToCredential } from './legacy';
import { isExpression, legacyAction, mapParameters, OUR_NAMES } from './mappings';
import type { CredentialRef, Finding, LegacyCredential, NewCredential, Workflow, WorkflowNode, WorkflowResult } from './types';

/** An n8n-style ID (16 letters and digits). */
export function newId(): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	return [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('');
}

/**
 * The WTS Chat API credentials that replace the legacy ones: one per legacy credential (by ID, else by name). With
 * the legacy token (n8n export:credentials --decrypted) it is created with the token and the Base URL the token's
 * prefix meant; without, it is only named, for the user to create and fill in.
 */
export class CredentialPlan {
	readonly credentials = new Map<string, NewCredential>();
	private readonly legacy: LegacyCredential[];

	constructor(
		legacy: LegacyCredential[] = [],
		private readonly opts: { baseUrl?: string; assignIds?: boolean } = {},
	) {
		this.legacy = legacy.filter((c) => c && c.type === LEGACY_CREDENTIAL_TYPE);
	}

	/** The credential replacing the legacy credential `ref` (created on first use). */
	resolve(ref: CredentialRef): NewCredential {
		const key = ref.id ? `id:${ref.id}` : `name:${ref.name}`;
		const known = this.credentials.get(key);
		if (known) return known;
		const source = this.legacy.find((c) => (ref.id && c.id === ref.id) || (!ref.id && c.name === ref.name)) ?? this.legacy.find((c) => c.name === ref.name);
		const token = source && source.data && typeof source.data === 'object' ? source.data.apiKey : undefined;
		const name = `${ref.name} (WTS Chat)`;
		let cred: NewCredential;
		if (typeof token === 'string' && token.trim() !== '') {
			const data = tokenToCredential(token.trim());
			if (this.opts.baseUrl) data.baseUrl = this.opts.baseUrl;
			cred = { legacyKey: key, legacyName: ref.name, id: this.opts.assignIds === false ? null : newId(), name, type: CREDENTIAL_TYPE, data, baseUrl: data.baseUrl, toFill: false };
		} else {
			cred = { legacyKey: key, legacyName: ref.name, id: null, name, type: CREDENTIAL_TYPE, toFill: true };
		}
		this.credentials.set(key, cred);
		return cred;
	}

	/** Credentials to create (token known), in n8n's import:credentials format. */
	importable(): Array<{ id: string; name: string; type: string; data: { apiToken: string; baseUrl: string } }> {
		return [...this.credentials.values()].filter((c) => c.data && c.id).map((c) => ({ id: c.id!, name: c.name, type: c.type, data: c.data! }));
	}
}

const SPLIT_FIELD = '_wtsContacts';

/** An n8n expression template ("text {{ js }} text") as one JavaScript expression. */
export function templateToJs(template: string): string {
	const parts: string[] = [];
	let last = 0;
	const re = /\{\{([\s\S]*?)\}\}/g;
	for (const m of template.matchAll(re)) {
		if (m.index! > last) parts.push(JSON.stringify(template.slice(last, m.index)));
		parts.push(`(${m[1].trim()})`);
		last = m.index! + m[0].length;
	}
	if (last < template.length) parts.push(JSON.stringify(template.slice(last)));
	if (parts.length === 0) return '""';
	if (parts.length === 1) return parts[0];
	return parts.map((p) => (p.startsWith('(') ? `String${p}` : p)).join(' + ');
}

/** The Edit Fields expression building [{contactBy, phoneNumber | contactId}] from the legacy lists. */
export function contactsArrayExpression(phoneValues: unknown[], contactIdValues: unknown[]): string {
	const js = (v: unknown) => (isExpression(v) ? templateToJs(v.slice(1)) : JSON.stringify(String(v)));
	const keep = `.flat().filter(v => v !== undefined && v !== null && String(v).trim() !== '')`;
	const pieces: string[] = [];
	if (phoneValues.length) pieces.push(`...[${phoneValues.map(js).join(', ')}]${keep}.map(v => ({ contactBy: 'phoneNumber', phoneNumber: String(v) }))`);
	if (contactIdValues.length) pieces.push(`...[${contactIdValues.map(js).join(', ')}]${keep}.map(v => ({ contactBy: 'contact', contactId: String(v) }))`);
	return `={{ [ ${pieces.join(', ')} ] }}`;
}

function uniqueName(wanted: string, taken: Set<string>): string {
	let name = wanted;
	for (let n = 2; taken.has(name); n++) name = `${wanted} ${n}`;
	taken.add(name);
	return name;
}

/** Puts Edit Fields → Split Out before `node`, so each legacy list entry becomes one input item. */
function insertContactSplit(workflow: Workflow, node: WorkflowNode, phoneValues: unknown[], contactIdValues: unknown[], taken: Set<string>): string[] {
	const [x, y] = node.position ?? [0, 0];
	const setName = uniqueName(`${node.name} · contacts`, taken);
	const splitName = uniqueName(`${node.name} · one item per contact`, taken);
	const common = node.disabled ? { disabled: true } : {};
	workflow.nodes.push(
		{
			id: randomUUID(),
			name: setName,
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [x - 440, y + 180],
			parameters: {
				assignments: { assignments: [{ id: randomUUID(), name: SPLIT_FIELD, type: 'array', value: contactsArrayExpression(phoneValues, contactIdValues) }] },
				includeOtherFields: true,
				options: {},
			},
			...common,
		},
		{
			id: randomUUID(),
			name: splitName,
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [x - 220, y + 180],
			parameters: { fieldToSplitOut: SPLIT_FIELD, include: 'allOtherFields', options: { destinationFieldName: '_wtsContact' } },
			...common,
		},
	);
	for (const byType of Object.values(workflow.connections)) {
		for (const targets of byType.main ?? []) for (const t of targets ?? []) if (t.node === node.name) t.node = setName;
	}
	workflow.connections[setName] = { main: [[{ node: splitName, type: 'main', index: 0 }]] };
	workflow.connections[splitName] = { main: [[{ node: node.name, type: 'main', index: 0 }]] };
	return [setName, splitName];
}

export const isLegacyNode = (n: WorkflowNode) => n.type === LEGACY_NODE_TYPE;

export function legacyActionName(params: Record<string, unknown>): string {
	const { resource, operation } = legacyAction(params);
	return `${RESOURCE_NAMES[resource] ?? resource} → ${LEGACY_ACTIONS[resource]?.[operation] ?? operation}`;
}

/** Converts one workflow (the input is not changed). */
export function convertWorkflow(original: Workflow, plan: CredentialPlan, source = ''): WorkflowResult {
	const workflow = structuredClone(original);
	const findings: Finding[] = [];
	const nodes: WorkflowResult['nodes'] = [];
	const kinds = new Map<string, OutputKind>();
	const taken = new Set(workflow.nodes.map((n) => n.name));
	let legacyNodes = 0;
	workflow.connections ??= {};

	for (const node of [...workflow.nodes]) {
		if (!isLegacyNode(node)) continue;
		legacyNodes++;
		const legacy = legacyActionName(node.parameters ?? {});
		const result = mapParameters(node.parameters ?? {});
		if (!result) {
			findings.push({ kind: 'todo', node: node.name, text: `Unknown legacy action (${legacy}): the node was left as it is; rebuild it by hand.` });
			nodes.push({ name: node.name, legacyAction: legacy, now: 'not converted' });
			continue;
		}
		const { mapped, notes } = result;
		node.type = NODE_TYPE;
		node.typeVersion = NODE_TYPE_VERSION;
		node.parameters = mapped.parameters;
		const legacyRef = node.credentials?.[LEGACY_CREDENTIAL_TYPE];
		const credentials = { ...(node.credentials ?? {}) };
		delete credentials[LEGACY_CREDENTIAL_TYPE];
		if (legacyRef) {
			const cred = plan.resolve(legacyRef);
			// no ID until the credential exists: n8n shows it by name for the user to select or create
			credentials[CREDENTIAL_TYPE] = cred.id ? { id: cred.id, name: cred.name } : { name: cred.name };
		} else {
			findings.push({ kind: 'todo', node: node.name, text: 'The legacy node had no credential: choose a WTS Chat API credential.' });
		}
		if (Object.keys(credentials).length) node.credentials = credentials;
		else delete node.credentials;
		for (const n of notes) findings.push({ node: node.name, ...n });
		kinds.set(node.name, mapped.output);
		let now = OUR_NAMES[`${mapped.resource}.${mapped.operation}`] ?? `${mapped.resource} → ${mapped.operation}`;
		if (mapped.splitContacts) {
			const added = insertContactSplit(workflow, node, mapped.splitContacts.phoneValues, mapped.splitContacts.contactIdValues, taken);
			now += ` (after ${added.map((a) => `"${a}"`).join(' and ')})`;
		}
		nodes.push({ name: node.name, legacyAction: legacy, now });
	}
	if (kinds.size) findings.push(...fixDownstreamExpressions(workflow, kinds));
	return { source, name: workflow.name, id: workflow.id, converted: workflow, original, legacyNodes, nodes, findings };
}
