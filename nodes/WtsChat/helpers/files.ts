import type { IExecuteFunctions } from 'n8n-workflow';

import { uploadFile } from '../transport';
import { readBinary } from './binary';
import { requireHttpUrl } from './validation';

/** The file of a send or a note: a public URL, or an input binary property uploaded to WTS Chat first. */
export async function resolveFile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	source: string,
	urlParameter: string,
	binaryParameter: string,
): Promise<{ fileUrl?: string; fileId?: string }> {
	if (source === 'url') {
		return { fileUrl: requireHttpUrl(ctx, ctx.getNodeParameter(urlParameter, itemIndex, ''), itemIndex, 'File URL', 'download') };
	}
	return { fileId: await uploadBinaryProperty(ctx, itemIndex, ctx.getNodeParameter(binaryParameter, itemIndex, 'data') as string) };
}

/** Uploads one input binary property through the documented upload chain and resolves to the saved file's ID. */
export async function uploadBinaryProperty(ctx: IExecuteFunctions, itemIndex: number, propertyName: string): Promise<string> {
	const file = await readBinary(ctx, itemIndex, propertyName);
	const saved = await uploadFile.call(ctx, file, itemIndex);
	return saved.id as string;
}
