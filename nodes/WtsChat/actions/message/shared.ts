import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest } from '../../transport';

/** GET /chat/v1/message/{id}: one message with its details (files). */
export async function getMessage(ctx: IExecuteFunctions, itemIndex: number, id: string): Promise<IDataObject> {
	return (await apiRequest.call(
		ctx,
		{ method: 'GET', path: '/chat/v1/message/{id}', pathParams: { id }, subject: { noun: 'Message', id } },
		itemIndex,
	)) as IDataObject;
}
