import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { assertUuid, requireUuid } from '../../helpers/validation';
import { resolveFile } from '../../helpers/files';
import { fileSourceProperties, replyToOption, waitForChannelOption } from '../common.descriptions';
import { optionsCollection } from '../listing.descriptions';
import { sessionLocator } from '../locators';
import { sendInSession } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	sessionLocator('The session (conversation) to send the file into'),
	...fileSourceProperties(false),
	optionsCollection([
			{
				displayName: 'Caption',
				name: 'caption',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description: 'Text sent with the file',
			},
			replyToOption,
			waitForChannelOption,
		]),
];

/** Uploads the input binary first when needed (GET/PUT/POST /core/v2/file), then sends it into the session. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'sessionId', i, 'Session ID');
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const refId = options.replyTo ? assertUuid(this, options.replyTo, i, 'Reply to Message ID') : undefined;
	const source = this.getNodeParameter('fileSource', i) as string;
	const file = await resolveFile(this, i, source, 'fileUrl', 'binaryPropertyName');
	const body: IDataObject = { ...file };
	if (options.caption) body.text = options.caption;
	if (refId) body.refId = refId;
	return await sendInSession(this, i, id, body, options.waitForChannel === true);
}

export const operation = defineOperation({
	resource: 'session',
	value: 'sendFile',
	name: 'Send File',
	action: 'Send a file to the contact of a session',
	description: 'Send a file to the contact of a session',
	summary: 'A file from a public URL or from an input **binary** property (uploaded first), optional caption',
	endpoint: '`GET`+`POST /core/v2/file`, then as Send Text',
	properties,
	execute,
});
