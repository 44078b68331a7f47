import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readFromChannel, readRecipient, readSendOptions } from '../../helpers/send';
import { checkTemplateVariables, readTemplateParameters } from '../../helpers/templates';
import { requireUuid } from '../../helpers/validation';
import { fileSourceProperties, templateParametersProperty } from '../common.descriptions';
import { optionsCollection } from '../listing.descriptions';
import { templateLocator } from '../locators';
import { checkFile, fileIdOrUrl, postSend, toProperty } from './shared';
import { defineOperation } from '../operation';
import { fromChannelProperty, sendOptions } from '../send.descriptions';

export const templateProperties = (kind: 'template' | 'templateBatch'): INodeProperties[] => [
	toProperty(),
	fromChannelProperty(),
	templateLocator({ description: 'The approved message template to send; it must belong to the From Channel' }),
	templateParametersProperty,
	...fileSourceProperties(true),
	optionsCollection(sendOptions(kind)),
];

/** POST /chat/v1/send/template: one template to one recipient (starts a WhatsApp conversation). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const to = readRecipient(this, i, true);
	const templateId = requireUuid(this, 'templateId', i, 'Template ID');
	const parameters = readTemplateParameters(this, i);
	const options = readSendOptions(this, i, this.getNodeParameter('options', i, {}) as IDataObject);
	const file = checkFile(this, i);
	await checkTemplateVariables(this, i, templateId, parameters);
	const from = await readFromChannel(this, i);
	const body: IDataObject = { to, from, templateId, ...options };
	if (Object.keys(parameters).length) body.parameters = parameters;
	const header = await fileIdOrUrl(this, i, file);
	if (header) body.fileIdOrUrl = header;
	return await postSend(this, i, '/chat/v1/send/template', body);
}

export const operation = defineOperation({
	resource: 'sendApi',
	value: 'sendTemplate',
	name: 'Send Template',
	action: 'Send a template',
	description: 'Send a message template to a phone number (starts a WhatsApp conversation)',
	summary: 'An approved template of the channel with its variables by name, optional header file (URL or binary) and session metadata',
	endpoint: '`POST /chat/v1/send/template`',
	properties: templateProperties('template'),
	execute,
});
