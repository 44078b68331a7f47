import type { INodeProperties } from 'n8n-workflow';

import { UUID_PATTERN } from '../helpers/validation';

interface LocatorOptions {
	name: string;
	displayName: string;
	/** Name of the list search method in methods/listSearch.ts. */
	searchListMethod: string;
	/** Noun used in messages, e.g. "session". */
	noun: string;
	required?: boolean;
	description?: string;
}

/** A resource locator with "From list" (searchable) and "By ID" (UUID-validated) modes. */
export function idLocator(o: LocatorOptions): INodeProperties {
	const required = o.required ?? true;
	// An optional locator left empty in "By ID" mode must not count as invalid (n8n refuses to publish the workflow).
	const regex = required ? UUID_PATTERN : `^$|${UUID_PATTERN}`;
	return {
		displayName: o.displayName,
		name: o.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required,
		description: o.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${o.noun}...`,
				typeOptions: { searchListMethod: o.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b',
				validation: [
					{
						type: 'regex',
						properties: { regex, errorMessage: `Not a valid ${o.noun} ID (a UUID is expected)` },
					},
				],
			},
		],
	};
}

export const sessionLocator = (description = 'The session (conversation) to act on'): INodeProperties =>
	idLocator({ name: 'sessionId', displayName: 'Session', searchListMethod: 'searchSessions', noun: 'session', description });

export const departmentLocator = (o: Partial<LocatorOptions> = {}): INodeProperties =>
	idLocator({
		name: 'departmentId',
		displayName: 'Department',
		searchListMethod: 'searchDepartments',
		noun: 'department',
		...o,
	});

export const agentLocator = (o: Partial<LocatorOptions> = {}): INodeProperties =>
	idLocator({ name: 'agentId', displayName: 'Agent', searchListMethod: 'searchAgents', noun: 'agent', ...o });

export const channelLocator = (o: Partial<LocatorOptions> = {}): INodeProperties =>
	idLocator({ name: 'channelId', displayName: 'Channel', searchListMethod: 'searchChannels', noun: 'channel', ...o });

export const templateLocator = (o: Partial<LocatorOptions> = {}): INodeProperties =>
	idLocator({ name: 'templateId', displayName: 'Template', searchListMethod: 'searchTemplates', noun: 'template', ...o });

/** Return All + Limit, as n8n's built-in nodes have them. */
export const returnAllOrLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		default: 50,
		typeOptions: { minValue: 1 },
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

export const SESSION_STATUSES = [
	{ name: 'Completed', value: 'COMPLETED' },
	{ name: 'Hidden', value: 'HIDDEN' },
	{ name: 'In Progress', value: 'IN_PROGRESS' },
	{ name: 'Pending', value: 'PENDING' },
	{ name: 'Started', value: 'STARTED' },
];

export const stopBotOption: INodeProperties = {
	displayName: 'Stop Bot In Execution',
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

/** The "Options" collection every operation puts its optional settings in. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options };
}

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
