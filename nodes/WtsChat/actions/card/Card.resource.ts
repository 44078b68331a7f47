import type { INodeProperties } from 'n8n-workflow';

import * as addNote from './addNote.operation';
import * as create from './create.operation';
import * as deleteNote from './deleteNote.operation';
import * as duplicate from './duplicate.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getNotes from './getNotes.operation';
import * as update from './update.operation';

export { addNote, create, deleteNote, duplicate, get, getMany, getNotes, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['card'] } },
		default: 'getMany',
		options: [
			{ name: 'Add Note', value: 'addNote', description: 'Add a note (text and/or files) to a card', action: 'Add a note to a card' },
			{ name: 'Create', value: 'create', description: 'Create a card in a step of a panel', action: 'Create a card' },
			{ name: 'Delete Note', value: 'deleteNote', description: 'Delete a note of a card', action: 'Delete a card note' },
			{ name: 'Duplicate', value: 'duplicate', description: 'Copy a card to the same or another step or panel', action: 'Duplicate a card' },
			{ name: 'Get', value: 'get', description: 'Get a card by ID', action: 'Get a card' },
			{ name: 'Get Many', value: 'getMany', description: 'List the cards of a panel, with filters', action: 'Get many cards' },
			{ name: 'Get Notes', value: 'getNotes', description: 'List the notes of a card', action: 'Get notes of a card' },
			{
				name: 'Update',
				value: 'update',
				description: 'Change chosen fields of a card: move, win, lose, archive, and more',
				action: 'Update a card',
			},
		],
	},
	...addNote.description,
	...create.description,
	...deleteNote.description,
	...duplicate.description,
	...get.description,
	...getMany.description,
	...getNotes.description,
	...update.description,
];
