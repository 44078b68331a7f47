import { mediaOperation } from './shared';

/** POST /chat/v1/send/image: an image from a public URL or an input binary property. */
const operation = mediaOperation('image', 'sendImage', '/chat/v1/send/image');

export const description = operation.description;
export const execute = operation.execute;
