import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireBinaryProperty } from '../../helpers/binary';
import { resolveFile } from '../../helpers/files';
import { normalizePhone } from '../../helpers/phone';
import { channelNumber } from '../../helpers/channels';
import { resolveRecipient } from '../../helpers/recipients';
import { checkTemplateVariables, readTemplateParameters } from '../../helpers/templates';
import { assertOneOf, assertUuid, optionalDateTime, requireHttpUrl, requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { departmentPicker, fileSourceProperties, recipientProperties, templateParametersProperty } from '../common.descriptions';
import { optionsCollection, TIME_ZONE_HINT } from '../listing.descriptions';
import { sendChannelLocator, templateLocator } from '../locators';
import { botKeyProperty, hiddenSessionOption, SCHEDULED_TYPES } from './shared';
import { defineOperation } from '../operation';

const onlyFor = (type: string, list: INodeProperties[]): INodeProperties[] =>
	list.map((p) => ({ ...p, displayOptions: { show: { ...p.displayOptions?.show, type: [type] } } }));

const properties: INodeProperties[] = [
	...recipientProperties('scheduled message'),
	sendChannelLocator('scheduled message'),
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		default: 'TEMPLATE',
		description: 'What is sent at the scheduled time',
		options: [
			{ name: 'Chatbot', value: 'CHATBOT', description: 'Start a chatbot with the contact' },
			{ name: 'Template', value: 'TEMPLATE', description: 'An approved message template of the channel' },
		],
	},
	...onlyFor('TEMPLATE', [
		templateLocator({ description: 'The approved message template to send (the list shows the templates of the chosen channel)' }),
		templateParametersProperty,
		...fileSourceProperties(true),
	]),
	...onlyFor('CHATBOT', [botKeyProperty(true)]),
	{
		displayName: 'Send At',
		name: 'scheduling',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'When WTS Chat sends the message',
		hint: TIME_ZONE_HINT,
	},
	optionsCollection([departmentPicker('Department of the session the message opens'), hiddenSessionOption]),
];

/** POST /chat/v1/scheduled-message: a template or a chatbot start to a contact, at a given time, through a channel. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const channelId = requireUuid(this, 'channelId', i, 'Channel ID');
	const sendTo = this.getNodeParameter('sendTo', i, 'phone') as string;
	const phone = sendTo === 'contact' ? undefined : normalizePhone(this, this.getNodeParameter('phoneNumber', i, ''), i, 'Phone Number');
	if (sendTo === 'contact') requireUuid(this, 'contactId', i, 'Contact ID');
	const type = assertOneOf(this, this.getNodeParameter('type', i, 'TEMPLATE'), SCHEDULED_TYPES, i, 'Type');
	const scheduling = optionalDateTime(this, this.getNodeParameter('scheduling', i, ''), i, 'Send At');
	if (scheduling === undefined) {
		throw new NodeOperationError(this.getNode(), `The Send At field is empty`, {
			description: 'Pick the date and time WTS Chat should send the message at.',
			itemIndex: i,
		});
	}
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const departmentId = options.departmentId ? assertUuid(this, options.departmentId, i, 'Department ID') : undefined;
	const body: IDataObject = { type };
	let source = 'none';
	if (type === 'TEMPLATE') {
		body.templateId = requireUuid(this, 'templateId', i, 'Template ID');
		const parameters = readTemplateParameters(this, i);
		if (Object.keys(parameters).length) body.templateParams = { parameters };
		source = this.getNodeParameter('fileSource', i, 'none') as string;
		if (source === 'binary') requireBinaryProperty(this, i, this.getNodeParameter('binaryPropertyName', i, 'data') as string);
		if (source === 'url') requireHttpUrl(this, this.getNodeParameter('fileUrl', i, ''), i, 'File URL', 'download');
	} else {
		body.botKey = requireUuid(this, 'botKey', i, 'Chatbot Key');
	}
	body.scheduling = scheduling;
	if (departmentId) body.department = { id: departmentId };
	if (typeof options.hiddenSession === 'boolean') body.hiddenSession = options.hiddenSession;

	if (type === 'TEMPLATE') {
		const parameters = ((body.templateParams as IDataObject | undefined)?.parameters as IDataObject | undefined) ?? {};
		await checkTemplateVariables(this, i, body.templateId as string, parameters);
	}
	body.to = phone ?? (await resolveRecipient(this, i));
	body.from = await channelNumber(this, i, channelId);
	if (source !== 'none') {
		const file = await resolveFile(this, i, source, 'fileUrl', 'binaryPropertyName');
		body.templateParams = { ...((body.templateParams as IDataObject) ?? {}), ...file };
	}
	return (await apiRequest.call(this, { method: 'POST', path: '/chat/v1/scheduled-message', body }, i)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'scheduledMessage',
	value: 'create',
	name: 'Create',
	action: 'Create a scheduled message',
	description: 'Schedule a template or a chatbot start to a contact',
	summary: 'A template (with its variables and optional header file) or a chatbot start, to a phone number or contact, through a channel, at **Send At** (read in the workflow\'s time zone); department, hidden session',
	endpoint: '`POST /chat/v1/scheduled-message`',
	properties,
	execute,
});
