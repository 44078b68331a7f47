import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { cardLocator } from '../locators';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	cardLocator({ description: 'The card the note belongs to' }),
	{
		displayName: 'Note ID',
		name: 'noteId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b',
		description: 'The note to delete (see Card → Get Notes)',
	},
];

/** DELETE /crm/v1/panel/card/{cardId}/note/{noteId} (empty answer) → `{deleted: true, id}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const cardId = requireUuid(this, 'cardId', i, 'Card ID');
	const noteId = requireUuid(this, 'noteId', i, 'Note ID');
	await apiRequest.call(
		this,
		{
			method: 'DELETE',
			path: '/crm/v1/panel/card/{cardId}/note/{noteId}',
			pathParams: { cardId, noteId },
			subject: { noun: 'Card note', id: noteId },
		},
		i,
	);
	return { deleted: true, id: noteId };
}

export const operation = defineOperation({
	resource: 'card',
	value: 'deleteNote',
	name: 'Delete Note',
	action: 'Delete a card note',
	description: 'Delete a note of a card',
	summary: 'Delete a note; outputs `{deleted: true, id}`',
	endpoint: '`DELETE /crm/v1/panel/card/{cardId}/note/{noteId}`',
	properties,
	execute,
});
