import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireUuid } from '../../helpers/validation';
import { resolveFile } from '../../helpers/files';
import { checkTemplateVariables, readTemplateParameters } from '../../helpers/templates';
import { fileSourceProperties, templateParametersProperty, waitForChannelOption } from '../common.descriptions';
import { optionsCollection } from '../listing.descriptions';
import { sessionLocator, templateLocator } from '../locators';
import { sendInSession } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	sessionLocator('The session (conversation) to send the template into'),
	templateLocator({ description: 'The approved message template to send (the list shows the templates of the session’s channel)' }),
	templateParametersProperty,
	...fileSourceProperties(true),
	optionsCollection([waitForChannelOption]),
];

/** POST /chat/v1/session/{id}/message (or /message/sync) with templateId + parameters (+ header file). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'sessionId', i, 'Session ID');
	const templateId = requireUuid(this, 'templateId', i, 'Template ID');
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const parameters = readTemplateParameters(this, i);
	await checkTemplateVariables(this, i, templateId, parameters);
	const body: IDataObject = { templateId };
	if (Object.keys(parameters).length) body.parameters = parameters;
	const source = this.getNodeParameter('fileSource', i, 'none') as string;
	if (source !== 'none') Object.assign(body, await resolveFile(this, i, source, 'fileUrl', 'binaryPropertyName'));
	return await sendInSession(this, i, id, body, options.waitForChannel === true);
}

export const operation = defineOperation({
	resource: 'session',
	value: 'sendTemplate',
	name: 'Send Template',
	action: 'Send a template in a session',
	description: 'Send an approved message template into a session (needed on WhatsApp after 24 hours)',
	summary: 'An approved template with its variables, optional header file (URL or binary)',
	endpoint: 'as Send Text',
	properties,
	execute,
});
