import { defineOperation } from '../operation';

export const operation = defineOperation({
	resource: 'tag',
	value: 'getColors',
	name: 'Get Colors',
	action: 'Get the tag colors',
	description: 'List the colours a tag can have, with their background and text colours',
	summary: 'The 54 colours a tag can have (`color`, `bgColor`, `textColor`), one item each; Create and Update offer the same list',
	endpoint: '`GET /core/v1/tag/color`',
	request: { method: 'GET', path: '/core/v1/tag/color', output: 'list' },
});
