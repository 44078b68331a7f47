import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyIfAsked } from '../../helpers/listing';
import { apiRequest } from '../../transport';
import { optionsCollection, simplifyProperty } from '../listing.descriptions';
import { defineOperation } from '../operation';

/** The custom-field fields Simplify keeps (9 of 16). */
const CUSTOM_FIELD_SIMPLE_FIELDS = ['id', 'key', 'name', 'type', 'parentId', 'required', 'visible', 'options', 'children'] as const;

const properties: INodeProperties[] = [
	simplifyProperty(CUSTOM_FIELD_SIMPLE_FIELDS),
	optionsCollection([
		{
			displayName: 'Nested List',
			name: 'nestedList',
			type: 'boolean',
			default: false,
			description: 'Whether to return the fields inside their groups (under children) instead of one flat list',
		},
	]),
];

/** GET /core/v1/contact/custom-field (a plain list), one output item per field. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const body = await apiRequest.call(
		this,
		{ method: 'GET', path: '/core/v1/contact/custom-field', qs: { NestedList: options.nestedList === undefined ? undefined : options.nestedList === true } },
		i,
	);
	const fields = Array.isArray(body) ? (body as IDataObject[]) : [];
	return simplifyIfAsked(this, i, fields, CUSTOM_FIELD_SIMPLE_FIELDS);
}

export const operation = defineOperation({
	resource: 'contact',
	value: 'getCustomFields',
	name: 'Get Custom Fields',
	action: 'Get contact custom fields',
	description: 'Get the contact custom fields of the account',
	summary: 'The contact custom fields of the account (flat, or nested in their groups); **Simplify**',
	endpoint: '`GET /core/v1/contact/custom-field`',
	properties,
	execute,
});
