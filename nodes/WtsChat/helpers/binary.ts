import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { WtsFileType } from '../transport';

export interface BinaryFile {
	data: Buffer;
	fileName: string;
	mimeType: string;
	type: WtsFileType;
}

/** File extensions for the MIME types people send through WhatsApp / Instagram and attach to notes. */
const EXTENSIONS: Record<string, string> = {
	'application/pdf': 'pdf',
	'application/zip': 'zip',
	'application/json': 'json',
	'application/xml': 'xml',
	'application/msword': 'doc',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
	'application/vnd.ms-excel': 'xls',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
	'application/vnd.ms-powerpoint': 'ppt',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
	'application/vnd.oasis.opendocument.text': 'odt',
	'application/vnd.oasis.opendocument.spreadsheet': 'ods',
	'audio/aac': 'aac',
	'audio/amr': 'amr',
	'audio/mp4': 'm4a',
	'audio/mpeg': 'mp3',
	'audio/ogg': 'ogg',
	'audio/opus': 'opus',
	'audio/wav': 'wav',
	'audio/webm': 'weba',
	'image/bmp': 'bmp',
	'image/gif': 'gif',
	'image/heic': 'heic',
	'image/jpeg': 'jpg',
	'image/png': 'png',
	'image/svg+xml': 'svg',
	'image/webp': 'webp',
	'text/csv': 'csv',
	'text/html': 'html',
	'text/plain': 'txt',
	'video/3gpp': '3gp',
	'video/mp4': 'mp4',
	'video/quicktime': 'mov',
	'video/webm': 'webm',
};

/** The usual extension of a MIME type (without the dot), or undefined. */
export function extensionFor(mimeType: string): string | undefined {
	const type = mimeType.split(';')[0].trim().toLowerCase();
	return EXTENSIONS[type] ?? /^[a-z]+\/([a-z0-9]{2,5})$/.exec(type)?.[1];
}

/**
 * The name a file is uploaded under: WTS Chat and the channels use the extension to show and deliver the file, so a
 * name without one gets the binary's own extension, or the one its MIME type implies.
 */
export function uploadFileName(fileName: string | undefined, fileExtension: string | undefined, mimeType: string): string {
	const name = (fileName ?? '').trim() || 'file';
	if (/\.[A-Za-z0-9]{1,8}$/.test(name)) return name;
	const extension = (fileExtension ?? '').replace(/^\./, '').trim() || extensionFor(mimeType);
	return extension ? `${name}.${extension}` : name;
}

/** WTS file type for a MIME type: media is typed so channels get compatible files; office files by their kind. */
export function fileTypeFor(mimeType: string): WtsFileType {
	if (mimeType.startsWith('image/')) return 'IMAGE';
	if (mimeType.startsWith('video/')) return 'VIDEO';
	if (mimeType.startsWith('audio/')) return 'AUDIO';
	if (mimeType === 'application/pdf') return 'PDF';
	if (/spreadsheet|ms-excel|text\/csv/.test(mimeType)) return 'EXCEL';
	if (/wordprocessing|msword|opendocument\.text/.test(mimeType)) return 'WORD';
	return 'DOCUMENT';
}

/** Checks that the input item has this binary property; refuses with the properties it does have. */
export function requireBinaryProperty(
	ctx: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
	fieldLabel = 'Input Binary Field',
): string {
	const name = propertyName.trim();
	if (name === '') {
		throw new NodeOperationError(ctx.getNode(), `The ${fieldLabel} is empty`, {
			description: 'Enter the name of the binary property that holds the file, e.g. data.',
			itemIndex,
		});
	}
	const item = ctx.getInputData()[itemIndex];
	if (!item?.binary?.[name]) {
		const available = Object.keys(item?.binary ?? {});
		throw new NodeOperationError(ctx.getNode(), `Item has no binary property "${name}"`, {
			description: available.length
				? `Set ${fieldLabel} to one of: ${available.join(', ')}.`
				: 'The input item carries no file. Add a node before this one that reads or downloads the file (e.g. Read/Write Files from Disk, HTTP Request with Response Format File).',
			itemIndex,
		});
	}
	return name;
}

/**
 * The bytes of an input binary property, read through n8n's binary data service (works in default,
 * filesystem and S3 modes; never reads item.binary[x].data directly).
 */
export async function readBinary(ctx: IExecuteFunctions, itemIndex: number, propertyName: string): Promise<BinaryFile> {
	const name = requireBinaryProperty(ctx, itemIndex, propertyName);
	const meta = ctx.helpers.assertBinaryData(itemIndex, name);
	const data = await ctx.helpers.getBinaryDataBuffer(itemIndex, name);
	const mimeType = meta.mimeType || 'application/octet-stream';
	return { data, fileName: uploadFileName(meta.fileName, meta.fileExtension, mimeType), mimeType, type: fileTypeFor(mimeType) };
}
