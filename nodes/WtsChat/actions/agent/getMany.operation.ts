import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getPlainList } from '../../helpers/listing';
import { updateDisplayOptions } from '../../helpers/utils';
import { returnAllOrLimit } from '../common.descriptions';
import { agentSimplifyProperty, simplifyAgents } from './shared';

const properties: INodeProperties[] = [...returnAllOrLimit, agentSimplifyProperty];

export const description = updateDisplayOptions({ show: { resource: ['agent'], operation: ['getMany'] } }, properties);

/** GET /core/v1/agent (one plain list, no paging), one output item per agent. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	return simplifyAgents(this, i, await getPlainList(this, i, '/core/v1/agent'));
}
