import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { optionsCollection } from '../listing.descriptions';
import { scheduledMessageLocator } from '../locators';
import { includeDetailsOption, scheduledSimplifyProperty, simplifyScheduled } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	scheduledMessageLocator('The scheduled message to get'),
	scheduledSimplifyProperty,
	optionsCollection([includeDetailsOption]),
];

/** GET /chat/v1/scheduled-message/{id}. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'scheduledMessageId', i, 'Scheduled Message ID');
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const includeDetails = (options.includeDetails as string[] | undefined) ?? [];
	const record = (await apiRequest.call(
		this,
		{
			method: 'GET',
			path: '/chat/v1/scheduled-message/{id}',
			pathParams: { id },
			qs: { includeDetails },
			subject: { noun: 'Scheduled message', id },
		},
		i,
	)) as IDataObject;
	return simplifyScheduled(this, i, record, includeDetails);
}

export const operation = defineOperation({
	resource: 'scheduledMessage',
	value: 'get',
	name: 'Get',
	action: 'Get a scheduled message',
	description: 'Get a scheduled message by ID',
	summary: 'One scheduled message, with optional details; **Simplify**',
	endpoint: '`GET /chat/v1/scheduled-message/{id}`',
	properties,
	execute,
});
