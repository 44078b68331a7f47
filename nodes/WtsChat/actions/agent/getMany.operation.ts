import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { limitPlainList, readPaging } from '../../helpers/listing';
import { updateDisplayOptions } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { returnAllOrLimit } from '../common.descriptions';
import { agentSimplifyProperty, simplifyAgents } from './shared';

const properties: INodeProperties[] = [...returnAllOrLimit, agentSimplifyProperty];

export const description = updateDisplayOptions({ show: { resource: ['agent'], operation: ['getMany'] } }, properties);

/** GET /core/v1/agent (one plain list, no paging), one output item per agent. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const paging = readPaging(this, i);
	const agents = (await apiRequest.call(this, { method: 'GET', path: '/core/v1/agent' }, i)) as IDataObject[];
	return simplifyAgents(this, i, limitPlainList(Array.isArray(agents) ? agents : [], paging));
}
