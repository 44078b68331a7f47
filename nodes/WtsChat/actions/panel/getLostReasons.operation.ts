import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listWithDateFilters } from '../../helpers/listing';
import { updateDisplayOptions } from '../../helpers/utils';
import { requireUuid } from '../../helpers/validation';
import { CREATED_UPDATED_RANGES, datedListingProperties, panelLocator } from '../common.descriptions';

const properties: INodeProperties[] = [
	panelLocator({ description: 'The sales panel whose lost reasons to get (management panels have none)' }),
	...datedListingProperties(),
];

export const description = updateDisplayOptions({ show: { resource: ['panel'], operation: ['getLostReasons'] } }, properties);

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
