import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { simplifyIfAsked } from '../../helpers/listing';
import { defaultCountryCodeOption, readPhone } from '../../helpers/phone';
import { assertOneOf, readKeyValueEntries, uuidList } from '../../helpers/validation';
import { keyValueEntries, phoneParameter, simplifyProperty, sortedByName } from '../common.descriptions';
import { customFieldsBody } from '../../helpers/customFields';
import { splitList } from '../../helpers/utils';

export const CONTACT_STATUSES = [
	{ name: 'Active', value: 'ACTIVE' },
	{ name: 'Archived', value: 'ARCHIVED' },
	{ name: 'Blocked', value: 'BLOCKED' },
];

export const CONTACT_ORIGINS = [
	{ name: 'Created By User', value: 'CREATED_BY_USER' },
	{ name: 'Created By Hub', value: 'CREATED_FROM_HUB' },
	{ name: 'Imported', value: 'IMPORTED' },
];

/** The contact `fields` mask values (PublicReqUpdateContactDTO.fields, also the upsert fields). */
export const CONTACT_MASK_FIELDS = [
	{ name: 'Annotation', value: 'Annotation' },
	{ name: 'Custom Fields', value: 'CustomFields' },
	{ name: 'Email', value: 'Email' },
	{ name: 'Instagram', value: 'Instagram' },
	{ name: 'Metadata', value: 'Metadata' },
	{ name: 'Name', value: 'Name' },
	{ name: 'Phone Number', value: 'PhoneNumber' },
	{ name: 'Picture URL', value: 'PictureUrl' },
	{ name: 'Portfolio', value: 'Portfolio' },
	{ name: 'Sequence IDs', value: 'SequenceIds' },
	{ name: 'Status', value: 'Status' },
	{ name: 'Tags', value: 'Tags' },
	{ name: 'UTM', value: 'Utm' },
];

/**
 * The mask values Create's "Fields to Update" offers: the fields Create can send a value for (its body has no
 * picture, status or UTM, so choosing those would change nothing).
 */
export const UPSERT_MASK_FIELDS = CONTACT_MASK_FIELDS.filter((f) => !['PictureUrl', 'Status', 'Utm'].includes(f.value));

/** Tag operations of the update / update-tags bodies (the upsert options use the same words in upper case). */
export const TAG_OPERATIONS = [
	{ name: 'Add', value: 'InsertIfNotExists', description: 'Add the tags the contact does not have yet' },
	{ name: 'Remove', value: 'DeleteIfExists', description: 'Remove these tags from the contact' },
	{ name: 'Replace', value: 'ReplaceAll', description: 'The contact keeps exactly these tags' },
];

export const INCLUDE_DETAILS = [
	{ name: 'Custom Fields', value: 'CustomFields' },
	{ name: 'Portfolios', value: 'Portfolios' },
	{ name: 'Tags', value: 'Tags' },
];

export const includeDetailsOption: INodeProperties = {
	displayName: 'Include Details',
	name: 'includeDetails',
	type: 'multiOptions',
	default: [],
	description: 'Related data to fill in each contact (tags, custom field values, portfolios); without it those fields are empty',
	options: INCLUDE_DETAILS,
};

/** The contact fields Simplify keeps (12 of 24). */
export const CONTACT_SIMPLE_FIELDS = [
	'id',
	'createdAt',
	'name',
	'phoneNumber',
	'phoneNumberFormatted',
	'email',
	'instagram',
	'status',
	'tagIds',
	'tagNames',
	'customFields',
	'metadata',
] as const;

export const contactSimplifyProperty = simplifyProperty(CONTACT_SIMPLE_FIELDS);

export function simplifyContacts<T extends IDataObject | IDataObject[]>(ctx: IExecuteFunctions, i: number, data: T): T {
	return simplifyIfAsked(ctx, i, data, CONTACT_SIMPLE_FIELDS);
}

export { defaultCountryCodeOption, phoneParameter, readPhone };

// ---------------------------------------------------------------- tags

export const tagIdsField: INodeProperties = {
	displayName: 'Tag Names or IDs',
	name: 'tagIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getTags' },
	default: [],
	description:
		'Tags of the account. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const tagNamesField: INodeProperties = {
	displayName: 'Tag Names (Text)',
	name: 'tagNames',
	type: 'string',
	default: '',
	placeholder: 'e.g. vip, newsletter',
	description: 'Comma-separated tag names, for tags given by name (WTS Chat creates a tag that does not exist yet)',
};

/**
 * `{<ids>}` or `{<names>}` from a pair of fields of item i (tags, portfolios). WTS Chat ignores the names when IDs
 * are given, so giving both is refused rather than half ignored.
 */
function readIdsOrNames(
	ctx: IExecuteFunctions,
	source: IDataObject,
	i: number,
	o: { ids: string; names: string; noun: string; plural: string; idsField: string; namesField: string },
): IDataObject {
	const ids = uuidList(ctx, source[o.ids], i, `${o.noun} ID`);
	const names = splitList(source[o.names]);
	if (ids.length && names.length) {
		throw new NodeOperationError(ctx.getNode(), `${o.plural} are given both from the list and by name`, {
			description: `WTS Chat ignores ${o.noun.toLowerCase()} names when ${o.noun.toLowerCase()} IDs are sent. Pick every ${o.noun.toLowerCase()} from the list (${o.idsField}), or give every ${o.noun.toLowerCase()} by name (${o.namesField}).`,
			itemIndex: i,
		});
	}
	if (ids.length) return { [o.ids]: ids };
	if (names.length) return { [o.names]: names };
	return {};
}

/** `{tagIds}` or `{tagNames}` from the tag fields of item i. */
export function readTags(ctx: IExecuteFunctions, source: IDataObject, i: number): { tagIds?: string[]; tagNames?: string[] } {
	return readIdsOrNames(ctx, source, i, {
		ids: 'tagIds',
		names: 'tagNames',
		noun: 'Tag',
		plural: 'Tags',
		idsField: tagIdsField.displayName,
		namesField: tagNamesField.displayName,
	}) as { tagIds?: string[]; tagNames?: string[] };
}

// ---------------------------------------------------------------- portfolios

export const portfolioIdsField: INodeProperties = {
	displayName: 'Portfolio Names or IDs',
	name: 'portfolioIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getPortfolios' },
	default: [],
	description:
		'Portfolios (carteiras) of the account. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const portfolioNamesField: INodeProperties = {
	displayName: 'Portfolio Names (Text)',
	name: 'portfolioNames',
	type: 'string',
	default: '',
	placeholder: 'e.g. Carteira SP, Clientes VIP',
	description: 'Comma-separated portfolio names, for portfolios given by name',
};

/** `{portfolioIds}` or `{portfolioNames}` from the portfolio fields of item i. */
export function readPortfolios(ctx: IExecuteFunctions, source: IDataObject, i: number): IDataObject {
	return readIdsOrNames(ctx, source, i, {
		ids: 'portfolioIds',
		names: 'portfolioNames',
		noun: 'Portfolio',
		plural: 'Portfolios',
		idsField: portfolioIdsField.displayName,
		namesField: portfolioNamesField.displayName,
	});
}

// ---------------------------------------------------------------- custom fields and metadata

export const customFieldsField: INodeProperties = {
	displayName: 'Custom Fields',
	name: 'customFields',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Custom Field',
	default: {},
	description: 'Values of the contact custom fields of the account, sent by their key',
	options: [
		{
			displayName: 'Field',
			name: 'fields',
			values: [
				{
					displayName: 'Field Name or ID',
					name: 'key',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getContactCustomFields' },
					default: '',
					description:
						'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					hint: 'The custom field; by expression, give its key (as listed by Contact → List Custom Fields)',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					description:
						"The value, checked against the field's type: a number, true/false, a date (2026-01-31), a date and time, a time (18:30), an option's name, or comma-separated option names for a multi-select. To empty a field, list it under Custom Fields to Clear (Update).",
				},
			],
		},
	],
};

/** Metadata of a contact write (the shared key/value entries). */
export const metadataField = (description: string): INodeProperties =>
	keyValueEntries({ description, valueDescription: 'The value to store under the key', placeholder: 'Add Metadata' });

/** Key/value entries of a fixedCollection as an object; an empty key is refused. */
export function readEntries(ctx: IExecuteFunctions, collection: unknown, i: number, what: string): IDataObject {
	const out: IDataObject = {};
	for (const { key, value } of readKeyValueEntries(ctx, collection, i, what)) out[key] = value;
	return out;
}

/**
 * The Custom Fields entries of item i (and the fields to clear) as the API's `customFields` object, typed and checked
 * by their definitions as on every resource (helpers/customFields.ts); undefined when none is given.
 */
export async function readCustomFields(ctx: IExecuteFunctions, collection: unknown, i: number, clear: string[] = []): Promise<IDataObject | undefined> {
	const entries = (((collection as IDataObject)?.fields as IDataObject[]) ?? []).map((e) => ({ key: String(e.key ?? '').trim(), value: e.value }));
	if (entries.length === 0 && clear.length === 0) return undefined;
	return await customFieldsBody(ctx, i, { kind: 'contact' }, entries, clear);
}

// ---------------------------------------------------------------- contact bodies

/** Name, e-mail and the other plain contact fields that may be set by create, upsert and update. */
export const contactTextFields: INodeProperties[] = [
	{ displayName: 'Annotation', name: 'annotation', type: 'string', typeOptions: { rows: 3 }, default: '', description: 'Internal notes of the team about the contact' },
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'e.g. name@email.com', default: '', description: 'E-mail address of the contact' },
	{ displayName: 'Instagram', name: 'instagram', type: 'string', default: '', placeholder: 'e.g. @lojaexemplo', description: 'Instagram user name of the contact' },
];

export const sequenceIdsField: INodeProperties = {
	displayName: 'Sequence IDs',
	name: 'sequenceIds',
	type: 'string',
	default: '',
	placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b',
	description: 'Comma-separated IDs of message sequences to add the contact to',
};

const MAX_TEXT = 255;

function checkLength(ctx: IExecuteFunctions, value: string, i: number, label: string): string {
	if (value.length > MAX_TEXT) {
		throw new NodeOperationError(ctx.getNode(), `${label} is longer than ${MAX_TEXT} characters`, {
			description: `WTS Chat keeps at most ${MAX_TEXT} characters in ${label}; shorten it.`,
			itemIndex: i,
		});
	}
	return value;
}

/**
 * The PublicReqCreateContactDTO fields of item i from `fields` (name, phone and the additional fields), and the
 * mask names they stand for. Used by Create, Upsert Many and (with `update`) Update.
 */
export async function contactBody(
	ctx: IExecuteFunctions,
	fields: IDataObject,
	i: number,
	update = false,
): Promise<{ body: IDataObject; mask: Set<string> }> {
	const body: IDataObject = {};
	const mask = new Set<string>();
	const text = (key: string, label: string, maskName: string, limit = true) => {
		if (fields[key] === undefined) return;
		const value = String(fields[key] ?? '');
		body[key] = limit ? checkLength(ctx, value, i, label) : value;
		mask.add(maskName);
	};
	text('name', 'Name', 'Name');
	if (fields.phoneNumber !== undefined && (update || String(fields.phoneNumber).trim() !== '')) {
		body.phoneNumber = readPhone(ctx, fields.phoneNumber, i);
		mask.add('PhoneNumber');
	}
	text('email', 'Email', 'Email');
	if (fields.instagram !== undefined) {
		body.instagram = checkLength(ctx, String(fields.instagram ?? '').trim(), i, 'Instagram');
		mask.add('Instagram');
	}
	text('annotation', 'Annotation', 'Annotation', false);
	if (update) {
		if (fields.status !== undefined) {
			const status = String(fields.status);
			if (!CONTACT_STATUSES.some((s) => s.value === status)) {
				throw new NodeOperationError(ctx.getNode(), `"${status.slice(0, 40)}" is not a valid Status`, {
					description: `Use one of: ${CONTACT_STATUSES.map((s) => s.value).join(', ')} (upper case, as WTS Chat expects).`,
					itemIndex: i,
				});
			}
			body.status = status;
			mask.add('Status');
		}
		if (fields.pictureUrl !== undefined) {
			body.pictureUrl = String(fields.pictureUrl ?? '');
			mask.add('PictureUrl');
		}
		const utm = (fields.utm as IDataObject)?.values as IDataObject | undefined;
		if (utm) {
			const out: IDataObject = {};
			for (const k of ['source', 'medium', 'campaign', 'content', 'headline', 'term', 'referralUrl']) {
				if (utm[k] !== undefined && utm[k] !== '') out[k] = String(utm[k]);
			}
			body.utm = out;
			mask.add('Utm');
		}
	}
	const tags = readTags(ctx, fields, i);
	if (tags.tagIds || tags.tagNames) {
		Object.assign(body, tags);
		mask.add('Tags');
	}
	const portfolios = readPortfolios(ctx, fields, i);
	if (Object.keys(portfolios).length) {
		Object.assign(body, portfolios);
		mask.add('Portfolio');
	}
	if (fields.sequenceIds !== undefined) {
		const ids = uuidList(ctx, fields.sequenceIds, i, 'Sequence ID');
		if (ids.length) {
			body.sequenceIds = ids;
			mask.add('SequenceIds');
		}
	}
	const customFields = await readCustomFields(ctx, fields.customFields, i, update ? splitList(fields.clearCustomFields) : []);
	if (customFields) {
		body.customFields = customFields;
		mask.add('CustomFields');
	}
	const metadata = readEntries(ctx, fields.metadata, i, 'metadata entry');
	if (Object.keys(metadata).length) {
		body.metadata = metadata;
		mask.add('Metadata');
	}
	return { body, mask };
}

/** A contact can only be created with a way to reach it. */
export function requireReach(ctx: IExecuteFunctions, body: IDataObject, i: number): void {
	if (!body.phoneNumber && !body.email && !body.instagram) {
		throw new NodeOperationError(ctx.getNode(), `The contact has no phone number, email or Instagram`, {
			description: 'WTS Chat needs at least one of Phone Number, Email or Instagram to create (or find) a contact. Add one.',
			itemIndex: i,
		});
	}
}

/** The fields of a new contact besides name and phone (Create and Upsert Many). */
export const createFieldsCollection: INodeProperties = {
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	description: 'More data of the contact; only the fields added here are sent',
	options: sortedByName([
		...contactTextFields,
		customFieldsField,
		metadataField('Keys and values to store on the contact'),
		{ ...portfolioIdsField, description: `Portfolios to put the contact in. ${portfolioIdsField.description}` },
		portfolioNamesField,
		sequenceIdsField,
		{ ...tagIdsField, description: `Tags of the contact. ${tagIdsField.description}` },
		tagNamesField,
	]),
};

const IF_EXISTS = [
	{
		name: 'Leave to WTS Chat',
		value: 'default',
		description: 'Sends neither option; what WTS Chat does with a contact that exists is not documented',
	},
	{ name: 'Return It Unchanged', value: 'get', description: 'Sends getIfExists: the existing contact is returned as it is' },
	{ name: 'Update It', value: 'update', description: 'Sends upsert: the existing contact is updated with this data and returned' },
];

const UPSERT_TAG_OPERATIONS = [
	{ name: 'Add', value: 'INSERTIFNOTEXISTS', description: 'Add the tags the contact does not have yet' },
	{ name: 'Remove', value: 'DELETEIFEXISTS', description: 'Remove these tags from the contact' },
	{ name: 'Replace', value: 'REPLACEALL', description: 'The contact keeps exactly these tags (the API default)' },
];

/**
 * "If the Contact Exists" and the upsert settings (PublicReqCreateContactOptionsDTO). `operations` are the operations
 * they show on; Upsert Many always updates an existing contact, so it offers only "Return It Unchanged" and "Update It".
 */
export function ifExistsProperties(operations: string[], batch = false): INodeProperties[] {
	return [
		batch
			? {
					displayName: 'If the Contact Exists',
					name: 'ifExists',
					type: 'options',
					default: 'update',
					description: 'What to do when a contact with this phone number, e-mail or Instagram exists already',
					options: IF_EXISTS.slice(1),
					displayOptions: { show: { operation: operations } },
				}
			: {
					displayName: 'If the Contact Exists',
					name: 'ifExists',
					type: 'options',
					default: 'default',
					description: 'What to do when a contact with this phone number, e-mail or Instagram exists already',
					options: IF_EXISTS,
					displayOptions: { show: { operation: operations } },
				},
		{
			displayName: 'Fields to Update',
			name: 'upsertFields',
			type: 'multiOptions',
			default: [],
			description: 'Which fields of an existing contact may change; none chosen means all of them',
			options: UPSERT_MASK_FIELDS,
			displayOptions: { show: { operation: operations, ifExists: ['update'] } },
		},
		{
			displayName: 'Tag Operation',
			name: 'upsertTagOperation',
			type: 'options',
			default: 'REPLACEALL',
			description: 'How the tags given here change the tags of an existing contact',
			options: UPSERT_TAG_OPERATIONS,
			displayOptions: { show: { operation: operations, ifExists: ['update'] } },
		},
	];
}

/** The PublicReqCreateContactOptionsDTO of item i, or undefined when no option is chosen. */
export function readIfExists(ctx: IExecuteFunctions, i: number): IDataObject | undefined {
	const ifExists = ctx.getNodeParameter('ifExists', i, 'default') as string;
	if (ifExists === 'get') return { getIfExists: true };
	if (ifExists !== 'update') {
		if (ifExists !== 'default') {
			throw new NodeOperationError(ctx.getNode(), `"${String(ifExists).slice(0, 40)}" is not a valid If the Contact Exists`, {
				description: 'Use one of: default, get, update.',
				itemIndex: i,
			});
		}
		return undefined;
	}
	const options: IDataObject = { upsert: true };
	const fields = ctx.getNodeParameter('upsertFields', i, []) as string[];
	for (const f of fields) assertOneOf(ctx, f, UPSERT_MASK_FIELDS, i, 'Fields to Update');
	if (fields.length) options.upsertFields = fields;
	options.upsertTagOperation = assertOneOf(
		ctx,
		ctx.getNodeParameter('upsertTagOperation', i, 'REPLACEALL'),
		UPSERT_TAG_OPERATIONS,
		i,
		'Tag Operation',
	);
	return options;
}

// ---------------------------------------------------------------- update (by ID and by phone)

const UTM_FIELDS = [
	['Campaign', 'campaign'],
	['Content', 'content'],
	['Headline', 'headline'],
	['Medium', 'medium'],
	['Referral URL', 'referralUrl'],
	['Source', 'source'],
	['Term', 'term'],
];

/** The properties of Update and Update by Phone after the contact itself. */
export function updateProperties(operation: string): INodeProperties[] {
	const show = { operation: [operation] };
	return [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Only the fields added here are changed (sent with the fields mask); everything else is left as it is',
			displayOptions: { show },
			options: sortedByName([
				...contactTextFields,
				customFieldsField,
				{
					displayName: 'Custom Fields to Clear Names or IDs',
					name: 'clearCustomFields',
					type: 'multiOptions',
					typeOptions: { loadOptionsMethod: 'getContactCustomFields' },
					default: [],
					description:
						'Contact custom fields to empty (sent as null). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				metadataField('Keys to add or change in the contact metadata; other keys are kept'),
				{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Name of the contact (an empty text is a real value)' },
				{
					displayName: 'Phone Number',
					name: 'phoneNumber',
					type: 'string',
					default: '',
					placeholder: 'e.g. +55 11 99999-9999',
					description: 'New WhatsApp number of the contact',
				},
				{ displayName: 'Picture URL', name: 'pictureUrl', type: 'string', default: '', placeholder: 'e.g. https://example.com/photo.jpg', description: 'URL of the picture of the contact' },
				{
					...portfolioIdsField,
					description: `The portfolios the contact is in from now on (replaces its current ones). ${portfolioIdsField.description}`,
				},
				{ ...portfolioNamesField, description: 'Comma-separated portfolio names; the contact is in exactly these from now on' },
				{
					displayName: 'Remove Metadata Keys',
					name: 'removeMetadataKeys',
					type: 'string',
					default: '',
					placeholder: 'e.g. coupon, oldCode',
					description: 'Comma-separated metadata keys to delete from the contact',
				},
				sequenceIdsField,
				{ displayName: 'Status', name: 'status', type: 'options', options: CONTACT_STATUSES, default: 'ACTIVE', description: 'The new status of the contact' },
				{ ...tagIdsField, description: `Tags to add, remove or set (Tag Operation under Options). ${tagIdsField.description}` },
				tagNamesField,
				{
					displayName: 'UTM',
					name: 'utm',
					type: 'fixedCollection',
					default: {},
					placeholder: 'Add UTM',
					description: 'The campaign data of the contact; replaces its UTM (fields left out become empty)',
					options: [
						{
							displayName: 'Values',
							name: 'values',
							values: UTM_FIELDS.map(([displayName, name]) => ({
								displayName,
								name,
								type: 'string' as const,
								default: '',
								description: `UTM ${displayName.toLowerCase()}`,
							})),
						},
					],
				},
			]),
		},
		{
			displayName: 'Fields to Clear',
			name: 'clearFields',
			type: 'multiOptions',
			default: [],
			description: 'Fields to empty on the contact',
			displayOptions: { show },
			options: [
				{ name: 'Annotation', value: 'Annotation' },
				{ name: 'Email', value: 'Email' },
				{ name: 'Instagram', value: 'Instagram' },
				{ name: 'Name', value: 'Name' },
				{ name: 'Picture URL', value: 'PictureUrl' },
				{ name: 'Portfolios', value: 'Portfolio', description: 'Takes the contact out of every portfolio' },
				{ name: 'Tags', value: 'Tags', description: 'Removes every tag of the contact' },
				{ name: 'UTM', value: 'Utm' },
			],
		},
	];
}

export const tagsOperationOption: INodeProperties = {
	displayName: 'Tag Operation',
	name: 'tagsOperation',
	type: 'options',
	default: 'InsertIfNotExists',
	description: 'How the tags under Update Fields change the tags of the contact',
	options: TAG_OPERATIONS,
};

const CLEARED: Record<string, [string, null]> = {
	Annotation: ['annotation', null],
	Email: ['email', null],
	Instagram: ['instagram', null],
	Name: ['name', null],
	PictureUrl: ['pictureUrl', null],
	Utm: ['utm', null],
};

/** The PublicReqUpdateContactDTO of item i: only what was added or cleared, named in `fields`. */
export async function updateBody(ctx: IExecuteFunctions, i: number): Promise<IDataObject> {
	const update = ctx.getNodeParameter('updateFields', i, {}) as IDataObject;
	const clear = ctx.getNodeParameter('clearFields', i, []) as string[];
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	const { body, mask } = await contactBody(ctx, update, i, true);
	const removals = splitList(update.removeMetadataKeys);
	if (removals.length) {
		const metadata = (body.metadata as IDataObject) ?? {};
		for (const k of removals) {
			if (metadata[k] !== undefined) {
				throw new NodeOperationError(ctx.getNode(), `The metadata key "${k}" is both set and removed`, {
					description: 'Either set the key under Metadata or list it under Remove Metadata Keys, not both.',
					itemIndex: i,
				});
			}
			metadata[k] = null;
		}
		body.metadata = metadata;
		mask.add('Metadata');
	}
	let tagsOperation =
		options.tagsOperation !== undefined ? assertOneOf(ctx, options.tagsOperation, TAG_OPERATIONS, i, 'Tag Operation') : undefined;
	for (const field of clear) {
		if (mask.has(field)) {
			throw new NodeOperationError(ctx.getNode(), `${field} is both set and cleared`, {
				description: 'Either set the field under Update Fields or list it under Fields to Clear, not both.',
				itemIndex: i,
			});
		}
		if (field === 'Portfolio') {
			body.portfolioIds = [];
		} else if (field === 'Tags') {
			if (tagsOperation !== undefined && tagsOperation !== 'ReplaceAll') {
				throw new NodeOperationError(ctx.getNode(), `Tags are cleared but Tag Operation is not Replace`, {
					description: 'Clearing the tags replaces them with none: remove Tag Operation from Options or set it to Replace.',
					itemIndex: i,
				});
			}
			body.tagIds = [];
			tagsOperation = 'ReplaceAll';
		} else {
			const entry = CLEARED[field];
			if (!entry) {
				throw new NodeOperationError(ctx.getNode(), `"${String(field).slice(0, 40)}" cannot be cleared`, {
					description: `Fields that can be cleared: ${Object.keys(CLEARED).join(', ')}, Portfolio, Tags.`,
					itemIndex: i,
				});
			}
			body[entry[0]] = entry[1];
		}
		mask.add(field);
	}
	if (mask.size === 0) {
		throw new NodeOperationError(ctx.getNode(), `Nothing to update`, {
			description: 'Add at least one field under Update Fields or Fields to Clear.',
			itemIndex: i,
		});
	}
	if (tagsOperation !== undefined) {
		if (!mask.has('Tags')) {
			throw new NodeOperationError(ctx.getNode(), `Tag Operation is set but no tags are given`, {
				description: 'Add tags under Update Fields (Tag Names or IDs, or Tag Names (Text)), or remove Tag Operation from Options.',
				itemIndex: i,
			});
		}
		body.options = { tagsOperation };
	}
	body.fields = CONTACT_MASK_FIELDS.map((f) => f.value).filter((f) => mask.has(f));
	return body;
}

// ---------------------------------------------------------------- update tags (by ID and by phone)

export const tagChangeProperties: INodeProperties[] = [
	{
		displayName: 'Tag Operation',
		name: 'tagOperation',
		type: 'options',
		default: 'InsertIfNotExists',
		description: 'How the tags given here change the tags of the contact',
		options: TAG_OPERATIONS,
	},
	{ ...tagIdsField, description: `The tags to add, remove or set. ${tagIdsField.description}` },
	{ ...tagNamesField, description: 'Comma-separated tag names, for tags given by name instead of from the list' },
];

/** The PublicReqUpdateContactTagDTO of item i. Add and Remove need a tag; Replace with none removes every tag. */
export function tagChangeBody(ctx: IExecuteFunctions, i: number): IDataObject {
	const operation = assertOneOf(ctx, ctx.getNodeParameter('tagOperation', i, 'InsertIfNotExists'), TAG_OPERATIONS, i, 'Tag Operation');
	const tags = readTags(ctx, { tagIds: ctx.getNodeParameter('tagIds', i, []), tagNames: ctx.getNodeParameter('tagNames', i, '') }, i);
	if (!tags.tagIds && !tags.tagNames) {
		if (operation !== 'ReplaceAll') {
			throw new NodeOperationError(ctx.getNode(), `No tags given`, {
				description: 'Pick tags under Tag Names or IDs, or write them under Tag Names (Text). To remove every tag, use Tag Operation Replace with no tags.',
				itemIndex: i,
			});
		}
		return { tagIds: [], operation };
	}
	return { ...tags, operation };
}
