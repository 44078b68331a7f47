import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyIfAsked } from '../../helpers/listing';
import { updateDisplayOptions } from '../../helpers/utils';
import { requireUuid } from '../../helpers/validation';
import { MESSAGE_SIMPLE_FIELDS, messageIdProperty, messageSimplifyProperty } from '../common.descriptions';
import { getMessage } from './shared';

const properties: INodeProperties[] = [messageIdProperty('The message to get'), messageSimplifyProperty];

export const description = updateDisplayOptions({ show: { resource: ['message'], operation: ['get'] } }, properties);

/** GET /chat/v1/message/{id}. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'messageId', i, 'Message ID');
	return simplifyIfAsked(this, i, await getMessage(this, i, id), MESSAGE_SIMPLE_FIELDS);
}
