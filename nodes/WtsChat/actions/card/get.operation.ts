import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { cardLocator } from '../locators';
import { optionsCollection } from '../listing.descriptions';
import { cardIncludeDetailsOption, cardSimplifyProperty, simplifyCards } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	cardLocator({ description: 'The card to get' }),
	cardSimplifyProperty,
	optionsCollection([cardIncludeDetailsOption]),
];

/** GET /crm/v2/panel/card/{id}. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'cardId', i, 'Card ID');
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const includeDetails = (options.includeDetails as string[]) ?? [];
	const card = (await apiRequest.call(
		this,
		{ method: 'GET', path: '/crm/v2/panel/card/{id}', pathParams: { id }, qs: { IncludeDetails: includeDetails }, subject: { noun: 'Card', id } },
		i,
	)) as IDataObject;
	return simplifyCards(this, i, card, includeDetails);
}

export const operation = defineOperation({
	resource: 'card',
	value: 'get',
	name: 'Get',
	action: 'Get a card',
	description: 'Get a card by ID',
	summary: 'One card, with optional details; **Simplify**',
	endpoint: '`GET /crm/v2/panel/card/{id}`',
	properties,
	execute,
});
