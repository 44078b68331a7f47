import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../listing.descriptions';
import { noteIdProperty } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [noteIdProperty('The internal note to get'), optionsCollection([])];

export const operation = defineOperation({
	resource: 'session',
	value: 'getNote',
	name: 'Get Note',
	action: 'Get a session note',
	description: 'Get an internal note by ID',
	summary: 'One note',
	endpoint: '`GET /chat/v1/session/note/{id}`',
	properties,
	request: { method: 'GET', path: '/chat/v1/session/note/{id}', pathParams: { id: ['noteId', 'Note ID'] }, noun: 'Note', output: 'record' },
});
