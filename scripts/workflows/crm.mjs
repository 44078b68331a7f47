// CRM (Panel and Card resources): end-to-end workflows and the example "a card per completed session, with a note".
// IDs are the sandbox's seed (sandbox/seed.mjs); cards created in a run are reached by expression.

export default function crmWorkflows({ e2e, example, wts, webhook, splitItems, noOp, manualTrigger, setFields, rl, SEED, CREDENTIAL_NOTE }) {
	const V = SEED.panels.vendas;
	const SUP = SEED.panels.suporte;
	const panel = (name, position, parameters, extra) => wts(name, position, { resource: 'panel', ...parameters }, extra);
	const card = (name, position, parameters, extra) => wts(name, position, { resource: 'card', ...parameters }, extra);
	const createdCard = rl("={{ $('Create Card').item.json.id }}");

	e2e(
		'crm-panels',
		'Panel → Get Many, Get, Get Custom Fields, Get Lost Reasons; Card → Get Many (won and lost)',
		[
			webhook('crm-panels'),
			panel('Get Panels', [260, -300], { operation: 'getMany', returnAll: true, filters: {}, options: {} }),
			panel('Get Sales Panel', [260, -150], { operation: 'get', panelId: rl(V.id), options: { includeDetails: ['Steps', 'Tags'] } }),
			panel('Get Custom Fields', [260, 0], { operation: 'getCustomFields', panelId: rl(V.id), options: {} }),
			panel('Get Lost Reasons', [260, 150], { operation: 'getLostReasons', panelId: rl(V.id), returnAll: true, filters: {}, options: {} }),
			card('Get Closed Cards', [260, 300], {
				operation: 'getMany',
				panelId: rl(V.id),
				returnAll: true,
				filters: { statuses: ['WON', 'LOST'] },
				options: { includeDetails: ['LostReason', 'StepTitle'] },
			}),
		],
		[
			['Webhook', 'Get Panels'],
			['Webhook', 'Get Sales Panel'],
			['Webhook', 'Get Custom Fields'],
			['Webhook', 'Get Lost Reasons'],
			['Webhook', 'Get Closed Cards'],
		],
	);

	e2e(
		'crm-card-life',
		'Card → Create, Update (move, position 0, clear), Add Note, Get Notes, Delete Note, Duplicate, Get',
		[
			webhook('crm-card-life'),
			splitItems(),
			card('Create Card', [440, 0], {
				operation: 'create',
				panelId: rl(V.id),
				stepId: '={{ $json.stepId }}',
				title: '={{ $json.title }}',
				additionalFields: {
					monetaryAmount: '={{ $json.amount }}',
					position: 0,
					dueDate: '={{ $json.dueDate }}',
					responsibleUserId: SEED.agents.carla.userId,
				},
				customFields: {
					entries: [
						{ key: 'quantidade', value: '={{ $json.qty }}' },
						{ key: 'origem-do-lead', value: 'Site' },
					],
				},
			}),
			card('Move Card', [660, 0], {
				operation: 'update',
				cardId: rl('={{ $json.id }}'),
				panelId: rl(V.id),
				updateFields: { stepId: "={{ $('Items').item.json.moveTo }}", position: 0 },
				customFields: {},
				clearCustomFields: [],
				clearFields: ['dueDate', 'responsibleUserId'],
				options: {},
			}),
			card('Add Note', [880, 0], {
				operation: 'addNote',
				cardId: rl('={{ $json.id }}'),
				text: "={{ 'Proposta enviada para ' + $json.title }}",
				fileUrls: 'https://example.com/proposta.pdf',
			}),
			card('Get Notes', [1100, 0], { operation: 'getNotes', cardId: createdCard, returnAll: true, filters: {}, options: {} }),
			card('Delete Note', [1320, 0], { operation: 'deleteNote', cardId: createdCard, noteId: '={{ $json.id }}' }),
			card('Duplicate Card', [1540, 0], {
				operation: 'duplicate',
				cardId: createdCard,
				panelId: rl(SUP.id),
				copyToStepId: SUP.steps.aFazer.id,
				options: { archiveOriginalCard: true },
			}),
			card('Get Copy', [1760, 0], { operation: 'get', cardId: rl('={{ $json.id }}'), options: { includeDetails: ['PanelTitle', 'StepTitle'] } }),
		],
		[
			['Webhook', 'Items'],
			['Items', 'Create Card'],
			['Create Card', 'Move Card'],
			['Move Card', 'Add Note'],
			['Add Note', 'Get Notes'],
			['Get Notes', 'Delete Note'],
			['Delete Note', 'Duplicate Card'],
			['Duplicate Card', 'Get Copy'],
		],
	);

	e2e(
		'crm-card-errors',
		'Card → Get with the error output (a bad ID and an unknown card among good ones)',
		[
			webhook('crm-card-errors'),
			splitItems(),
			card('Get Card', [440, 0], { operation: 'get', cardId: rl('={{ $json.cardId }}'), options: {} }, { onError: 'continueErrorOutput' }),
			noOp('Found', [660, -100]),
			noOp('Failed', [660, 100]),
		],
		[
			['Webhook', 'Items'],
			['Items', 'Get Card'],
			['Get Card', 'Found', 0],
			['Get Card', 'Failed', 1],
		],
	);

	const trigger = manualTrigger([0, 0]);
	example(
		'card-per-completed-session.json',
		'WtsExampleCrm001',
		'WTS Chat: a CRM card per completed session, with a note',
		[
			trigger,
			setFields('Settings', [220, 0], [['sessions', 'number', 3]]),
			wts('Get Completed Sessions', [440, 0], {
				operation: 'getMany',
				returnAll: false,
				limit: '={{ $json.sessions }}',
				filters: { status: ['COMPLETED'] },
				options: { includeDetails: ['ContactDetails'] },
			}),
			card('Create Card', [660, 0], {
				operation: 'create',
				panelId: rl(V.id),
				stepId: V.steps.novoLead.id,
				title: "={{ 'Follow-up: ' + ($json.contactDetails?.name || $json.title || $json.number) }}",
				additionalFields: {
					contactIds: '={{ $json.contactId }}',
					sessionId: '={{ $json.id }}',
					metadata: { entries: [{ key: 'sessionNumber', value: '={{ $json.number }}' }] },
				},
				customFields: {},
			}),
			card('Add Note', [880, 0], {
				operation: 'addNote',
				cardId: rl('={{ $json.id }}'),
				text: "={{ 'Session #' + $('Get Completed Sessions').item.json.number + ' completed. Last message: ' + ($('Get Completed Sessions').item.json.lastMessageText || '(none)') }}",
				fileUrls: '',
			}),
		],
		[
			[trigger.name, 'Settings'],
			['Settings', 'Get Completed Sessions'],
			['Get Completed Sessions', 'Create Card'],
			['Create Card', 'Add Note'],
		],
		`## A CRM card per completed session\nTakes the last **sessions** completed sessions (Settings), creates a card for each in the first step of the *Funil de Vendas* panel, linked to the session and its contact, then adds a note to the card with the session's number and last message.\n\nPick your own panel and step in **Create Card** (the Step list shows the steps of the chosen panel). For daily use, replace the manual trigger with a **Schedule Trigger** and filter the sessions by *End At After*.\n\n${CREDENTIAL_NOTE}`,
	);
}
