import { mediaOperation } from './shared';

/** POST /chat/v1/send/audio: an audio from a public URL or an input binary property. */
const operation = mediaOperation('audio', 'sendAudio', '/chat/v1/send/audio');

export const description = operation.description;
export const execute = operation.execute;
