import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { departmentIdProperty, departmentPath, readDepartmentId } from './shared';

const properties: INodeProperties[] = [departmentIdProperty('The department whose channels to get')];

export const description = updateDisplayOptions({ show: { resource: ['department'], operation: ['getChannels'] } }, properties);

/** GET /core/v1/department/{id}/channel → `{departmentId, scope, channels: [channel IDs]}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readDepartmentId(this, i);
	const answer = (await apiRequest.call(this, { method: 'GET', ...departmentPath('/core/v1/department/{id}/channel', id) }, i)) as IDataObject;
	return { departmentId: id, ...answer };
}
