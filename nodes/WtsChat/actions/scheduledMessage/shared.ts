import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyIfAsked } from '../../helpers/listing';
import { simplifyProperty } from '../listing.descriptions';

/** IncludeDetails values and the scheduled-message fields they fill. */
const DETAILS: Array<{ value: string; field: string }> = [
	{ value: 'Channel', field: 'channel' },
	{ value: 'Chatbot', field: 'chatbot' },
	{ value: 'Contact', field: 'contact' },
	{ value: 'Department', field: 'department' },
	{ value: 'Template', field: 'template' },
	{ value: 'User', field: 'user' },
];

export const includeDetailsOption: INodeProperties = {
	displayName: 'Include Details',
	name: 'includeDetails',
	type: 'multiOptions',
	default: [],
	description: 'Related records to include in each scheduled message (kept in the simplified output too)',
	options: DETAILS.map(({ value }) => ({ name: value === 'User' ? 'Agent' : value, value })),
};

/** The scheduled-message fields Simplify keeps (10 of 24). */
const SIMPLE_FIELDS = [
	'id',
	'status',
	'type',
	'scheduling',
	'contactId',
	'channelId',
	'templateId',
	'botId',
	'departmentId',
	'failureReason',
] as const;

export const scheduledSimplifyProperty = simplifyProperty(SIMPLE_FIELDS, ', and the details chosen under Include Details');

export function simplifyScheduled<T extends IDataObject | IDataObject[]>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	data: T,
	includeDetails: string[],
): T {
	const extra = DETAILS.filter((d) => includeDetails.includes(d.value)).map((d) => d.field);
	return simplifyIfAsked(ctx, itemIndex, data, [...SIMPLE_FIELDS, ...extra]);
}

export const SCHEDULED_STATUSES = [
	{ name: 'Canceled', value: 'CANCELED' },
	{ name: 'Delivered', value: 'DELIVERED' },
	{ name: 'Failed', value: 'FAILED' },
	{ name: 'Processed', value: 'PROCESSED' },
	{ name: 'Read', value: 'READ' },
	{ name: 'Scheduled', value: 'SCHEDULED' },
	{ name: 'Sent', value: 'SENT' },
];

export const SCHEDULED_TYPES = [
	{ name: 'Chatbot', value: 'CHATBOT' },
	{ name: 'Template', value: 'TEMPLATE' },
];

export const botKeyProperty = (required: boolean): INodeProperties => ({
	displayName: 'Chatbot Key',
	name: 'botKey',
	type: 'string',
	default: '',
	required,
	placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b',
	description: 'Key of the chatbot to start (the chatbot’s key, as Chatbot → Get Many shows it, not its ID)',
});

export const hiddenSessionOption: INodeProperties = {
	displayName: 'Hidden Session',
	name: 'hiddenSession',
	type: 'boolean',
	default: false,
	description: 'Whether to hide the session the message opens from the agents until the contact replies',
};
