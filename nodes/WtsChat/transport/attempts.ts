import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import type { RequestSubject } from './errors';
import { apiError, isFormError, networkError, networkErrorCode } from './errors';
import type { PacingTicket } from './pacing';
import { acquire } from './pacing';
import type { SendLookup } from './recovery';
import { earliestServerTime, isProcessedSend, knownSent, observeServerDate, rememberSent } from './recovery';
import type { Query } from './request';
import { backoffDelayMs, isRetryableNetworkError, isRetryableStatus, MAX_ATTEMPTS, parseRetryAfter, rateLimitWaitMs } from './retry';

/** Sending one request until it has an answer: pacing, the retry policy, and the lookup of ambiguous sends. */

export interface RawResponse {
	body: unknown;
	headers: IDataObject;
	statusCode: number;
}

function parseBody(body: unknown): unknown {
	if (typeof body === 'string') {
		const t = body.trim();
		if (t === '') return undefined;
		if (t.startsWith('{') || t.startsWith('[')) {
			try {
				return JSON.parse(t);
			} catch {
				return body;
			}
		}
	}
	return body;
}

/** Everything withRetries needs to know about the request besides how to send it. */
export interface RetryContext {
	node: INode;
	itemIndex: number | undefined;
	idempotent: boolean;
	subject?: RequestSubject;
	/** Pacing of the API's windows (absent for the storage upload, which is not the API). */
	pacing?: { account: string; path: string; processes?: number };
	/** Longest total wait on 429s, ms. */
	maxRateLimitWaitMs: number;
	/** How to find out whether an ambiguous failure of this send was processed (see recovery.ts). */
	lookup?: SendLookup | { uncheckable: string };
	/** Reads one page of a listing (for the lookup). */
	readPage?: (path: string, pathParams: Record<string, string>, qs: Query) => Promise<unknown>;
}

/** A 502/503/504 or a dropped connection after the request was written: WTS may have processed it. */
type Ambiguous = { status: number; body: unknown } | { code: string };

const LOOKUP_PAGE_SIZE = 50;
/** A 504 or a timeout may mean WTS is still processing: the lookup looks again after this long. */
const SETTLE_MS = 2_000;

/** Looks for the processed send; the message found, null when it is not there. Throws when the lookup fails. */
async function findProcessedSend(rc: RetryContext, lookup: SendLookup, sentAt: number): Promise<IDataObject | null> {
	const account = rc.pacing?.account ?? '';
	const notBefore = earliestServerTime(account, sentAt);
	const page = (await rc.readPage!(lookup.path, lookup.pathParams, {
		'CreatedAt.After': new Date(notBefore).toISOString(),
		OrderBy: 'createdAt',
		OrderDirection: 'DESCENDING',
		PageNumber: 1,
		PageSize: LOOKUP_PAGE_SIZE,
	})) as IDataObject | IDataObject[] | undefined;
	const items = Array.isArray(page) ? page : Array.isArray(page?.items) ? (page.items as IDataObject[]) : [];
	const exclude = knownSent(account);
	return items.find((m) => isProcessedSend(m, lookup, notBefore, exclude)) ?? null;
}

function ambiguousError(rc: RetryContext, failure: Ambiguous, attempt: number, why: string): NodeApiError {
	const description = `WTS Chat may have sent it: ${why}. Check the conversation in WTS Chat before sending this item again; running the node again (or n8n's Retry On Fail, which re-runs every item) could send it twice.`;
	if ('code' in failure) return networkError(rc.node, failure.code, rc.itemIndex, true, attempt, description);
	return apiError(rc.node, failure.status, failure.body, rc.itemIndex, {
		attempts: attempt,
		subject: rc.subject,
		mayHaveBeenSent: description,
	});
}

/** What one attempt came to. */
type Outcome =
	| { kind: 'done'; body: unknown }
	/** Worth another attempt (a retryable status or network failure); `error` is what to throw after the last. */
	| { kind: 'retry'; error: (attempts: number) => Error }
	/** A 429: rejected before being processed. */
	| { kind: 'rateLimited'; status: number; body: unknown; retryAfter?: number }
	/** A write that may have been processed. */
	| { kind: 'ambiguous'; failure: Ambiguous };

/** Sends once and classifies the answer (or throws what cannot be retried). */
async function attemptOnce(rc: RetryContext, send: () => Promise<RawResponse>, done: () => void, attempt: number): Promise<Outcome> {
	const { node, itemIndex, idempotent, subject } = rc;
	let response: RawResponse;
	try {
		response = await send();
	} catch (error) {
		done();
		const code = networkErrorCode(error);
		if (code === undefined) {
			// Not a network failure (n8n refused to send it, e.g. a blocked URL). Only the message is kept: the
			// original error can carry the request's headers.
			const text = (error as Error)?.message ?? String(error);
			throw new NodeApiError(node, { message: text } as JsonObject, {
				message: text,
				description: 'n8n could not send the request to WTS Chat. Check the Base URL in the WTS Chat credential.',
				itemIndex,
			});
		}
		if (isRetryableNetworkError(code, idempotent)) return { kind: 'retry', error: (attempts) => networkError(node, code, itemIndex, false, attempts) };
		return { kind: 'ambiguous', failure: { code } };
	}
	done();
	if (rc.pacing) observeServerDate(rc.pacing.account, response.headers?.date, Date.now());
	const status = response.statusCode;
	const body = parseBody(response.body);
	if (status >= 200 && status < 300) {
		if (rc.lookup && rc.pacing) rememberSent(rc.pacing.account, body);
		return { kind: 'done', body };
	}
	if (status === 429) return { kind: 'rateLimited', status, body, retryAfter: parseRetryAfter(response.headers['retry-after']) };
	if (isRetryableStatus(status, idempotent)) {
		return { kind: 'retry', error: (attempts) => apiError(node, status, body, itemIndex, { attempts, subject }) };
	}
	const gateway = status === 502 || status === 503 || status === 504;
	// A 500 other than WTS's FORM_ERROR may have come after the message was saved: a send looks it up.
	const serverFailure = status === 500 && rc.lookup !== undefined && !('uncheckable' in rc.lookup) && !isFormError(body);
	if (!gateway && !serverFailure) throw apiError(node, status, body, itemIndex, { attempts: attempt, subject });
	return { kind: 'ambiguous', failure: { status, body } };
}

/**
 * A write that may have been processed: looked up (recovery.ts) where the request has a lookup; the message found,
 * or null when it was not processed (sending it again cannot make a duplicate). Throws when it cannot be known.
 */
async function resolveAmbiguous(rc: RetryContext, failure: Ambiguous, sentAt: number, attempt: number): Promise<IDataObject | null> {
	const { node, itemIndex, subject, lookup } = rc;
	if (!lookup || !rc.readPage) {
		const why = 'the request failed after it was sent, and a write is never sent twice by the node';
		if ('code' in failure) throw networkError(node, failure.code, itemIndex, true, attempt);
		throw apiError(node, failure.status, failure.body, itemIndex, {
			attempts: attempt,
			subject,
			mayHaveBeenSent: `WTS Chat may have processed it: ${why}. Check in WTS Chat whether it took effect before running this item again.`,
		});
	}
	if ('uncheckable' in lookup) throw ambiguousError(rc, failure, attempt, lookup.uncheckable);
	let found: IDataObject | null;
	try {
		found = await findProcessedSend(rc, lookup, sentAt);
		const mayStillRun = ('status' in failure && failure.status === 504) || ('code' in failure && /TIMEDOUT|ABORTED/.test(failure.code));
		if (!found && mayStillRun) {
			await sleep(SETTLE_MS);
			found = await findProcessedSend(rc, lookup, sentAt);
		}
	} catch {
		throw ambiguousError(rc, failure, attempt, 'the request failed after it was sent, and looking for the message in the session failed too');
	}
	if (found) {
		rememberSent(rc.pacing?.account ?? '', found);
		return found;
	}
	if (attempt >= MAX_ATTEMPTS) {
		const what = 'status' in failure ? `HTTP ${failure.status}` : 'a dropped connection';
		const message = `WTS Chat did not take the message after ${attempt} attempts (the last ended with ${what})`;
		throw new NodeApiError(node, { message } as JsonObject, {
			message,
			description:
				'After each attempt the node looked for the message in the session and it was not there, so it was not sent. WTS Chat is having trouble: run this item again later.',
			itemIndex,
		});
	}
	return null;
}

/**
 * Sends one request with the project's retry policy (see retry.ts), paced to the documented windows
 * (pacing.ts). `send` performs a single attempt and returns the full response without throwing on HTTP status;
 * network failures throw. Ambiguous failures of sends are resolved by looking for the message (recovery.ts).
 */
export async function withRetries(rc: RetryContext, send: () => Promise<RawResponse>): Promise<unknown> {
	let rateLimited = 0;
	let rateLimitWaitedMs = 0;
	// The part of rateLimitWaitedMs the next acquire spends (counted when the 429 came, waited in the pacing).
	let waitingNowMs = 0;
	// A 429 the item may not wait out any longer (Max Wait on Rate Limit), before a request or after one.
	const rateLimitError = (status: number, body: unknown, retryAfterSeconds: number | undefined, attempts: number) =>
		apiError(rc.node, status, body, rc.itemIndex, {
			retryAfterSeconds,
			attempts,
			subject: rc.subject,
			rateLimitWaitedSeconds: Math.round(rateLimitWaitedMs / 1000),
			maxRateLimitWaitSeconds: Math.round(rc.maxRateLimitWaitMs / 1000),
		});
	for (let attempt = 1; ; attempt++) {
		const paced = rc.pacing
			? await acquire(rc.pacing.account, rc.pacing.path, rc.pacing.processes, rc.maxRateLimitWaitMs - rateLimitWaitedMs + waitingNowMs)
			: undefined;
		if (paced && 'blockedMs' in paced) {
			// An earlier 429's Retry-After (of any request of the account) is longer than this item may still wait.
			throw rateLimitError(429, undefined, Math.ceil(paced.blockedMs / 1000), attempt - 1);
		}
		const ticket: PacingTicket | undefined = paced;
		waitingNowMs = 0;
		const sentAt = Date.now();
		let outcome: Outcome | undefined;
		try {
			outcome = await attemptOnce(rc, send, () => ticket?.done(), attempt);
		} finally {
			// Any end but a 429 (handled below) ends a probe: WTS took the request, or it failed on the way.
			if (ticket && outcome?.kind !== 'rateLimited') ticket.answered();
		}
		if (outcome.kind === 'done') return outcome.body;
		if (outcome.kind === 'retry') {
			if (attempt >= MAX_ATTEMPTS) throw outcome.error(attempt);
			await sleep(backoffDelayMs(attempt));
			continue;
		}
		if (outcome.kind === 'rateLimited') {
			// Rejected before being processed: wait it out (shared by every request of the account) and resend.
			rateLimited++;
			const retryAfterMs = outcome.retryAfter === undefined ? undefined : rateLimitWaitMs(rateLimited, outcome.retryAfter);
			// Paced requests: the pacing decides when the account may be tried again (pacing.ts).
			const wait = ticket ? ticket.rejected(retryAfterMs) : rateLimitWaitMs(rateLimited, outcome.retryAfter);
			if (rateLimitWaitedMs + wait > rc.maxRateLimitWaitMs) {
				throw rateLimitError(outcome.status, outcome.body, outcome.retryAfter, attempt);
			}
			rateLimitWaitedMs += wait;
			waitingNowMs = ticket ? wait : 0;
			if (!ticket) await sleep(wait);
			attempt--; // a rejected request is not an attempt: it was not processed
			continue;
		}
		const found = await resolveAmbiguous(rc, outcome.failure, sentAt, attempt);
		if (found) return found;
	}
}
