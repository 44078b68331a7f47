import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { assertOneOf, assertUuid, optionalUuid, readKeyValueEntries, requireUuid, uuidList } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { cardLocator, panelLocator } from '../locators';
import { keyValueEntries } from '../common.descriptions';
import { optionsCollection, sortedByName, TIME_ZONE_HINT } from '../listing.descriptions';
import {
	CARD_STATUSES,
	cardPosition,
	checkLength,
	contactIds,
	contactIdsField,
	customFieldsProperty,
	dueDate,
	MAX_TEXT,
	MAX_TITLE,
	metadataBody,
	monetaryAmount,
	panelAgentPicker,
	panelStepPicker,
	panelTagsPicker,
	readCustomFieldEntries,
} from './shared';
import { defineOperation } from '../operation';
import { customFieldsBody } from '../../helpers/customFields';

const TAG_OPERATIONS = [
	{ name: 'Add', value: 'InsertIfNotExists', description: 'Add the tags the card does not have yet' },
	{ name: 'Remove', value: 'DeleteIfExists', description: 'Remove these tags from the card' },
	{ name: 'Replace All', value: 'ReplaceAll', description: 'The card keeps exactly these tags' },
];

/** Fields to Clear: the mask entry and the empty value sent for it. */
const CLEARABLE: Record<string, { field: string; body: string; empty: null | never[] }> = {
	contactIds: { field: 'ContactIds', body: 'contactIds', empty: [] },
	description: { field: 'Description', body: 'description', empty: null },
	dueDate: { field: 'DueDate', body: 'dueDate', empty: null },
	monetaryAmount: { field: 'MonetaryAmount', body: 'monetaryAmount', empty: null },
	responsibleUserId: { field: 'ResponsibleUserId', body: 'responsibleUserId', empty: null },
	sessionId: { field: 'SessionId', body: 'sessionId', empty: null },
	tagIds: { field: 'TagIds', body: 'tagIds', empty: [] },
};

const properties: INodeProperties[] = [
	cardLocator({ description: 'The card to update' }),
	panelLocator({
		required: false,
		description:
			'The panel of the card (or, to move it, the target panel): its steps, tags, agents, lost reasons and custom fields fill the lists below. Not sent; without it custom fields are checked against the card’s own panel.',
	}),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here are changed; everything else is left as it is',
		options: sortedByName([
			{
				displayName: 'Archived',
				name: 'archived',
				type: 'boolean',
				default: true,
				description: 'Whether the card is archived (on archives it, off takes it out of the archive as an open card)',
			},
			contactIdsField('Comma-separated IDs of the contacts linked to the card (replaces the current ones)'),
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				description: 'The description (an empty text is a real value; up to 8000 characters)',
			},
			{ displayName: 'Due Date', name: 'dueDate', type: 'dateTime', default: '', description: 'When the card is due', hint: TIME_ZONE_HINT },
			{
				displayName: 'Lost Reason Name or ID',
				name: 'lostReasonId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getPanelLostReasons', loadOptionsDependsOn: ['panelId.value'] },
				default: '',
				description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				hint: 'Why the card was lost; goes with Status Lost (sales panels)',
			},
			keyValueEntries({ description: 'Keys to add or change in the card metadata; other keys are kept', valueDescription: 'The value to store under the key' }),
			{
				displayName: 'Monetary Amount',
				name: 'monetaryAmount',
				type: 'number',
				typeOptions: { numberPrecision: 2, minValue: 0 },
				default: 0,
				description: 'The value of the deal (0 is a real value; at most two decimals)',
			},
			{
				displayName: 'Position',
				name: 'position',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'The position of the card in its step (0 is the top, a real value)',
			},
			{
				displayName: 'Remove Metadata Keys',
				name: 'removeMetadataKeys',
				type: 'string',
				default: '',
				placeholder: 'e.g. orderId, coupon',
				description: 'Comma-separated metadata keys to delete from the card',
			},
			panelAgentPicker('The agent responsible for the card'),
			{
				displayName: 'Session ID',
				name: 'sessionId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b',
				description: 'The session (conversation) linked to the card',
			},
			{ displayName: 'Status', name: 'status', type: 'options', default: 'WON', description: 'The new status of the card', options: CARD_STATUSES },
			panelStepPicker({ name: 'stepId', hint: 'Moves the card to this step (of the panel chosen above)' }),
			panelTagsPicker('Tags of the panel; see Options → Tag Operation'),
			{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'The title of the card (up to 500 characters)' },
		]),
	},
	customFieldsProperty('Custom field values to set, sent by their key and checked against their type; other fields are kept'),
	{
		displayName: 'Custom Fields to Clear Names or IDs',
		name: 'clearCustomFields',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getPanelCustomFields', loadOptionsDependsOn: ['panelId.value'] },
		default: [],
		description:
			'Custom fields to empty on the card. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Fields to Clear',
		name: 'clearFields',
		type: 'multiOptions',
		default: [],
		description: 'Fields to empty on the card, e.g. to remove its due date or its responsible agent',
		options: [
			{ name: 'Contacts', value: 'contactIds' },
			{ name: 'Description', value: 'description' },
			{ name: 'Due Date', value: 'dueDate' },
			{ name: 'Monetary Amount', value: 'monetaryAmount' },
			{ name: 'Responsible Agent', value: 'responsibleUserId' },
			{ name: 'Session', value: 'sessionId' },
			{ name: 'Tags', value: 'tagIds', description: 'Removes every tag of the card' },
		],
	},
	optionsCollection([
		{
			displayName: 'Tag Operation',
			name: 'tagOperation',
			type: 'options',
			default: 'ReplaceAll',
			description: 'How the tags given under Update Fields change the card’s tags',
			options: TAG_OPERATIONS,
		},
	]),
];

/** PUT /crm/v3/panel/card/{id} with a `fields` mask naming exactly what the user set or cleared. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'cardId', i, 'Card ID');
	const panelId = optionalUuid(this, 'panelId', i, 'Panel ID');
	const update = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const clear = this.getNodeParameter('clearFields', i, []) as string[];
	const clearCustom = ((this.getNodeParameter('clearCustomFields', i, []) as string[]) ?? []).map((k) => String(k).trim()).filter(Boolean);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const body: IDataObject = {};
	const fields = new Set<string>();
	const set = (field: string, key: string, value: unknown) => {
		fields.add(field);
		body[key] = value as IDataObject[string];
	};
	// An ID added under Update Fields is a value to set; left empty there it is refused (clearing is Fields to Clear).
	const requiredId = (key: string, label: string) => {
		if (String(update[key] ?? '').trim() === '') {
			throw new NodeOperationError(this.getNode(), `${label} is added under Update Fields but empty`, {
				description: `Set ${label}, remove it from Update Fields${key in CLEARABLE ? ', or list it under Fields to Clear to empty it on the card' : ''}.`,
				itemIndex: i,
			});
		}
		return assertUuid(this, update[key], i, `${label} ID`);
	};

	if (update.title !== undefined) {
		const title = String(update.title);
		if (title.trim() === '') {
			throw new NodeOperationError(this.getNode(), `Title is added under Update Fields but empty`, {
				description: 'A card always has a title: set one, or remove Title from Update Fields.',
				itemIndex: i,
			});
		}
		set('Title', 'title', checkLength(this, title, MAX_TITLE, i, 'Title'));
	}
	if (update.description !== undefined) set('Description', 'description', checkLength(this, String(update.description), MAX_TEXT, i, 'Description'));
	if (update.stepId !== undefined) set('StepId', 'stepId', requiredId('stepId', 'Step'));
	if (update.position !== undefined) set('Position', 'position', cardPosition(this, update.position, i));
	if (update.dueDate !== undefined) set('DueDate', 'dueDate', dueDate(this, update.dueDate, i));
	if (update.responsibleUserId !== undefined) set('ResponsibleUserId', 'responsibleUserId', requiredId('responsibleUserId', 'Responsible Agent'));
	if (update.sessionId !== undefined) set('SessionId', 'sessionId', requiredId('sessionId', 'Session'));
	if (update.monetaryAmount !== undefined) set('MonetaryAmount', 'monetaryAmount', monetaryAmount(this, update.monetaryAmount, i));
	if (update.contactIds !== undefined) {
		const contacts = contactIds(this, update.contactIds, i);
		if (!contacts.length) {
			throw new NodeOperationError(this.getNode(), `Contact IDs is added under Update Fields but empty`, {
				description: 'Give at least one contact ID, or list Contacts under Fields to Clear to unlink every contact.',
				itemIndex: i,
			});
		}
		set('ContactIds', 'contactIds', contacts);
	}
	if (update.tagIds !== undefined) {
		const tags = uuidList(this, update.tagIds, i, 'Tag ID');
		if (!tags.length) {
			throw new NodeOperationError(this.getNode(), `Tags is added under Update Fields but empty`, {
				description: 'Choose at least one tag, or list Tags under Fields to Clear to remove every tag.',
				itemIndex: i,
			});
		}
		set('TagIds', 'tagIds', tags);
		if (options.tagOperation !== undefined) body.options = { upsertTagOperation: assertOneOf(this, options.tagOperation, TAG_OPERATIONS, i, 'Tag Operation') };
	}
	if (update.status !== undefined && update.archived !== undefined) {
		throw new NodeOperationError(this.getNode(), `Status and Archived are both added`, {
			description: 'Archiving is a status: use Status Archived, or Archived on/off, not both.',
			itemIndex: i,
		});
	}
	// The v3 body has no `archived`: archiving and un-archiving are the status (ARCHIVED, or back to OPEN).
	if (update.archived !== undefined) set('Status', 'status', update.archived === true || update.archived === 'true' ? 'ARCHIVED' : 'OPEN');
	if (update.status !== undefined) set('Status', 'status', assertOneOf(this, update.status, CARD_STATUSES, i, 'Status'));
	if (update.lostReasonId !== undefined) {
		if (body.status !== 'LOST') {
			throw new NodeOperationError(this.getNode(), `Lost Reason is set without Status Lost`, {
				description: 'A lost reason goes with Status Lost: add Status and set it to Lost, or remove Lost Reason.',
				itemIndex: i,
			});
		}
		body.lostReasonId = requiredId('lostReasonId', 'Lost Reason');
	}
	const metadata = metadataBody(
		readKeyValueEntries(this, update.metadata, i, 'metadata entry'),
		String(update.removeMetadataKeys ?? '')
			.split(',')
			.map((k) => k.trim())
			.filter(Boolean),
	);
	if (metadata) set('Metadata', 'metadata', metadata);
	for (const key of clear) {
		const c = CLEARABLE[key];
		if (!c) assertOneOf(this, key, Object.keys(CLEARABLE).map((k) => ({ name: k, value: k })), i, 'Field to Clear');
		if (fields.has(c.field)) {
			throw new NodeOperationError(this.getNode(), `${c.field} is both set and cleared`, {
				description: 'Either set the field under Update Fields or list it under Fields to Clear, not both.',
				itemIndex: i,
			});
		}
		set(c.field, c.body, c.empty === null ? null : []);
		if (key === 'tagIds') body.options = { upsertTagOperation: 'ReplaceAll' };
	}
	const entries = readCustomFieldEntries(this, i);
	if (fields.size === 0 && entries.length === 0 && clearCustom.length === 0) {
		throw new NodeOperationError(this.getNode(), `Nothing to update`, {
			description: 'Add at least one field under Update Fields, Custom Fields, Custom Fields to Clear or Fields to Clear.',
			itemIndex: i,
		});
	}
	if (entries.length || clearCustom.length) {
		// The fields are checked against the card's panel: the chosen one, else the card's own (one read).
		let fieldsPanel = panelId;
		if (!fieldsPanel) {
			const card = (await apiRequest.call(
				this,
				{ method: 'GET', path: '/crm/v2/panel/card/{id}', pathParams: { id }, subject: { noun: 'Card', id } },
				i,
			)) as IDataObject;
			fieldsPanel = String(card.panelId);
		}
		set('CustomFields', 'customFields', await customFieldsBody(this, i, { kind: 'panel', panelId: fieldsPanel }, entries, clearCustom));
	}
	body.fields = [...fields];
	return (await apiRequest.call(
		this,
		{ method: 'PUT', path: '/crm/v3/panel/card/{id}', pathParams: { id }, subject: { noun: 'Card', id }, body },
		i,
	)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'card',
	value: 'update',
	name: 'Update',
	action: 'Update a card',
	description: 'Change chosen fields of a card: move, win, lose, archive, and more',
	summary: 'Change only what you add, sent with the API\'s `fields` mask: title, description, step (move, also to another panel), position, due date, amount, responsible agent, tags (replace / add / remove), contacts, session, status (Won / Lost with a lost reason / Open / Archived), **Archived** on / off, metadata keys to set or remove, custom fields to set; clear on purpose with **Fields to Clear** (contacts, description, due date, amount, responsible agent, session, tags) and **Custom Fields to Clear**',
	endpoint: '`PUT /crm/v3/panel/card/{id}`',
	properties,
	execute,
});
