import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RawResponse } from './attempts';
import { withRetries } from './attempts';
import { apiRequest, maxRateLimitWaitMs } from './api';
import { DEFAULT_TIMEOUT_MS, LOOPBACK_HTTP } from './request';

export type WtsFileType = 'UNDEFINED' | 'PDF' | 'EXCEL' | 'WORD' | 'IMAGE' | 'AUDIO' | 'VIDEO' | 'DOCUMENT';

/**
 * Uploads bytes the documented way (GET /core/v2/file for a pre-signed URL, PUT the bytes there without the
 * API token, POST /core/v2/file to save) and resolves to the saved file (its `id` is the fileId for sends).
 */
export async function uploadFile(
	this: IExecuteFunctions,
	file: { data: Buffer; fileName: string; mimeType: string; type: WtsFileType },
	itemIndex: number,
): Promise<IDataObject> {
	const node = this.getNode();
	const slot = (await apiRequest.call(
		this,
		{ method: 'GET', path: '/core/v2/file', qs: { Type: file.type, Name: file.fileName, MimeType: file.mimeType } },
		itemIndex,
	)) as IDataObject;
	const uploadUrl = typeof slot?.urlUpload === 'string' ? slot.urlUpload : '';
	if (!slot?.tempFileId || !/^https:\/\//i.test(uploadUrl) && !LOOPBACK_HTTP.test(uploadUrl)) {
		throw new NodeOperationError(node, `WTS Chat did not return a usable upload URL`, {
			description: 'Try again; if it persists, send the file from a public URL instead.',
			itemIndex,
		});
	}
	await withRetries({ node, itemIndex, idempotent: true, maxRateLimitWaitMs: maxRateLimitWaitMs(this, itemIndex) }, async () => {
		return (await this.helpers.httpRequest({
			method: 'PUT',
			url: uploadUrl,
			body: file.data,
			headers: { 'Content-Type': file.mimeType },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: 5 * DEFAULT_TIMEOUT_MS,
		})) as RawResponse;
	});
	return (await apiRequest.call(
		this,
		{ method: 'POST', path: '/core/v2/file', body: { tempFileId: slot.tempFileId as string } },
		itemIndex,
	)) as IDataObject;
}
