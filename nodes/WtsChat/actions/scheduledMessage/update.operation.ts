import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { normalizePhone } from '../../helpers/phone';
import { channelNumber } from '../../helpers/channels';
import { assertOneOf, assertUuid, optionalDateTime, parseJsonObject, requireHttpUrl, requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { departmentPicker } from '../common.descriptions';
import { scheduledMessageLocator } from '../locators';
import { sortedByName, TIME_ZONE_HINT } from '../listing.descriptions';
import { botKeyProperty, hiddenSessionOption, SCHEDULED_TYPES } from './shared';
import { wholeObject } from '../../helpers/merge';
import { checkTemplateVariables } from '../../helpers/templates';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	scheduledMessageLocator('The scheduled message to change (messages already sent cannot be changed)'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'The fields to change; only these are sent',
		options: sortedByName([
			{ ...botKeyProperty(false), description: 'Key of the chatbot to start instead (Type: Chatbot)' },
			{
				displayName: 'Channel Name or ID',
				name: 'channelId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getChannels' },
				default: '',
				description: 'The channel to send through instead. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			departmentPicker('Department of the session the message opens'),
			{ ...hiddenSessionOption },
			{
				displayName: 'Phone Number',
				name: 'phoneNumber',
				type: 'string',
				default: '',
				placeholder: 'e.g. +55 11 99999-0001',
				description: 'The recipient’s phone number with its country code',
			},
			{
				displayName: 'Send At',
				name: 'scheduling',
				type: 'dateTime',
				default: '',
				description: 'The new date and time to send at',
				hint: TIME_ZONE_HINT,
			},
			{
				displayName: 'Template File URL',
				name: 'templateFileUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://example.com/offer.png',
				description: 'Public URL of the header media of a template with an image, video or document header',
			},
			{
				displayName: 'Template ID',
				name: 'templateId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b',
				description: 'The template to send instead (Type: Template)',
			},
			{
				displayName: 'Template Parameters (JSON)',
				name: 'templateParameters',
				type: 'json',
				default: '{}',
				description: 'Values for the template’s variables by name, e.g. {"nome": "Maria"}',
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				default: 'TEMPLATE',
				description: 'Send a template or start a chatbot',
				options: SCHEDULED_TYPES,
			},
		]),
	},
	{
		displayName: 'Fields to Clear',
		name: 'clearFields',
		type: 'multiOptions',
		default: [],
		description: 'Fields to empty on purpose',
		options: [{ name: 'Department', value: 'Department' }],
	},
];

/** PUT /chat/v1/scheduled-message/{id} with only the fields set, named in the `fields` mask. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'scheduledMessageId', i, 'Scheduled Message ID');
	const u = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const clear = (this.getNodeParameter('clearFields', i, []) as string[]) ?? [];
	const body: IDataObject = {};
	const fields: string[] = [];
	const set = (field: string, key: string, value: IDataObject[string]) => {
		body[key] = value;
		fields.push(field);
	};
	const has = (key: string) => u[key] !== undefined;
	if (has('phoneNumber')) set('To', 'to', normalizePhone(this, u.phoneNumber, i, 'Phone Number'));
	const channelId = has('channelId') ? assertUuid(this, u.channelId, i, 'Channel ID') : undefined;
	if (has('departmentId')) set('Department', 'department', { id: assertUuid(this, u.departmentId, i, 'Department ID') });
	if (clear.includes('Department')) {
		if (has('departmentId')) {
			throw new NodeOperationError(this.getNode(), `Department is both set and cleared`, {
				description: 'Either pick a department under Update Fields or clear it under Fields to Clear, not both.',
				itemIndex: i,
			});
		}
		set('Department', 'department', null);
	}
	if (has('type')) set('Type', 'type', assertOneOf(this, u.type, SCHEDULED_TYPES, i, 'Type'));
	if (has('templateId')) set('TemplateId', 'templateId', assertUuid(this, u.templateId, i, 'Template ID'));
	if (has('botKey')) set('BotId', 'botKey', assertUuid(this, u.botKey, i, 'Chatbot Key'));
	if (has('scheduling')) {
		const at = optionalDateTime(this, u.scheduling, i, 'Send At');
		if (at === undefined) {
			throw new NodeOperationError(this.getNode(), `The Send At field is empty`, {
				description: 'Pick the new date and time, or remove Send At from Update Fields.',
				itemIndex: i,
			});
		}
		set('Scheduling', 'scheduling', at);
	}
	if (has('hiddenSession')) set('HiddenSession', 'hiddenSession', u.hiddenSession === true);
	if (has('templateParameters') || has('templateFileUrl')) {
		const given: IDataObject = {};
		if (has('templateParameters')) {
			const parameters = parseJsonObject(this, u.templateParameters, i, 'Template Parameters (JSON)');
			given.parameters = Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, v === null ? null : String(v)]));
		}
		if (has('templateFileUrl')) given.file = { fileUrl: requireHttpUrl(this, u.templateFileUrl, i, 'Template File URL', 'download') };
		// Sent whole under TemplateParams: when only the parameters or only the header file is given, the current
		// template parameters are read once; the other part keeps its value and given parameters are merged into them.
		let stored: IDataObject = {};
		const whole = await wholeObject(given, ['parameters', 'file'], async () => {
			const current = (await apiRequest.call(
				this,
				{
					method: 'GET',
					path: '/chat/v1/scheduled-message/{id}',
					pathParams: { id },
					qs: { includeDetails: ['Template'] },
					subject: { noun: 'Scheduled message', id },
				},
				i,
			)) as IDataObject;
			stored = (((current?.template as IDataObject | null)?.templateParams as IDataObject | null) ?? {}) as IDataObject;
			return stored;
		});
		const templateParams: IDataObject = {};
		const parameters = { ...((stored.parameters as IDataObject | null) ?? {}), ...((given.parameters as IDataObject) ?? {}) };
		if (Object.keys(parameters).length) templateParams.parameters = parameters;
		const file = (whole.file as IDataObject | undefined) ?? {};
		if (file.fileUrl) templateParams.fileUrl = file.fileUrl;
		else if (file.id) templateParams.fileId = file.id;
		set('TemplateParams', 'templateParams', templateParams);
		// A new template with its parameters: checked against its variables (with only one of them, WTS Chat decides).
		if (has('templateId') && has('templateParameters')) {
			await checkTemplateVariables(this, i, body.templateId as string, (templateParams.parameters as IDataObject | undefined) ?? {});
		}
	}
	if (channelId === undefined && fields.length === 0) {
		throw new NodeOperationError(this.getNode(), `Nothing to update`, {
			description: 'Add at least one field under Update Fields (or Fields to Clear).',
			itemIndex: i,
		});
	}
	if (channelId !== undefined) set('From', 'from', await channelNumber(this, i, channelId));
	return (await apiRequest.call(
		this,
		{
			method: 'PUT',
			path: '/chat/v1/scheduled-message/{id}',
			pathParams: { id },
			body: { ...body, fields },
			subject: { noun: 'Scheduled message', id },
		},
		i,
	)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'scheduledMessage',
	value: 'update',
	name: 'Update',
	action: 'Update a scheduled message',
	description: 'Change chosen fields of a scheduled message',
	summary: 'Only the fields you add (send at, phone number, channel, department, type, template, template parameters, template file URL, chatbot key, hidden session) or clear (department), sent with the API\'s `fields` mask; messages already sent cannot be changed',
	endpoint: '`PUT /chat/v1/scheduled-message/{id}`',
	properties,
	execute,
});
