import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireBinaryProperty } from '../../helpers/binary';
import { uploadBinaryProperty } from '../../helpers/files';
import { requireHttpUrl, requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { optionsCollection } from '../listing.descriptions';
import { sessionLocator } from '../locators';
import { defineOperation } from '../operation';

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
		{
			displayName: 'Input Binary Fields',
			name: 'binaryPropertyNames',
			type: 'string',
			default: '',
			placeholder: 'e.g. data, attachment',
			description:
				'Comma-separated names of binary properties of the input item whose files are attached to the note (each is uploaded to WTS Chat first)',
		},
	]),
];

const commaList = (value: unknown) =>
	String(value ?? '')
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);

/** POST /chat/v1/session/{id}/note, with files from URLs (`filesUrls`) and from input binaries (`filesIds`). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'sessionId', i, 'Session ID');
	const text = String(this.getNodeParameter('text', i, '') ?? '');
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const filesUrls = commaList(options.fileUrls).map((u) => requireHttpUrl(this, u, i, 'File URL', 'download'));
	const binaryNames = commaList(options.binaryPropertyNames);
	for (const name of binaryNames) requireBinaryProperty(this, i, name, 'Input Binary Fields');
	if (text.trim() === '' && filesUrls.length === 0 && binaryNames.length === 0) {
		throw new NodeOperationError(this.getNode(), `The note is empty`, {
			description: 'Fill in the Text field, or attach at least one file (File URLs or Input Binary Fields).',
			itemIndex: i,
		});
	}
	const filesIds: string[] = [];
	for (const name of binaryNames) filesIds.push(await uploadBinaryProperty(this, i, name));
	const body: IDataObject = {};
	if (text.trim() !== '') body.text = text;
	if (filesUrls.length) body.filesUrls = filesUrls;
	if (filesIds.length) body.filesIds = filesIds;
	return (await apiRequest.call(
		this,
		{ method: 'POST', path: '/chat/v1/session/{id}/note', pathParams: { id }, subject: { noun: 'Session', id }, body },
		i,
	)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'session',
	value: 'addNote',
	name: 'Add Note',
	action: 'Add an internal note to a session',
	description: 'Add an internal note to a session, seen by agents only, never sent to the contact',
	summary: 'Internal note (agents only): text, file URLs and/or files from input **binary** properties (uploaded first, sent as `filesIds`)',
	endpoint: '`POST /chat/v1/session/{id}/note`',
	properties,
	execute,
});
