import { mediaOperation } from './shared';

/** POST /chat/v1/send/video: a video from a public URL or an input binary property. */
const operation = mediaOperation('video', 'sendVideo', '/chat/v1/send/video');

export const description = operation.description;
export const execute = operation.execute;
