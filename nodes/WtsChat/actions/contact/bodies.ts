// How the Contact operations read and check their parameters and build their request bodies, before any request.

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { textProblem } from '../../transport/rules';
import { simplifyIfAsked } from '../../helpers/listing';
import { readPhone } from '../../helpers/phone';
import { assertOneOf, readKeyValueEntries, uuidList } from '../../helpers/validation';
import { customFieldsBody } from '../../helpers/customFields';
import { wholeObject } from '../../helpers/merge';
import { splitList } from '../../helpers/utils';
import { CONTACT_MASK_FIELDS, CONTACT_SIMPLE_FIELDS, CONTACT_STATUSES, MAX_TEXT, TAG_OPERATIONS, UPSERT_MASK_FIELDS, UPSERT_TAG_OPERATIONS } from './fields';
import { portfolioIdsField, portfolioNamesField, tagIdsField, tagNamesField } from './descriptions';

export function simplifyContacts<T extends IDataObject | IDataObject[]>(ctx: IExecuteFunctions, i: number, data: T): T {
	return simplifyIfAsked(ctx, i, data, CONTACT_SIMPLE_FIELDS);
}

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

function checkLength(ctx: IExecuteFunctions, value: string, i: number, label: string): string {
	const problem = textProblem(value, label, { maxLength: MAX_TEXT });
	if (problem) throw new NodeOperationError(ctx.getNode(), problem.message, { description: problem.hint, itemIndex: i });
	return value;
}

/** The UTM values a contact write sets (the server keeps `sourceId` / `clid` itself). */
const UTM_WRITABLE = ['source', 'medium', 'campaign', 'content', 'headline', 'term', 'referralUrl'];

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
			body.status = assertOneOf(ctx, fields.status, CONTACT_STATUSES, i, 'Status');
			mask.add('Status');
		}
		if (fields.pictureUrl !== undefined) {
			body.pictureUrl = String(fields.pictureUrl ?? '');
			mask.add('PictureUrl');
		}
		const utm = (fields.utm as IDataObject)?.values as IDataObject | undefined;
		if (utm) {
			const out: IDataObject = {};
			for (const k of UTM_WRITABLE) {
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

/** The PublicReqCreateContactOptionsDTO of item i, or undefined when no option is chosen. */
/**
 * The upsert options of item i from "If the Contact Exists" (Create, Upsert Many). With Update, `upsertFields` is
 * always sent: the Fields to Update the user chose, else exactly the fields this item carries (`carried`, the mask
 * names of contactBody), because without it WTS Chat updates every field and empties those the item does not carry.
 * The tag operation defaults to Add: tags given with an upsert are added unless the user chose Replace.
 */
export function readIfExists(ctx: IExecuteFunctions, i: number, carried: Set<string>): IDataObject | undefined {
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
	const chosen = splitList(ctx.getNodeParameter('upsertFields', i, []));
	for (const f of chosen) assertOneOf(ctx, f, UPSERT_MASK_FIELDS, i, 'Fields to Update');
	options.upsertFields = chosen.length ? chosen : UPSERT_MASK_FIELDS.map((f) => f.value).filter((f) => carried.has(f));
	options.upsertTagOperation = assertOneOf(
		ctx,
		ctx.getNodeParameter('upsertTagOperation', i, 'INSERTIFNOTEXISTS'),
		UPSERT_TAG_OPERATIONS,
		i,
		'Tag Operation',
	);
	return options;
}

const CLEARED: Record<string, [string, null]> = {
	Annotation: ['annotation', null],
	Email: ['email', null],
	Instagram: ['instagram', null],
	Name: ['name', null],
	PictureUrl: ['pictureUrl', null],
	Utm: ['utm', null],
};

/** The PublicReqUpdateContactDTO of item i: only what was added or cleared, named in `fields`. */
export async function updateBody(ctx: IExecuteFunctions, i: number, current: () => Promise<IDataObject>): Promise<IDataObject> {
	const update = ctx.getNodeParameter('updateFields', i, {}) as IDataObject;
	const clear = ctx.getNodeParameter('clearFields', i, []) as string[];
	const options = ctx.getNodeParameter('options', i, {}) as IDataObject;
	const { body, mask } = await contactBody(ctx, update, i, true);
	if (body.utm) {
		// Sent whole under Utm: the UTM values not given keep the contact's current ones (read once).
		body.utm = await wholeObject(body.utm as IDataObject, UTM_WRITABLE, async () => (await current()).utm as IDataObject | undefined);
	}
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
