import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getPlainList } from '../../helpers/listing';
import { updateDisplayOptions } from '../../helpers/utils';
import { returnAllOrLimit } from '../common.descriptions';
import { departmentSimplifyProperty, simplifyDepartments } from './shared';

const properties: INodeProperties[] = [...returnAllOrLimit, departmentSimplifyProperty];

export const description = updateDisplayOptions({ show: { resource: ['department'], operation: ['getMany'] } }, properties);

/** GET /core/v2/department (one plain list, no paging), one output item per department. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	return simplifyDepartments(this, i, await getPlainList(this, i, '/core/v2/department'));
}
