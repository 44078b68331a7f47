import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getPlainList } from '../../helpers/listing';
import { returnAllOrLimit } from '../listing.descriptions';
import { agentSimplifyProperty, simplifyAgents } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [...returnAllOrLimit, agentSimplifyProperty];

/** GET /core/v1/agent (one plain list, no paging), one output item per agent. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	return simplifyAgents(this, i, await getPlainList(this, i, '/core/v1/agent'));
}

export const operation = defineOperation({
	resource: 'agent',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many agents',
	description: 'List the agents of the account',
	summary: 'The agents (users) of the account; Return All / Limit (WTS answers one list, the limit is applied by the node); **Simplify**',
	endpoint: '`GET /core/v1/agent`',
	properties,
	execute,
});
