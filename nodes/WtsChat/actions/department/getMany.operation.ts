import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { limitPlainList, readPaging } from '../../helpers/listing';
import { updateDisplayOptions } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { returnAllOrLimit } from '../common.descriptions';
import { departmentSimplifyProperty, simplifyDepartments } from './shared';

const properties: INodeProperties[] = [...returnAllOrLimit, departmentSimplifyProperty];

export const description = updateDisplayOptions({ show: { resource: ['department'], operation: ['getMany'] } }, properties);

/** GET /core/v2/department (one plain list, no paging), one output item per department. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const paging = readPaging(this, i);
	const departments = (await apiRequest.call(this, { method: 'GET', path: '/core/v2/department' }, i)) as IDataObject[];
	return simplifyDepartments(this, i, limitPlainList(Array.isArray(departments) ? departments : [], paging));
}
