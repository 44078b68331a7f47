import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listWithDateFilters } from '../../helpers/listing';
import { normalizePhone } from '../../helpers/phone';
import { assertOneOf, assertUuid, isUuid } from '../../helpers/validation';
import type { DateRange } from '../listing.descriptions';
import { agentPicker, departmentPicker } from '../common.descriptions';
import { CREATED_UPDATED_RANGES, dateRangeFilters, filtersCollection, optionsCollection, orderOptions, returnAllOrLimit } from '../listing.descriptions';
import { includeDetailsOption, SCHEDULED_STATUSES, SCHEDULED_TYPES, scheduledSimplifyProperty, simplifyScheduled } from './shared';
import { defineOperation } from '../operation';

const RANGES: DateRange[] = [{ key: 'scheduledAt', api: 'ScheduledAt', label: 'Scheduled At' }, ...CREATED_UPDATED_RANGES];

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	scheduledSimplifyProperty,
	filtersCollection([
		agentPicker('Only messages scheduled for sessions of this agent'),
		{
			displayName: 'Channel Name or ID',
			name: 'channelId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getChannels' },
			default: '',
			description: 'Only messages sent through this channel. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		departmentPicker('Only messages scheduled for this department'),
		{
			displayName: 'Recipient',
			name: 'to',
			type: 'string',
			default: '',
			placeholder: 'e.g. +55 11 99999-0001',
			description: 'Only messages to this phone number or contact ID',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 'SCHEDULED',
			description: 'Only messages in this status',
			options: SCHEDULED_STATUSES,
		},
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			default: 'TEMPLATE',
			description: 'Only template messages or only chatbot starts',
			options: SCHEDULED_TYPES,
		},
		...dateRangeFilters(RANGES),
	]),
	optionsCollection([includeDetailsOption, ...orderOptions]),
];

/** GET /chat/v1/scheduled-message with every documented filter, Return All / Limit, Simplify. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const includeDetails = (options.includeDetails as string[] | undefined) ?? [];
	const to = typeof filters.to === 'string' ? filters.to.trim() : '';
	const qs = {
		Status: filters.status ? assertOneOf(this, filters.status, SCHEDULED_STATUSES, i, 'Status') : undefined,
		Type: filters.type ? assertOneOf(this, filters.type, SCHEDULED_TYPES, i, 'Type') : undefined,
		From: filters.channelId ? assertUuid(this, filters.channelId, i, 'Channel ID') : undefined,
		To: to === '' ? undefined : isUuid(to) ? to.toLowerCase() : normalizePhone(this, to, i, 'Recipient'),
		User: filters.agentId ? assertUuid(this, filters.agentId, i, 'Agent ID') : undefined,
		Department: filters.departmentId ? assertUuid(this, filters.departmentId, i, 'Department ID') : undefined,
		IncludeDetails: includeDetails,
	};
	const records = await listWithDateFilters(this, i, { method: 'GET', path: '/chat/v1/scheduled-message', qs }, RANGES);
	return simplifyScheduled(this, i, records, includeDetails);
}

export const operation = defineOperation({
	resource: 'scheduledMessage',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many scheduled messages',
	description: 'List scheduled messages, with filters',
	summary: 'Filters: status, type, channel, recipient (phone or contact ID), agent, department, scheduled / created / updated ranges; include details (contact, channel, agent, department, template, chatbot); order; Return All / Limit; **Simplify**',
	endpoint: '`GET /chat/v1/scheduled-message`',
	properties,
	execute,
});
