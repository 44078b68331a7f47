import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { agentIdProperty, agentPath, agentSimplifyProperty, readAgentId, simplifyAgents } from './shared';

const properties: INodeProperties[] = [agentIdProperty('The agent to get'), agentSimplifyProperty];

export const description = updateDisplayOptions({ show: { resource: ['agent'], operation: ['get'] } }, properties);

/** GET /core/v1/agent/{id}. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readAgentId(this, i);
	const agent = (await apiRequest.call(this, { method: 'GET', ...agentPath('/core/v1/agent/{id}', id) }, i)) as IDataObject;
	return simplifyAgents(this, i, agent);
}
