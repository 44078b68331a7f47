import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { orderQuery, readPaging, simplifyIfAsked } from '../../helpers/listing';
import { dateRangeQuery, requireUuid } from '../../helpers/validation';
import { apiRequest, apiRequestAllItems } from '../../transport';
import { CREATED_UPDATED_RANGES, dateRangeFilters, MESSAGE_SIMPLE_FIELDS, messageSimplifyProperty, filtersCollection, optionsCollection, orderOptions, returnAllOrLimit, simplifyProperty } from '../listing.descriptions';

/** IncludeDetails values and the session fields they fill. */
const DETAILS: Array<{ name: string; value: string; field: string }> = [
	{ name: 'Agent', value: 'AgentDetails', field: 'agentDetails' },
	{ name: 'Channel', value: 'ChannelDetails', field: 'channelDetails' },
	{ name: 'Channel Type', value: 'ChannelTypeDetails', field: 'channelType' },
	{ name: 'Classification', value: 'ClassificationDetails', field: 'classification' },
	{ name: 'Contact', value: 'ContactDetails', field: 'contactDetails' },
	{ name: 'Department', value: 'DepartmentsDetails', field: 'departmentDetails' },
];

export const includeDetailsOption: INodeProperties = {
	displayName: 'Include Details',
	name: 'includeDetails',
	type: 'multiOptions',
	default: [],
	description: 'Related records to include in each session (kept in the simplified output too)',
	options: DETAILS.map(({ name, value }) => ({ name, value })),
};

/** The session fields Simplify keeps (10 of 35), plus the details asked for with Include Details. */
export const SESSION_SIMPLE_FIELDS = [
	'id',
	'number',
	'status',
	'title',
	'contactId',
	'channelId',
	'departmentId',
	'userId',
	'lastInteractionDate',
	'lastMessageText',
] as const;

export const sessionSimplifyProperty = simplifyProperty(SESSION_SIMPLE_FIELDS, ', and the details chosen under Include Details');

/** Simplify for sessions: the kept fields plus the related records the user asked for. */
export function simplifySessions<T extends IDataObject | IDataObject[]>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	data: T,
	includeDetails: string[],
): T {
	const extra = DETAILS.filter((d) => includeDetails.includes(d.value)).map((d) => d.field);
	return simplifyIfAsked(ctx, itemIndex, data, [...SESSION_SIMPLE_FIELDS, ...extra]);
}


/** Sends a message body into a session: queued (async) or, with Wait for Channel, synchronously (≤25 s). */
export async function sendInSession(
	ctx: IExecuteFunctions,
	itemIndex: number,
	sessionId: string,
	body: IDataObject,
	waitForChannel: boolean,
): Promise<IDataObject> {
	return (await apiRequest.call(
		ctx,
		{
			method: 'POST',
			path: waitForChannel ? '/chat/v1/session/{id}/message/sync' : '/chat/v1/session/{id}/message',
			pathParams: { id: sessionId },
			subject: { noun: 'Session', id: sessionId },
			body,
			timeout: waitForChannel ? 60_000 : undefined,
		},
		itemIndex,
	)) as IDataObject;
}

/** Properties of a paged listing under one session (its messages, its notes). */
export function sessionListingProperties(): INodeProperties[] {
	return [
		...returnAllOrLimit,
		messageSimplifyProperty,
		filtersCollection(dateRangeFilters(CREATED_UPDATED_RANGES)),
		optionsCollection(orderOptions),
	];
}

/** GET <path> for one session with Return All / Limit, date filters, ordering and Simplify. */
export async function listUnderSession(ctx: IExecuteFunctions, itemIndex: number, path: string): Promise<IDataObject[]> {
	const id = requireUuid(ctx, 'sessionId', itemIndex, 'Session ID');
	const paging = readPaging(ctx, itemIndex);
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs = { ...dateRangeQuery(ctx, filters, itemIndex, CREATED_UPDATED_RANGES), ...orderQuery(options) };
	const records = await apiRequestAllItems.call(
		ctx,
		{ method: 'GET', path, pathParams: { id }, subject: { noun: 'Session', id }, qs },
		paging,
		itemIndex,
	);
	return simplifyIfAsked(ctx, itemIndex, records, MESSAGE_SIMPLE_FIELDS);
}

export const noteIdProperty = (description: string): INodeProperties => ({
	displayName: 'Note ID',
	name: 'noteId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b',
	description,
});

/** Adds `options.stopBotInExecution` to a session action body when the user set it. */
export function withStopBot(body: IDataObject, options: IDataObject): IDataObject {
	if (options.stopBotInExecution !== undefined) body.options = { stopBotInExecution: options.stopBotInExecution };
	return body;
}
