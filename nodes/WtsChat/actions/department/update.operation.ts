import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { sortedByName } from '../listing.descriptions';
import { departmentBody, departmentFieldOptions, departmentIdProperty, departmentPath, readDepartmentId, DISTRIBUTION_KEYS } from './shared';
import { wholeObject } from '../../helpers/merge';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	departmentIdProperty('The department to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'The settings to change; only the settings added here are sent',
		options: sortedByName([
			...departmentFieldOptions(),
			{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Support', description: 'The department’s new name' },
		]),
	},
];

/** PUT /core/v1/department/{id} with the `fields` mask naming exactly what was set. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readDepartmentId(this, i);
	const { body, fields } = departmentBody(this, i, this.getNodeParameter('updateFields', i, {}) as IDataObject);
	if (fields.length === 0) {
		throw new NodeOperationError(this.getNode(), `No field to update`, {
			description: 'Add a setting under Update Fields.',
			itemIndex: i,
		});
	}
	if (body.distributionConfig) {
		// Sent whole under DistributionConfig: the settings not given keep their current values (read once).
		body.distributionConfig = await wholeObject(body.distributionConfig as IDataObject, DISTRIBUTION_KEYS, async () => {
			const current = (await apiRequest.call(this, { method: 'GET', ...departmentPath('/core/v1/department/{id}', id) }, i)) as IDataObject;
			return current?.distributionConfig as IDataObject | undefined;
		});
	}
	return (await apiRequest.call(this, { method: 'PUT', ...departmentPath('/core/v1/department/{id}', id), body: { ...body, fields } }, i)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'department',
	value: 'update',
	name: 'Update',
	action: 'Update a department',
	description: 'Change chosen settings of a department',
	summary: 'Change only the settings you add, sent with the API\'s `fields` mask',
	endpoint: '`PUT /core/v1/department/{id}`',
	properties,
	execute,
});
