import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { optionsCollection } from '../common.descriptions';
import { noteIdProperty } from './shared';

const properties: INodeProperties[] = [noteIdProperty('The internal note to get'), optionsCollection([])];

export const description = updateDisplayOptions({ show: { resource: ['session'], operation: ['getNote'] } }, properties);

/** GET /chat/v1/session/note/{id}. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'noteId', i, 'Note ID');
	return (await apiRequest.call(this, { method: 'GET', path: '/chat/v1/session/note/{id}', pathParams: { id }, subject: { noun: 'Note', id } }, i)) as IDataObject;
}
