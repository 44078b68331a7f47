import { removeOne, memberProperties } from '../contactMemberships';
import { defineOperation } from '../operation';
import { PORTFOLIO } from './shared';

export const operation = defineOperation({
	resource: 'portfolio',
	value: 'removeContact',
	name: 'Remove Contact',
	action: 'Remove a contact from a portfolio',
	description: 'Remove a contact from a portfolio (the contact is kept)',
	summary: 'Remove one contact (by ID or phone number) from a portfolio (the contact is kept); outputs `{deleted: true, id, portfolioId}` (`id` = the contact ID or phone number given)',
	endpoint: '`DELETE /core/v1/portfolio/{id}/contact` (JSON body)',
	properties: memberProperties(PORTFOLIO, 'remove', false),
	execute: removeOne(PORTFOLIO),
});
