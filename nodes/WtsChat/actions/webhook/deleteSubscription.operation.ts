import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { subscriptionLocator } from '../common.descriptions';

const properties: INodeProperties[] = [subscriptionLocator('The webhook subscription to delete')];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['deleteSubscription'] } }, properties);

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
