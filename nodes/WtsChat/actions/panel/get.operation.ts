import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { optionsCollection } from '../listing.descriptions';
import { panelLocator } from '../locators';
import { DETAIL_OPTIONS, includeDetailsOption, panelSimplifyProperty, simplifyPanels } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	panelLocator({ description: 'The panel (funnel or board) to get' }),
	panelSimplifyProperty,
	optionsCollection([
		includeDetailsOption([DETAIL_OPTIONS.Cards, DETAIL_OPTIONS.StepsCardCount, DETAIL_OPTIONS.StepsFields, DETAIL_OPTIONS.Steps, DETAIL_OPTIONS.Tags]),
	]),
];

/** GET /crm/v1/panel/{id}. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'panelId', i, 'Panel ID');
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const includeDetails = [...new Set((options.includeDetails as string[]) ?? [])];
	const panel = (await apiRequest.call(
		this,
		{ method: 'GET', path: '/crm/v1/panel/{id}', pathParams: { id }, qs: { IncludeDetails: includeDetails }, subject: { noun: 'Panel', id } },
		i,
	)) as IDataObject;
	return simplifyPanels(this, i, panel, includeDetails);
}

export const operation = defineOperation({
	resource: 'panel',
	value: 'get',
	name: 'Get',
	action: 'Get a panel',
	description: 'Get a CRM panel (funnel or board) by ID',
	summary: 'One panel, with optional details (steps, step fields, step card counts, the cards of each step, tags); **Simplify**',
	endpoint: '`GET /crm/v1/panel/{id}`',
	properties,
	execute,
});
