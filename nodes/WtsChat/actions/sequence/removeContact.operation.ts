import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { apiRequest } from '../../transport';
import { contactRefBody } from '../../helpers/contactRef';
import { readSequenceContact, removedOutput, sequenceContactProperties } from './shared';

const properties: INodeProperties[] = sequenceContactProperties('remove');

export const description = updateDisplayOptions({ show: { resource: ['sequence'], operation: ['removeContact'] } }, properties);

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
