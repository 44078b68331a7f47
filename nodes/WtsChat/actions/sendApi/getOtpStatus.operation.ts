import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requireText } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	{
		displayName: 'OTP ID or Sender ID',
		name: 'otpId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b or login-4821',
		description: 'The ID Send OTP returned, or the Sender ID you gave it',
	},
];

/** GET /chat/v1/send/otp/{id} (the id or your senderId). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireText(this, 'otpId', i, 'OTP ID or Sender ID').trim();
	return (await apiRequest.call(
		this,
		{ method: 'GET', path: '/chat/v1/send/otp/{id}', pathParams: { id }, subject: { noun: 'OTP', id } },
		i,
	)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'sendApi',
	value: 'getOtpStatus',
	name: 'Get OTP Status',
	action: 'Get the status of a one time code',
	description: 'Get the status of a one-time code, by its ID or your Sender ID',
	summary: 'The status of a code by its ID or your Sender ID',
	endpoint: '`GET /chat/v1/send/otp/{id}`',
	properties,
	execute,
});
