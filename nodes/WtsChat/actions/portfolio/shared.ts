import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ContactRef } from '../../helpers/contactRef';
import { contactRefId, readContactRef } from '../../helpers/contactRef';
import { requireUuid } from '../../helpers/validation';

/**
 * The documented body of the batch endpoints has no size limit (`contactIds` is an unbounded array); the node sends
 * at most 100 contacts per request, the largest batch any WTS endpoint documents (contact batch upsert, maxItems 100).
 */
export const PORTFOLIO_BATCH_SIZE = 100;

/** The portfolio and the contact (by ID or phone number) of an add/remove. */
export interface PortfolioContactEntry extends ContactRef {
	portfolioId: string;
}

/** The portfolio and contact of item `i`, both checked before any request. */
export function readPortfolioContact(ctx: IExecuteFunctions, i: number): PortfolioContactEntry {
	return { portfolioId: requireUuid(ctx, 'portfolioId', i, 'Portfolio ID'), ...readContactRef(ctx, i) };
}

/** What a removal outputs: `{deleted: true, id}` with the contact ID (or phone number) and the portfolio. */
export const removed = (e: PortfolioContactEntry): IDataObject => ({ deleted: true, id: contactRefId(e), portfolioId: e.portfolioId });
