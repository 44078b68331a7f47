import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { optionsCollection } from '../common.descriptions';
import { noteIdProperty } from './shared';

const properties: INodeProperties[] = [noteIdProperty('The internal note to delete'), optionsCollection([])];

export const description = updateDisplayOptions({ show: { resource: ['session'], operation: ['deleteNote'] } }, properties);

/** DELETE /chat/v1/session/note/{id} → `{deleted: true, id, note}` (the API returns the deleted note). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'noteId', i, 'Note ID');
	const note = await apiRequest.call(this, { method: 'DELETE', path: '/chat/v1/session/note/{id}', pathParams: { id }, subject: { noun: 'Note', id } }, i);
	return { deleted: true, id, ...(note && typeof note === 'object' ? { note: note as IDataObject } : {}) };
}
