import { mediaOperation } from './shared';
import { defineOperation } from '../operation';

/** POST /chat/v1/send/document: a document from a public URL or an input binary property. */
const media = mediaOperation('document', '/chat/v1/send/document');

export const execute = media.execute;

export const operation = defineOperation({
	resource: 'sendApi',
	value: 'sendDocument',
	name: 'Send Document',
	action: 'Send a document',
	description: 'Send a document to a phone number',
	summary: 'A document (URL or binary), optional caption',
	endpoint: '`POST /chat/v1/send/document`',
	properties: media.properties,
	execute,
});
