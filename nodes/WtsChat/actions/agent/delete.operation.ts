import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { assertUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { agentPicker } from '../common.descriptions';
import { agentIdProperty, agentPath, readAgentId } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	agentIdProperty('The agent to delete'),
	{
		displayName: 'Open Sessions',
		name: 'sessionResolution',
		type: 'options',
		default: 'default',
		description: 'What happens to the sessions the agent is attending',
		options: [
			{ name: 'Complete Them', value: 'COMPLETE', description: 'Complete (close) the sessions' },
			{ name: 'Return to Pending', value: 'RETURN_TO_PENDING', description: 'Put the sessions back in the queue, without an agent' },
			{ name: 'Transfer to Another Agent', value: 'TRANSFER', description: 'Give the sessions to the agent chosen below' },
			{ name: 'WTS Chat Default', value: 'default', description: 'Send no choice and let WTS Chat decide' },
		],
	},
	{
		...agentPicker('The agent who takes over the sessions'),
		displayName: 'Transfer to Agent Name or ID',
		name: 'transferAgentId',
		required: true,
		displayOptions: { show: { sessionResolution: ['TRANSFER'] } },
	},
];

/** DELETE /core/v1/agent/{id} with `{sessionResolution, transferUserId}` → `{deleted: true, id}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readAgentId(this, i);
	const resolution = this.getNodeParameter('sessionResolution', i, 'default') as string;
	const body: IDataObject = {};
	if (resolution !== 'default') body.sessionResolution = resolution;
	if (resolution === 'TRANSFER') {
		const heir = String(this.getNodeParameter('transferAgentId', i, '') ?? '').trim();
		if (heir === '') {
			throw new NodeOperationError(this.getNode(), `The Transfer to Agent field is empty`, {
				description: 'Choose the agent who takes over the open sessions, or pick another option under Open Sessions.',
				itemIndex: i,
			});
		}
		body.transferUserId = assertUuid(this, heir, i, 'Transfer to Agent ID');
	}
	await apiRequest.call(this, { method: 'DELETE', ...agentPath('/core/v1/agent/{id}', id), ...(resolution === 'default' ? {} : { body }) }, i);
	return { deleted: true, id };
}

export const operation = defineOperation({
	resource: 'agent',
	value: 'delete',
	name: 'Delete',
	action: 'Delete an agent',
	description: 'Delete an agent, deciding what happens to its open sessions',
	summary: 'Delete an agent and decide what happens to its open sessions (complete them, return them to pending, transfer them to another agent, or let WTS decide); outputs `{deleted: true, id}`',
	endpoint: '`DELETE /core/v1/agent/{id}` (JSON body)',
	properties,
	execute,
});
