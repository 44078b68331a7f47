import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { scheduledMessageLocator } from '../locators';
import type { BatchOperation } from '../node.type';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	scheduledMessageLocator('The scheduled message to cancel; every input item names one, and they are cancelled together in batches'),
];

/** No size is documented for batch-cancel; 100 is the size of the other documented chat batches (send/template/batch). */
const BATCH_SIZE = 100;

/**
 * POST /chat/v1/scheduled-message/batch-cancel with a bare array of IDs; the answer lists the messages it
 * cancelled. Each input item gets its cancelled record, or an error when WTS Chat did not cancel it.
 */
export const batch: BatchOperation<string> = {
	size: BATCH_SIZE,
	probe: (id) => ({ method: 'POST', path: '/chat/v1/scheduled-message/batch-cancel', body: [id] }),
	async prepare(this: IExecuteFunctions, i: number) {
		return { key: 'all', entry: requireUuid(this, 'scheduledMessageId', i, 'Scheduled Message ID') };
	},
	async send(this: IExecuteFunctions, ids: string[], itemIndexes: number[]) {
		const unique = [...new Set(ids)];
		const answer = await apiRequest.call(
			this,
			{ method: 'POST', path: '/chat/v1/scheduled-message/batch-cancel', body: unique, idempotent: true },
			itemIndexes[0],
		);
		const records = Array.isArray(answer) ? (answer as IDataObject[]) : [];
		const byId = new Map(records.map((r) => [String(r.id).toLowerCase(), r]));
		return ids.map((id, k) => {
			const record = byId.get(id);
			if (record) return record;
			return new NodeOperationError(this.getNode(), `Scheduled message ${id} was not canceled`, {
				description:
					'WTS Chat cancels only messages that are still scheduled and exist: this one was already sent, failed, cancelled before, or its ID is wrong. Check it with Scheduled Message → Get.',
				itemIndex: itemIndexes[k],
			});
		});
	},
};

export const operation = defineOperation({
	resource: 'scheduledMessage',
	value: 'cancelMany',
	name: 'Cancel Many',
	action: 'Cancel many scheduled messages',
	description: 'Cancel the scheduled messages of many items in batches',
	summary: 'Every input item names one; they are cancelled together, **100 per request** (no size is documented: the size of the other chat batches); each item gets its cancelled record, or its own error when WTS Chat did not cancel it',
	endpoint: '`POST /chat/v1/scheduled-message/batch-cancel`',
	properties,
	batch,
});
