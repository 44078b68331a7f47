import { defineOperation } from '../operation';

export const operation = defineOperation({
	resource: 'company',
	value: 'getOfficeHours',
	name: 'Get Office Hours',
	action: 'Get the company office hours',
	description: 'Get the company’s office hours per weekday, its time zone offset and the out-of-hours reply',
	summary: 'The company\'s office hours: `limitHours`, the out-of-hours reply, the time-zone offset and each weekday\'s periods',
	endpoint: '`GET /core/v1/company/officehours`',
	request: { method: 'GET', path: '/core/v1/company/officehours', output: 'record' },
});
