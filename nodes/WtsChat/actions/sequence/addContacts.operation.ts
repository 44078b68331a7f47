import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { contactRefsBody, findMembership } from '../../helpers/contactRef';
import { sequenceBatch, sequenceContactProperties } from './shared';

const properties: INodeProperties[] = sequenceContactProperties('add');

export const description = updateDisplayOptions({ show: { resource: ['sequence'], operation: ['addContacts'] } }, properties);

/**
 * POST /chat/v1/sequence/{id}/contact/batch: one input item per contact, items of the same sequence sent
 * together. Each item outputs its membership when the answer has it, else what was sent with `added: true`.
 */
export const batch = sequenceBatch(async function (this, entries, itemIndexes) {
	const id = entries[0].sequenceId;
	const page = (await apiRequest.call(
		this,
		{ method: 'POST', path: '/chat/v1/sequence/{id}/contact/batch', pathParams: { id }, subject: { noun: 'Sequence', id }, body: contactRefsBody(entries) },
		itemIndexes[0],
	)) as IDataObject | undefined;
	const records = Array.isArray(page?.items) ? (page.items as IDataObject[]) : [];
	return entries.map((entry) => findMembership(entry, records) ?? { added: true, ...entry });
});
