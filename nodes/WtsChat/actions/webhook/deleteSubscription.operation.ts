import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { subscriptionLocator } from '../common.descriptions';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [subscriptionLocator('The webhook subscription to delete')];

/** DELETE /core/v1/webhook/subscription/{subscriptionId} (empty answer) → `{deleted: true, id}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'subscriptionId', i, 'Subscription ID');
	await apiRequest.call(
		this,
		{
			method: 'DELETE',
			path: '/core/v1/webhook/subscription/{subscriptionId}',
			pathParams: { subscriptionId: id },
			subject: { noun: 'Webhook subscription', id },
		},
		i,
	);
	return { deleted: true, id };
}

export const operation = defineOperation({
	resource: 'webhook',
	value: 'deleteSubscription',
	name: 'Delete Subscription',
	action: 'Delete a webhook subscription',
	description: 'Delete a webhook subscription',
	summary: 'Delete a subscription; outputs `{deleted: true, id}`',
	endpoint: '`DELETE /core/v1/webhook/subscription/{subscriptionId}`',
	properties,
	execute,
});
