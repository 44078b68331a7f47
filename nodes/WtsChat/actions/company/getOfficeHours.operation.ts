import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { apiRequest } from '../../transport';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions({ show: { resource: ['company'], operation: ['getOfficeHours'] } }, properties);

/** GET /core/v1/company/officehours → `{limitHours, offlineResponse, timezoneDiff, days[{dayWeek, active, periods}]}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return ((await apiRequest.call(this, { method: 'GET', path: '/core/v1/company/officehours' }, i)) ?? {}) as IDataObject;
}
