import { removeMany, memberProperties } from '../contactMemberships';
import { defineOperation } from '../operation';
import { PORTFOLIO } from './shared';

export const operation = defineOperation({
	resource: 'portfolio',
	value: 'removeContacts',
	name: 'Remove Contacts',
	action: 'Remove many contacts from a portfolio',
	description: 'Remove the contacts of many input items from portfolios, 100 per request',
	summary: 'As Add Contacts, grouped by portfolio, up to 100 per request; each item outputs `{deleted: true, id, portfolioId}`',
	endpoint: '`DELETE /core/v1/portfolio/{id}/contact/batch` (JSON body)',
	properties: memberProperties(PORTFOLIO, 'remove', true),
	batch: removeMany(PORTFOLIO),
});
