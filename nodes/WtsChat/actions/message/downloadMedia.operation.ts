import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { requireUuid } from '../../helpers/validation';
import { messageIdProperty } from '../common.descriptions';
import { BinaryResult } from '../node.type';
import { getMessage } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	messageIdProperty('The message whose file (image, audio, video or document) to download'),
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'The name of the output binary field to put the file in',
		hint: 'The name of the output binary field to put the file in',
	},
];

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * GET /chat/v1/message/{id}, then the file at its `details.file.publicUrlDownload` (else `publicUrl`), without the
 * API token (it is the storage's URL), into a binary field with the file's name and MIME type.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<BinaryResult> {
	const id = requireUuid(this, 'messageId', i, 'Message ID');
	const field = text(this.getNodeParameter('binaryPropertyName', i, 'data'));
	if (field === '') {
		throw new NodeOperationError(this.getNode(), `The Put Output File in Field parameter is empty`, {
			description: 'Enter the name of the output binary field, e.g. data.',
			itemIndex: i,
		});
	}
	const message = await getMessage(this, i, id);
	const details = (message.details ?? {}) as IDataObject;
	const file = (details.file ?? (Array.isArray(details.files) ? details.files[0] : undefined)) as IDataObject | undefined;
	const url = text(file?.publicUrlDownload) || text(file?.publicUrl);
	if (!file || url === '') {
		throw new NodeOperationError(this.getNode(), `Message ${id} has no file`, {
			description: `This message is of type ${text(message.type) || 'unknown'} and carries no image, audio, video or document. Check the Message ID, or route text messages around this node.`,
			itemIndex: i,
		});
	}
	const response = (await this.helpers.httpRequest({
		method: 'GET',
		url,
		encoding: 'arraybuffer',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: 300_000,
	})) as { statusCode: number; body: unknown; headers: IDataObject };
	if (response.statusCode < 200 || response.statusCode >= 300) {
		throw new NodeApiError(
			this.getNode(),
			{ message: `HTTP ${response.statusCode}` },
			{
				message: `The file of message ${id} could not be downloaded (HTTP ${response.statusCode})`,
				description: 'The file’s link may have expired or been removed. Get the message again for a fresh link, or check that the file still exists in WTS Chat.',
				httpCode: String(response.statusCode),
				itemIndex: i,
			},
		);
	}
	const body = response.body;
	const data = Buffer.isBuffer(body) ? body : body instanceof ArrayBuffer ? Buffer.from(body) : Buffer.from(String(body ?? ''));
	const headerType = text(response.headers?.['content-type']).split(';')[0];
	const mimeType = text(file.mimeType) || headerType || 'application/octet-stream';
	const extension = text(file.extension).replace(/^\./, '');
	let fileName = text(file.name) || `message-${id}`;
	if (extension && !fileName.toLowerCase().endsWith(`.${extension.toLowerCase()}`)) fileName = `${fileName}.${extension}`;
	const binary = await this.helpers.prepareBinaryData(data, fileName, mimeType);
	return new BinaryResult(
		{
			messageId: id,
			sessionId: message.sessionId,
			type: message.type,
			fileId: file.id ?? message.fileId,
			fileName,
			mimeType,
			fileSize: data.length,
		} as IDataObject,
		{ [field]: binary },
	);
}

export const operation = defineOperation({
	resource: 'message',
	value: 'downloadMedia',
	name: 'Download Media',
	action: 'Download the file of a message',
	description: 'Download the file of a message into a binary field',
	summary: 'The message\'s file (image, audio, video, document) into an output binary field with its file name and MIME type, for the next node; fetched from the file\'s link without the API token',
	endpoint: '`GET /chat/v1/message/{id}`, then the file\'s `publicUrlDownload`',
	properties,
	execute,
});
