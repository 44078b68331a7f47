import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { sessionLocator } from '../common.descriptions';
import { listUnderSession, sessionListingProperties } from './shared';

const properties: INodeProperties[] = [
	sessionLocator('The session (conversation) whose internal notes to get'),
	...sessionListingProperties(),
];

export const description = updateDisplayOptions({ show: { resource: ['session'], operation: ['getNotes'] } }, properties);

/** GET /chat/v1/session/{id}/note, one output item per internal note. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	return await listUnderSession(this, i, '/chat/v1/session/{id}/note');
}
