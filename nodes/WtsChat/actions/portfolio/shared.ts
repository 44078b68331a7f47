import type { MembershipList } from '../contactMemberships';
import { portfolioLocator } from '../locators';

/** Portfolios as lists of contacts (actions/contactMemberships.ts): what differs from sequences. */
export const PORTFOLIO: MembershipList = {
	noun: 'Portfolio',
	idParameter: 'portfolioId',
	idLabel: 'Portfolio ID',
	locator: (description) => portfolioLocator({ description }),
	path: '/core/v1/portfolio/{id}/contact',
	batchPath: '/core/v1/portfolio/{id}/contact/batch',
	// Its own paging model (`Page` / `PageSize`); the links carry `contactDetails` (phones are matched on them).
	listing: { path: '/core/v1/portfolio/{id}/contact', pageIn: 'Page' },
};
