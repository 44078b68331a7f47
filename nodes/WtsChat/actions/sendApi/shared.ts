import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireBinaryProperty } from '../../helpers/binary';
import { uploadBinaryProperty } from '../../helpers/files';
import { readFromChannel, readRecipient, readSendOptions } from '../../helpers/send';
import { requireHttpUrl } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { fileSourceProperties } from '../common.descriptions';
import { optionsCollection } from '../listing.descriptions';
import { fromChannelProperty, recipientProperty, sendOptions } from '../send.descriptions';

/** POST one send of the send family (`/chat/v1/send/*`): never retried on 5xx/network errors (it may have gone). */
export async function postSend(ctx: IExecuteFunctions, itemIndex: number, path: string, body: IDataObject): Promise<IDataObject> {
	const answer = await apiRequest.call(ctx, { method: 'POST', path, body }, itemIndex);
	return (answer && typeof answer === 'object' ? answer : {}) as IDataObject;
}

/** The file of item `i`, checked without any request: a public URL, or an input binary property to upload. */
export type FileRef = { url: string } | { binaryProperty: string } | undefined;

export function checkFile(ctx: IExecuteFunctions, itemIndex: number): FileRef {
	const source = ctx.getNodeParameter('fileSource', itemIndex, 'binary') as string;
	if (source === 'none') return undefined;
	if (source === 'url') return { url: requireHttpUrl(ctx, ctx.getNodeParameter('fileUrl', itemIndex, ''), itemIndex, 'File URL', 'download') };
	const name = String(ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data') ?? '');
	return { binaryProperty: requireBinaryProperty(ctx, itemIndex, name) };
}

/** `fileIdOrUrl` for a checked file: the URL as given, or the ID of the binary uploaded through the upload chain. */
export async function fileIdOrUrl(ctx: IExecuteFunctions, itemIndex: number, file: FileRef): Promise<string | undefined> {
	if (!file) return undefined;
	if ('url' in file) return file.url;
	return await uploadBinaryProperty(ctx, itemIndex, file.binaryProperty);
}

export const toProperty = (): INodeProperties => recipientProperty({ instagram: true });

type MediaKind = 'image' | 'audio' | 'video' | 'document';

/** One media send (image, audio, video, document): description and execute. */
export function mediaOperation(kind: MediaKind, path: string) {
	const caption: INodeProperties[] =
		kind === 'audio'
			? []
			: [
					{
						displayName: 'Caption',
						name: 'caption',
						type: 'string',
						typeOptions: { rows: 2 },
						default: '',
						description: `Text shown with the ${kind}`,
					},
				];
	const properties: INodeProperties[] = [
		toProperty(),
		fromChannelProperty(),
		...fileSourceProperties(false),
		...caption,
		optionsCollection(sendOptions('message')),
	];

	async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
		const to = readRecipient(this, i, true);
		const options = readSendOptions(this, i, this.getNodeParameter('options', i, {}) as IDataObject);
		const text = kind === 'audio' ? '' : String(this.getNodeParameter('caption', i, '') ?? '');
		const file = checkFile(this, i);
		const from = await readFromChannel(this, i);
		const body: IDataObject = { to, from, fileIdOrUrl: await fileIdOrUrl(this, i, file), ...options };
		if (text.trim() !== '') body.text = text;
		return await postSend(this, i, path, body);
	}
	return { properties, execute };
}
