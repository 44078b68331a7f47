import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getPlainList } from '../../helpers/listing';
import { returnAllOrLimit } from '../listing.descriptions';
import { departmentSimplifyProperty, simplifyDepartments } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [...returnAllOrLimit, departmentSimplifyProperty];

/** GET /core/v2/department (one plain list, no paging), one output item per department. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	return simplifyDepartments(this, i, await getPlainList(this, i, '/core/v2/department'));
}

export const operation = defineOperation({
	resource: 'department',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many departments',
	description: 'List the departments of the account',
	summary: 'The departments (teams) of the account; Return All / Limit (applied by the node); **Simplify**',
	endpoint: '`GET /core/v2/department`',
	properties,
	execute,
});
