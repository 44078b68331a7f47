import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { assertOneOf } from '../../helpers/validation';

const FAMILIES = ['BROWN', 'PURPLE', 'PINK', 'RED', 'YELLOW', 'GREEN', 'BLUE', 'SKY', 'GRAY'];

/** The 54 documented tag colours (`PublicTagDTO.color`): each family in shades 100 (lightest) to 600 (darkest). */
export const TAG_COLORS = FAMILIES.flatMap((f) => [100, 200, 300, 400, 500, 600].map((s) => `${f}_${s}`)).map((c) => ({ name: c, value: c }));

/** A tag colour picked from the account's palette (Get Colors); empty = the API's default. */
export const tagColorProperty = (description: string): INodeProperties => ({
	displayName: 'Color Name or ID',
	name: 'color',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTagColors' },
	default: '',
	description: `${description}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
});

/** The tag name: 1–255 characters, trimmed; checked before any request. */
export const tagNameProperty = (description: string): INodeProperties => ({
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. VIP',
	description,
});

/** The colour chosen (checked against the documented palette), or undefined when left empty. */
export function readTagColor(ctx: IExecuteFunctions, value: unknown, itemIndex: number): string | undefined {
	const color = typeof value === 'string' ? value.trim() : '';
	return color === '' ? undefined : assertOneOf(ctx, color, TAG_COLORS, itemIndex, 'Color');
}
