import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listWithDateFilters, simplifyIfAsked } from '../../helpers/listing';
import { optionalText, splitList } from '../../helpers/utils';
import { uuidList } from '../../helpers/validation';
import { CREATED_UPDATED_RANGES, dateRangeFilters, filtersCollection, optionsCollection, orderOptions, returnAllOrLimit, simplifyProperty } from '../listing.descriptions';
import { defineOperation } from '../operation';

/** The chatbot fields Simplify keeps (8 of 12). */
export const CHATBOT_SIMPLE_FIELDS = [
	'id',
	'key',
	'name',
	'type',
	'publishStatus',
	'automationUsage',
	'channelIds',
	'defaultDepartmentId',
] as const;

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	simplifyProperty(CHATBOT_SIMPLE_FIELDS),
	filtersCollection([
		...dateRangeFilters(CREATED_UPDATED_RANGES),
		{
			displayName: 'Automation Usages',
			name: 'automationUsages',
			type: 'multiOptions',
			default: [],
			description: 'Only chatbots usable in one of these ways (a bot started through the API has Api)',
			options: [
				{ name: 'API', value: 'Api' },
				{ name: 'Campaign', value: 'Campaign' },
				{ name: 'Manual', value: 'Manual' },
				{ name: 'Sequence', value: 'Sequence' },
			],
		},
		{
			displayName: 'Channel Names or IDs',
			name: 'channelIds',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getChannels' },
			default: [],
			description:
				'Only chatbots of one of these channels. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Default Department Names or IDs',
			name: 'departmentIds',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getDepartments' },
			default: [],
			description:
				'Only chatbots whose default department is one of these. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'e.g. Triage',
			description: 'Only chatbots whose name contains this text',
		},
		{
			displayName: 'Publish Statuses',
			name: 'publishStatuses',
			type: 'multiOptions',
			default: [],
			description: 'Only chatbots in one of these publish statuses',
			options: [
				{ name: 'Failed', value: 'Failed' },
				{ name: 'Not Published', value: 'Not_Published' },
				{ name: 'Publishing', value: 'Publishing' },
				{ name: 'Ready', value: 'Ready' },
			],
		},
		{
			displayName: 'Types',
			name: 'types',
			type: 'multiOptions',
			default: [],
			description: 'Only reactive bots (answer the contact) or automation bots (started by a flow, a campaign or the API)',
			options: [
				{ name: 'Automation', value: 'Automation' },
				{ name: 'Reactive', value: 'Reactive' },
			],
		},
	]),
	optionsCollection(orderOptions),
];

/** GET /chat/v1/chatbot with Return All / Limit, filters, order and Simplify. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs = {
		Name: optionalText(filters.name),
		Types: splitList(filters.types),
		ChannelIds: uuidList(this, filters.channelIds, i, 'Channel ID'),
		DefaultDepartmentIds: uuidList(this, filters.departmentIds, i, 'Department ID'),
		PublishStatuses: splitList(filters.publishStatuses),
		AutomationUsages: splitList(filters.automationUsages),
	};
	const records = await listWithDateFilters(this, i, { method: 'GET', path: '/chat/v1/chatbot', qs }, CREATED_UPDATED_RANGES);
	return simplifyIfAsked(this, i, records, CHATBOT_SIMPLE_FIELDS);
}

export const operation = defineOperation({
	resource: 'chatbot',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many chatbots',
	description: 'List chatbots, with filters',
	summary: 'List chatbots; filters: name, types, channels, default departments, publish statuses, automation usages, created / updated ranges; order; Return All / Limit; **Simplify** (keeps `id, key, name, type, publishStatus, automationUsage, channelIds, defaultDepartmentId`)',
	endpoint: '`GET /chat/v1/chatbot`',
	properties,
	execute,
});
