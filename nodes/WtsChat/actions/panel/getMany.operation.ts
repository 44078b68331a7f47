import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listWithDateFilters } from '../../helpers/listing';
import { optionalText } from '../../helpers/utils';
import { assertOneOf } from '../../helpers/validation';
import { CREATED_UPDATED_RANGES, dateRangeFilters, filtersCollection, optionsCollection, orderOptions, returnAllOrLimit } from '../listing.descriptions';
import { DETAIL_OPTIONS, includeDetailsOption, panelSimplifyProperty, simplifyPanels } from './shared';
import { defineOperation } from '../operation';

export const PANEL_TYPES = [
	{ name: 'Management', value: 'MANAGEMENT' },
	{ name: 'Sales', value: 'SALES' },
];

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	panelSimplifyProperty,
	filtersCollection([
		...dateRangeFilters(CREATED_UPDATED_RANGES),
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
			placeholder: 'e.g. Sales',
			description: 'Only panels whose title contains this text',
		},
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			default: 'SALES',
			description: 'Only panels of this type',
			options: PANEL_TYPES,
		},
	]),
	optionsCollection([
		includeDetailsOption([DETAIL_OPTIONS.PanelCardOverdueCount, DETAIL_OPTIONS.StepsCardCount, DETAIL_OPTIONS.Steps, DETAIL_OPTIONS.Tags]),
		...orderOptions,
	]),
];

/** GET /crm/v2/panel, one output item per panel. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const includeDetails = (options.includeDetails as string[]) ?? [];
	const qs = {
		Title: optionalText(filters.title),
		Type: filters.type !== undefined ? assertOneOf(this, filters.type, PANEL_TYPES, i, 'Type') : undefined,
		IncludeDetails: includeDetails,
	};
	const panels = await listWithDateFilters(this, i, { method: 'GET', path: '/crm/v2/panel', qs }, CREATED_UPDATED_RANGES);
	return simplifyPanels(this, i, panels, includeDetails);
}

export const operation = defineOperation({
	resource: 'panel',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many panels',
	description: 'List CRM panels, with filters',
	summary: 'List panels (funnels / boards); filters: title, type (Sales / Management), created / updated date ranges; include details (steps, step card counts, tags, overdue card count); order; Return All / Limit; **Simplify**',
	endpoint: '`GET /crm/v2/panel`',
	properties,
	execute,
});
