import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { textProblem } from '../../transport/rules';
import { requireText } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { readTagColor, tagColorProperty, tagNameProperty } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	tagNameProperty('Name of the new tag (1 to 255 characters)'),
	tagColorProperty('Color of the tag; left empty, WTS Chat uses GRAY_600 (the text color follows from it)'),
];

/** The trimmed tag name of item `i`, 1–255 characters. */
export function readTagName(ctx: IExecuteFunctions, i: number): string {
	const name = requireText(ctx, 'name', i, 'Name').trim();
	const problem = textProblem(name, 'Name', { maxLength: 255, singleLine: true });
	if (problem) throw new NodeOperationError(ctx.getNode(), problem.message, { description: problem.hint, itemIndex: i });
	return name;
}

/** POST /core/v1/tag → the new tag. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const name = readTagName(this, i);
	const color = readTagColor(this, this.getNodeParameter('color', i, ''), i);
	return (await apiRequest.call(this, { method: 'POST', path: '/core/v1/tag', body: { name, ...(color ? { color } : {}) } }, i)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'tag',
	value: 'create',
	name: 'Create',
	action: 'Create a tag',
	description: 'Create a tag with a name and a color',
	summary: 'A tag with a name (1–255 characters) and an optional color from the palette (WTS uses `GRAY_600` when none is chosen)',
	endpoint: '`POST /core/v1/tag`',
	properties,
	execute,
});
