import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { subscriptionLocator } from '../common.descriptions';

const properties: INodeProperties[] = [subscriptionLocator('The webhook subscription to get')];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['getSubscription'] } }, properties);

/** GET /core/v1/webhook/subscription/{subscriptionId}. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'subscriptionId', i, 'Subscription ID');
	return (await apiRequest.call(
		this,
		{
			method: 'GET',
			path: '/core/v1/webhook/subscription/{subscriptionId}',
			pathParams: { subscriptionId: id },
			subject: { noun: 'Webhook subscription', id },
		},
		i,
	)) as IDataObject;
}
