// End-to-end workflows of the Sequence resource (see scripts/workflows/index.mjs for the kit).
export default function sequenceWorkflows({ e2e, wts, webhook, splitItems, rl }) {
	const seq = (name, position, parameters) => wts(name, position, { resource: 'sequence', ...parameters });
	e2e(
		'sequence',
		'Sequence → Get Many, Get Contacts, Add/Remove Contact, Add/Remove Contacts (chained by expressions)',
		[
			webhook('sequence'),
			splitItems(),
			seq('Get Many Sequences', [260, -300], { operation: 'getMany', returnAll: true, filters: {}, options: { includeDetails: ['ContactExecutingCount'] } }),
			seq('Get Contacts', [260, -150], {
				operation: 'getContacts',
				sequenceId: rl('={{ $json.body.sequenceId }}'),
				returnAll: true,
				filters: {},
				options: { includeContactDetails: true },
			}),
			seq('Add Contact', [440, 0], { operation: 'addContact', sequenceId: rl('={{ $json.sequenceId }}'), contactBy: 'contact', contactId: rl('={{ $json.contactId }}') }),
			seq('Remove Contact', [660, 0], {
				operation: 'removeContact',
				sequenceId: rl('={{ $json.sequenceId }}'),
				contactBy: 'contact',
				contactId: rl('={{ $json.contactId }}'),
			}),
			seq('Add Contacts', [880, 0], { operation: 'addContacts', sequenceId: rl('={{ $json.sequenceId }}'), contactBy: 'contact', contactId: rl('={{ $json.id }}') }),
			seq('Remove Contacts', [1100, 0], {
				operation: 'removeContacts',
				sequenceId: rl('={{ $json.sequenceId }}'),
				contactBy: 'phoneNumber',
				phoneNumber: '={{ $json.contactDetails.phonenumber }}',
				options: {},
			}),
		],
		[
			['Webhook', 'Get Many Sequences'],
			['Webhook', 'Get Contacts'],
			['Webhook', 'Items'],
			['Items', 'Add Contact'],
			['Add Contact', 'Remove Contact'],
			['Remove Contact', 'Add Contacts'],
			['Add Contacts', 'Remove Contacts'],
		],
	);
}
