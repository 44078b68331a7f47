// Contact resource: end-to-end workflows (every Contact operation at least once) and the example
// "upsert contacts from a list and tag them".
export function contactWorkflows({ e2e, example, wts, webhook, splitItems, noOp, manualTrigger, code, rl, SEED, CREDENTIAL_NOTE }) {
	const C = (name, position, parameters, extra) => wts(name, position, { resource: 'contact', ...parameters }, extra);

	// Get Many, Search and List Custom Fields side by side.
	e2e(
		'contact-lists',
		'Contact → Get Many, Search, List Custom Fields',
		[
			webhook('contact-lists'),
			C('Get Many Contacts', [260, -200], { operation: 'getMany', returnAll: false, limit: 3, filters: { status: 'ACTIVE' }, options: { includeDetails: ['Tags'] } }),
			C('Search Contacts', [260, 0], {
				operation: 'search',
				returnAll: true,
				filters: { tagIds: [SEED.tags.vip.id], textFilter: '={{ $json.body.text }}' },
				options: { includeDetails: ['Tags'] },
			}),
			C('List Custom Fields', [260, 200], { operation: 'getCustomFields', options: {} }),
		],
		[
			['Webhook', 'Get Many Contacts'],
			['Webhook', 'Search Contacts'],
			['Webhook', 'List Custom Fields'],
		],
	);

	// One contact through its life: create (upsert), get, get by phone, update, update by phone, tags by ID and by phone.
	const phone = "={{ $('Items').item.json.phone }}";
	e2e(
		'contact-lifecycle',
		'Contact → Create, Get, Get By Phone, Update, Update By Phone, Update Tags, Update Tags By Phone',
		[
			webhook('contact-lifecycle'),
			splitItems(),
			C('Create Contact', [440, 0], {
				operation: 'create',
				name: '={{ $json.name }}',
				phoneNumber: '={{ $json.phone }}',
				additionalFields: {
					customFields: { fields: [{ key: 'pontos', value: '={{ $json.points }}' }] },
					metadata: { entries: [{ key: 'origem', value: 'n8n' }] },
				},
				ifExists: 'update',
				options: {},
			}),
			C('Get Contact', [660, 0], { operation: 'get', contactId: rl('={{ $json.id }}'), options: { includeDetails: ['CustomFields'] } }),
			C('Get Contact By Phone', [880, 0], { operation: 'getByPhone', phoneNumber: phone, options: {} }),
			C('Update Contact', [1100, 0], {
				operation: 'update',
				contactId: rl('={{ $json.id }}'),
				updateFields: {
					annotation: '',
					customFields: { fields: [{ key: 'aceita-newsletter', value: 'false' }] },
					removeMetadataKeys: 'origem',
				},
				clearFields: ['Email'],
				options: {},
			}),
			C('Update Contact By Phone', [1320, 0], { operation: 'updateByPhone', contactPhone: phone, updateFields: { name: "={{ $('Items').item.json.name }} (n8n)" }, options: {} }),
			C('Add Tags', [1540, 0], { operation: 'updateTags', contactId: rl('={{ $json.id }}'), tagOperation: 'InsertIfNotExists', tagNames: 'e2e, VIP' }),
			C('Remove Tag By Phone', [1760, 0], { operation: 'updateTagsByPhone', contactPhone: phone, tagOperation: 'DeleteIfExists', tagIds: [SEED.tags.vip.id], options: {} }),
		],
		[
			['Webhook', 'Items'],
			['Items', 'Create Contact'],
			['Create Contact', 'Get Contact'],
			['Get Contact', 'Get Contact By Phone'],
			['Get Contact By Phone', 'Update Contact'],
			['Update Contact', 'Update Contact By Phone'],
			['Update Contact By Phone', 'Add Tags'],
			['Add Tags', 'Remove Tag By Phone'],
		],
	);

	// Upsert Many: many items in few requests, a bad phone to the error output.
	e2e(
		'contact-upsert-many',
		'Contact → Upsert Many (batches of 100, bad rows to the error output)',
		[
			webhook('contact-upsert-many'),
			splitItems(),
			C(
				'Upsert Contacts',
				[440, 0],
				{ operation: 'upsertMany', name: '={{ $json.name }}', phoneNumber: '={{ $json.phone }}', additionalFields: { tagNames: '={{ $json.tags }}' }, options: {} },
				{ onError: 'continueErrorOutput' },
			),
			noOp('Saved', [680, -100]),
			noOp('Refused', [680, 100]),
		],
		[
			['Webhook', 'Items'],
			['Items', 'Upsert Contacts'],
			['Upsert Contacts', 'Saved', 0],
			['Upsert Contacts', 'Refused', 1],
		],
	);

	example(
		'upsert-contacts-and-tag.json',
		'WtsExampleCont01',
		'WTS Chat: upsert contacts from a list and tag them',
		[
			manualTrigger([0, 0]),
			code(
				'Contact List',
				[220, 0],
				[
					'// One item per row, as a spreadsheet or CRM export gives them; phones written as people write them.',
					'return [',
					"\t{ name: 'Marina Lopes', phone: '+55 11 98888-1001', email: 'marina@email.example', plan: 'Premium' },",
					"\t{ name: 'Otávio Reis', phone: '(21) 97777-2002', email: '', plan: 'Básico' },",
					"\t{ name: 'Maria Oliveira', phone: '5511999990001', email: 'maria.oliveira@email.example', plan: 'Premium' },",
					"\t{ name: 'Sem Telefone', phone: 'ligar depois', email: '', plan: 'Básico' },",
					'].map((json) => ({ json }));',
				].join('\n'),
			),
			C(
				'Upsert Contacts',
				[440, 0],
				{
					operation: 'upsertMany',
					name: '={{ $json.name }}',
					phoneNumber: '={{ $json.phone }}',
					additionalFields: {
						email: '={{ $json.email }}',
						customFields: { fields: [{ key: 'plano', value: '={{ $json.plan }}' }] },
					},
					ifExists: 'update',
					upsertFields: ['Name', 'Email', 'CustomFields'],
					options: {},
				},
				{ onError: 'continueErrorOutput' },
			),
			C('Tag as Imported', [680, -100], { operation: 'updateTags', contactId: rl('={{ $json.id }}'), tagOperation: 'InsertIfNotExists', tagNames: 'Importado n8n' }),
			noOp('Rows to Fix', [680, 100]),
		],
		[
			['When clicking ‘Execute workflow’', 'Contact List'],
			['Contact List', 'Upsert Contacts'],
			['Upsert Contacts', 'Tag as Imported', 0],
			['Upsert Contacts', 'Rows to Fix', 1],
		],
		`## Upsert contacts from a list and tag them\n*Contact List* stands for your spreadsheet or CRM rows. **Upsert Many** saves them 100 per request: a new phone number creates a contact, a known one (Maria Oliveira) is updated (only Name, Email and the *Plano* custom field). Phones are written as people write them; a row whose phone cannot be a number ("ligar depois") goes to *Rows to Fix* through the error output, with the reason. Every saved contact then gets the tag *Importado n8n* (created if it does not exist).\n\n${CREDENTIAL_NOTE}`,
	);
}
