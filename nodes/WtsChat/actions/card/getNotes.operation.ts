import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listWithDateFilters } from '../../helpers/listing';
import { requireUuid } from '../../helpers/validation';
import { cardLocator } from '../locators';
import { CREATED_UPDATED_RANGES, datedListingProperties } from '../listing.descriptions';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [cardLocator({ description: 'The card whose notes to get' }), ...datedListingProperties()];

/** GET /crm/v1/panel/card/{cardId}/note, one output item per note (10 fields: no Simplify needed). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const cardId = requireUuid(this, 'cardId', i, 'Card ID');
	return await listWithDateFilters(
		this,
		i,
		{ method: 'GET', path: '/crm/v1/panel/card/{cardId}/note', pathParams: { cardId }, subject: { noun: 'Card', id: cardId } },
		CREATED_UPDATED_RANGES,
	);
}

export const operation = defineOperation({
	resource: 'card',
	value: 'getNotes',
	name: 'Get Notes',
	action: 'Get notes of a card',
	description: 'List the notes of a card',
	summary: 'The card\'s notes; date filters, order, Return All / Limit',
	endpoint: '`GET /crm/v1/panel/card/{cardId}/note`',
	properties,
	execute,
});
