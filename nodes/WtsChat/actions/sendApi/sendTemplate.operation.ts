import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	fromChannelProperty,
	readFromChannel,
	readRecipient,
	readSendOptions,
	sendOptions,
} from '../../helpers/send';
import { readTemplateParameters } from '../../helpers/templates';
import { updateDisplayOptions } from '../../helpers/utils';
import { requireUuid } from '../../helpers/validation';
import { fileSourceProperties, optionsCollection, templateLocator, templateParametersProperty } from '../common.descriptions';
import { checkFile, fileIdOrUrl, postSend, toProperty } from './shared';

export const templateProperties = (kind: 'template' | 'templateBatch'): INodeProperties[] => [
	toProperty(),
	fromChannelProperty(),
	templateLocator({ description: 'The approved message template to send; it must belong to the From Channel' }),
	templateParametersProperty,
	...fileSourceProperties(true),
	optionsCollection(sendOptions(kind)),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['sendApi'], operation: ['sendTemplate'] } },
	templateProperties('template'),
);

/** POST /chat/v1/send/template: one template to one recipient (starts a WhatsApp conversation). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const to = readRecipient(this, i, true);
	const templateId = requireUuid(this, 'templateId', i, 'Template ID');
	const parameters = readTemplateParameters(this, i);
	const options = readSendOptions(this, i, this.getNodeParameter('options', i, {}) as IDataObject);
	const file = checkFile(this, i);
	const from = await readFromChannel(this, i);
	const body: IDataObject = { to, from, templateId, ...options };
	if (Object.keys(parameters).length) body.parameters = parameters;
	const header = await fileIdOrUrl(this, i, file);
	if (header) body.fileIdOrUrl = header;
	return await postSend(this, i, '/chat/v1/send/template', body);
}
