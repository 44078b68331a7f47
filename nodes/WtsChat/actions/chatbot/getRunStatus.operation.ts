import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	{
		displayName: 'Run ID',
		name: 'runId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b',
		description: 'The ID Start (Queued) or Start (Batch) returned for this start',
	},
];

/** GET /chat/v1/send/chatbot/{id}. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'runId', i, 'Run ID');
	return (await apiRequest.call(
		this,
		{ method: 'GET', path: '/chat/v1/send/chatbot/{id}', pathParams: { id }, subject: { noun: 'Chatbot run', id } },
		i,
	)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'chatbot',
	value: 'getRunStatus',
	name: 'Get Run Status',
	action: 'Get the status of a chatbot run',
	description: 'Get the status of a queued chatbot start',
	summary: 'The status of a queued start by its run ID',
	endpoint: '`GET /chat/v1/send/chatbot/{id}`',
	properties,
	execute,
});
