import { mediaOperation } from './shared';
import { defineOperation } from '../operation';

/** POST /chat/v1/send/audio: an audio from a public URL or an input binary property. */
const media = mediaOperation('audio', '/chat/v1/send/audio');

export const execute = media.execute;

export const operation = defineOperation({
	resource: 'sendApi',
	value: 'sendAudio',
	name: 'Send Audio',
	action: 'Send an audio',
	description: 'Send an audio file to a phone number',
	summary: 'An audio file (URL or binary), no caption',
	endpoint: '`POST /chat/v1/send/audio`',
	properties: media.properties,
	execute,
});
