import type { INodeProperties } from 'n8n-workflow';

import * as del from './delete.operation';
import * as downloadMedia from './downloadMedia.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getStatus from './getStatus.operation';
import * as send from './send.operation';

export { del as delete, downloadMedia, get, getMany, getStatus, send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		default: 'send',
		options: [
			{ name: 'Delete', value: 'delete', description: 'Delete a message', action: 'Delete a message' },
			{ name: 'Download Media', value: 'downloadMedia', description: 'Download the file of a message into a binary field', action: 'Download the file of a message' },
			{ name: 'Get', value: 'get', description: 'Get a message by ID', action: 'Get a message' },
			{ name: 'Get Many', value: 'getMany', description: 'List the messages of a session', action: 'Get many messages' },
			{ name: 'Get Status', value: 'getStatus', description: 'Get the delivery status of a message', action: 'Get the status of a message' },
			{ name: 'Send', value: 'send', description: 'Send a text, a file or a template to a contact through a channel', action: 'Send a message to a contact' },
		],
	},
	...del.description,
	...downloadMedia.description,
	...get.description,
	...getMany.description,
	...getStatus.description,
	...send.description,
];
