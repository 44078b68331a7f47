import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { departmentIdProperty, departmentPath, readDepartmentId } from './shared';

const properties: INodeProperties[] = [departmentIdProperty('The department to delete')];

export const description = updateDisplayOptions({ show: { resource: ['department'], operation: ['delete'] } }, properties);

/** DELETE /core/v1/department/{id} (empty answer) → `{deleted: true, id}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readDepartmentId(this, i);
	await apiRequest.call(this, { method: 'DELETE', ...departmentPath('/core/v1/department/{id}', id) }, i);
	return { deleted: true, id };
}
