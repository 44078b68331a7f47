import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { contactRefBody } from '../../helpers/contactRef';
import { readSequenceContact, sequenceContactProperties } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = sequenceContactProperties('add');

/** POST /chat/v1/sequence/{id}/contact → the contact's membership of the sequence. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const entry = readSequenceContact(this, i);
	const id = entry.sequenceId;
	return (await apiRequest.call(
		this,
		{ method: 'POST', path: '/chat/v1/sequence/{id}/contact', pathParams: { id }, subject: { noun: 'Sequence', id }, body: contactRefBody(entry) },
		i,
	)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'sequence',
	value: 'addContact',
	name: 'Add Contact',
	action: 'Add a contact to a sequence',
	description: 'Add one contact to a sequence, one request per item',
	summary: 'Add one contact (picked, by ID, or by phone number) to a sequence, one request per item; outputs the contact\'s membership',
	endpoint: '`POST /chat/v1/sequence/{id}/contact`',
	properties,
	execute,
});
