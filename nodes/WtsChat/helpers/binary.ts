import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { WtsFileType } from '../transport';

export interface BinaryFile {
	data: Buffer;
	fileName: string;
	mimeType: string;
	type: WtsFileType;
}

/** WTS file type for a MIME type: media is typed so channels get compatible files; the rest is stored as is. */
export function fileTypeFor(mimeType: string): WtsFileType {
	if (mimeType.startsWith('image/')) return 'IMAGE';
	if (mimeType.startsWith('video/')) return 'VIDEO';
	if (mimeType.startsWith('audio/')) return 'AUDIO';
	if (mimeType === 'application/pdf') return 'PDF';
	return 'DOCUMENT';
}

/**
 * The bytes of an input binary property, read through n8n's binary data service (works in default,
 * filesystem and S3 modes; never reads item.binary[x].data directly).
 */
export async function readBinary(ctx: IExecuteFunctions, itemIndex: number, propertyName: string): Promise<BinaryFile> {
	const name = propertyName.trim();
	if (name === '') {
		throw new NodeOperationError(ctx.getNode(), `The Input Binary Field is empty [item ${itemIndex}]`, {
			description: 'Enter the name of the binary property that holds the file, e.g. data.',
			itemIndex,
		});
	}
	const item = ctx.getInputData()[itemIndex];
	if (!item?.binary?.[name]) {
		const available = Object.keys(item?.binary ?? {});
		throw new NodeOperationError(ctx.getNode(), `Item has no binary property "${name}" [item ${itemIndex}]`, {
			description: available.length
				? `Set Input Binary Field to one of: ${available.join(', ')}.`
				: 'The input item carries no file. Add a node before this one that reads or downloads the file (e.g. Read/Write Files from Disk, HTTP Request with Response Format File).',
			itemIndex,
		});
	}
	const meta = ctx.helpers.assertBinaryData(itemIndex, name);
	const data = await ctx.helpers.getBinaryDataBuffer(itemIndex, name);
	const mimeType = meta.mimeType || 'application/octet-stream';
	const extension = meta.fileExtension ? `.${meta.fileExtension}` : '';
	return { data, fileName: meta.fileName || `file${extension}`, mimeType, type: fileTypeFor(mimeType) };
}
