// Editor properties shared by several resources' operations (sends, files, memberships, contacts by phone).

import type { INodeProperties } from 'n8n-workflow';

import { defaultCountryCodeOption } from '../helpers/phone';
import { contactLocator } from './locators';
import { optionsCollection } from './listing.descriptions';

export const SESSION_STATUSES = [
	{ name: 'Completed', value: 'COMPLETED' },
	{ name: 'Hidden', value: 'HIDDEN' },
	{ name: 'In Progress', value: 'IN_PROGRESS' },
	{ name: 'Pending', value: 'PENDING' },
	{ name: 'Started', value: 'STARTED' },
];

export const stopBotOption: INodeProperties = {
	displayName: 'Stop Bot in Execution',
	name: 'stopBotInExecution',
	type: 'boolean',
	default: false,
	description: 'Whether to stop an automation chatbot that is running in the session',
};

export const waitForChannelOption: INodeProperties = {
	displayName: 'Wait for Channel',
	name: 'waitForChannel',
	type: 'boolean',
	default: false,
	description:
		'Whether to wait (up to 25 seconds) for the channel to take the message and return the message with its status, instead of returning as soon as it is queued',
};

/** Agent picker for filters and update fields (a dropdown, since resource locators cannot sit in collections). */
export const agentPicker = (what: string): INodeProperties => ({
	displayName: 'Agent Name or ID',
	name: 'agentId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getAgents' },
	default: '',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: what,
});

export const departmentPicker = (what: string): INodeProperties => ({
	displayName: 'Department Name or ID',
	name: 'departmentId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getDepartments' },
	default: '',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: what,
});

const FILE_SOURCES = [
	{ name: 'Binary Data', value: 'binary', description: 'A file in a binary property of the input item' },
	{ name: 'URL', value: 'url', description: 'A public URL that WTS Chat downloads' },
];

/** Where a send's file comes from; `optional` adds a "None" choice (templates without a media header). */
export const fileSourceProperties = (optional: boolean): INodeProperties[] => [
	optional
		? {
				displayName: 'Header File',
				name: 'fileSource',
				type: 'options',
				default: 'none',
				description: 'The media of a template with an image, video or document header',
				options: [{ name: 'None', value: 'none', description: 'The template has no media header' }, ...FILE_SOURCES],
			}
		: {
				displayName: 'File Source',
				name: 'fileSource',
				type: 'options',
				default: 'binary',
				description: 'Where the file comes from',
				options: FILE_SOURCES,
			},
	{
		displayName: 'File URL',
		name: 'fileUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://example.com/invoice.pdf',
		description: 'A public https:// URL of the file (WTS Chat downloads it)',
		displayOptions: { show: { fileSource: ['url'] } },
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'The name of the input binary field containing the file',
		hint: 'The name of the input binary field containing the file to send',
		displayOptions: { show: { fileSource: ['binary'] } },
	},
];

export const replyToOption: INodeProperties = {
	displayName: 'Reply to Message ID',
	name: 'replyTo',
	type: 'string',
	default: '',
	placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b',
	description: 'ID of a message of the session to reply to (quoted in the chat)',
};

/** Metadata as key/value pairs (`metadata.entries[]`); read with readKeyValueEntries (helpers/validation.ts). */
export const keyValueEntries = (o: {
	description: string;
	valueDescription: string;
	placeholder?: string;
}): INodeProperties => ({
	displayName: 'Metadata',
	name: 'metadata',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: o.placeholder ?? 'Add Metadata',
	default: {},
	description: o.description,
	options: [
		{
			displayName: 'Entry',
			name: 'entries',
			values: [
				{ displayName: 'Key', name: 'key', type: 'string', default: '', description: 'Metadata key, e.g. orderId' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '', description: o.valueDescription },
			],
		},
	],
});

/** Values for a template's variables, picked by name (getTemplateParameters); read with readTemplateParameters. */
export const templateParametersProperty: INodeProperties = {
	displayName: 'Template Parameters',
	name: 'templateParameters',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Parameter',
	description: 'Values for the variables of the template, e.g. {{1}}',
	options: [
		{
			displayName: 'Parameter',
			name: 'parameter',
			values: [
				{
					displayName: 'Name or ID',
					name: 'name',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getTemplateParameters', loadOptionsDependsOn: ['templateId.value'] },
					default: '',
					description:
						'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				},
				{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'The text that replaces the variable' },
			],
		},
	],
};

/** Who a send to a contact goes to: a phone number, or a contact picked from the list (its phone is looked up). */
export const recipientProperties = (what: string): INodeProperties[] => [
	{
		displayName: 'Recipient',
		name: 'sendTo',
		type: 'options',
		default: 'phone',
		description: `Who receives the ${what}`,
		options: [
			{ name: 'Contact', value: 'contact', description: 'A contact of WTS Chat, picked from the list (its phone number is used)' },
			{ name: 'Phone Number', value: 'phone', description: 'Any phone number; an unknown number becomes a new contact' },
		],
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. +55 11 99999-0001',
		description: 'The phone number with its country code; a number with area code only (11 99999-0001) is taken as Brazilian (+55)',
		displayOptions: { show: { sendTo: ['phone'] } },
	},
	{ ...contactLocator({ description: `The contact who receives the ${what}` }), displayOptions: { show: { sendTo: ['contact'] } } },
];

/** The ID of a message (messages are listed per session, so no account-wide picker exists). */
export const messageIdProperty = (description: string): INodeProperties => ({
	displayName: 'Message ID',
	name: 'messageId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b',
	description,
});

/** How a membership list (an agent's departments, a department's agents) changes: the API's `action`. */
export const membershipActionProperty = (what: string): INodeProperties => ({
	displayName: 'Action',
	name: 'membershipAction',
	type: 'options',
	default: 'Upsert',
	description: `How the ${what} below change the current ones`,
	options: [
		{ name: 'Add or Update', value: 'Upsert', description: `Add these ${what} and update the roles of those already there; keep the others` },
		{ name: 'Remove', value: 'Remove', description: `Remove these ${what}; keep the others` },
		{ name: 'Replace All', value: 'ReplaceAll', description: `Make these ${what} the only ones` },
	],
});

/** The role switches of one membership entry (`isAgent`, `isSupervisor`). */
export const membershipRoleFields: INodeProperties[] = [
	{
		displayName: 'Is Agent',
		name: 'isAgent',
		type: 'boolean',
		default: true,
		description: 'Whether the agent attends the department’s sessions',
	},
	{
		displayName: 'Is Supervisor',
		name: 'isSupervisor',
		type: 'boolean',
		default: false,
		description: 'Whether the agent supervises the department',
	},
];

/** The entries of a membership change: a picker (department or agent) and the role switches of each. */
export const membershipsProperty = (what: string, picker: INodeProperties): INodeProperties => ({
	displayName: what.charAt(0).toUpperCase() + what.slice(1),
	name: 'members',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: `Add ${what.replace(/s$/, '').replace(/^./, (c) => c.toUpperCase())}`,
	default: {},
	description: `The ${what} the action applies to, with the roles to give`,
	options: [{ displayName: 'Entry', name: 'entries', values: [{ ...picker, hint: undefined }, ...membershipRoleFields] }],
});

/** A required phone number as people write it (read with helpers/phone.ts readPhone: Default Country Code option). */
export const phoneParameter = (description: string): INodeProperties => ({
	displayName: 'Phone Number',
	name: 'phoneNumber',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. +55 11 99999-9999',
	description,
	hint: 'With or without the country code: +55 11 99999-9999, 5511999999999 or (11) 99999-9999 (Default Country Code, under Options)',
});

/**
 * "Contact By" (a contact picked from the list or given by its ID, or a phone number) and the Options with the
 * Default Country Code, for the membership endpoints that take `contactId` or `phoneNumber` (read with
 * helpers/contactRef.ts). `purpose` ends the descriptions ("the contact to add to the sequence"); `contact`
 * replaces the picker's description (e.g. how a batch groups its items); `phoneOption` describes the Phone Number
 * choice (e.g. what a batch add does with an unknown number).
 */
export function contactByProperties(o: { purpose: string; contact?: string; phoneOption?: string }): INodeProperties[] {
	return [
		{
			displayName: 'Contact By',
			name: 'contactBy',
			type: 'options',
			default: 'contact',
			description: `How the contact ${o.purpose} is given`,
			options: [
				{ name: 'Contact', value: 'contact', description: 'A contact picked from the list or given by its ID' },
				{ name: 'Phone Number', value: 'phoneNumber', description: o.phoneOption ?? 'The contact’s phone number' },
			],
		},
		{ ...contactLocator({ description: o.contact ?? `The contact ${o.purpose}` }), displayOptions: { show: { contactBy: ['contact'] } } },
		{ ...phoneParameter(`The phone number of the contact ${o.purpose}`), displayOptions: { show: { contactBy: ['phoneNumber'] } } },
		optionsCollection([defaultCountryCodeOption]),
	];
}
