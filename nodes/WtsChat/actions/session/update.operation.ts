import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { assertNumber, assertOneOf, assertUuid, optionalDateTime, readKeyValueEntries, requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { agentPicker, departmentPicker, keyValueEntries, SESSION_STATUSES, stopBotOption } from '../common.descriptions';
import { optionsCollection, TIME_ZONE_HINT } from '../listing.descriptions';
import { sessionLocator } from '../locators';
import { withStopBot } from './shared';
import { wholeObject } from '../../helpers/merge';
import { defineOperation } from '../operation';

const CLASSIFICATION_CATEGORIES = [
	{ name: 'Info', value: 'INFO' },
	{ name: 'Lost', value: 'LOST' },
	{ name: 'Other', value: 'OTHER' },
	{ name: 'Undefined', value: 'UNDEFINED' },
	{ name: 'Won', value: 'WON' },
];

const FLAGS = [
	{ name: 'Autocomplete', value: 'Autocomplete' },
	{ name: 'Reactivate Disabled', value: 'ReactivateDisabled' },
];

const properties: INodeProperties[] = [
	sessionLocator('The session (conversation) to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here are changed; everything else is left as it is',
		options: [
			agentPicker('The agent responsible for the session'),
			{
				displayName: 'Classification Amount',
				name: 'classificationAmount',
				type: 'number',
				default: 0,
				typeOptions: { numberPrecision: 2 },
				description: 'Monetary amount of the outcome (0 is a real value)',
			},
			{
				displayName: 'Classification Category',
				name: 'classificationCategory',
				type: 'options',
				default: 'WON',
				description: 'The outcome of the session',
				options: CLASSIFICATION_CATEGORIES,
			},
			{
				displayName: 'Classification Description',
				name: 'classificationDescription',
				type: 'string',
				default: '',
				description: 'Text describing the outcome (an empty text is a real value)',
			},
			departmentPicker('The department of the session'),
			{
				displayName: 'End At',
				name: 'endAt',
				type: 'dateTime',
				default: '',
				description: 'When the session ends',
				hint: TIME_ZONE_HINT,
			},
			keyValueEntries({
				description: 'Keys to add or change in the session metadata; other keys are kept',
				valueDescription: 'The value to store under the key',
			}),
			{ displayName: 'Number', name: 'number', type: 'string', default: '', description: 'The protocol number of the session' },
			{
				displayName: 'Remove Metadata Keys',
				name: 'removeMetadataKeys',
				type: 'string',
				default: '',
				placeholder: 'e.g. orderId, coupon',
				description: 'Comma-separated metadata keys to delete from the session',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: SESSION_STATUSES,
				default: 'IN_PROGRESS',
				description: 'The new status of the session',
			},
		],
	},
	{
		displayName: 'Fields to Clear',
		name: 'clearFields',
		type: 'multiOptions',
		default: [],
		description: 'Fields to empty on the session, e.g. to unassign its agent',
		options: [
			{ name: 'Agent', value: 'UserId' },
			{ name: 'Classification', value: 'Classification', description: 'Removes the whole classification' },
			{ name: 'Department', value: 'DepartmentId' },
			{ name: 'End At', value: 'EndAt' },
			{ name: 'Number', value: 'Number' },
		],
	},
	{
		displayName: 'Flags to Apply',
		name: 'flags',
		type: 'multiOptions',
		default: [],
		description:
			'Field-mask entries the API documents without a value; each is sent as a name in the fields mask only, and WTS Chat applies it as it defines it',
		options: [
			{ name: 'Autocomplete', value: 'Autocomplete', description: 'Sends "Autocomplete" in the fields mask' },
			{ name: 'Reactivate Disabled', value: 'ReactivateDisabled', description: 'Sends "ReactivateDisabled" in the fields mask' },
		],
	},
	optionsCollection([stopBotOption]),
];

/** The body key each Fields to Clear entry empties (sent as null with its mask entry). */
const CLEARED_KEYS: Record<string, string> = {
	UserId: 'userId',
	Classification: 'classification',
	DepartmentId: 'departmentId',
	EndAt: 'endAt',
	Number: 'number',
};

/** PUT /chat/v2/session/{id}/partial with a `fields` mask naming exactly what the user set or cleared. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'sessionId', i, 'Session ID');
	const update = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const clear = this.getNodeParameter('clearFields', i, []) as string[];
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const body: IDataObject = {};
	const fields = new Set<string>();

	if (update.status !== undefined) {
		body.status = assertOneOf(this, update.status, SESSION_STATUSES, i, 'Status');
		fields.add('Status');
	}
	// A field added under Update Fields is a value to set; an ID or date left empty there is refused (clearing is
	// the explicit Fields to Clear). Number and the classification texts take "" as a real value.
	const mustHave = (key: string, label: string) => {
		if (String(update[key] ?? '').trim() === '') {
			throw new NodeOperationError(this.getNode(), `${label} is added under Update Fields but empty`, {
				description: `Set ${label}, remove it from Update Fields, or list it under Fields to Clear to empty it on the session.`,
				itemIndex: i,
			});
		}
		return update[key];
	};
	if (update.endAt !== undefined) {
		body.endAt = optionalDateTime(this, mustHave('endAt', 'End At'), i, 'End At');
		fields.add('EndAt');
	}
	if (update.agentId !== undefined) {
		body.userId = assertUuid(this, mustHave('agentId', 'Agent'), i, 'Agent ID');
		fields.add('UserId');
	}
	if (update.departmentId !== undefined) {
		body.departmentId = assertUuid(this, mustHave('departmentId', 'Department'), i, 'Department ID');
		fields.add('DepartmentId');
	}
	if (update.number !== undefined) {
		body.number = String(update.number);
		fields.add('Number');
	}
	const entries = readKeyValueEntries(this, update.metadata, i, 'metadata entry');
	const removals = String(update.removeMetadataKeys ?? '')
		.split(',')
		.map((k) => k.trim())
		.filter(Boolean);
	if (entries.length || removals.length) {
		const metadata: IDataObject = {};
		for (const { key, value } of entries) metadata[key] = value;
		for (const k of removals) metadata[k] = null;
		body.metadata = metadata;
		fields.add('Metadata');
	}
	const classification: IDataObject = {};
	if (update.classificationCategory !== undefined) {
		classification.category = assertOneOf(this, update.classificationCategory, CLASSIFICATION_CATEGORIES, i, 'Classification Category');
	}
	if (update.classificationDescription !== undefined) classification.description = String(update.classificationDescription);
	if (update.classificationAmount !== undefined) {
		classification.amount = assertNumber(this, update.classificationAmount, i, 'Classification Amount');
	}
	if (Object.keys(classification).length) {
		// Sent whole under Classification: the parts not given keep their current values (read once).
		body.classification = await wholeObject(classification, ['category', 'description', 'amount'], async () => {
			const session = (await apiRequest.call(
				this,
				{ method: 'GET', path: '/chat/v2/session/{id}', pathParams: { id }, qs: { includeDetails: ['ClassificationDetails'] }, subject: { noun: 'Session', id } },
				i,
			)) as IDataObject;
			const current = session?.classification as IDataObject | null | undefined;
			return current ? { category: current.category, description: current.categoryDescription, amount: current.amount } : null;
		});
		fields.add('Classification');
	}
	for (const field of clear) {
		if (fields.has(field)) {
			throw new NodeOperationError(this.getNode(), `${field} is both set and cleared`, {
				description: 'Either set the field under Update Fields or list it under Fields to Clear, not both.',
				itemIndex: i,
			});
		}
		fields.add(field);
		// Clearing is an explicit null with its mask entry, as the partial update asks (the new value and its name).
		const key = CLEARED_KEYS[field];
		if (key === undefined) {
			throw new NodeOperationError(this.getNode(), `"${String(field).slice(0, 40)}" cannot be cleared`, {
				description: `Fields that can be cleared: ${Object.keys(CLEARED_KEYS).join(', ')}.`,
				itemIndex: i,
			});
		}
		body[key] = null;
	}
	const flags = this.getNodeParameter('flags', i, []) as string[];
	for (const flag of flags) fields.add(assertOneOf(this, flag, FLAGS, i, 'Flag'));
	if (fields.size === 0) {
		throw new NodeOperationError(this.getNode(), `Nothing to update`, {
			description: 'Add at least one field under Update Fields, Fields to Clear or Flags to Apply.',
			itemIndex: i,
		});
	}
	body.fields = [...fields];
	withStopBot(body, options);
	return (await apiRequest.call(
		this,
		{ method: 'PUT', path: '/chat/v2/session/{id}/partial', pathParams: { id }, subject: { noun: 'Session', id }, body },
		i,
	)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'session',
	value: 'update',
	name: 'Update',
	action: 'Update a session',
	description: 'Change chosen fields of a session',
	summary: 'Change only the fields you add (status, agent, department, end date, number, metadata keys to set or remove, classification category / description / amount, each on its own) or clear (agent, classification, department, end date, number); flags `Autocomplete` and `ReactivateDisabled`; sent with the API\'s `fields` mask',
	endpoint: '`PUT /chat/v2/session/{id}/partial`',
	properties,
	execute,
});
