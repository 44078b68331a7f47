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
			{ name: 'Add Note', value: 'addNote', description: 'Add an internal note to a session', action: 'Add a note to a session' },
			{ name: 'Assign', value: 'assign', description: 'Make an agent responsible for a session', action: 'Assign a session to an agent' },
			{ name: 'Complete', value: 'complete', description: 'Complete (close) a session', action: 'Complete a session' },
			{ name: 'Delete Note', value: 'deleteNote', description: 'Delete an internal note', action: 'Delete a session note' },
			{ name: 'Get', value: 'get', description: 'Get a session by ID', action: 'Get a session' },
			{ name: 'Get Many', value: 'getMany', description: 'List sessions, with filters', action: 'Get many sessions' },
			{ name: 'Get Messages', value: 'getMessages', description: 'List the messages of a session', action: 'Get messages of a session' },
			{ name: 'Get Note', value: 'getNote', description: 'Get an internal note by ID', action: 'Get a session note' },
			{ name: 'Get Notes', value: 'getNotes', description: 'List the internal notes of a session', action: 'Get notes of a session' },
			{ name: 'Send File', value: 'sendFile', description: 'Send a file into a session', action: 'Send a file in a session' },
			{ name: 'Send Template', value: 'sendTemplate', description: 'Send a message template into a session', action: 'Send a template in a session' },
			{ name: 'Send Text', value: 'sendText', description: 'Send a text message into a session', action: 'Send a text in a session' },
			{ name: 'Transfer', value: 'transfer', description: 'Transfer a session to a department, optionally to one of its agents', action: 'Transfer a session' },
			{ name: 'Update', value: 'update', description: 'Change chosen fields of a session', action: 'Update a session' },
			{ name: 'Update Status', value: 'updateStatus', description: 'Change the status of a session', action: 'Update the status of a session' },
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
