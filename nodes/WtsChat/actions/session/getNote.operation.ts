import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { optionsCollection } from '../common.descriptions';
import { noteIdProperty } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [noteIdProperty('The internal note to get'), optionsCollection([])];

/** GET /chat/v1/session/note/{id}. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'noteId', i, 'Note ID');
	return (await apiRequest.call(this, { method: 'GET', path: '/chat/v1/session/note/{id}', pathParams: { id }, subject: { noun: 'Note', id } }, i)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'session',
	value: 'getNote',
	name: 'Get Note',
	action: 'Get a session note',
	description: 'Get an internal note by ID',
	summary: 'One note',
	endpoint: '`GET /chat/v1/session/note/{id}`',
	properties,
	execute,
});
