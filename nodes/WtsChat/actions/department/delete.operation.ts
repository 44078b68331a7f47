import type { INodeProperties } from 'n8n-workflow';

import { departmentIdProperty } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [departmentIdProperty('The department to delete')];

export const operation = defineOperation({
	resource: 'department',
	value: 'delete',
	name: 'Delete',
	action: 'Delete a department',
	description: 'Delete a department',
	summary: 'Delete a department; outputs `{deleted: true, id}`',
	endpoint: '`DELETE /core/v1/department/{id}`',
	properties,
	request: { method: 'DELETE', path: '/core/v1/department/{id}', pathParams: { id: ['departmentId', 'Department ID'] }, noun: 'Department', output: { done: 'deleted' } },
});
