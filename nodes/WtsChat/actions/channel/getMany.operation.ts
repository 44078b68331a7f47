import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPaging } from '../../helpers/listing';
import { assertOneOf } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { filtersCollection, returnAllOrLimit } from '../listing.descriptions';
import { defineOperation } from '../operation';

const CHANNEL_TYPES = [
	{ name: 'All', value: 'All' },
	{ name: 'Instagram', value: 'Instagram' },
	{ name: 'Messenger', value: 'Messenger' },
	{ name: 'WhatsApp', value: 'Whatsapp' },
];

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersCollection([
		{
			displayName: 'Channel Type',
			name: 'channelType',
			type: 'options',
			default: 'All',
			description: 'Only channels of this kind',
			options: CHANNEL_TYPES,
		},
	]),
];

/** GET /chat/v1/channel (one plain array, cut to the limit). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const paging = readPaging(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs = { ChannelType: filters.channelType ? assertOneOf(this, filters.channelType, CHANNEL_TYPES, i, 'Channel Type') : undefined };
	// Not paged: one plain array, cut to the limit here.
	const body = await apiRequest.call(this, { method: 'GET', path: '/chat/v1/channel', qs }, i);
	const channels = Array.isArray(body) ? (body as IDataObject[]) : [];
	return paging.returnAll ? channels : channels.slice(0, paging.limit);
}

export const operation = defineOperation({
	resource: 'channel',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many channels',
	description: 'List the channels (WhatsApp numbers, Instagram and Messenger accounts)',
	summary: 'The account\'s channels (WhatsApp numbers, Instagram and Messenger accounts), by channel type; Return All / Limit (the API answers one list)',
	endpoint: '`GET /chat/v1/channel`',
	properties,
	execute,
});
