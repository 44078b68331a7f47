import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { tagLocator } from '../locators';
import { readTagName } from './create.operation';
import { readTagColor, tagColorProperty, tagNameProperty } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	tagLocator({ description: 'The tag to change' }),
	tagNameProperty('The tag’s name (1 to 255 characters); the API always needs it, so give the current name to keep it'),
	tagColorProperty('New color of the tag; left empty, the current color is kept'),
];

/** PUT /core/v1/tag/{id} → the updated tag. `name` is required by the API; `color` is sent only when chosen. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'tagId', i, 'Tag ID');
	const name = readTagName(this, i);
	const color = readTagColor(this, this.getNodeParameter('color', i, ''), i);
	return (await apiRequest.call(
		this,
		{ method: 'PUT', path: '/core/v1/tag/{id}', pathParams: { id }, body: { name, ...(color ? { color } : {}) }, subject: { noun: 'Tag', id } },
		i,
	)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'tag',
	value: 'update',
	name: 'Update',
	action: 'Update a tag',
	description: 'Rename a tag or change its color',
	summary: 'Rename and/or recolor; the API always needs the name, an empty color keeps the current one',
	endpoint: '`PUT /core/v1/tag/{id}`',
	properties,
	execute,
});
