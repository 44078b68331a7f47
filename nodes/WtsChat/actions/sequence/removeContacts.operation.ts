import type { INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { contactRefsBody } from '../../helpers/contactRef';
import { removedOutput, sequenceBatch, sequenceContactProperties } from './shared';

const properties: INodeProperties[] = sequenceContactProperties('remove');

export const description = updateDisplayOptions({ show: { resource: ['sequence'], operation: ['removeContacts'] } }, properties);

/**
 * DELETE /chat/v1/sequence/{id}/contact/batch (JSON body): one input item per contact, items of the same sequence
 * sent together; each outputs `{deleted: true, id, sequenceId}`. The API treats the lists as filters: a contact
 * that is not in the sequence is skipped without an error.
 */
export const batch = sequenceBatch(async function (this, entries, itemIndexes) {
	const id = entries[0].sequenceId;
	await apiRequest.call(
		this,
		{ method: 'DELETE', path: '/chat/v1/sequence/{id}/contact/batch', pathParams: { id }, subject: { noun: 'Sequence', id }, body: contactRefsBody(entries) },
		itemIndexes[0],
	);
	return entries.map(removedOutput);
});
