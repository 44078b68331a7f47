// End-to-end workflows of the core directory resources (Tag, Portfolio, Custom Field, Company) and the example
// "add a list of contacts to a portfolio". See scripts/workflows/index.mjs for the builders.
export default function defineDirectoryWorkflows({ e2e, example, webhook, splitItems, wts, rl, manualTrigger, code, SEED, CREDENTIAL_NOTE }) {
	e2e(
		'tag-lifecycle',
		'Tag → Create, Update, Delete per item; Get Many and Get Colors',
		[
			webhook('tag-lifecycle'),
			splitItems(),
			wts('Create Tag', [440, 0], { resource: 'tag', operation: 'create', name: '={{ $json.name }}', color: '={{ $json.color }}' }),
			wts('Update Tag', [660, 0], { resource: 'tag', operation: 'update', tagId: rl('={{ $json.id }}'), name: "={{ $json.name + ' (2)' }}", color: '' }),
			wts('Delete Tag', [880, 0], { resource: 'tag', operation: 'delete', tagId: rl('={{ $json.id }}'), removeFromContacts: false }),
			wts('Get Many Tags', [220, 220], { resource: 'tag', operation: 'getMany', returnAll: true }),
			wts('Get Tag Colors', [440, 220], { resource: 'tag', operation: 'getColors' }, { executeOnce: true }),
		],
		[
			['Webhook', 'Items'],
			['Items', 'Create Tag'],
			['Create Tag', 'Update Tag'],
			['Update Tag', 'Delete Tag'],
			['Webhook', 'Get Many Tags'],
			['Get Many Tags', 'Get Tag Colors'],
		],
	);

	e2e(
		'portfolio-add',
		'Portfolio → Add Contacts (batch) then Get Contacts; Get Many',
		[
			webhook('portfolio-add'),
			splitItems(),
			wts('Add Contacts', [440, 0], {
				resource: 'portfolio',
				operation: 'addContacts',
				portfolioId: rl('={{ $json.portfolioId }}'),
				contactId: rl('={{ $json.contactId }}'),
			}),
			wts(
				'Get Contacts',
				[660, 0],
				{ resource: 'portfolio', operation: 'getContacts', portfolioId: rl("={{ $('Items').first().json.portfolioId }}"), returnAll: true, filters: {} },
				{ executeOnce: true },
			),
			wts('Get Many Portfolios', [220, 220], {
				resource: 'portfolio',
				operation: 'getMany',
				returnAll: true,
				filters: {},
				options: { includeDetails: ['ContactCount'] },
			}),
		],
		[
			['Webhook', 'Items'],
			['Items', 'Add Contacts'],
			['Add Contacts', 'Get Contacts'],
			['Webhook', 'Get Many Portfolios'],
		],
	);

	e2e(
		'portfolio-remove',
		'Portfolio → Add Contact then Remove Contact (by phone number) per item; Remove Contacts (batch)',
		[
			webhook('portfolio-remove'),
			splitItems(),
			wts('Add Contact', [440, 0], {
				resource: 'portfolio',
				operation: 'addContact',
				portfolioId: rl('={{ $json.portfolioId }}'),
				contactId: rl('={{ $json.contactId }}'),
			}),
			// By phone number: the number WTS Chat answered in the link (`+55|11…`, its own stored form) is taken as input.
			wts('Remove Contact', [660, 0], {
				resource: 'portfolio',
				operation: 'removeContact',
				portfolioId: rl('={{ $json.portfolioId }}'),
				contactBy: 'phoneNumber',
				phoneNumber: '={{ $json.contactDetails.phonenumber }}',
			}),
			wts('Remove Contacts', [440, 220], {
				resource: 'portfolio',
				operation: 'removeContacts',
				portfolioId: rl('={{ $json.batchPortfolioId }}'),
				contactId: rl('={{ $json.batchContactId }}'),
			}),
		],
		[
			['Webhook', 'Items'],
			['Items', 'Add Contact'],
			['Add Contact', 'Remove Contact'],
			['Items', 'Remove Contacts'],
		],
	);

	e2e(
		'directory',
		'Custom Field → Get Many; Company → Get Office Hours',
		[
			webhook('directory'),
			wts('Get Custom Fields', [220, 0], { resource: 'customField', operation: 'getMany', entityType: 'CONTACT', returnAll: true, options: {} }),
			wts('Get Office Hours', [220, 220], { resource: 'company', operation: 'getOfficeHours' }),
		],
		[
			['Webhook', 'Get Custom Fields'],
			['Webhook', 'Get Office Hours'],
		],
	);

	const sandboxContacts = ['paulo', 'camila', 'fernanda'].map((k) => SEED.contacts[k]);
	example(
		'add-contacts-to-portfolio.json',
		'WtsExampleAddToPortfolio1',
		'WTS Chat: add a list of contacts to a portfolio',
		[
			manualTrigger([0, 0]),
			code(
				'Contact List',
				[220, 0],
				`// One item per contact (e.g. rows of a sheet, or WTS Chat → Contact → Get Many). These are contacts of the sandbox.\nreturn ${JSON.stringify(
					sandboxContacts.map((c) => ({ json: { contactId: c.id, name: c.name } })),
					null,
					2,
				)};`,
			),
			wts('Add to Portfolio', [440, 0], {
				resource: 'portfolio',
				operation: 'addContacts',
				portfolioId: { __rl: true, mode: 'list', value: SEED.portfolios.inativos.id, cachedResultName: SEED.portfolios.inativos.name },
				contactId: rl('={{ $json.contactId }}'),
			}),
			wts(
				'Portfolio Contacts',
				[660, 0],
				{ resource: 'portfolio', operation: 'getContacts', portfolioId: rl("={{ $('Add to Portfolio').first().json.portfolioId }}"), returnAll: true, filters: {} },
				{ executeOnce: true },
			),
		],
		[
			[MANUAL, 'Contact List'],
			['Contact List', 'Add to Portfolio'],
			['Add to Portfolio', 'Portfolio Contacts'],
		],
		`## Add a list of contacts to a portfolio\n\nEach item of **Contact List** carries one contact ID. **Add to Portfolio** (Portfolio → Add Contacts) groups the items into requests of up to 100 contacts and outputs one item per contact, so a contact that could not be added shows up on its own item (turn on *Continue (using error output)* to route it). **Portfolio Contacts** then lists the portfolio with each contact's details.\n\nReplace the Code node with your source of contacts and pick your portfolio in **Add to Portfolio**.\n\n${CREDENTIAL_NOTE}`,
	);
}

const MANUAL = 'When clicking ‘Execute workflow’';
