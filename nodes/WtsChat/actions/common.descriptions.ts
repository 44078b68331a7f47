import type { INodeProperties } from 'n8n-workflow';

import { defaultCountryCodeOption } from '../helpers/phone';
import { UUID_PATTERN } from '../helpers/validation';
import { LONGEST_WINDOW_SECONDS } from '../transport/pacing';

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

export const contactLocator = (o: Partial<LocatorOptions> = {}): INodeProperties =>
	idLocator({ name: 'contactId', displayName: 'Contact', searchListMethod: 'searchContacts', noun: 'contact', ...o });

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

/**
 * The agent as the Agent resource's own endpoints (`/core/v1/agent/{id}`) take it: the agent record ID
 * (`PublicAgentDTO.id`), not the user ID that sessions, transfers and department members reference.
 */
export const agentRecordLocator = (description: string): INodeProperties =>
	agentLocator({
		searchListMethod: 'searchAgentRecords',
		description: `${description}. By ID takes the agent's ID (the id field of Agent → Get Many), not its user ID.`,
	});

export const sequenceLocator = (description: string): INodeProperties =>
	idLocator({ name: 'sequenceId', displayName: 'Sequence', searchListMethod: 'searchSequences', noun: 'sequence', description });

export const channelLocator = (o: Partial<LocatorOptions> = {}): INodeProperties =>
	idLocator({ name: 'channelId', displayName: 'Channel', searchListMethod: 'searchChannels', noun: 'channel', ...o });

export const templateLocator = (o: Partial<LocatorOptions> = {}): INodeProperties =>
	idLocator({ name: 'templateId', displayName: 'Template', searchListMethod: 'searchTemplates', noun: 'template', ...o });

export const panelLocator = (o: Partial<LocatorOptions> = {}): INodeProperties =>
	idLocator({ name: 'panelId', displayName: 'Panel', searchListMethod: 'searchPanels', noun: 'panel', ...o });

/** A CRM card; the search looks in the panel chosen in the node (if any), else in every panel. */
export const cardLocator = (o: Partial<LocatorOptions> = {}): INodeProperties =>
	idLocator({ name: 'cardId', displayName: 'Card', searchListMethod: 'searchCards', noun: 'card', ...o });
export const subscriptionLocator = (description: string): INodeProperties =>
	idLocator({
		name: 'subscriptionId',
		displayName: 'Subscription',
		searchListMethod: 'searchWebhookSubscriptions',
		noun: 'subscription',
		description,
	});

export const tagLocator = (o: Partial<LocatorOptions> = {}): INodeProperties =>
	idLocator({ name: 'tagId', displayName: 'Tag', searchListMethod: 'searchTags', noun: 'tag', ...o });

export const portfolioLocator = (o: Partial<LocatorOptions> = {}): INodeProperties =>
	idLocator({ name: 'portfolioId', displayName: 'Portfolio', searchListMethod: 'searchPortfolios', noun: 'portfolio', ...o });

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

/**
 * How long an item may wait when WTS Chat still answers 429 (read by the transport for every request as
 * `options.maxWaitOnRateLimit`). The node already spaces its requests to the documented limits; a 429 comes only
 * when other clients use the same account.
 */
export const maxWaitOnRateLimitOption: INodeProperties = {
	displayName: 'Max Wait on Rate Limit',
	name: 'maxWaitOnRateLimit',
	type: 'number',
	default: LONGEST_WINDOW_SECONDS,
	typeOptions: { minValue: 0, numberPrecision: 0 },
	description:
		"Seconds an item may wait in total when WTS Chat answers 429 (rate limit reached, e.g. because other clients use the same account) before it fails. The node already spaces its requests to the account's documented limits; the default is the longest of them (5 minutes).",
};

/** The "Options" collection every operation puts its optional settings in; Max Wait on Rate Limit is always one. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'Optional settings of this operation',
		options: sortedByName([...options, maxWaitOnRateLimitOption]),
	};
}

/** The "Filters" collection of a listing, in alphabetical order. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Only records that match every filter added here are returned',
		options: sortedByName(options),
	};
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

/** A date range filter: `<key>After` / `<key>Before` in the node, `<api>.After` / `<api>.Before` in the query. */
export interface DateRange {
	key: string;
	api: string;
	label: string;
}

/** The CreatedAt / UpdatedAt range filters every paged WTS listing has. */
export const CREATED_UPDATED_RANGES: DateRange[] = [
	{ key: 'createdAt', api: 'CreatedAt', label: 'Created At' },
	{ key: 'updatedAt', api: 'UpdatedAt', label: 'Updated At' },
];

export const TIME_ZONE_HINT = "Without a time zone the date is read in the workflow's time zone (workflow settings)";

/** Date-range filters of a listing; names follow the API's `X.After` / `X.Before`. */
export function dateRangeFilters(ranges: DateRange[]): INodeProperties[] {
	return ranges.flatMap(({ key, label }) => [
		{
			displayName: `${label} After`,
			name: `${key}After`,
			type: 'dateTime' as const,
			default: '',
			description: `Only records whose ${label.toLowerCase()} is after this moment`,
			hint: TIME_ZONE_HINT,
		},
		{
			displayName: `${label} Before`,
			name: `${key}Before`,
			type: 'dateTime' as const,
			default: '',
			description: `Only records whose ${label.toLowerCase()} is before this moment`,
			hint: TIME_ZONE_HINT,
		},
	]);
}

/** Order By / Order Direction of a paged listing. */
export const orderOptions: INodeProperties[] = [
	{
		displayName: 'Order By',
		name: 'orderBy',
		type: 'string',
		default: '',
		placeholder: 'e.g. createdAt',
		description: 'Name of the field to sort by. Leave empty for the default order.',
	},
	{
		displayName: 'Order Direction',
		name: 'orderDirection',
		type: 'options',
		default: 'ASCENDING',
		description: 'Sort direction, used with Order By',
		options: [
			{ name: 'Ascending', value: 'ASCENDING' },
			{ name: 'Descending', value: 'DESCENDING' },
		],
	},
];

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
		description: 'A public http(s) URL of the file',
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

/**
 * n8n's Simplify toggle for reads of records with many fields (n8n UX guideline: more than 10 fields). `kept`
 * lists the fields the simplified output keeps, shown in the hint.
 */
export const simplifyProperty = (kept: readonly string[], extra = ''): INodeProperties => ({
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
	hint: `Simplified output keeps ${kept.join(', ')}${extra}`,
});

/** Options of a collection in alphabetical order of their display names (n8n lists them as given). */
export function sortedByName(options: INodeProperties[]): INodeProperties[] {
	return [...options].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

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

/** Return All / Limit, Created At / Updated At filters and Order By / Direction: a plain dated listing (read with listWithDateFilters). */
export const datedListingProperties = (): INodeProperties[] => [
	...returnAllOrLimit,
	filtersCollection(dateRangeFilters(CREATED_UPDATED_RANGES)),
	optionsCollection(orderOptions),
];

/** The message (and note) fields Simplify keeps (10 of 19). */
export const MESSAGE_SIMPLE_FIELDS = [
	'id',
	'createdAt',
	'sessionId',
	'direction',
	'type',
	'status',
	'text',
	'fileId',
	'userId',
	'failedReason',
] as const;

export const messageSimplifyProperty = simplifyProperty(MESSAGE_SIMPLE_FIELDS);

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

/** The channel a send goes out through (the send's `from`). */
export const sendChannelLocator = (what: string): INodeProperties =>
	channelLocator({ description: `The channel (WhatsApp number or Instagram account) the ${what} goes out through` });

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

export const scheduledMessageLocator = (description: string): INodeProperties =>
	idLocator({
		name: 'scheduledMessageId',
		displayName: 'Scheduled Message',
		searchListMethod: 'searchScheduledMessages',
		noun: 'scheduled message',
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
