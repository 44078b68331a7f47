import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FromChannel } from '../../helpers/send';
import { checkFromChannel, readRecipient, readSendOptions, resolveFromChannel } from '../../helpers/send';
import { checkTemplateVariables, readTemplateParameters } from '../../helpers/templates';
import { requireUuid } from '../../helpers/validation';
import type { BatchOperation } from '../node.type';
import type { FileRef } from './shared';
import { fileIdOrUrl, checkFile, postSend } from './shared';
import { templateProperties } from './sendTemplate.operation';
import { defineOperation } from '../operation';

/** The documented maximum of messages per request of POST /chat/v1/send/template/batch. */
export const TEMPLATE_BATCH_SIZE = 100;

/** Fields of one message of the batch (`messages[]`). */
const PER_MESSAGE = ['callbackUrl', 'senderId', 'sessionMetadata'];

interface Entry {
	from: FromChannel;
	templateId: string;
	options?: IDataObject;
	message: IDataObject;
	file: FileRef;
}

/** Result of one message: an immediate FAILED is that item's error (Continue On Fail routes it). */
export function resultOrError(ctx: IExecuteFunctions, result: IDataObject | undefined, to: string): IDataObject | Error | undefined {
	if (!result) return undefined;
	if (result.status === 'FAILED') {
		const reason = typeof result.failedReason === 'string' && result.failedReason ? result.failedReason : 'no reason given';
		return new NodeOperationError(ctx.getNode(), `WTS Chat did not accept the send to ${to}: ${reason}`, {
			description: `WTS Chat answered "${reason}" for this recipient (send ${String(result.id ?? '')}). Check the recipient and the template parameters of this item.`,
		});
	}
	return result;
}

/**
 * POST /chat/v1/send/template/batch: input items with the same channel, template and options share requests of
 * up to 100 messages; each item still gets its own output (its send result) or error.
 */
export const batch: BatchOperation<Entry> = {
	size: TEMPLATE_BATCH_SIZE,
	probe: (e) => ({
		method: 'POST',
		path: '/chat/v1/send/template/batch',
		body: {
			templateId: e.templateId,
			messages: [e.file && 'url' in e.file ? { ...e.message, fileIdOrUrl: e.file.url } : e.message],
			...(e.options ? { options: e.options } : {}),
		},
	}),
	async prepare(this: IExecuteFunctions, i: number) {
		const to = readRecipient(this, i, true);
		const templateId = requireUuid(this, 'templateId', i, 'Template ID');
		const parameters = readTemplateParameters(this, i);
		const all = readSendOptions(this, i, this.getNodeParameter('options', i, {}) as IDataObject);
		const file = checkFile(this, i);
		const from = checkFromChannel(this, i);
		await checkTemplateVariables(this, i, templateId, parameters);
		const message: IDataObject = { to };
		if (Object.keys(parameters).length) message.parameters = parameters;
		for (const key of PER_MESSAGE) if (all[key] !== undefined) message[key] = all[key];
		const options = all.options as IDataObject | undefined;
		return { key: JSON.stringify([from, templateId, options ?? null]), entry: { from, templateId, options, message, file } };
	},
	async send(this: IExecuteFunctions, entries: Entry[], itemIndexes: number[]) {
		const first = entries[0];
		const from = await resolveFromChannel(this, itemIndexes[0], first.from);
		const answers: Array<IDataObject | Error | undefined> = new Array(entries.length);
		const posted: number[] = [];
		const messages: IDataObject[] = [];
		for (let k = 0; k < entries.length; k++) {
			try {
				const header = await fileIdOrUrl(this, itemIndexes[k], entries[k].file);
				messages.push(header ? { ...entries[k].message, fileIdOrUrl: header } : entries[k].message);
				posted.push(k);
			} catch (error) {
				answers[k] = error as Error;
			}
		}
		if (messages.length) {
			const body: IDataObject = { from, templateId: first.templateId, messages };
			if (first.options) body.options = first.options;
			const answer = await postSend(this, itemIndexes[posted[0]], '/chat/v1/send/template/batch', body);
			const results = Array.isArray(answer.results) ? (answer.results as IDataObject[]) : [];
			posted.forEach((k, n) => {
				answers[k] = resultOrError(this, results[n], String(messages[n].to));
			});
		}
		return answers as Array<IDataObject | Error>;
	},
};

export const operation = defineOperation({
	resource: 'sendApi',
	value: 'sendTemplateBatch',
	name: 'Send Template (Batch)',
	action: 'Send a template to many recipients',
	description: 'Send a template to every input item’s phone number, up to 100 per request',
	summary: 'The same template to every input item\'s recipient: items with the same channel, template and options go in requests of up to **100** messages (the documented maximum); each item gets its own output or error',
	endpoint: '`POST /chat/v1/send/template/batch`',
	properties: templateProperties('templateBatch'),
	batch,
});
