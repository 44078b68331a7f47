import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { departmentIdProperty, departmentPath, readDepartmentId } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [departmentIdProperty('The department to delete')];

/** DELETE /core/v1/department/{id} (empty answer) → `{deleted: true, id}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readDepartmentId(this, i);
	await apiRequest.call(this, { method: 'DELETE', ...departmentPath('/core/v1/department/{id}', id) }, i);
	return { deleted: true, id };
}

export const operation = defineOperation({
	resource: 'department',
	value: 'delete',
	name: 'Delete',
	action: 'Delete a department',
	description: 'Delete a department',
	summary: 'Delete a department; outputs `{deleted: true, id}`',
	endpoint: '`DELETE /core/v1/department/{id}`',
	properties,
	execute,
});
