import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { contactRefBody } from '../../helpers/contactRef';
import { readSequenceContact, sequenceContactProperties } from './shared';

const properties: INodeProperties[] = sequenceContactProperties('add');

export const description = updateDisplayOptions({ show: { resource: ['sequence'], operation: ['addContact'] } }, properties);

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
