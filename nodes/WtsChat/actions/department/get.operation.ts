import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { optionsCollection } from '../listing.descriptions';
import { departmentIdProperty, departmentPath, departmentSimplifyProperty, readDepartmentId, simplifyDepartments } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	departmentIdProperty('The department to get'),
	departmentSimplifyProperty,
	optionsCollection([
		{
			displayName: 'Include Details',
			name: 'includeDetails',
			type: 'options',
			default: 'All',
			description: 'Related records to include (the API takes one value)',
			options: [
				{ name: 'Agents', value: 'Agents' },
				{ name: 'Agents and Channels', value: 'All' },
				{ name: 'Channels', value: 'Channels' },
			],
		},
	]),
];

/** GET /core/v1/department/{id}. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readDepartmentId(this, i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const qs = { includeDetails: typeof options.includeDetails === 'string' ? options.includeDetails : undefined };
	const department = (await apiRequest.call(this, { method: 'GET', ...departmentPath('/core/v1/department/{id}', id), qs }, i)) as IDataObject;
	return simplifyDepartments(this, i, department);
}

export const operation = defineOperation({
	resource: 'department',
	value: 'get',
	name: 'Get',
	action: 'Get a department',
	description: 'Get a department by ID',
	summary: 'One department, with its agents, channels or both; **Simplify**',
	endpoint: '`GET /core/v1/department/{id}`',
	properties,
	execute,
});
