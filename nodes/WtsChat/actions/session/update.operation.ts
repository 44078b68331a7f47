import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { assertOneOf, assertUuid, optionalDateTime, requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import {
	agentPicker,
	departmentPicker,
	optionsCollection,
	SESSION_STATUSES,
	sessionLocator,
	stopBotOption,
} from '../common.descriptions';
import { withStopBot } from './shared';

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
				displayName: 'Classification',
				name: 'classification',
				type: 'fixedCollection',
				default: {},
				options: [
					{
						displayName: 'Classification',
						name: 'value',
						values: [
							{
								displayName: 'Category',
								name: 'category',
								type: 'options',
								default: 'WON',
								options: [
									{ name: 'Info', value: 'INFO' },
									{ name: 'Lost', value: 'LOST' },
									{ name: 'Other', value: 'OTHER' },
									{ name: 'Undefined', value: 'UNDEFINED' },
									{ name: 'Won', value: 'WON' },
								],
							},
							{ displayName: 'Description', name: 'description', type: 'string', default: '' },
							{
								displayName: 'Amount',
								name: 'amount',
								type: 'number',
								default: 0,
								typeOptions: { numberPrecision: 2 },
								description: 'Monetary amount of the outcome',
							},
						],
					},
				],
			},
			departmentPicker('The department of the session'),
			{ displayName: 'End At', name: 'endAt', type: 'dateTime', default: '', description: 'When the session ends' },
			{
				displayName: 'Metadata',
				name: 'metadata',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				description: 'Keys to add or change in the session metadata; other keys are kept',
				options: [
					{
						displayName: 'Entry',
						name: 'entries',
						values: [
							{ displayName: 'Key', name: 'key', type: 'string', default: '' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
			{ displayName: 'Number', name: 'number', type: 'string', default: '', description: 'The protocol number of the session' },
			{
				displayName: 'Remove Metadata Keys',
				name: 'removeMetadataKeys',
				type: 'string',
				default: '',
				placeholder: 'e.g. orderId, coupon',
				description: 'Comma-separated metadata keys to delete from the session',
			},
			{ displayName: 'Status', name: 'status', type: 'options', options: SESSION_STATUSES, default: 'IN_PROGRESS' },
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
			{ name: 'Department', value: 'DepartmentId' },
			{ name: 'End At', value: 'EndAt' },
			{ name: 'Number', value: 'Number' },
		],
	},
	optionsCollection([stopBotOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['session'], operation: ['update'] } }, properties);

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
	if (update.endAt) {
		body.endAt = optionalDateTime(this, update.endAt, i, 'End At');
		fields.add('EndAt');
	}
	if (update.agentId) {
		body.userId = assertUuid(this, update.agentId, i, 'Agent ID');
		fields.add('UserId');
	}
	if (update.departmentId) {
		body.departmentId = assertUuid(this, update.departmentId, i, 'Department ID');
		fields.add('DepartmentId');
	}
	if (update.number !== undefined && update.number !== '') {
		body.number = String(update.number);
		fields.add('Number');
	}
	const entries = ((update.metadata as IDataObject)?.entries as IDataObject[]) ?? [];
	const removals = String(update.removeMetadataKeys ?? '')
		.split(',')
		.map((k) => k.trim())
		.filter(Boolean);
	if (entries.length || removals.length) {
		const metadata: IDataObject = {};
		for (const { key, value } of entries) {
			const k = String(key ?? '').trim();
			if (k === '') {
				throw new NodeOperationError(this.getNode(), `A metadata entry has an empty key [item ${i}]`, {
					description: 'Give every metadata entry a key, or remove the entry.',
					itemIndex: i,
				});
			}
			metadata[k] = value as string;
		}
		for (const k of removals) metadata[k] = null;
		body.metadata = metadata;
		fields.add('Metadata');
	}
	const classification = (update.classification as IDataObject)?.value as IDataObject | undefined;
	if (classification) {
		body.classification = classification;
		fields.add('Classification');
	}
	for (const field of clear) {
		if (fields.has(field)) {
			throw new NodeOperationError(this.getNode(), `${field} is both set and cleared [item ${i}]`, {
				description: 'Either set the field under Update Fields or list it under Fields to Clear, not both.',
				itemIndex: i,
			});
		}
		fields.add(field);
	}
	if (fields.size === 0) {
		throw new NodeOperationError(this.getNode(), `Nothing to update [item ${i}]`, {
			description: 'Add at least one field under Update Fields or Fields to Clear.',
			itemIndex: i,
		});
	}
	body.fields = [...fields];
	withStopBot(body, options);
	return (await apiRequest.call(
		this,
		{ method: 'PUT', path: '/chat/v2/session/{id}/partial', pathParams: { id }, body },
		i,
	)) as IDataObject;
}
