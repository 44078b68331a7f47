import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { requireUuid } from '../../helpers/validation';
import { resolveFile } from '../../helpers/files';
import {
	fileSourceProperties,
	optionsCollection,
	sessionLocator,
	templateLocator,
	waitForChannelOption,
} from '../common.descriptions';
import { sendInSession } from './shared';

const properties: INodeProperties[] = [
	sessionLocator('The session (conversation) to send the template into'),
	templateLocator({ description: 'The approved message template to send (the list shows the templates of the session’s channel)' }),
	{
		displayName: 'Template Parameters',
		name: 'templateParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Parameter',
		description: 'Values for the variables of the template, e.g. {{1}}',
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [
					{
						displayName: 'Name or ID',
						name: 'name',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getTemplateParameters', loadOptionsDependsOn: ['templateId.value'] },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'The text that replaces the variable' },
				],
			},
		],
	},
	...fileSourceProperties(true),
	optionsCollection([waitForChannelOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['session'], operation: ['sendTemplate'] } }, properties);

/** POST /chat/v1/session/{id}/message (or /message/sync) with templateId + parameters (+ header file). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'sessionId', i, 'Session ID');
	const templateId = requireUuid(this, 'templateId', i, 'Template ID');
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const entries =
		((this.getNodeParameter('templateParameters', i, {}) as IDataObject).parameter as IDataObject[] | undefined) ?? [];
	const parameters: IDataObject = {};
	for (const { name, value } of entries) {
		const key = String(name ?? '').trim();
		if (key === '') {
			throw new NodeOperationError(this.getNode(), `A template parameter has no name [item ${i}]`, {
				description: 'Pick the variable for every template parameter, or remove the empty entry.',
				itemIndex: i,
			});
		}
		parameters[key] = value as string;
	}
	const body: IDataObject = { templateId };
	if (Object.keys(parameters).length) body.parameters = parameters;
	const source = this.getNodeParameter('fileSource', i, 'none') as string;
	if (source !== 'none') Object.assign(body, await resolveFile(this, i, source, 'fileUrl', 'binaryPropertyName'));
	return await sendInSession(this, i, id, body, options.waitForChannel === true);
}
