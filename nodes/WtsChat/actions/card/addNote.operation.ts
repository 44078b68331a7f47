import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireHttpUrl, requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { cardLocator } from '../locators';
import { checkLength, MAX_TEXT } from './shared';
import { defineOperation } from '../operation';

const MAX_FILES = 3;

const properties: INodeProperties[] = [
	cardLocator({ description: 'The card to add the note to' }),
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'The note (up to 8000 characters); may be empty when files are attached',
	},
	{
		displayName: 'File URLs',
		name: 'fileUrls',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://example.com/proposta.pdf',
		description:
			'Comma-separated public URLs of up to 3 files (25 MB each) that WTS Chat downloads and attaches to the note. The card-note API takes URLs only, not uploaded files.',
	},
];

/** POST /crm/v1/panel/card/{cardId}/note with text and/or file URLs. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const cardId = requireUuid(this, 'cardId', i, 'Card ID');
	const text = checkLength(this, String(this.getNodeParameter('text', i, '') ?? ''), MAX_TEXT, i, 'Text');
	const fileUrls = String(this.getNodeParameter('fileUrls', i, '') ?? '')
		.split(',')
		.map((u) => u.trim())
		.filter(Boolean)
		.map((u) => requireHttpUrl(this, u, i, 'File URL', 'download'));
	if (fileUrls.length > MAX_FILES) {
		throw new NodeOperationError(this.getNode(), `A card note takes at most ${MAX_FILES} files, got ${fileUrls.length}`, {
			description: `Give at most ${MAX_FILES} file URLs, or add the others in a second note.`,
			itemIndex: i,
		});
	}
	if (text.trim() === '' && fileUrls.length === 0) {
		throw new NodeOperationError(this.getNode(), `The note is empty`, {
			description: 'Fill in the Text field, or give at least one file URL.',
			itemIndex: i,
		});
	}
	const body: IDataObject = {};
	if (text.trim() !== '') body.text = text;
	if (fileUrls.length) body.fileUrls = fileUrls;
	return (await apiRequest.call(
		this,
		{ method: 'POST', path: '/crm/v1/panel/card/{cardId}/note', pathParams: { cardId }, subject: { noun: 'Card', id: cardId }, body },
		i,
	)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'card',
	value: 'addNote',
	name: 'Add Note',
	action: 'Add a note to a card',
	description: 'Add a note (text and/or files) to a card',
	summary: 'A note with text and/or up to 3 files from public URLs',
	endpoint: '`POST /crm/v1/panel/card/{cardId}/note`',
	properties,
	execute,
});
