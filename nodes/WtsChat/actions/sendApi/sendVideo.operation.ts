import { mediaOperation } from './shared';
import { defineOperation } from '../operation';

/** POST /chat/v1/send/video: a video from a public URL or an input binary property. */
const media = mediaOperation('video', '/chat/v1/send/video');

export const execute = media.execute;

export const operation = defineOperation({
	resource: 'sendApi',
	value: 'sendVideo',
	name: 'Send Video',
	action: 'Send a video',
	description: 'Send a video to a phone number',
	summary: 'A video (URL or binary), optional caption',
	endpoint: '`POST /chat/v1/send/video`',
	properties: media.properties,
	execute,
});
