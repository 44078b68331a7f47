import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { agentIdProperty, agentPath, readAgentId } from './shared';

const properties: INodeProperties[] = [agentIdProperty('The agent to log out')];

export const description = updateDisplayOptions({ show: { resource: ['agent'], operation: ['logOut'] } }, properties);

/** POST /core/v1/agent/{id}/logout (empty answer) → `{loggedOut: true, id}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readAgentId(this, i);
	await apiRequest.call(this, { method: 'POST', ...agentPath('/core/v1/agent/{id}/logout', id), idempotent: true }, i);
	return { loggedOut: true, id };
}
