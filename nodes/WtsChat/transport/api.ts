import type { ICredentialDataDecryptedObject, IExecuteFunctions, IHookFunctions, IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RawResponse } from './attempts';
import { withRetries } from './attempts';
import { redactDeep, tokenSecrets } from './redact';
import { checkRequest, nameRejectedField } from './contract';
import { accountKey, LONGEST_WINDOW_SECONDS, processesSetting } from './pacing';
import { sendLookup } from './recovery';
import type { WtsRequest } from './request';
import { buildPath, buildQuery, DEFAULT_TIMEOUT_MS, normalizeBaseUrl } from './request';

/** One authenticated WTS Chat API call: URL, pacing, retries and error mapping (attempts.ts). */

/** Pickers (list searches) have no options: a 429 there is waited out this long at most. */
const PICKER_MAX_RATE_LIMIT_WAIT_SECONDS = 30;

export const CREDENTIAL_NAME = 'wtsChatApi';

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions;

/** "Max Wait on Rate Limit" of this item, in ms (pickers, which have no options, wait less). */
export function maxRateLimitWaitMs(ctx: RequestContext, itemIndex: number | undefined): number {
	if (itemIndex === undefined || !('getInputData' in ctx)) return PICKER_MAX_RATE_LIMIT_WAIT_SECONDS * 1000;
	const raw = (ctx as IExecuteFunctions).getNodeParameter(
		'options.maxWaitOnRateLimit',
		itemIndex,
		LONGEST_WINDOW_SECONDS,
	) as unknown;
	const seconds = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
		throw new NodeOperationError(ctx.getNode(), `Max Wait on Rate Limit must be a number of seconds of at least 0`, {
			description: `Set Options → Max Wait on Rate Limit to how many seconds the node may wait when WTS Chat answers 429, e.g. ${LONGEST_WINDOW_SECONDS}.`,
			itemIndex,
		});
	}
	return seconds * 1000;
}

/** One authenticated WTS Chat API call. Resolves to the parsed JSON body (undefined when empty). */
export async function apiRequest(this: RequestContext, request: WtsRequest, itemIndex?: number): Promise<unknown> {
	const node = this.getNode();
	const maxWait = maxRateLimitWaitMs(this, itemIndex);
	const credentials = await credentialsOf(this);
	const baseUrl = normalizeBaseUrl(node, credentials.baseUrl);
	// Nothing leaves before the request is checked against the API's contract (contract.ts).
	checkRequest(this, request, itemIndex, new URL(baseUrl).hostname);
	const url = `${baseUrl}${buildPath(request.path, request.pathParams)}${buildQuery(request.qs)}`;
	const options: IHttpRequestOptions = {
		method: request.method,
		url,
		headers: { Accept: 'application/json' },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: request.timeout ?? DEFAULT_TIMEOUT_MS,
	};
	if (request.body !== undefined) options.body = request.body;
	const idempotent = request.idempotent ?? request.method !== 'POST';
	const lookup = idempotent ? undefined : sendLookup(request.method, request.path, request.pathParams, request.body);
	try {
		return await withRetries(
			{
				node,
				itemIndex,
				idempotent,
				subject: request.subject,
				pacing: { account: accountKey(baseUrl, credentials.apiToken), path: request.path, processes: processesSetting(credentials.processes) },
				maxRateLimitWaitMs: maxWait,
				lookup,
				readPage: async (path, pathParams, qs) =>
					await apiRequest.call(this, { method: 'GET', path, pathParams, qs, subject: request.subject }, itemIndex),
			},
			async () => (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_NAME, options)) as RawResponse,
		);
	} catch (error) {
		nameRejectedField(this, error, itemIndex);
		// WTS Chat's own error body, or n8n's request helper, can echo the token or the Authorization header.
		throw redactDeep(error, tokenSecrets(credentials.apiToken));
	}
}


/**
 * Checks a request against the API's contract without sending it: a batch operation checks each input item's entry
 * this way, so that one bad item is refused alone instead of failing the request of its batch.
 */
export async function checkBeforeSend(this: RequestContext, request: WtsRequest, itemIndex: number): Promise<void> {
	let host = apiHosts.get(this);
	if (host === undefined) {
		const credentials = await this.getCredentials(CREDENTIAL_NAME);
		host = new URL(normalizeBaseUrl(this.getNode(), credentials.baseUrl)).hostname;
		apiHosts.set(this, host);
	}
	checkRequest(this, request, itemIndex, host);
}

/**
 * The credential, read once per node run (n8n reads it from its database and decrypts it at every getCredentials;
 * a run of 1,000 items made 1,000 such reads).
 */
function credentialsOf(ctx: RequestContext): Promise<ICredentialDataDecryptedObject> {
	let read = credentialReads.get(ctx);
	if (!read) {
		read = ctx.getCredentials(CREDENTIAL_NAME);
		credentialReads.set(ctx, read);
		read.catch(() => credentialReads.delete(ctx));
	}
	return read;
}
const credentialReads = new WeakMap<object, Promise<ICredentialDataDecryptedObject>>();

/** The credential's API host per execution (checkBeforeSend runs once per item of a batch). */
const apiHosts = new WeakMap<object, string>();
