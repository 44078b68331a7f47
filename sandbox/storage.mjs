// Stand-in for the S3 pre-signed upload URL of the file flow (spec/README.md, File upload):
//   GET /core/v2/file → { tempFileId, urlUpload: <base>/__storage/<tempFileId>?signature=… }
//   PUT <urlUpload> with the raw bytes, WITHOUT the API's Authorization header.
// Errors are S3-style XML, like the real storage host answers.

import { createHmac, createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const EXPIRES_SECONDS = 900;

function s3Error(status, code, message) {
	return {
		status,
		contentType: 'application/xml',
		body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>SANDBOX</RequestId></Error>`,
	};
}

export function createStorage() {
	const secret = randomBytes(32);
	const sign = (tempFileId, expires) => createHmac('sha256', secret).update(`${tempFileId}:${expires}`).digest('hex');

	return {
		/** Pre-signed-like URL for a temp file id. */
		uploadUrl(baseUrl, tempFileId, now = Date.now()) {
			const expires = Math.floor(now / 1000) + EXPIRES_SECONDS;
			return `${baseUrl}/__storage/${tempFileId}?expires=${expires}&signature=${sign(tempFileId, expires)}`;
		},

		/**
		 * Handles a request to /__storage/<tempFileId>.
		 * @returns {{status:number, body?:any, contentType?:string, headers?:Record<string,string>, problem?: string}}
		 *   problem: set when the client misbehaved in a way the real storage would reject.
		 */
		handle({ method, pathname, searchParams, headers, rawBody, state, now = Date.now() }) {
			const tempFileId = decodeURIComponent(pathname.slice('/__storage/'.length));
			const temp = state.tempFiles.get(tempFileId);
			const expires = Number(searchParams.get('expires'));
			const given = String(searchParams.get('signature') ?? '');
			const expected = Number.isFinite(expires) ? sign(tempFileId, expires) : '';
			const signatureOk =
				given.length === expected.length && expected.length > 0 && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
			if (!temp || !signatureOk) {
				return { ...s3Error(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.'), problem: `storage: bad or missing signature for ${pathname}` };
			}
			if (expires * 1000 < now) return { ...s3Error(403, 'AccessDenied', 'Request has expired'), problem: 'storage: upload URL expired' };
			if (method !== 'PUT') {
				return { ...s3Error(403, 'SignatureDoesNotMatch', `The URL was signed for PUT, not ${method}.`), problem: `storage: ${method} on an upload URL (only PUT is signed)` };
			}
			if (headers.authorization) {
				return {
					...s3Error(400, 'InvalidArgument', 'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified'),
					problem: 'storage: the upload PUT carried an Authorization header (the API token must not be sent to the storage host)',
				};
			}
			temp._bytes = Buffer.from(rawBody);
			temp._uploadedContentType = headers['content-type'] ?? null;
			temp._uploadedAt = new Date(now).toISOString();
			const etag = `"${createHash('md5').update(temp._bytes).digest('hex')}"`;
			return { status: 200, body: null, headers: { etag } };
		},
	};
}
