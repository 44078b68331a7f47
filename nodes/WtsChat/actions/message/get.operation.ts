import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyIfAsked } from '../../helpers/listing';
import { requireUuid } from '../../helpers/validation';
import { MESSAGE_SIMPLE_FIELDS, messageSimplifyProperty } from '../listing.descriptions';
import { messageIdProperty } from '../common.descriptions';
import { getMessage } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [messageIdProperty('The message to get'), messageSimplifyProperty];

/** GET /chat/v1/message/{id}. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'messageId', i, 'Message ID');
	return simplifyIfAsked(this, i, await getMessage(this, i, id), MESSAGE_SIMPLE_FIELDS);
}

export const operation = defineOperation({
	resource: 'message',
	value: 'get',
	name: 'Get',
	action: 'Get a message',
	description: 'Get a message by ID',
	summary: 'One message; **Simplify**',
	endpoint: '`GET /chat/v1/message/{id}`',
	properties,
	execute,
});
