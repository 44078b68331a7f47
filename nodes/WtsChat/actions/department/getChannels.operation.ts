import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { departmentIdProperty, departmentPath, readDepartmentId } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [departmentIdProperty('The department whose channels to get')];

/** GET /core/v1/department/{id}/channel → `{departmentId, scope, channels: [channel IDs]}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readDepartmentId(this, i);
	const answer = (await apiRequest.call(this, { method: 'GET', ...departmentPath('/core/v1/department/{id}/channel', id) }, i)) as IDataObject;
	return { departmentId: id, ...answer };
}

export const operation = defineOperation({
	resource: 'department',
	value: 'getChannels',
	name: 'Get Channels',
	action: 'Get channels of a department',
	description: 'Get the channels a department serves',
	summary: 'The channel scope and channel IDs of a department',
	endpoint: '`GET /core/v1/department/{id}/channel`',
	properties,
	execute,
});
