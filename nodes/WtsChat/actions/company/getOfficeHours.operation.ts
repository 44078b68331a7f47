import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { apiRequest } from '../../transport';
import { defineOperation } from '../operation';

/** GET /core/v1/company/officehours → `{limitHours, offlineResponse, timezoneDiff, days[{dayWeek, active, periods}]}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return ((await apiRequest.call(this, { method: 'GET', path: '/core/v1/company/officehours' }, i)) ?? {}) as IDataObject;
}

export const operation = defineOperation({
	resource: 'company',
	value: 'getOfficeHours',
	name: 'Get Office Hours',
	action: 'Get the company office hours',
	description: 'Get the company’s office hours per weekday, its time zone offset and the out-of-hours reply',
	summary: 'The company\'s office hours: `limitHours`, the out-of-hours reply, the time-zone offset and each weekday\'s periods',
	endpoint: '`GET /core/v1/company/officehours`',
	execute,
});
