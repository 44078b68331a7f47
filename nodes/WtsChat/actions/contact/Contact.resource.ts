import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as getByPhone from './getByPhone.operation';
import * as getCustomFields from './getCustomFields.operation';
import * as getMany from './getMany.operation';
import * as search from './search.operation';
import * as update from './update.operation';
import * as updateByPhone from './updateByPhone.operation';
import * as updateTags from './updateTags.operation';
import * as updateTagsByPhone from './updateTagsByPhone.operation';
import * as upsertMany from './upsertMany.operation';

export { create, get, getByPhone, getCustomFields, getMany, search, update, updateByPhone, updateTags, updateTagsByPhone, upsertMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		default: 'getMany',
		options: [
			{ name: 'Create', value: 'create', description: 'Create a contact, or return or update it if it exists', action: 'Create a contact' },
			{ name: 'Get', value: 'get', description: 'Get a contact by ID', action: 'Get a contact' },
			{ name: 'Get By Phone', value: 'getByPhone', description: 'Get a contact by its phone number', action: 'Get a contact by phone' },
			{ name: 'Get Many', value: 'getMany', description: 'List contacts', action: 'Get many contacts' },
			{ name: 'List Custom Fields', value: 'getCustomFields', description: 'List the contact custom fields of the account', action: 'List contact custom fields' },
			{ name: 'Search', value: 'search', description: 'Find contacts by text, name, phone, tags, custom fields and more', action: 'Search contacts' },
			{ name: 'Update', value: 'update', description: 'Change chosen fields of a contact', action: 'Update a contact' },
			{ name: 'Update By Phone', value: 'updateByPhone', description: 'Change chosen fields of the contact with a phone number', action: 'Update a contact by phone' },
			{ name: 'Update Tags', value: 'updateTags', description: 'Add, remove or replace the tags of a contact', action: 'Update the tags of a contact' },
			{
				name: 'Update Tags By Phone',
				value: 'updateTagsByPhone',
				description: 'Add, remove or replace the tags of the contact with a phone number',
				action: 'Update the tags of a contact by phone',
			},
			{ name: 'Upsert Many', value: 'upsertMany', description: 'Create or update many contacts, 100 per request', action: 'Upsert many contacts' },
		],
	},
	...create.description,
	...get.description,
	...getByPhone.description,
	...getCustomFields.description,
	...getMany.description,
	...search.description,
	...update.description,
	...updateByPhone.description,
	...updateTags.description,
	...updateTagsByPhone.description,
	...upsertMany.description,
];
