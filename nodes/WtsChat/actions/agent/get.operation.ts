import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { agentIdProperty, agentPath, agentSimplifyProperty, readAgentId, simplifyAgents } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [agentIdProperty('The agent to get'), agentSimplifyProperty];

/** GET /core/v1/agent/{id}. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readAgentId(this, i);
	const agent = (await apiRequest.call(this, { method: 'GET', ...agentPath('/core/v1/agent/{id}', id) }, i)) as IDataObject;
	return simplifyAgents(this, i, agent);
}

export const operation = defineOperation({
	resource: 'agent',
	value: 'get',
	name: 'Get',
	action: 'Get an agent',
	description: 'Get an agent by ID',
	summary: 'One agent; **Simplify**',
	endpoint: '`GET /core/v1/agent/{id}`',
	properties,
	execute,
});
