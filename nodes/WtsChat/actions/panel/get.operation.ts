import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { optionsCollection, panelLocator } from '../common.descriptions';
import { DETAIL_OPTIONS, includeDetailsOption, panelSimplifyProperty, simplifyPanels } from './shared';

const properties: INodeProperties[] = [
	panelLocator({ description: 'The panel (funnel or board) to get' }),
	panelSimplifyProperty,
	optionsCollection([
		includeDetailsOption([DETAIL_OPTIONS.Cards, DETAIL_OPTIONS.StepsCardCount, DETAIL_OPTIONS.StepsFields, DETAIL_OPTIONS.Steps, DETAIL_OPTIONS.Tags]),
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['panel'], operation: ['get'] } }, properties);

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
