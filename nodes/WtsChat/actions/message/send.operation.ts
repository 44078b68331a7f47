import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireBinaryProperty } from '../../helpers/binary';
import { resolveFile } from '../../helpers/files';
import { normalizePhone } from '../../helpers/phone';
import { channelNumber } from '../../helpers/channels';
import { resolveRecipient } from '../../helpers/recipients';
import { checkTemplateVariables, readTemplateParameters } from '../../helpers/templates';
import { assertUuid, requireHttpUrl, requireText, requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { fileSourceProperties, recipientProperties, replyToOption, templateParametersProperty, waitForChannelOption } from '../common.descriptions';
import { optionsCollection } from '../listing.descriptions';
import { sendChannelLocator, templateLocator } from '../locators';
import { defineOperation } from '../operation';
import { sessionFlagOptions } from '../send.descriptions';

const onlyFor = (content: string, list: INodeProperties[]): INodeProperties[] =>
	list.map((p) => ({ ...p, displayOptions: { show: { ...p.displayOptions?.show, content: [content] } } }));

const properties: INodeProperties[] = [
	...recipientProperties('message'),
	sendChannelLocator('message'),
	{
		displayName: 'Content',
		name: 'content',
		type: 'options',
		default: 'text',
		description: 'What to send. On WhatsApp a conversation can only be started with a template.',
		options: [
			{ name: 'File', value: 'file', description: 'A file from a public URL or from an input binary field' },
			{ name: 'Template', value: 'template', description: 'An approved message template of the channel, with its variables' },
			{ name: 'Text', value: 'text', description: 'A text message (WhatsApp delivers it only inside the 24-hour window)' },
		],
	},
	...onlyFor('text', [
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			description: 'The message text. On WhatsApp, free text is delivered only inside the 24-hour window.',
		},
	]),
	...onlyFor('file', fileSourceProperties(false)),
	...onlyFor('template', [
		templateLocator({ description: 'The approved message template to send (the list shows the templates of the chosen channel)' }),
		templateParametersProperty,
		...fileSourceProperties(true),
	]),
	optionsCollection([
		...sessionFlagOptions,
		{
			displayName: 'Caption',
			name: 'caption',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			description: 'Text sent with the file (Content: File)',
		},
		{
			displayName: 'Chatbot Key',
			name: 'botKey',
			type: 'string',
			default: '',
			placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b',
			description: 'Key of a chatbot to start when the contact replies (the chatbot’s key, not its ID)',
		},
		replyToOption,
		waitForChannelOption,
	]),
];

/** The message body (`PublicQuickSendBodyDTO`) of item `i`, after its file was uploaded when it comes from binary. */
async function messageBody(ctx: IExecuteFunctions, i: number, options: IDataObject): Promise<IDataObject> {
	const content = ctx.getNodeParameter('content', i, 'text') as string;
	const refId = options.replyTo ? assertUuid(ctx, options.replyTo, i, 'Reply to Message ID') : undefined;
	let body: IDataObject;
	if (content === 'text') {
		body = { text: requireText(ctx, 'text', i, 'Text') };
	} else if (content === 'file') {
		const source = ctx.getNodeParameter('fileSource', i, 'binary') as string;
		body = { ...(await resolveFile(ctx, i, source, 'fileUrl', 'binaryPropertyName')) };
		if (options.caption) body.text = options.caption;
	} else if (content === 'template') {
		const templateId = requireUuid(ctx, 'templateId', i, 'Template ID');
		const parameters = readTemplateParameters(ctx, i);
		body = { templateId };
		if (Object.keys(parameters).length) body.parameters = parameters;
		const source = ctx.getNodeParameter('fileSource', i, 'none') as string;
		if (source !== 'none') Object.assign(body, await resolveFile(ctx, i, source, 'fileUrl', 'binaryPropertyName'));
	} else {
		throw new NodeOperationError(ctx.getNode(), `"${content}" is not a valid Content`, {
			description: 'Use one of: text, file, template.',
			itemIndex: i,
		});
	}
	if (refId) body.refId = refId;
	return body;
}

/**
 * POST /chat/v1/message/send (queued) or, with Wait for Channel, /chat/v1/message/send-sync (≤ 25 s): a message to
 * a contact, by phone number or picked contact, through the chosen channel. Only the options set are sent: a
 * department or agent is sent only when picked (never `{id: null}`).
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const channelId = requireUuid(this, 'channelId', i, 'Channel ID');
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const departmentId = options.departmentId ? assertUuid(this, options.departmentId, i, 'Department ID') : undefined;
	const agentId = options.agentId ? assertUuid(this, options.agentId, i, 'Agent ID') : undefined;
	const botKey = options.botKey ? assertUuid(this, options.botKey, i, 'Chatbot Key') : undefined;
	if (options.replyTo) assertUuid(this, options.replyTo, i, 'Reply to Message ID');
	// Everything typed is checked before any request (a picked contact's phone is read from WTS Chat later).
	const sendTo = this.getNodeParameter('sendTo', i, 'phone') as string;
	const phone = sendTo === 'contact' ? undefined : normalizePhone(this, this.getNodeParameter('phoneNumber', i, ''), i, 'Phone Number');
	if (sendTo === 'contact') requireUuid(this, 'contactId', i, 'Contact ID');
	const content = this.getNodeParameter('content', i, 'text') as string;
	if (content === 'text') requireText(this, 'text', i, 'Text');
	const template = content === 'template' ? { id: requireUuid(this, 'templateId', i, 'Template ID'), parameters: readTemplateParameters(this, i) } : undefined;
	const source = content === 'text' ? 'none' : (this.getNodeParameter('fileSource', i, content === 'file' ? 'binary' : 'none') as string);
	if (source === 'binary') requireBinaryProperty(this, i, this.getNodeParameter('binaryPropertyName', i, 'data') as string);
	if (source === 'url') requireHttpUrl(this, this.getNodeParameter('fileUrl', i, ''), i, 'File URL', 'download');

	if (template) await checkTemplateVariables(this, i, template.id, template.parameters);
	const to = phone ?? (await resolveRecipient(this, i));
	const from = await channelNumber(this, i, channelId);
	const request: IDataObject = { to, from, body: await messageBody(this, i, options) };
	if (departmentId) request.department = { id: departmentId };
	if (agentId) request.user = { id: agentId };
	if (botKey) request.botKey = botKey;
	const sendOptions: IDataObject = {};
	for (const key of ['enableBot', 'forceStartSession', 'hiddenSession']) {
		if (options[key] !== undefined) sendOptions[key] = options[key];
	}
	if (Object.keys(sendOptions).length) request.options = sendOptions;
	const sync = options.waitForChannel === true;
	return (await apiRequest.call(
		this,
		{
			method: 'POST',
			path: sync ? '/chat/v1/message/send-sync' : '/chat/v1/message/send',
			body: request,
			timeout: sync ? 60_000 : undefined,
		},
		i,
	)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'message',
	value: 'send',
	name: 'Send',
	action: 'Send a message to a contact',
	description: 'Send a text, a file or a template to a contact through a channel',
	summary: 'A text, a file (public URL or input **binary** field, uploaded first, for every item) or a template of the channel (picked from the channel\'s templates, its variables by name, optional header file) to a contact: by **phone number** (checked before any request; `11 99999-0001` gets +55) or a **contact** picked from the list (its phone, else its Instagram), through a **channel** picked from the list (sent as the channel\'s number, `from`). Options: department, agent (for a new session), Enable Bot, Force Start Session, Hidden Session, Chatbot Key, Reply to Message ID, caption; only what you set is sent. Queued, or with **Wait for Channel** sent synchronously (≤ 25 s)',
	endpoint: '`POST /chat/v1/message/send` (`/chat/v1/message/send-sync`); `GET /chat/v1/channel` once per run; `GET /core/v1/contact/{id}` for a picked contact',
	properties,
	execute,
});
