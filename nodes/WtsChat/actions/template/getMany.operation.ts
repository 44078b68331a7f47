import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listWithDateFilters, simplifyIfAsked } from '../../helpers/listing';
import { optionalText } from '../../helpers/utils';
import { assertOneOf, assertUuid } from '../../helpers/validation';
import { CREATED_UPDATED_RANGES, dateRangeFilters, filtersCollection, optionsCollection, orderOptions, returnAllOrLimit, simplifyProperty } from '../listing.descriptions';
import { defineOperation } from '../operation';

const TEMPLATE_TYPES = [
	{ name: 'Attendance', value: 'ATTENDANCE' },
	{ name: 'Authentication', value: 'AUTHENTICATION' },
	{ name: 'Campaign', value: 'CAMPAIGN' },
	{ name: 'Quick Reply', value: 'QUICKREPLY' },
	{ name: 'Scheduled Message', value: 'SCHEDULEDMESSAGE' },
	{ name: 'Sequence', value: 'SEQUENCE' },
];

/** The template fields Simplify keeps (10 of 19). */
const TEMPLATE_SIMPLE_FIELDS = ['id', 'name', 'status', 'channelId', 'text', 'params', 'type', 'fileType', 'categoryName', 'archived'] as const;

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	simplifyProperty(TEMPLATE_SIMPLE_FIELDS),
	filtersCollection([
		{
			displayName: 'Approved Only',
			name: 'approvedOnly',
			type: 'boolean',
			default: true,
			description: 'Whether to return only templates approved by the channel (the only ones that can be sent)',
		},
		{
			displayName: 'Archived',
			name: 'archived',
			type: 'boolean',
			default: false,
			description: 'Whether to return archived templates instead of active ones',
		},
		{
			displayName: 'Channel Name or ID',
			name: 'channelId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getChannels' },
			default: '',
			description: 'Only templates of this channel. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'e.g. order',
			description: 'Only templates whose name contains this text',
		},
		{
			displayName: 'Searchable Text',
			name: 'searchableText',
			type: 'string',
			default: '',
			placeholder: 'e.g. delivery',
			description: 'Only templates whose name or text contains this text',
		},
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			default: 'ATTENDANCE',
			description: 'Only templates of this use',
			options: TEMPLATE_TYPES,
		},
		...dateRangeFilters(CREATED_UPDATED_RANGES),
	]),
	optionsCollection([
		{
			displayName: 'Include Details',
			name: 'includeDetails',
			type: 'multiOptions',
			default: [],
			description: 'Related data to include in each template (Params lists its variables)',
			options: [
				{ name: 'All', value: 'All' },
				{ name: 'File', value: 'File' },
				{ name: 'Interactive', value: 'Interactive' },
				{ name: 'Params', value: 'Params' },
			],
		},
		...orderOptions,
	]),
];

/** GET /chat/v1/template with every documented filter, Return All / Limit, Simplify. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const qs = {
		ChannelId: filters.channelId ? assertUuid(this, filters.channelId, i, 'Channel ID') : undefined,
		Name: optionalText(filters.name),
		SearchableText: optionalText(filters.searchableText),
		ApprovedOnly: typeof filters.approvedOnly === 'boolean' ? filters.approvedOnly : undefined,
		Archived: typeof filters.archived === 'boolean' ? filters.archived : undefined,
		Type: filters.type ? assertOneOf(this, filters.type, TEMPLATE_TYPES, i, 'Type') : undefined,
		IncludeDetails: (options.includeDetails as string[] | undefined) ?? [],
	};
	const records = await listWithDateFilters(this, i, { method: 'GET', path: '/chat/v1/template', qs }, CREATED_UPDATED_RANGES);
	return simplifyIfAsked(this, i, records, TEMPLATE_SIMPLE_FIELDS);
}

export const operation = defineOperation({
	resource: 'template',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many templates',
	description: 'List message templates, e.g. those of one channel',
	summary: 'Message templates; filters: channel, name, searchable text, approved only, archived, type, created / updated ranges; include details (params, file, interactive); order; Return All / Limit; **Simplify** (keeps `id, name, status, channelId, text, params, type, fileType, categoryName, archived`)',
	endpoint: '`GET /chat/v1/template`',
	properties,
	execute,
});
