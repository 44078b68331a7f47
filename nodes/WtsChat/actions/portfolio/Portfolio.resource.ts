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
		displayOptions: { show: { resource: ['portfolio'] } },
		default: 'getMany',
		options: [
			{ name: 'Add Contact', value: 'addContact', description: 'Add a contact to a portfolio', action: 'Add a contact to a portfolio' },
			{
				name: 'Add Contacts',
				value: 'addContacts',
				description: 'Add the contacts of many input items to portfolios, 100 per request',
				action: 'Add many contacts to a portfolio',
			},
			{
				name: 'Get Contacts',
				value: 'getContacts',
				description: 'List the contacts of a portfolio',
				action: 'Get the contacts of a portfolio',
			},
			{ name: 'Get Many', value: 'getMany', description: 'List the portfolios of the account', action: 'Get many portfolios' },
			{
				name: 'Remove Contact',
				value: 'removeContact',
				description: 'Remove a contact from a portfolio (the contact is kept)',
				action: 'Remove a contact from a portfolio',
			},
			{
				name: 'Remove Contacts',
				value: 'removeContacts',
				description: 'Remove the contacts of many input items from portfolios, 100 per request',
				action: 'Remove many contacts from a portfolio',
			},
		],
	},
	...addContact.description,
	...addContacts.description,
	...getContacts.description,
	...getMany.description,
	...removeContact.description,
	...removeContacts.description,
];
