import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { contactRefBody } from '../../helpers/contactRef';
import { readSequenceContact, removedOutput, sequenceContactProperties } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = sequenceContactProperties('remove');

/** DELETE /chat/v1/sequence/{id}/contact (JSON body) → `{deleted: true, id, sequenceId}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const entry = readSequenceContact(this, i);
	const id = entry.sequenceId;
	await apiRequest.call(
		this,
		{ method: 'DELETE', path: '/chat/v1/sequence/{id}/contact', pathParams: { id }, subject: { noun: 'Sequence', id }, body: contactRefBody(entry) },
		i,
	);
	return removedOutput(entry);
}

export const operation = defineOperation({
	resource: 'sequence',
	value: 'removeContact',
	name: 'Remove Contact',
	action: 'Remove a contact from a sequence',
	description: 'Remove one contact from a sequence, one request per item',
	summary: 'Remove one contact (picked, by ID, or by phone number) from a sequence; outputs `{deleted: true, id, sequenceId}` (`id` = the contact ID or phone number given)',
	endpoint: '`DELETE /chat/v1/sequence/{id}/contact` (JSON body)',
	properties,
	execute,
});
