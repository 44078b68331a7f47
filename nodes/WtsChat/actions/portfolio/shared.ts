import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { requireUuid } from '../../helpers/validation';

/**
 * The documented body of the batch endpoints has no size limit (`contactIds` is an unbounded array); the node sends
 * at most 100 contacts per request, the largest batch any WTS endpoint documents (contact batch upsert, maxItems 100).
 */
export const PORTFOLIO_BATCH_SIZE = 100;

export interface PortfolioContactEntry {
	portfolioId: string;
	contactId: string;
}

/** The portfolio and contact of item `i`, both checked before any request. */
export function readPortfolioContact(ctx: IExecuteFunctions, i: number): PortfolioContactEntry {
	return { portfolioId: requireUuid(ctx, 'portfolioId', i, 'Portfolio ID'), contactId: requireUuid(ctx, 'contactId', i, 'Contact ID') };
}

/** What a removal outputs: the pair that is no longer linked. */
export const removed = (e: PortfolioContactEntry): IDataObject => ({ removed: true, portfolioId: e.portfolioId, contactId: e.contactId });

/** The distinct contact IDs of a batch, in input order (an item repeated in the input is sent once). */
export const distinctContactIds = (entries: PortfolioContactEntry[]): string[] => [...new Set(entries.map((e) => e.contactId))];
