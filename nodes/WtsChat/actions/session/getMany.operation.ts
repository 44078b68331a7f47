import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { listWithDateFilters } from '../../helpers/listing';
import { splitList } from '../../helpers/utils';
import { assertUuid, readKeyValueEntries, uuidList } from '../../helpers/validation';
import type { Query } from '../../transport';
import { agentPicker, departmentPicker, keyValueEntries, SESSION_STATUSES } from '../common.descriptions';
import { CREATED_UPDATED_RANGES, dateRangeFilters, filtersCollection, optionsCollection, orderOptions, returnAllOrLimit } from '../listing.descriptions';
import { includeDetailsOption, sessionSimplifyProperty, simplifySessions } from './shared';
import { contactLocator } from '../locators';
import { defineOperation } from '../operation';

const RANGES = [
	...CREATED_UPDATED_RANGES,
	{ key: 'activeAt', api: 'ActiveAt', label: 'Active At' },
	{ key: 'endAt', api: 'EndAt', label: 'End At' },
	{ key: 'lastInteractionAt', api: 'LastInteractionAt', label: 'Last Interaction At' },
];

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	sessionSimplifyProperty,
	filtersCollection([
			agentPicker('Only sessions assigned to this agent'),
			{
				displayName: 'Channel Names or IDs',
				name: 'channelIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getChannels' },
				default: [],
				description:
					'Only sessions on these channels. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			contactLocator({ required: false, description: 'Only sessions of this contact' }),
			departmentPicker('Only sessions of this department'),
			...dateRangeFilters(RANGES),
			keyValueEntries({
				placeholder: 'Add Metadata Filter',
				description:
					'Only sessions whose metadata has these values (exact, case-sensitive; all of them must match). Sent as Metadata[key]=value.',
				valueDescription: 'The value the key must have',
			}),
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				options: SESSION_STATUSES,
				default: [],
				description: 'Only sessions in one of these statuses',
			},
			{
				displayName: 'Tag Names (Text)',
				name: 'tagNames',
				type: 'string',
				default: '',
				placeholder: 'e.g. vip, urgent',
				description:
					'Comma-separated tag names, typed; only sessions whose contact has one of these tags. To pick tags from a list use Tag Names or IDs.',
			},
			{
				displayName: 'Tag Names or IDs',
				name: 'tagIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getTags' },
				default: [],
				description:
					'Only sessions whose contact has one of these tags. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				default: '',
				description: 'Only individual or only group conversations',
				options: [
					{ name: 'Any', value: '' },
					{ name: 'Group', value: 'GROUP' },
					{ name: 'Individual', value: 'INDIVIDUAL' },
				],
			},
	]),
	optionsCollection([includeDetailsOption, ...orderOptions]),
];

/**
 * The Metadata filter as query keys. The export types `Metadata` as a string dictionary without an encoding; the
 * API is ASP.NET Core, whose dictionary binding reads `Metadata[key]=value` (one key per parameter).
 */
function metadataQuery(ctx: IExecuteFunctions, filters: IDataObject, i: number): Query {
	const qs: Query = {};
	for (const { key: k, value: v } of readKeyValueEntries(ctx, filters.metadata, i, 'metadata filter')) {
		if (v === '') {
			throw new NodeOperationError(ctx.getNode(), `The metadata filter "${k}" has an empty value`, {
				description: 'Give the filter the value the key must have, or remove the entry (the API cannot filter on an empty value).',
				itemIndex: i,
			});
		}
		qs[`Metadata[${k}]`] = v;
	}
	return qs;
}

/** GET /chat/v2/session, one output item per session. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const includeDetails = (options.includeDetails as string[]) ?? [];
	const contactId = String(this.getNodeParameter('filters.contactId', i, '', { extractValue: true }) ?? '').trim();
	const optionalId = (key: string, label: string) =>
		filters[key] ? assertUuid(this, filters[key], i, label) : undefined;
	const qs: Query = {
		Status: (filters.status as string[]) ?? [],
		DepartmentId: optionalId('departmentId', 'Department ID'),
		UserId: optionalId('agentId', 'Agent ID'),
		// A contact picked in the filter's resource locator, or the plain ID an older workflow saved.
		ContactId: contactId ? assertUuid(this, contactId, i, 'Contact ID') : undefined,
		ChannelsId: uuidList(this, filters.channelIds, i, 'Channel ID'),
		TagsId: uuidList(this, filters.tagIds, i, 'Tag ID'),
		TagsName: splitList(filters.tagNames),
		Type: (filters.type as string) || undefined,
		...metadataQuery(this, filters, i),
		IncludeDetails: includeDetails,
	};
	const sessions = await listWithDateFilters(this, i, { method: 'GET', path: '/chat/v2/session', qs }, RANGES);
	return simplifySessions(this, i, sessions, includeDetails);
}

export const operation = defineOperation({
	resource: 'session',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many sessions',
	description: 'List sessions, with filters (status, department, agent, contact, dates, metadata)',
	summary: 'List sessions; filters: status, department, agent, channels, tags (IDs or names), contact, type, metadata (key = value, all must match), created / updated / active / end / last-interaction date ranges; include details (agent, channel, contact, department, classification); order; Return All / Limit; **Simplify**',
	endpoint: '`GET /chat/v2/session`',
	properties,
	execute,
});
