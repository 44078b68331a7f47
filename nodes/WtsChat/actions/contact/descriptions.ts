// The editor properties of the Contact operations; their values are read by bodies.ts.

import type { INodeProperties } from 'n8n-workflow';

import { keyValueEntries } from '../common.descriptions';
import { simplifyProperty, sortedByName } from '../listing.descriptions';
import { CONTACT_SIMPLE_FIELDS, CONTACT_STATUSES, IF_EXISTS, INCLUDE_DETAILS, TAG_OPERATIONS, UPSERT_MASK_FIELDS, UPSERT_TAG_OPERATIONS, UTM_FIELDS } from './fields';

export const includeDetailsOption: INodeProperties = {
	displayName: 'Include Details',
	name: 'includeDetails',
	type: 'multiOptions',
	default: [],
	description: 'Related data to fill in each contact (tags, custom field values, portfolios); without it those fields are empty',
	options: INCLUDE_DETAILS,
};

export const contactSimplifyProperty = simplifyProperty(CONTACT_SIMPLE_FIELDS);

export const tagIdsField: INodeProperties = {
	displayName: 'Tag Names or IDs',
	name: 'tagIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getTags' },
	default: [],
	description:
		'Tags of the account. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const tagNamesField: INodeProperties = {
	displayName: 'Tag Names (Text)',
	name: 'tagNames',
	type: 'string',
	default: '',
	placeholder: 'e.g. vip, newsletter',
	description: 'Comma-separated tag names, for tags given by name (WTS Chat creates a tag that does not exist yet)',
};

export const portfolioIdsField: INodeProperties = {
	displayName: 'Portfolio Names or IDs',
	name: 'portfolioIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getPortfolios' },
	default: [],
	description:
		'Portfolios (carteiras) of the account. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const portfolioNamesField: INodeProperties = {
	displayName: 'Portfolio Names (Text)',
	name: 'portfolioNames',
	type: 'string',
	default: '',
	placeholder: 'e.g. São Paulo portfolio, VIP customers',
	description: 'Comma-separated portfolio names, for portfolios given by name',
};

export const customFieldsField: INodeProperties = {
	displayName: 'Custom Fields',
	name: 'customFields',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Custom Field',
	default: {},
	description: 'Values of the contact custom fields of the account, sent by their key',
	options: [
		{
			displayName: 'Field',
			name: 'fields',
			values: [
				{
					displayName: 'Field Name or ID',
					name: 'key',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getContactCustomFields' },
					default: '',
					description:
						'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					hint: 'The custom field; by expression, give its key (as listed by Contact → Get Custom Fields)',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					description:
						"The value, checked against the field's type: a number, true/false, a date (2026-01-31), a date and time, a time (18:30), an option's name, or comma-separated option names for a multi-select. To empty a field, list it under Custom Fields to Clear (Update).",
				},
			],
		},
	],
};

/** Metadata of a contact write (the shared key/value entries). */
export const metadataField = (description: string): INodeProperties =>
	keyValueEntries({ description, valueDescription: 'The value to store under the key', placeholder: 'Add Metadata' });

/** Name, e-mail and the other plain contact fields that may be set by create, upsert and update. */
export const contactTextFields: INodeProperties[] = [
	{ displayName: 'Annotation', name: 'annotation', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'Internal notes of the team about the contact' },
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'e.g. name@email.com', default: '', description: 'E-mail address of the contact' },
	{ displayName: 'Instagram', name: 'instagram', type: 'string', default: '', placeholder: 'e.g. @lojaexemplo', description: 'Instagram user name of the contact' },
];

export const sequenceIdsField: INodeProperties = {
	displayName: 'Sequence IDs',
	name: 'sequenceIds',
	type: 'string',
	default: '',
	placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b',
	description: 'Comma-separated IDs of message sequences to add the contact to',
};

/** The fields of a new contact besides name and phone (Create and Upsert Many). */
export const createFieldsCollection: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	description: 'More data of the contact; only the fields added here are sent',
	options: sortedByName([
		...contactTextFields,
		customFieldsField,
		metadataField('Keys and values to store on the contact'),
		{ ...portfolioIdsField, description: `Portfolios to put the contact in. ${portfolioIdsField.description}` },
		portfolioNamesField,
		sequenceIdsField,
		{ ...tagIdsField, description: `Tags of the contact. ${tagIdsField.description}` },
		tagNamesField,
	]),
};

/**
 * "If the Contact Exists" and the upsert settings (PublicReqCreateContactOptionsDTO). `operations` are the operations
 * they show on; Upsert Many always updates an existing contact, so it offers only "Return It Unchanged" and "Update It".
 */
export function ifExistsProperties(operations: string[], batch = false): INodeProperties[] {
	return [
		batch
			? {
					displayName: 'If the Contact Exists',
					name: 'ifExists',
					type: 'options',
					default: 'update',
					description: 'What to do when a contact with this phone number, e-mail or Instagram exists already',
					options: IF_EXISTS.slice(1),
					displayOptions: { show: { operation: operations } },
				}
			: {
					displayName: 'If the Contact Exists',
					name: 'ifExists',
					type: 'options',
					default: 'default',
					description: 'What to do when a contact with this phone number, e-mail or Instagram exists already',
					options: IF_EXISTS,
					displayOptions: { show: { operation: operations } },
				},
		{
			displayName: 'Fields to Update',
			name: 'upsertFields',
			type: 'multiOptions',
			default: [],
			description:
				'Which fields of an existing contact may change; none chosen means exactly the fields each item gives (the others are kept). A field chosen here that the item does not give is emptied.',
			options: UPSERT_MASK_FIELDS,
			displayOptions: { show: { operation: operations, ifExists: ['update'] } },
		},
		{
			displayName: 'Tag Operation',
			name: 'upsertTagOperation',
			type: 'options',
			default: 'INSERTIFNOTEXISTS',
			description: 'How the tags given here change the tags of an existing contact: added by default; Replace removes the others',
			options: UPSERT_TAG_OPERATIONS,
			displayOptions: { show: { operation: operations, ifExists: ['update'] } },
		},
	];
}

/** The properties of Update and Update by Phone after the contact itself. */
export function updateProperties(operation: string): INodeProperties[] {
	const show = { operation: [operation] };
	return [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Only the fields added here are changed (sent with the fields mask); everything else is left as it is',
			displayOptions: { show },
			options: sortedByName([
				...contactTextFields,
				customFieldsField,
				{
					displayName: 'Custom Fields to Clear Names or IDs',
					name: 'clearCustomFields',
					type: 'multiOptions',
					typeOptions: { loadOptionsMethod: 'getContactCustomFields' },
					default: [],
					description:
						'Contact custom fields to empty (sent as null). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				metadataField('Keys to add or change in the contact metadata; other keys are kept'),
				{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Name of the contact (an empty text is a real value)' },
				{
					displayName: 'Phone Number',
					name: 'phoneNumber',
					type: 'string',
					default: '',
					placeholder: 'e.g. +55 11 99999-9999',
					description: 'New WhatsApp number of the contact',
				},
				{ displayName: 'Picture URL', name: 'pictureUrl', type: 'string', default: '', placeholder: 'e.g. https://example.com/photo.jpg', description: 'URL of the picture of the contact' },
				{
					...portfolioIdsField,
					description: `The portfolios the contact is in from now on (replaces its current ones). ${portfolioIdsField.description}`,
				},
				{ ...portfolioNamesField, description: 'Comma-separated portfolio names; the contact is in exactly these from now on' },
				{
					displayName: 'Remove Metadata Keys',
					name: 'removeMetadataKeys',
					type: 'string',
					default: '',
					placeholder: 'e.g. coupon, oldCode',
					description: 'Comma-separated metadata keys to delete from the contact',
				},
				sequenceIdsField,
				{ displayName: 'Status', name: 'status', type: 'options', options: CONTACT_STATUSES, default: 'ACTIVE', description: 'The new status of the contact' },
				{ ...tagIdsField, description: `Tags to add, remove or set (Tag Operation under Options). ${tagIdsField.description}` },
				tagNamesField,
				{
					displayName: 'UTM',
					name: 'utm',
					type: 'fixedCollection',
					default: {},
					placeholder: 'Add UTM',
					description: 'The campaign data of the contact: the values given change, the others are kept (the node reads them first, as WTS Chat replaces the whole UTM)',
					options: [
						{
							displayName: 'Values',
							name: 'values',
							values: UTM_FIELDS.map(([displayName, name]) => ({
								displayName,
								name,
								type: 'string' as const,
								default: '',
								description: `UTM ${displayName.toLowerCase()}`,
							})),
						},
					],
				},
			]),
		},
		{
			displayName: 'Fields to Clear',
			name: 'clearFields',
			type: 'multiOptions',
			default: [],
			description: 'Fields to empty on the contact',
			displayOptions: { show },
			options: [
				{ name: 'Annotation', value: 'Annotation' },
				{ name: 'Email', value: 'Email' },
				{ name: 'Instagram', value: 'Instagram' },
				{ name: 'Name', value: 'Name' },
				{ name: 'Picture URL', value: 'PictureUrl' },
				{ name: 'Portfolios', value: 'Portfolio', description: 'Takes the contact out of every portfolio' },
				{ name: 'Tags', value: 'Tags', description: 'Removes every tag of the contact' },
				{ name: 'UTM', value: 'Utm' },
			],
		},
	];
}

export const tagsOperationOption: INodeProperties = {
	displayName: 'Tag Operation',
	name: 'tagsOperation',
	type: 'options',
	default: 'InsertIfNotExists',
	description: 'How the tags under Update Fields change the tags of the contact',
	options: TAG_OPERATIONS,
};

export const tagChangeProperties: INodeProperties[] = [
	{
		displayName: 'Tag Operation',
		name: 'tagOperation',
		type: 'options',
		default: 'InsertIfNotExists',
		description: 'How the tags given here change the tags of the contact',
		options: TAG_OPERATIONS,
	},
	{ ...tagIdsField, description: `The tags to add, remove or set. ${tagIdsField.description}` },
	{ ...tagNamesField, description: 'Comma-separated tag names, for tags given by name instead of from the list' },
];
