import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { sessionLocator } from '../common.descriptions';
import { listUnderSession, sessionListingProperties } from './shared';

const properties: INodeProperties[] = [
	sessionLocator('The session (conversation) whose messages to get'),
	...sessionListingProperties(),
];

export const description = updateDisplayOptions({ show: { resource: ['session'], operation: ['getMessages'] } }, properties);

/** GET /chat/v1/session/{id}/message, one output item per message. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	return await listUnderSession(this, i, '/chat/v1/session/{id}/message');
}
