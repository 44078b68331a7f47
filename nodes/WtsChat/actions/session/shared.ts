import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readBinary } from '../../helpers/binary';
import { dateRangeQuery, readLimit, requireHttpUrl, requireUuid } from '../../helpers/validation';
import { apiRequest, apiRequestAllItems, uploadFile } from '../../transport';
import { optionsCollection, returnAllOrLimit } from '../common.descriptions';

export const includeDetailsOption: INodeProperties = {
	displayName: 'Include Details',
	name: 'includeDetails',
	type: 'multiOptions',
	default: [],
	description: 'Related records to include in each session',
	options: [
		{ name: 'Agent', value: 'AgentDetails' },
		{ name: 'Channel', value: 'ChannelDetails' },
		{ name: 'Channel Type', value: 'ChannelTypeDetails' },
		{ name: 'Classification', value: 'ClassificationDetails' },
		{ name: 'Contact', value: 'ContactDetails' },
		{ name: 'Department', value: 'DepartmentsDetails' },
	],
};

/** Date-range filters shared by session and message listings; names follow the API's `X.After`/`X.Before`. */
export function dateRangeFilters(ranges: Array<{ key: string; label: string }>): INodeProperties[] {
	return ranges.flatMap(({ key, label }) => [
		{
			displayName: `${label} After`,
			name: `${key}After`,
			type: 'dateTime' as const,
			default: '',
			description: `Only records whose ${label.toLowerCase()} is after this moment`,
		},
		{
			displayName: `${label} Before`,
			name: `${key}Before`,
			type: 'dateTime' as const,
			default: '',
			description: `Only records whose ${label.toLowerCase()} is before this moment`,
		},
	]);
}

export const orderOptions: INodeProperties[] = [
	{
		displayName: 'Order By',
		name: 'orderBy',
		type: 'string',
		default: '',
		placeholder: 'e.g. createdAt',
		description: 'Name of the field to sort by',
	},
	{
		displayName: 'Order Direction',
		name: 'orderDirection',
		type: 'options',
		default: 'ASCENDING',
		options: [
			{ name: 'Ascending', value: 'ASCENDING' },
			{ name: 'Descending', value: 'DESCENDING' },
		],
	},
];

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
			body,
			timeout: waitForChannel ? 60_000 : undefined,
		},
		itemIndex,
	)) as IDataObject;
}

/** The file of a send: a public URL, or an input binary property uploaded to WTS Chat first. */
export async function resolveFile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	source: string,
	urlParameter: string,
	binaryParameter: string,
): Promise<{ fileUrl?: string; fileId?: string }> {
	if (source === 'url') {
		return { fileUrl: requireHttpUrl(ctx, ctx.getNodeParameter(urlParameter, itemIndex, ''), itemIndex, 'File URL') };
	}
	const file = await readBinary(ctx, itemIndex, ctx.getNodeParameter(binaryParameter, itemIndex, 'data') as string);
	const saved = await uploadFile.call(ctx, file, itemIndex);
	return { fileId: saved.id as string };
}

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
				options: FILE_SOURCES,
			},
	{
		displayName: 'File URL',
		name: 'fileUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://example.com/invoice.pdf',
		displayOptions: { show: { fileSource: ['url'] } },
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the file to send',
		displayOptions: { show: { fileSource: ['binary'] } },
	},
];

export const replyToOption: INodeProperties = {
	displayName: 'Reply To Message ID',
	name: 'replyTo',
	type: 'string',
	default: '',
	placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b',
	description: 'ID of a message of the session to reply to (quoted in the chat)',
};

/** The CreatedAt / UpdatedAt range filters every paged WTS listing has. */
export const CREATED_UPDATED_RANGES = [
	{ key: 'createdAt', api: 'CreatedAt', label: 'Created At' },
	{ key: 'updatedAt', api: 'UpdatedAt', label: 'Updated At' },
];

/** Properties of a paged listing under one session (its messages, its notes). */
export function sessionListingProperties(): INodeProperties[] {
	return [
		...returnAllOrLimit,
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: dateRangeFilters(CREATED_UPDATED_RANGES),
		},
		optionsCollection(orderOptions),
	];
}

/** GET <path> for one session with Return All / Limit, date filters and ordering. */
export async function listUnderSession(ctx: IExecuteFunctions, itemIndex: number, path: string): Promise<IDataObject[]> {
	const id = requireUuid(ctx, 'sessionId', itemIndex, 'Session ID');
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : readLimit(ctx, itemIndex);
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs = {
		...dateRangeQuery(ctx, filters, itemIndex, CREATED_UPDATED_RANGES),
		OrderBy: (options.orderBy as string) || undefined,
		OrderDirection: options.orderBy ? (options.orderDirection as string) : undefined,
	};
	return await apiRequestAllItems.call(ctx, { method: 'GET', path, pathParams: { id }, qs }, { returnAll, limit }, itemIndex);
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
