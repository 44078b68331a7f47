import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { assertUuid, readKeyValueEntries, requireText, requireUuid, uuidList } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { keyValueEntries } from '../common.descriptions';
import { panelLocator } from '../locators';
import { sortedByName, TIME_ZONE_HINT } from '../listing.descriptions';
import {
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

const properties: INodeProperties[] = [
	panelLocator({ description: 'The panel the card goes in; its steps, tags, agents and custom fields fill the lists below' }),
	panelStepPicker({ name: 'stepId', hint: 'The step (column) of the panel the card starts in', required: true }),
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Quote for 50 T-shirts',
		description: 'The title of the card (up to 500 characters)',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Other values of the new card',
		options: sortedByName([
			contactIdsField('Comma-separated IDs of the contacts linked to the card'),
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				description: 'The description of the card (up to 8000 characters)',
			},
			{ displayName: 'Due Date', name: 'dueDate', type: 'dateTime', default: '', description: 'When the card is due', hint: TIME_ZONE_HINT },
			keyValueEntries({ description: 'Keys and values stored with the card', valueDescription: 'The value to store under the key' }),
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
				description: 'The position of the card in its step (0 is the top; without it the card goes last)',
			},
			panelAgentPicker('The agent responsible for the card'),
			{
				displayName: 'Session ID',
				name: 'sessionId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b',
				description: 'The session (conversation) the card comes from',
			},
			panelTagsPicker('Tags of the panel to put on the card'),
		]),
	},
	customFieldsProperty('Values of the panel’s custom fields, sent by their key and checked against their type'),
];

/** POST /crm/v2/panel/card (the panel is the step's). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const panelId = requireUuid(this, 'panelId', i, 'Panel ID');
	const stepId = requireUuid(this, 'stepId', i, 'Step ID');
	const title = checkLength(this, requireText(this, 'title', i, 'Title'), MAX_TITLE, i, 'Title');
	const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const body: IDataObject = { stepId, title };
	if (extra.description !== undefined && String(extra.description) !== '') {
		body.description = checkLength(this, String(extra.description), MAX_TEXT, i, 'Description');
	}
	if (extra.dueDate !== undefined && extra.dueDate !== '') body.dueDate = dueDate(this, extra.dueDate, i);
	if (extra.monetaryAmount !== undefined) body.monetaryAmount = monetaryAmount(this, extra.monetaryAmount, i);
	if (extra.position !== undefined) body.position = cardPosition(this, extra.position, i);
	if (extra.responsibleUserId) body.responsibleUserId = assertUuid(this, extra.responsibleUserId, i, 'Responsible Agent ID');
	if (extra.sessionId) body.sessionId = assertUuid(this, extra.sessionId, i, 'Session ID');
	const tags = uuidList(this, extra.tagIds, i, 'Tag ID');
	if (tags.length) body.tagIds = tags;
	const contacts = contactIds(this, extra.contactIds, i);
	if (contacts.length) body.contactIds = contacts;
	const metadata = metadataBody(readKeyValueEntries(this, extra.metadata, i, 'metadata entry'));
	if (metadata) body.metadata = metadata;
	const entries = readCustomFieldEntries(this, i);
	if (entries.length) body.customFields = await customFieldsBody(this, i, { kind: 'panel', panelId }, entries);
	return (await apiRequest.call(this, { method: 'POST', path: '/crm/v2/panel/card', body }, i)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'card',
	value: 'create',
	name: 'Create',
	action: 'Create a card',
	description: 'Create a card in a step of a panel',
	summary: 'A card in a step of a panel: title, description, position, due date, amount, responsible agent, panel tags, contacts, session, metadata, custom fields',
	endpoint: '`POST /crm/v2/panel/card`',
	properties,
	execute,
});
