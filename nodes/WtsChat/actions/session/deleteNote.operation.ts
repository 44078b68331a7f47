import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { optionsCollection } from '../listing.descriptions';
import { noteIdProperty } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [noteIdProperty('The internal note to delete'), optionsCollection([])];

/** DELETE /chat/v1/session/note/{id} → `{deleted: true, id, note}` (the API returns the deleted note). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'noteId', i, 'Note ID');
	const note = await apiRequest.call(this, { method: 'DELETE', path: '/chat/v1/session/note/{id}', pathParams: { id }, subject: { noun: 'Note', id } }, i);
	return { deleted: true, id, ...(note && typeof note === 'object' ? { note: note as IDataObject } : {}) };
}

export const operation = defineOperation({
	resource: 'session',
	value: 'deleteNote',
	name: 'Delete Note',
	action: 'Delete a session note',
	description: 'Delete an internal note',
	summary: 'Delete a note; outputs `{deleted: true, id, note}`',
	endpoint: '`DELETE /chat/v1/session/note/{id}`',
	properties,
	execute,
});
