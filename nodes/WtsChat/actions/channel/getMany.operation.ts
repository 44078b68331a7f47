import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPaging } from '../../helpers/listing';
import { updateDisplayOptions } from '../../helpers/utils';
import { assertOneOf } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { filtersCollection, returnAllOrLimit } from '../common.descriptions';

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

export const description = updateDisplayOptions({ show: { resource: ['channel'], operation: ['getMany'] } }, properties);

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
