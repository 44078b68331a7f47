import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { requireHttpUrl, requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { optionsCollection, sessionLocator } from '../common.descriptions';

const properties: INodeProperties[] = [
	sessionLocator('The session (conversation) to add the internal note to'),
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'The note, visible to agents only (never sent to the contact)',
	},
	optionsCollection([
			{
				displayName: 'File URLs',
				name: 'fileUrls',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://example.com/a.pdf, https://example.com/b.png',
				description: 'Comma-separated public URLs of files to attach to the note',
			},
		]),
];

export const description = updateDisplayOptions({ show: { resource: ['session'], operation: ['addNote'] } }, properties);

/** POST /chat/v1/session/{id}/note. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'sessionId', i, 'Session ID');
	const text = String(this.getNodeParameter('text', i, '') ?? '');
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const filesUrls = String(options.fileUrls ?? '')
		.split(',')
		.map((u) => u.trim())
		.filter(Boolean)
		.map((u) => requireHttpUrl(this, u, i, 'File URL'));
	if (text.trim() === '' && filesUrls.length === 0) {
		throw new NodeOperationError(this.getNode(), `The note is empty [item ${i}]`, {
			description: 'Fill in the Text field, or attach at least one file URL.',
			itemIndex: i,
		});
	}
	const body: IDataObject = {};
	if (text.trim() !== '') body.text = text;
	if (filesUrls.length) body.filesUrls = filesUrls;
	return (await apiRequest.call(this, { method: 'POST', path: '/chat/v1/session/{id}/note', pathParams: { id }, body }, i)) as IDataObject;
}
