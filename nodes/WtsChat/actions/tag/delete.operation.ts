import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { tagLocator } from '../locators';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	tagLocator({ description: 'The tag to delete' }),
	{
		displayName: 'Untag All Contacts',
		name: 'removeFromContacts',
		type: 'boolean',
		default: false,
		description:
			'Whether to delete the tag even when contacts have it, removing it from all of them. Off, WTS Chat refuses to delete a tag that any contact still has.',
	},
];

/** DELETE /core/v1/tag/{id} with `{removeFromContacts}` → `{deleted: true, id}` (the API answers an empty 200). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'tagId', i, 'Tag ID');
	const removeFromContacts = this.getNodeParameter('removeFromContacts', i, false) as boolean;
	await apiRequest.call(
		this,
		{ method: 'DELETE', path: '/core/v1/tag/{id}', pathParams: { id }, body: { removeFromContacts }, subject: { noun: 'Tag', id } },
		i,
	);
	return { deleted: true, id };
}

export const operation = defineOperation({
	resource: 'tag',
	value: 'delete',
	name: 'Delete',
	action: 'Delete a tag',
	description: 'Delete a tag (optionally removing it from the contacts that have it)',
	summary: 'Delete a tag; **Untag All Contacts** (`removeFromContacts`) confirms deleting a tag contacts still have (WTS refuses otherwise); outputs `{deleted: true, id}`',
	endpoint: '`DELETE /core/v1/tag/{id}`',
	properties,
	execute,
});
