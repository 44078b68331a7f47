import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listWithDateFilters } from '../../helpers/listing';
import { requireUuid } from '../../helpers/validation';
import { CREATED_UPDATED_RANGES, datedListingProperties } from '../listing.descriptions';
import { panelLocator } from '../locators';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	panelLocator({ description: 'The sales panel whose lost reasons to get (management panels have none)' }),
	...datedListingProperties(),
];

/** GET /crm/v1/panel/{id}/lost-reason, one output item per reason (the reason text is `description`). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const id = requireUuid(this, 'panelId', i, 'Panel ID');
	return await listWithDateFilters(
		this,
		i,
		{ method: 'GET', path: '/crm/v1/panel/{id}/lost-reason', pathParams: { id }, subject: { noun: 'Panel', id } },
		CREATED_UPDATED_RANGES,
	);
}

export const operation = defineOperation({
	resource: 'panel',
	value: 'getLostReasons',
	name: 'Get Lost Reasons',
	action: 'Get lost reasons of a panel',
	description: 'List the reasons a sales panel offers for lost cards',
	summary: 'The reasons a sales panel offers for lost cards; date filters, order, Return All / Limit',
	endpoint: '`GET /crm/v1/panel/{id}/lost-reason`',
	properties,
	execute,
});
