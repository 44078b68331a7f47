import { defineOperation } from '../operation';

export const operation = defineOperation({
	resource: 'tag',
	value: 'getColors',
	name: 'Get Colors',
	action: 'Get the tag colors',
	description: 'Get the colors a tag can have, with their background and text colors',
	summary: 'The 54 colors a tag can have (`color`, `bgColor`, `textColor`), one item each; Create and Update offer the same list',
	endpoint: '`GET /core/v1/tag/color`',
	request: { method: 'GET', path: '/core/v1/tag/color', output: 'list' },
});
