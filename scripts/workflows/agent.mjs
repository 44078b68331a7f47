// End-to-end workflows of the Agent resource (see scripts/workflows/index.mjs for the kit).
export default function agentWorkflows({ e2e, wts, webhook, splitItems, rl, SEED }) {
	const agent = (name, position, parameters) => wts(name, position, { resource: 'agent', ...parameters });
	const byId = rl('={{ $json.id }}');
	e2e(
		'agent',
		'Agent → Create, Update, Update Departments, Change Status, Log Out, Get, Delete (chained), Get Many',
		[
			webhook('agent'),
			splitItems(),
			agent('Get Many Agents', [260, -200], { operation: 'getMany', returnAll: true }),
			agent('Create Agent', [440, 0], { operation: 'create', name: '={{ $json.name }}', profile: 'Agent', additionalFields: { email: '={{ $json.email }}' } }),
			agent('Update Agent', [660, 0], { operation: 'update', agentId: byId, updateFields: { shortName: '={{ $json.name.split(" ")[0] }}' }, clearFields: [] }),
			agent('Update Departments', [880, 0], {
				operation: 'updateDepartments',
				agentId: byId,
				membershipAction: 'Upsert',
				members: { entries: [{ departmentId: SEED.departments.vendas.id, isAgent: true, isSupervisor: false }] },
			}),
			agent('Change Status', [1100, 0], { operation: 'changeStatus', agentId: byId, status: 'Blocked' }),
			agent('Log Out', [1320, 0], { operation: 'logOut', agentId: byId }),
			agent('Get Agent', [1540, 0], { operation: 'get', agentId: byId, simplify: true }),
			agent('Delete Agent', [1760, 0], { operation: 'delete', agentId: byId, sessionResolution: 'RETURN_TO_PENDING' }),
		],
		[
			['Webhook', 'Get Many Agents'],
			['Webhook', 'Items'],
			['Items', 'Create Agent'],
			['Create Agent', 'Update Agent'],
			['Update Agent', 'Update Departments'],
			['Update Departments', 'Change Status'],
			['Change Status', 'Log Out'],
			['Log Out', 'Get Agent'],
			['Get Agent', 'Delete Agent'],
		],
	);
}
