import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readPaging, simplifyIfAsked } from '../../helpers/listing';
import { assertOneOf } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { optionsCollection, returnAllOrLimit, simplifyProperty } from '../listing.descriptions';
import { defineOperation } from '../operation';

/** What Simplify keeps of a custom field (PublicCustomFieldDTO has 16 fields). */
export const CUSTOM_FIELD_SIMPLE_FIELDS = ['id', 'key', 'name', 'type', 'entityType', 'scopeId', 'parentId', 'required', 'options', 'children'] as const;

const ENTITY_TYPES = [
	{ name: 'Contact', value: 'CONTACT', description: 'The custom fields of contacts' },
	{ name: 'Panel (CRM Card)', value: 'PANEL', description: 'The custom fields of CRM panel cards (scopeId is the panel)' },
];

const properties: INodeProperties[] = [
	{
		displayName: 'Entity Type',
		name: 'entityType',
		type: 'options',
		default: 'CONTACT',
		description: 'Whose custom fields to list',
		options: ENTITY_TYPES,
	},
	...returnAllOrLimit,
	simplifyProperty(CUSTOM_FIELD_SIMPLE_FIELDS),
	optionsCollection([
		{
			displayName: 'Nested in Groups',
			name: 'nestedList',
			type: 'boolean',
			default: false,
			description: 'Whether to return the groups with their fields in `children` instead of a flat list of every field and group',
		},
	]),
];

/** GET /core/v1/custom-field (a plain list), one output item per field (or group), cut to the limit. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const entityType = assertOneOf(this, this.getNodeParameter('entityType', i, 'CONTACT'), ENTITY_TYPES, i, 'Entity Type');
	const paging = readPaging(this, i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const qs = { EntityType: entityType, ...(options.nestedList === true ? { NestedList: true } : {}) };
	const body = await apiRequest.call(this, { method: 'GET', path: '/core/v1/custom-field', qs }, i);
	const fields = Array.isArray(body) ? (body as IDataObject[]) : [];
	return simplifyIfAsked(this, i, paging.returnAll ? fields : fields.slice(0, paging.limit), CUSTOM_FIELD_SIMPLE_FIELDS);
}

export const operation = defineOperation({
	resource: 'customField',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many custom fields',
	description: 'List the custom field definitions of contacts or CRM cards (name, key, type, options)',
	summary: 'The custom field definitions of contacts or of CRM panel cards (Entity Type), flat or **Nested in Groups**; Return All / Limit; **Simplify**',
	endpoint: '`GET /core/v1/custom-field`',
	properties,
	execute,
});
