import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { assertUuid, dateRangeQuery, readLimit, uuidList } from '../../helpers/validation';
import { apiRequestAllItems } from '../../transport';
import { agentPicker, departmentPicker, optionsCollection, returnAllOrLimit, SESSION_STATUSES } from '../common.descriptions';
import { CREATED_UPDATED_RANGES, dateRangeFilters, includeDetailsOption, orderOptions } from './shared';

const RANGES = [
	...CREATED_UPDATED_RANGES,
	{ key: 'activeAt', api: 'ActiveAt', label: 'Active At' },
	{ key: 'endAt', api: 'EndAt', label: 'End At' },
	{ key: 'lastInteractionAt', api: 'LastInteractionAt', label: 'Last Interaction At' },
];

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
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
			{
				displayName: 'Contact ID',
				name: 'contactId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b',
				description: 'Only sessions of this contact',
			},
			departmentPicker('Only sessions of this department'),
			...dateRangeFilters(RANGES),
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				options: SESSION_STATUSES,
				default: [],
				description: 'Only sessions in one of these statuses',
			},
			{
				displayName: 'Tag Names',
				name: 'tagNames',
				type: 'string',
				default: '',
				placeholder: 'e.g. vip, urgent',
				description: 'Comma-separated tag names; only sessions whose contact has these tags',
			},
			{
				displayName: 'Tag Names or IDs',
				name: 'tagIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getTags' },
				default: [],
				description:
					'Only sessions whose contact has these tags. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				default: '',
				options: [
					{ name: 'Any', value: '' },
					{ name: 'Group', value: 'GROUP' },
					{ name: 'Individual', value: 'INDIVIDUAL' },
				],
			},
		],
	},
	optionsCollection([includeDetailsOption, ...orderOptions]),
];

export const description = updateDisplayOptions({ show: { resource: ['session'], operation: ['getMany'] } }, properties);

/** GET /chat/v2/session, one output item per session. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
	const limit = returnAll ? undefined : readLimit(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const optionalId = (key: string, label: string) =>
		filters[key] ? assertUuid(this, filters[key], i, label) : undefined;
	const qs = {
		Status: (filters.status as string[]) ?? [],
		DepartmentId: optionalId('departmentId', 'Department ID'),
		UserId: optionalId('agentId', 'Agent ID'),
		ContactId: optionalId('contactId', 'Contact ID'),
		ChannelsId: uuidList(this, filters.channelIds, i, 'Channel ID'),
		TagsId: uuidList(this, filters.tagIds, i, 'Tag ID'),
		TagsName: String(filters.tagNames ?? '')
			.split(',')
			.map((t) => t.trim())
			.filter(Boolean),
		Type: (filters.type as string) || undefined,
		...dateRangeQuery(this, filters, i, RANGES),
		IncludeDetails: (options.includeDetails as string[]) ?? [],
		OrderBy: (options.orderBy as string) || undefined,
		OrderDirection: options.orderBy ? (options.orderDirection as string) : undefined,
	};
	return await apiRequestAllItems.call(this, { method: 'GET', path: '/chat/v2/session', qs }, { returnAll, limit }, i);
}
