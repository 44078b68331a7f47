import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { orderQuery, readPaging } from '../../helpers/listing';
import { splitList } from '../../helpers/utils';
import { assertOneOf, optionalDateTime, uuidList } from '../../helpers/validation';
import { apiRequestAllItems } from '../../transport';
import { CREATED_UPDATED_RANGES, dateRangeFilters, filtersCollection, optionsCollection, orderOptions, returnAllOrLimit } from '../listing.descriptions';
import { keyValueEntries } from '../common.descriptions';
import { CONTACT_ORIGINS, CONTACT_STATUSES } from './fields';
import { contactSimplifyProperty, customFieldsField, includeDetailsOption, tagIdsField } from './descriptions';
import { readCustomFields, readEntries, simplifyContacts } from './bodies';
import { defineOperation } from '../operation';

const text = (displayName: string, name: string, description: string, placeholder: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	placeholder,
	description,
});

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	contactSimplifyProperty,
	filtersCollection([
		...dateRangeFilters(CREATED_UPDATED_RANGES),
		{
			...customFieldsField,
			description: 'Only contacts whose custom fields have these values (all must match)',
		},
		text('Email', 'email', 'Only contacts whose e-mail contains this text', 'e.g. @empresa.com'),
		text('Instagram', 'instagram', 'Only contacts whose Instagram user name contains this text', 'e.g. lojaexemplo'),
		keyValueEntries({
			description: 'Only contacts whose metadata has these values (all must match)',
			valueDescription: 'The value the key must have',
			placeholder: 'Add Metadata Filter',
		}),
		text('Name', 'name', 'Only contacts whose name contains this text', 'e.g. Maria'),
		{
			displayName: 'Origin',
			name: 'origin',
			type: 'options',
			options: CONTACT_ORIGINS,
			default: 'CREATED_BY_USER',
			description: 'Only contacts created this way',
		},
		text('Phone Number', 'phoneNumber', 'Only contacts whose phone number contains these digits', 'e.g. 11999990001'),
		text('Portfolio IDs', 'portfolioIds', 'Comma-separated portfolio IDs; only contacts in one of these portfolios', 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b'),
		text('Portfolio Names', 'portfolioNames', 'Comma-separated portfolio names; only contacts in one of these portfolios', 'e.g. Carteira SP'),
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: CONTACT_STATUSES,
			default: 'ACTIVE',
			description: 'Only contacts with this status (WTS Chat searches active contacts when no status is given)',
		},
		text('Tag Names (Text)', 'tagNames', 'Comma-separated tag names, typed; only contacts with one of these tags. To pick tags from a list use Tag Names or IDs.', 'e.g. vip, newsletter'),
		{ ...tagIdsField, description: `Only contacts with one of these tags. ${tagIdsField.description}` },
		text('Text', 'textFilter', 'Only contacts with this text in their name, phone, e-mail or Instagram', 'e.g. maria'),
	]),
	optionsCollection([includeDetailsOption, ...orderOptions]),
];

/** The PublicReqFilterContactDTO of item i, without paging. */
async function filterBody(ctx: IExecuteFunctions, i: number): Promise<IDataObject> {
	const filters = ctx.getNodeParameter('filters', i, {}) as IDataObject;
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	const body: IDataObject = {};
	for (const key of ['textFilter', 'name', 'email', 'instagram']) {
		const v = String(filters[key] ?? '').trim();
		if (v !== '') body[key] = v;
	}
	// A part of a number is a real filter ("99999-0001"): only its digits are sent, as WTS Chat stores them.
	const phone = String(filters.phoneNumber ?? '').trim();
	if (phone !== '') {
		if (!/^[\d\s().+\-|]+$/.test(phone) || !/\d/.test(phone)) {
			throw new NodeOperationError(ctx.getNode(), `"${phone.slice(0, 60)}" is not a valid Phone Number filter`, {
				description: 'Give the digits of the number, or a part of them, e.g. 11 99999-0001 or 99990001.',
				itemIndex: i,
			});
		}
		body.phoneNumber = phone.replace(/\D/g, '');
	}
	if (filters.status !== undefined) body.status = assertOneOf(ctx, filters.status, CONTACT_STATUSES, i, 'Status');
	if (filters.origin !== undefined) body.origin = assertOneOf(ctx, filters.origin, CONTACT_ORIGINS, i, 'Origin');
	const tagIds = uuidList(ctx, filters.tagIds, i, 'Tag ID');
	if (tagIds.length) body.tagIds = tagIds;
	if (splitList(filters.tagNames).length) body.tagNames = splitList(filters.tagNames);
	const portfolioIds = uuidList(ctx, filters.portfolioIds, i, 'Portfolio ID');
	if (portfolioIds.length) body.portfolioIds = portfolioIds;
	if (splitList(filters.portfolioNames).length) body.portfolioNames = splitList(filters.portfolioNames);
	for (const { key, api, label } of CREATED_UPDATED_RANGES) {
		const after = optionalDateTime(ctx, filters[`${key}After`], i, `${label} After`);
		const before = optionalDateTime(ctx, filters[`${key}Before`], i, `${label} Before`);
		if (after || before) body[api.charAt(0).toLowerCase() + api.slice(1)] = { ...(after ? { after } : {}), ...(before ? { before } : {}) };
	}
	const metadata = readEntries(ctx, filters.metadata, i, 'metadata filter');
	for (const [k, v] of Object.entries(metadata)) {
		if (v === '') {
			throw new NodeOperationError(ctx.getNode(), `The metadata filter "${k}" has an empty value`, {
				description: 'Give the filter the value the key must have, or remove the entry.',
				itemIndex: i,
			});
		}
	}
	if (Object.keys(metadata).length) body.metadata = metadata;
	const include = (options.includeDetails as string[]) ?? [];
	if (include.length) body.includeDetails = include;
	const order = orderQuery(options);
	if (order.OrderBy) {
		body.orderBy = order.OrderBy;
		body.orderDirection = order.OrderDirection;
	}
	const customFields = await readCustomFields(ctx, filters.customFields, i);
	if (customFields) body.customFields = customFields;
	return body;
}

/** POST /core/v1/contact/filter, page by page (the paging is in the body), one output item per contact. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const paging = readPaging(this, i);
	const body = await filterBody(this, i);
	// A search changes nothing: a retry after a dropped connection is safe.
	const request = { method: 'POST', path: '/core/v1/contact/filter', body, idempotent: true, pageIn: 'body' } as const;
	return simplifyContacts(this, i, await apiRequestAllItems.call(this, request, paging, i));
}

export const operation = defineOperation({
	resource: 'contact',
	value: 'search',
	name: 'Search',
	action: 'Search contacts',
	description: 'Find contacts by text, name, phone, tags, custom fields and more',
	summary: 'Find contacts by text, name, phone, e-mail, Instagram, tags (IDs or names), portfolios (IDs or names), origin, status, custom field values (picked by name), metadata, created / updated ranges; Return All / Limit (the paging is in the body); **Simplify**',
	endpoint: '`POST /core/v1/contact/filter`',
	properties,
	execute,
});
