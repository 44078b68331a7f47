import { mediaOperation } from './shared';
import { defineOperation } from '../operation';

/** POST /chat/v1/send/image: an image from a public URL or an input binary property. */
const media = mediaOperation('image', '/chat/v1/send/image');

export const execute = media.execute;

export const operation = defineOperation({
	resource: 'sendApi',
	value: 'sendImage',
	name: 'Send Image',
	action: 'Send an image',
	description: 'Send an image to a phone number',
	summary: 'An image from a public URL or an input **binary** property (uploaded first), optional caption',
	endpoint: '`POST /chat/v1/send/image`',
	properties: media.properties,
	execute,
});
