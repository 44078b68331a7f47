import type { INodeProperties } from 'n8n-workflow';

import * as addContact from './addContact.operation';
import * as addContacts from './addContacts.operation';
import * as getContacts from './getContacts.operation';
import * as getMany from './getMany.operation';
import * as removeContact from './removeContact.operation';
import * as removeContacts from './removeContacts.operation';

export { addContact, addContacts, getContacts, getMany, removeContact, removeContacts };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sequence'] } },
		default: 'getMany',
		options: [
			{ name: 'Add Contact', value: 'addContact', description: 'Add one contact to a sequence, one request per item', action: 'Add a contact to a sequence' },
			{ name: 'Add Contacts', value: 'addContacts', description: 'Add the contacts of all input items to their sequences, in batches', action: 'Add contacts to a sequence' },
			{ name: 'Get Contacts', value: 'getContacts', description: 'List the contacts in a sequence', action: 'Get contacts of a sequence' },
			{ name: 'Get Many', value: 'getMany', description: 'List sequences', action: 'Get many sequences' },
			{ name: 'Remove Contact', value: 'removeContact', description: 'Remove one contact from a sequence, one request per item', action: 'Remove a contact from a sequence' },
			{ name: 'Remove Contacts', value: 'removeContacts', description: 'Remove the contacts of all input items from their sequences, in batches', action: 'Remove contacts from a sequence' },
		],
	},
	...addContact.description,
	...addContacts.description,
	...getContacts.description,
	...getMany.description,
	...removeContact.description,
	...removeContacts.description,
];
