import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { optionsCollection } from '../listing.descriptions';
import { panelLocator } from '../locators';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	panelLocator({ description: 'The panel whose card custom fields to get' }),
	optionsCollection([
		{
			displayName: 'Nested',
			name: 'nestedList',
			type: 'boolean',
			default: false,
			description: 'Whether to return the fields grouped (each group with its fields as children) instead of one flat list',
		},
	]),
];

/** GET /crm/v1/panel/{id}/custom-fields (a plain list), one output item per field. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const id = requireUuid(this, 'panelId', i, 'Panel ID');
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const fields = await apiRequest.call(
		this,
		{
			method: 'GET',
			path: '/crm/v1/panel/{id}/custom-fields',
			pathParams: { id },
			qs: { NestedList: options.nestedList === undefined ? undefined : Boolean(options.nestedList) },
			subject: { noun: 'Panel', id },
		},
		i,
	);
	return Array.isArray(fields) ? (fields as IDataObject[]) : [];
}

export const operation = defineOperation({
	resource: 'panel',
	value: 'getCustomFields',
	name: 'Get Custom Fields',
	action: 'Get custom fields of a panel',
	description: 'List the custom fields of the cards of a panel',
	summary: 'The custom fields of the panel\'s cards (key, type, options), flat or grouped (Nested)',
	endpoint: '`GET /crm/v1/panel/{id}/custom-fields`',
	properties,
	execute,
});
