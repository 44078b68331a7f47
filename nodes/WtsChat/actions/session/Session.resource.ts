import type { INodeProperties } from 'n8n-workflow';

import * as addNote from './addNote.operation';
import * as assign from './assign.operation';
import * as complete from './complete.operation';
import * as deleteNote from './deleteNote.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getMessages from './getMessages.operation';
import * as getNote from './getNote.operation';
import * as getNotes from './getNotes.operation';
import * as sendFile from './sendFile.operation';
import * as sendTemplate from './sendTemplate.operation';
import * as sendText from './sendText.operation';
import * as transfer from './transfer.operation';
import * as update from './update.operation';
import * as updateStatus from './updateStatus.operation';

export {
	addNote,
	assign,
	complete,
	deleteNote,
	get,
	getMany,
	getMessages,
	getNote,
	getNotes,
	sendFile,
	sendTemplate,
	sendText,
	transfer,
	update,
	updateStatus,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['session'] } },
		default: 'getMany',
		options: [
			{
				name: 'Add Note',
				value: 'addNote',
				description: 'Add an internal note to a session, seen by agents only, never sent to the contact',
				action: 'Add an internal note to a session',
			},
			{
				name: 'Assign',
				value: 'assign',
				description: 'Make an agent responsible for a session',
				action: 'Assign a session to an agent',
			},
			{
				name: 'Complete',
				value: 'complete',
				description: 'Complete (close) a session once the conversation is resolved',
				action: 'Complete a session once it is resolved',
			},
			{ name: 'Delete Note', value: 'deleteNote', description: 'Delete an internal note', action: 'Delete a session note' },
			{
				name: 'Get',
				value: 'get',
				description: 'Get a session by ID: its status, contact, agent, department and last message',
				action: 'Get a session by ID',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List sessions, with filters (status, department, agent, contact, dates, metadata)',
				action: 'Get many sessions',
			},
			{
				name: 'Get Messages',
				value: 'getMessages',
				description: 'List the messages of a session, to read the conversation',
				action: 'Get the messages of a session',
			},
			{ name: 'Get Note', value: 'getNote', description: 'Get an internal note by ID', action: 'Get a session note' },
			{
				name: 'Get Notes',
				value: 'getNotes',
				description: 'List the internal notes of a session',
				action: 'Get the internal notes of a session',
			},
			{
				name: 'Send File',
				value: 'sendFile',
				description: 'Send a file to the contact of a session',
				action: 'Send a file to the contact of a session',
			},
			{
				name: 'Send Template',
				value: 'sendTemplate',
				description: 'Send an approved message template into a session (needed on WhatsApp after 24 hours)',
				action: 'Send a template in a session',
			},
			{
				name: 'Send Text',
				value: 'sendText',
				description: 'Send a text message to the contact of a session',
				action: 'Send a text message to the contact of a session',
			},
			{
				name: 'Transfer',
				value: 'transfer',
				description: 'Hand a session over to a department or to an agent (a human)',
				action: 'Transfer a session to a department or an agent',
			},
			{ name: 'Update', value: 'update', description: 'Change chosen fields of a session', action: 'Update a session' },
			{
				name: 'Update Status',
				value: 'updateStatus',
				description: 'Change the status of a session',
				action: 'Update the status of a session',
			},
		],
	},
	...addNote.description,
	...assign.description,
	...complete.description,
	...deleteNote.description,
	...get.description,
	...getMany.description,
	...getMessages.description,
	...getNote.description,
	...getNotes.description,
	...sendFile.description,
	...sendTemplate.description,
	...sendText.description,
	...transfer.description,
	...update.description,
	...updateStatus.description,
];
