import { mediaOperation } from './shared';

/** POST /chat/v1/send/document: a document from a public URL or an input binary property. */
const operation = mediaOperation('document', 'sendDocument', '/chat/v1/send/document');

export const description = operation.description;
export const execute = operation.execute;
