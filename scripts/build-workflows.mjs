#!/usr/bin/env node
// Generates the workflow JSON files of this repository:
//   examples/*.json            the example workflows users import (Manual Trigger; IDs of the sandbox's seed data)
//   test/e2e/workflows/*.json  the webhook-triggered workflows the end-to-end suite runs in a real n8n
// The JSON files are what n8n imports and what the suite reads; this script is only how they are written.
// After changing it run:  node scripts/build-workflows.mjs   (add --check to only verify the files are current)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { SEED } from '../sandbox/seed.mjs';
import { workflowModules } from './workflows/index.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const NODE_TYPE = 'n8n-nodes-wts-chat.wtsChat';
export const SANDBOX_CREDENTIAL = { id: 'WtsSandboxCred01', name: 'WTS Chat Sandbox' };
export const BAD_TOKEN_CREDENTIAL = { id: 'WtsBadTokenCred1', name: 'WTS Chat Sandbox (bad token)' };
/** The e2e suite's OpenAI credential, pointed at its stand-in model (test/e2e/lib/stand-in-model.mjs). */
export const STAND_IN_MODEL_CREDENTIAL = { id: 'WtsStandInModel1', name: 'Stand-in model (e2e)' };
export const MANUAL_TRIGGER_NAME = 'When clicking ‘Execute workflow’';

const uuid = (label) => {
	const h = createHash('sha1').update(`wts-workflows/${label}`).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const rl = (value) => ({ __rl: true, mode: 'id', value });

function workflow(id, name, nodes, edges, extra = {}) {
	const connections = {};
	for (const [from, to, outputIndex = 0, type = 'main'] of edges) {
		const outputs = ((connections[from] ??= {})[type] ??= []);
		while (outputs.length <= outputIndex) outputs.push([]);
		outputs[outputIndex].push({ node: to, type, index: 0 });
	}
	for (const n of nodes) n.id ??= uuid(`${id}/${n.name}`);
	return {
		id,
		name,
		nodes,
		connections,
		active: false,
		settings: {
			executionOrder: 'v1',
			saveDataSuccessExecution: 'all',
			saveDataErrorExecution: 'all',
			saveManualExecutions: true,
			callerPolicy: 'workflowsFromSameOwner',
		},
		pinData: {},
		tags: [],
		...extra,
	};
}

const wts = (name, position, parameters, extra = {}) => ({
	name,
	type: NODE_TYPE,
	typeVersion: 1,
	position,
	parameters: { resource: 'session', ...parameters },
	credentials: { wtsChatApi: { ...SANDBOX_CREDENTIAL } },
	...extra,
});

const webhook = (slug, position = [0, 0]) => ({
	name: 'Webhook',
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	position,
	webhookId: uuid(`webhook/${slug}`),
	parameters: { httpMethod: 'POST', path: `wts-e2e/${slug}`, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
});

const splitItems = (position = [220, 0]) => ({
	name: 'Items',
	type: 'n8n-nodes-base.splitOut',
	typeVersion: 1,
	position,
	parameters: { fieldToSplitOut: 'body.items', options: {} },
});

const noOp = (name, position) => ({ name, type: 'n8n-nodes-base.noOp', typeVersion: 1, position, parameters: {} });
const manualTrigger = (position = [0, 0]) => ({
	name: MANUAL_TRIGGER_NAME,
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position,
	parameters: {},
});
const sticky = (name, content, position, width = 420, height = 300) => ({
	name,
	type: 'n8n-nodes-base.stickyNote',
	typeVersion: 1,
	position,
	parameters: { content, width, height },
});
const setFields = (name, position, fields) => ({
	name,
	type: 'n8n-nodes-base.set',
	typeVersion: 3.4,
	position,
	parameters: {
		assignments: {
			assignments: fields.map(([fieldName, type, value]) => ({ id: uuid(`${name}/${fieldName}`), name: fieldName, type, value })),
		},
		options: {},
	},
});
const code = (name, position, jsCode) => ({ name, type: 'n8n-nodes-base.code', typeVersion: 2, position, parameters: { jsCode } });
const sessionFromItem = rl('={{ $json.sessionId }}');

// ---------------------------------------------------------------------------------------------------------
// end-to-end workflows: Webhook (POST /webhook/wts-e2e/<slug>, answers when the run is over) → Items (one item
// per entry of the request's `items`) → the node(s) under test.

const E2E = [];
const e2e = (slug, name, nodes, edges, extra = {}) => {
	const id = `WtsE2e${createHash('sha1').update(slug).digest('hex').slice(0, 10)}`;
	const wf = workflow(id, `e2e: ${name}`, nodes, edges);
	if (extra.settings) wf.settings = { ...wf.settings, ...extra.settings };
	E2E.push({ file: `${slug}.json`, wf });
};

e2e(
	'get-many',
	'Session → Get Many (all pending, limit, idle filter)',
	[
		webhook('get-many'),
		wts('Get Many Pending', [260, -200], { operation: 'getMany', returnAll: true, filters: { status: ['PENDING'] }, options: {} }),
		wts('Get Many Limit 3', [260, 0], {
			operation: 'getMany',
			returnAll: false,
			limit: 3,
			filters: {},
			options: { orderBy: 'createdAt', orderDirection: 'ASCENDING' },
		}),
		wts('Get Many Idle', [260, 200], {
			operation: 'getMany',
			returnAll: true,
			filters: { status: ['IN_PROGRESS'], lastInteractionAtBefore: '={{ $json.body.idleBefore }}' },
			options: { includeDetails: ['ContactDetails'] },
		}),
	],
	[
		['Webhook', 'Get Many Pending'],
		['Webhook', 'Get Many Limit 3'],
		['Webhook', 'Get Many Idle'],
	],
);

e2e(
	'get',
	'Session → Get, one item per session (expression Session ID)',
	[
		webhook('get'),
		splitItems(),
		wts('Get Session', [440, 0], {
			operation: 'get',
			sessionId: sessionFromItem,
			options: { includeDetails: ['ContactDetails', 'DepartmentsDetails'] },
		}),
	],
	[
		['Webhook', 'Items'],
		['Items', 'Get Session'],
	],
);

e2e(
	'transfer',
	'Session → Transfer (department, or department + agent)',
	[
		webhook('transfer'),
		splitItems(),
		wts('Transfer Session', [440, 0], {
			operation: 'transfer',
			sessionId: sessionFromItem,
			departmentId: rl('={{ $json.departmentId }}'),
			agentId: rl('={{ $json.agentId }}'),
			options: { stopBotInExecution: true },
		}),
	],
	[
		['Webhook', 'Items'],
		['Items', 'Transfer Session'],
	],
);

e2e(
	'assign',
	'Session → Assign',
	[
		webhook('assign'),
		splitItems(),
		wts('Assign Session', [440, 0], { operation: 'assign', sessionId: sessionFromItem, agentId: rl('={{ $json.agentId }}'), options: {} }),
	],
	[
		['Webhook', 'Items'],
		['Items', 'Assign Session'],
	],
);

e2e(
	'update-status',
	'Session → Update Status',
	[
		webhook('update-status'),
		splitItems(),
		wts('Update Status', [440, 0], { operation: 'updateStatus', sessionId: sessionFromItem, status: '={{ $json.status }}', options: {} }),
	],
	[
		['Webhook', 'Items'],
		['Items', 'Update Status'],
	],
);

e2e(
	'update',
	'Session → Update (number, metadata, classification)',
	[
		webhook('update'),
		splitItems(),
		wts('Update Session', [440, 0], {
			operation: 'update',
			sessionId: sessionFromItem,
			updateFields: {
				number: '={{ $json.number }}',
				metadata: { entries: [{ key: 'pedido', value: '={{ $json.pedido }}' }] },
				removeMetadataKeys: 'origem',
				classificationCategory: 'WON',
				classificationDescription: 'Venda fechada pelo n8n',
				classificationAmount: 199.9,
			},
			clearFields: [],
			options: {},
		}),
	],
	[
		['Webhook', 'Items'],
		['Items', 'Update Session'],
	],
);

for (const on of [true, false]) {
	e2e(
		`complete-reactivate-${on ? 'on' : 'off'}`,
		`Session → Complete (Reactivate On New Message ${on ? 'on' : 'off'})`,
		[
			webhook(`complete-reactivate-${on ? 'on' : 'off'}`),
			splitItems(),
			wts('Complete Session', [440, 0], {
				operation: 'complete',
				sessionId: sessionFromItem,
				reactivateOnNewMessage: on,
				stopBotInExecution: false,
			}),
		],
		[
			['Webhook', 'Items'],
			['Items', 'Complete Session'],
		],
	);
}

e2e(
	'send-text',
	'Session → Send Text (queued, then waiting for the channel)',
	[
		webhook('send-text'),
		splitItems(),
		wts('Send Text', [440, 0], {
			operation: 'sendText',
			sessionId: sessionFromItem,
			text: '=Olá {{ $json.name }}! Seu pedido {{ $json.order }} saiu para entrega.',
			options: {},
		}),
		wts('Send Text and Wait', [660, 0], {
			operation: 'sendText',
			sessionId: rl("={{ $('Items').item.json.sessionId }}"),
			text: 'Posso ajudar em algo mais?',
			options: { waitForChannel: true },
		}),
	],
	[
		['Webhook', 'Items'],
		['Items', 'Send Text'],
		['Send Text', 'Send Text and Wait'],
	],
);

e2e(
	'send-file',
	'Session → Send File (n8n binary data, and a URL)',
	[
		webhook('send-file'),
		{
			name: 'File from Base64',
			type: 'n8n-nodes-base.convertToFile',
			typeVersion: 1.1,
			position: [220, -100],
			parameters: {
				operation: 'toBinary',
				sourceProperty: 'body.contentBase64',
				binaryPropertyName: 'data',
				options: { fileName: '={{ $json.body.fileName }}', mimeType: '={{ $json.body.mimeType }}' },
			},
		},
		wts('Send File', [440, -100], {
			operation: 'sendFile',
			sessionId: rl("={{ $('Webhook').item.json.body.sessionId }}"),
			fileSource: 'binary',
			binaryPropertyName: 'data',
			options: { caption: 'Segue o comprovante' },
		}),
		wts('Send File from URL', [440, 100], {
			operation: 'sendFile',
			sessionId: rl('={{ $json.body.sessionId }}'),
			fileSource: 'url',
			fileUrl: 'https://files.example.com/catalogo-2026.pdf',
			options: {},
		}),
	],
	[
		['Webhook', 'File from Base64'],
		['File from Base64', 'Send File'],
		['Webhook', 'Send File from URL'],
	],
);

e2e(
	'session-fidelity',
	"Session fidelity: the workflow's time zone, a metadata filter, a transfer to an agent only, a note with a binary file",
	[
		webhook('session-fidelity'),
		wts('Sessions Since', [220, -200], {
			operation: 'getMany',
			limit: 1,
			filters: { createdAtAfter: '2026-01-31T18:00:00', metadata: { entries: [{ key: 'pedido', value: '={{ $json.body.pedido }}' }] } },
			options: {},
		}),
		wts('Transfer to Agent', [220, 0], {
			operation: 'transfer',
			sessionId: rl('={{ $json.body.sessionId }}'),
			departmentId: { __rl: true, mode: 'list', value: '' },
			agentId: rl('={{ $json.body.agentId }}'),
			options: {},
		}),
		{
			name: 'Note File',
			type: 'n8n-nodes-base.convertToFile',
			typeVersion: 1.1,
			position: [220, 200],
			parameters: {
				operation: 'toBinary',
				sourceProperty: 'body.contentBase64',
				binaryPropertyName: 'contrato',
				options: { fileName: 'contrato', mimeType: 'application/pdf' },
			},
		},
		wts('Add Note with File', [440, 200], {
			operation: 'addNote',
			sessionId: rl("={{ $('Webhook').item.json.body.sessionId }}"),
			text: 'Contrato assinado',
			options: { binaryPropertyNames: 'contrato' },
		}),
	],
	[
		['Webhook', 'Sessions Since'],
		['Webhook', 'Transfer to Agent'],
		['Webhook', 'Note File'],
		['Note File', 'Add Note with File'],
	],
	{ settings: { timezone: 'America/Sao_Paulo' } },
);

e2e(
	'send-template',
	'Session → Send Template (parameters per item)',
	[
		webhook('send-template'),
		splitItems(),
		wts('Send Template', [440, 0], {
			operation: 'sendTemplate',
			sessionId: sessionFromItem,
			templateId: rl('={{ $json.templateId }}'),
			templateParameters: {
				parameter: [
					{ name: 'nome', value: '={{ $json.nome }}' },
					{ name: 'pedido', value: '={{ $json.pedido }}' },
					{ name: 'situacao', value: '={{ $json.situacao }}' },
				],
			},
			fileSource: 'none',
			options: {},
		}),
	],
	[
		['Webhook', 'Items'],
		['Items', 'Send Template'],
	],
);

e2e(
	'get-messages',
	'Session → Get Messages (many per input item)',
	[
		webhook('get-messages'),
		splitItems(),
		wts('Get Messages', [440, 0], { operation: 'getMessages', sessionId: sessionFromItem, returnAll: true, filters: {}, options: {} }),
	],
	[
		['Webhook', 'Items'],
		['Items', 'Get Messages'],
	],
);

e2e(
	'note-lifecycle',
	'Session → Add Note → Get Note → Delete Note',
	[
		webhook('note-lifecycle'),
		splitItems(),
		wts('Add Note', [440, 0], { operation: 'addNote', sessionId: sessionFromItem, text: '={{ $json.note }}', options: {} }),
		wts('Get Note', [660, 0], { operation: 'getNote', noteId: '={{ $json.id }}' }),
		wts('Delete Note', [880, 0], { operation: 'deleteNote', noteId: '={{ $json.id }}' }),
	],
	[
		['Webhook', 'Items'],
		['Items', 'Add Note'],
		['Add Note', 'Get Note'],
		['Get Note', 'Delete Note'],
	],
);

e2e(
	'get-notes',
	'Session → Add Note → Get Notes',
	[
		webhook('get-notes'),
		splitItems(),
		wts('Add Note', [440, 0], { operation: 'addNote', sessionId: sessionFromItem, text: '={{ $json.note }}', options: {} }),
		wts('Get Notes', [660, 0], {
			operation: 'getNotes',
			sessionId: rl("={{ $('Items').item.json.sessionId }}"),
			returnAll: true,
			filters: {},
			options: {},
		}),
	],
	[
		['Webhook', 'Items'],
		['Items', 'Add Note'],
		['Add Note', 'Get Notes'],
	],
);

e2e(
	'continue-regular-output',
	'On Error: Continue (regular output)',
	[
		webhook('continue-regular-output'),
		splitItems(),
		wts('Get Session', [440, 0], { operation: 'get', sessionId: sessionFromItem, options: {} }, { onError: 'continueRegularOutput' }),
		noOp('After Get', [660, 0]),
	],
	[
		['Webhook', 'Items'],
		['Items', 'Get Session'],
		['Get Session', 'After Get'],
	],
);

e2e(
	'continue-error-output',
	'On Error: Continue (using error output)',
	[
		webhook('continue-error-output'),
		splitItems(),
		wts('Get Session', [440, 0], { operation: 'get', sessionId: sessionFromItem, options: {} }, { onError: 'continueErrorOutput' }),
		noOp('Succeeded', [660, -100]),
		setFields(
			'Failed',
			[660, 100],
			[
				['sessionId', 'string', "={{ $('Items').item.json.sessionId }}"],
				['reason', 'string', '={{ $json.error }}'],
			],
		),
	],
	[
		['Webhook', 'Items'],
		['Items', 'Get Session'],
		['Get Session', 'Succeeded', 0],
		['Get Session', 'Failed', 1],
	],
);

e2e(
	'stop-workflow',
	'On Error: Stop Workflow (the default)',
	[
		webhook('stop-workflow'),
		splitItems(),
		wts('Complete Session', [440, 0], {
			operation: 'complete',
			sessionId: sessionFromItem,
			reactivateOnNewMessage: false,
			stopBotInExecution: false,
		}),
		noOp('After Complete', [660, 0]),
	],
	[
		['Webhook', 'Items'],
		['Items', 'Complete Session'],
		['Complete Session', 'After Complete'],
	],
);

e2e(
	'bad-token',
	'Credential with a wrong token',
	[
		webhook('bad-token'),
		splitItems(),
		wts(
			'Get Session',
			[440, 0],
			{ operation: 'get', sessionId: sessionFromItem, options: {} },
			{ credentials: { wtsChatApi: { ...BAD_TOKEN_CREDENTIAL } } },
		),
	],
	[
		['Webhook', 'Items'],
		['Items', 'Get Session'],
	],
);

e2e(
	'send-once',
	'Session → Send Text whose connection drops after WTS processed it (must not be resent)',
	[
		webhook('send-once'),
		splitItems(),
		wts('Send Text', [440, 0], { operation: 'sendText', sessionId: sessionFromItem, text: 'Mensagem única', options: {} }),
	],
	[
		['Webhook', 'Items'],
		['Items', 'Send Text'],
	],
);

e2e(
	'retry',
	'Transient 503 retried inside the node',
	[webhook('retry'), splitItems(), wts('Get Session', [440, 0], { operation: 'get', sessionId: sessionFromItem, options: {} })],
	[
		['Webhook', 'Items'],
		['Items', 'Get Session'],
	],
);

// ---------------------------------------------------------------------------------------------------------
// examples (Manual Trigger; the e2e suite runs each through a webhook twin with the same nodes)

const S = SEED.sessions.all;
const DEP = SEED.departments;
const AG = SEED.agents;
const TPL = SEED.templates;
const EXAMPLES = [];
const example = (file, id, name, nodes, edges, note) => {
	EXAMPLES.push({ file, wf: workflow(id, name, [sticky('Read me', note, [-420, -260], 380, 520), ...nodes], edges) });
};

const CREDENTIAL_NOTE =
	'**Credential.** The WTS Chat nodes use the credential *WTS Chat Sandbox* that `npm start` creates (the local sandbox). To use your account, open each WTS Chat node and pick your own WTS Chat credential.';

example(
	'complete-idle-sessions.json',
	'WtsExampleIdle01',
	'WTS Chat: complete idle sessions after telling the contact',
	[
		manualTrigger([0, 0]),
		setFields(
			'Settings',
			[220, 0],
			[
				['idleHours', 'number', 12],
				[
					'message',
					'string',
					'Olá! Como não tivemos retorno, estamos encerrando este atendimento. Se precisar de algo, é só mandar uma nova mensagem.',
				],
			],
		),
		wts('Get Idle Sessions', [440, 0], {
			operation: 'getMany',
			returnAll: true,
			filters: { status: ['IN_PROGRESS'], lastInteractionAtBefore: '={{ $now.minus({ hours: $json.idleHours }).toISO() }}' },
			options: {},
		}),
		wts('Tell the Contact', [660, 0], {
			operation: 'sendText',
			sessionId: rl('={{ $json.id }}'),
			text: "={{ $('Settings').first().json.message }}",
			options: {},
		}),
		wts('Complete Session', [880, 0], {
			operation: 'complete',
			sessionId: rl("={{ $('Get Idle Sessions').item.json.id }}"),
			reactivateOnNewMessage: true,
			stopBotInExecution: false,
		}),
	],
	[
		[MANUAL_TRIGGER_NAME, 'Settings'],
		['Settings', 'Get Idle Sessions'],
		['Get Idle Sessions', 'Tell the Contact'],
		['Tell the Contact', 'Complete Session'],
	],
	`## Complete idle sessions\nFinds the sessions **in progress** whose last interaction is older than **idleHours** (Settings), sends each contact a closing message, then completes the session with *Reactivate On New Message* on, so a reply opens it again.\n\nFor daily use, replace the manual trigger with a **Schedule Trigger**.\n\n${CREDENTIAL_NOTE}`,
);

const ROUTING_RULES = [
	{ keyword: 'boleto', department: 'Financeiro', departmentId: DEP.financeiro.id },
	{ keyword: 'pagamento', department: 'Financeiro', departmentId: DEP.financeiro.id },
	{ keyword: 'pedido', department: 'Vendas', departmentId: DEP.vendas.id },
	{ keyword: 'orçamento', department: 'Vendas', departmentId: DEP.vendas.id },
	{ keyword: 'defeito', department: 'Suporte', departmentId: DEP.suporte.id },
	{ keyword: 'troca', department: 'Suporte', departmentId: DEP.suporte.id },
];
example(
	'transfer-new-sessions-by-keyword.json',
	'WtsExampleRoute1',
	'WTS Chat: transfer new sessions to a department by keyword',
	[
		manualTrigger([0, 0]),
		wts('Get New Sessions', [220, 0], { operation: 'getMany', returnAll: true, filters: { status: ['STARTED'] }, options: {} }),
		code(
			'Match Keyword',
			[440, 0],
			[
				'// Keyword (in the last message of the session) → department. Edit the rules; the first match wins.',
				`const RULES = ${JSON.stringify(ROUTING_RULES, null, 2)};`,
				'',
				'const out = [];',
				'$input.all().forEach((item, index) => {',
				"  const text = String(item.json.lastMessageText ?? '').toLowerCase();",
				'  const rule = RULES.find((r) => text.includes(r.keyword.toLowerCase()));',
				'  if (rule) {',
				'    out.push({',
				'      json: { sessionId: item.json.id, departmentId: rule.departmentId, department: rule.department, keyword: rule.keyword, lastMessageText: item.json.lastMessageText },',
				'      pairedItem: { item: index },',
				'    });',
				'  }',
				'});',
				'return out;',
			].join('\n'),
		),
		wts('Transfer to Department', [660, 0], {
			operation: 'transfer',
			sessionId: rl('={{ $json.sessionId }}'),
			departmentId: rl('={{ $json.departmentId }}'),
			options: {},
		}),
	],
	[
		[MANUAL_TRIGGER_NAME, 'Get New Sessions'],
		['Get New Sessions', 'Match Keyword'],
		['Match Keyword', 'Transfer to Department'],
	],
	`## Route new sessions by keyword\nLists the sessions that just **started** (no department yet), looks for a keyword in the last message (*Match Keyword* holds the rules: boleto → Financeiro, pedido → Vendas, defeito → Suporte, ...) and transfers each match to its department. Sessions without a keyword are left alone.\n\n${CREDENTIAL_NOTE}`,
);

example(
	'assign-waiting-sessions-round-robin.json',
	'WtsExampleTurn01',
	'WTS Chat: assign waiting sessions to agents in turn',
	[
		manualTrigger([0, 0]),
		setFields(
			'Settings',
			[220, 0],
			[
				['departmentId', 'string', DEP.suporte.id],
				['agentIds', 'string', `${AG.ana.userId},${AG.bruno.userId}`],
			],
		),
		wts('Get Waiting Sessions', [440, 0], {
			operation: 'getMany',
			returnAll: true,
			filters: { status: ['PENDING'], departmentId: '={{ $json.departmentId }}' },
			options: { orderBy: 'createdAt', orderDirection: 'ASCENDING' },
		}),
		code(
			'Pick Agent in Turn',
			[660, 0],
			[
				'// Round robin: the agents of Settings take the waiting sessions in turn, oldest session first.',
				"const agents = $('Settings').first().json.agentIds.split(',').map((a) => a.trim()).filter(Boolean);",
				'return $input.all().map((item, index) => ({',
				'  json: { sessionId: item.json.id, agentId: agents[index % agents.length] },',
				'  pairedItem: { item: index },',
				'}));',
			].join('\n'),
		),
		wts('Assign Session', [880, 0], {
			operation: 'assign',
			sessionId: rl('={{ $json.sessionId }}'),
			agentId: rl('={{ $json.agentId }}'),
			options: {},
		}),
	],
	[
		[MANUAL_TRIGGER_NAME, 'Settings'],
		['Settings', 'Get Waiting Sessions'],
		['Get Waiting Sessions', 'Pick Agent in Turn'],
		['Pick Agent in Turn', 'Assign Session'],
	],
	`## Assign waiting sessions in turn\nTakes the **pending** sessions of one department (Settings → departmentId), oldest first, and assigns them to the agents listed in Settings → agentIds (user IDs, comma-separated) one after the other.\n\n${CREDENTIAL_NOTE}`,
);

example(
	'add-note-and-complete.json',
	'WtsExampleNote01',
	'WTS Chat: add an internal note and complete the session',
	[
		manualTrigger([0, 0]),
		setFields(
			'Settings',
			[220, 0],
			[
				['sessionId', 'string', S[15]],
				['note', 'string', 'Resumo: cliente pediu a segunda via do boleto; enviada por e-mail. Atendimento encerrado pela automação.'],
			],
		),
		wts('Add Internal Note', [440, 0], {
			operation: 'addNote',
			sessionId: rl('={{ $json.sessionId }}'),
			text: '={{ $json.note }}',
			options: {},
		}),
		wts('Complete Session', [660, 0], {
			operation: 'complete',
			sessionId: rl("={{ $('Settings').item.json.sessionId }}"),
			reactivateOnNewMessage: false,
			stopBotInExecution: true,
		}),
	],
	[
		[MANUAL_TRIGGER_NAME, 'Settings'],
		['Settings', 'Add Internal Note'],
		['Add Internal Note', 'Complete Session'],
	],
	`## Leave a note, then complete\nAdds an internal note (visible to agents only) with a summary to the session in Settings, then completes it. Typical after an external system resolved the case, e.g. from a webhook of your ERP.\n\n${CREDENTIAL_NOTE}`,
);

example(
	'send-template-to-sessions.json',
	'WtsExampleTmpl01',
	'WTS Chat: send a template into a list of sessions (Continue On Fail)',
	[
		manualTrigger([0, 0]),
		{
			name: 'Session List',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [220, 0],
			parameters: {
				mode: 'raw',
				jsonOutput: JSON.stringify(
					{
						sessions: [
							{ sessionId: S[7], name: 'Fernanda' },
							{ sessionId: S[8], name: 'Ricardo' },
							{ sessionId: S[1], name: 'João' },
							{ sessionId: S[11], name: 'Camila' },
						],
					},
					null,
					2,
				),
				options: {},
			},
		},
		{
			name: 'One Item per Session',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [440, 0],
			parameters: { fieldToSplitOut: 'sessions', options: {} },
		},
		wts(
			'Send Template',
			[660, 0],
			{
				operation: 'sendTemplate',
				sessionId: rl('={{ $json.sessionId }}'),
				templateId: rl(TPL.welcome.id),
				templateParameters: { parameter: [{ name: '1', value: '={{ $json.name }}' }] },
				fileSource: 'none',
				options: {},
			},
			{ onError: 'continueErrorOutput' },
		),
		noOp('Sent', [900, -100]),
		setFields(
			'Failed (review)',
			[900, 100],
			[
				['sessionId', 'string', "={{ $('One Item per Session').item.json.sessionId }}"],
				['name', 'string', "={{ $('One Item per Session').item.json.name }}"],
				['reason', 'string', '={{ $json.error }}'],
			],
		),
	],
	[
		[MANUAL_TRIGGER_NAME, 'Session List'],
		['Session List', 'One Item per Session'],
		['One Item per Session', 'Send Template'],
		['Send Template', 'Sent', 0],
		['Send Template', 'Failed (review)', 1],
	],
	`## Send a template to many sessions\nSends the approved template *boas_vindas* ("Olá {{1}}! ...") into every session of *Session List*. The node is set to **On Error → Continue (using error output)**: a session that cannot take the template (here the third one, on another channel) goes to *Failed (review)* with the reason (and, through its paired item, which session it was), and the others are still sent.\n\n${CREDENTIAL_NOTE}`,
);

// ---------------------------------------------------------------------------------------------------------
// the other resources' workflows (scripts/workflows/*.mjs)

const kit = { e2e, example, wts, webhook, splitItems, noOp, manualTrigger, sticky, setFields, code, rl, uuid, SEED, CREDENTIAL_NOTE, SANDBOX_CREDENTIAL, STAND_IN_MODEL_CREDENTIAL, NODE_TYPE };
for (const define of workflowModules) define(kit);

// ---------------------------------------------------------------------------------------------------------

export function generated() {
	const files = {};
	for (const { file, wf } of E2E) files[path.join('test', 'e2e', 'workflows', file)] = wf;
	for (const { file, wf } of EXAMPLES) files[path.join('examples', file)] = wf;
	return files;
}

function main() {
	const check = process.argv.includes('--check');
	let stale = 0;
	for (const [rel, wf] of Object.entries(generated())) {
		const abs = path.join(ROOT, rel);
		const text = `${JSON.stringify(wf, null, '\t')}\n`;
		const current = existsSync(abs) ? readFileSync(abs, 'utf8') : '';
		if (current === text) continue;
		stale++;
		if (check) {
			console.error(`out of date: ${rel}`);
		} else {
			mkdirSync(path.dirname(abs), { recursive: true });
			writeFileSync(abs, text);
			console.log(`wrote ${rel}`);
		}
	}
	if (check && stale) process.exit(1);
	if (!stale) console.log('all workflow files are up to date');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
