// End-to-end workflows of the Department resource (see scripts/workflows/index.mjs for the kit).
export default function departmentWorkflows({ e2e, wts, webhook, splitItems, rl, SEED }) {
	const dep = (name, position, parameters) => wts(name, position, { resource: 'department', ...parameters });
	const byId = rl('={{ $json.id }}');
	const byDepartmentId = rl('={{ $json.departmentId }}');
	e2e(
		'department',
		'Department → Create, Update, Update Agents, Get Channels, Get, Delete (chained), Get Many',
		[
			webhook('department'),
			splitItems(),
			dep('Get Many Departments', [260, -200], { operation: 'getMany', returnAll: true }),
			dep('Create Department', [440, 0], {
				operation: 'create',
				name: '={{ $json.name }}',
				members: {},
				additionalFields: { channels: [SEED.channels.whatsapp.id] },
			}),
			dep('Update Department', [660, 0], { operation: 'update', departmentId: byId, updateFields: { name: '={{ $json.name }} (renamed)' } }),
			dep('Update Agents', [880, 0], {
				operation: 'updateAgents',
				departmentId: byId,
				membershipAction: 'Upsert',
				members: { entries: [{ agentId: SEED.agents.carla.userId, isAgent: true, isSupervisor: true }] },
			}),
			dep('Get Channels', [1100, 0], { operation: 'getChannels', departmentId: byDepartmentId }),
			dep('Get Department', [1320, 0], { operation: 'get', departmentId: byDepartmentId, options: {} }),
			dep('Delete Department', [1540, 0], { operation: 'delete', departmentId: byId }),
		],
		[
			['Webhook', 'Get Many Departments'],
			['Webhook', 'Items'],
			['Items', 'Create Department'],
			['Create Department', 'Update Department'],
			['Update Department', 'Update Agents'],
			['Update Agents', 'Get Channels'],
			['Get Channels', 'Get Department'],
			['Get Department', 'Delete Department'],
		],
	);
}
