import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { textProblem } from '../../transport/rules';
import { simplifyIfAsked } from '../../helpers/listing';
import { assertNumber, optionalDateTime, uuidList } from '../../helpers/validation';
import { simplifyProperty } from '../listing.descriptions';

export const CARD_STATUSES = [
	{ name: 'Archived', value: 'ARCHIVED' },
	{ name: 'Lost', value: 'LOST' },
	{ name: 'Open', value: 'OPEN' },
	{ name: 'Won', value: 'WON' },
];

/** IncludeDetails values of the card reads and the card fields they fill. */
const DETAILS: Array<{ name: string; value: string; field: string; description: string }> = [
	{ name: 'Contacts', value: 'Contacts', field: 'contacts', description: 'The ID and name of each linked contact' },
	{ name: 'Custom Fields', value: 'CustomFields', field: 'customFields', description: 'The custom field values of the card' },
	{ name: 'Lost Reason', value: 'LostReason', field: 'lostReason', description: 'The reason of a lost card' },
	{ name: 'Panel Title', value: 'PanelTitle', field: 'panelTitle', description: 'The title of the card’s panel' },
	{ name: 'Responsible Agent', value: 'ResponsibleUser', field: 'responsibleUser', description: 'The ID and name of the responsible agent' },
	{ name: 'Step Phase', value: 'StepPhase', field: 'stepPhase', description: 'Whether the step is the initial, a final or another step' },
	{ name: 'Step Title', value: 'StepTitle', field: 'stepTitle', description: 'The title of the card’s step' },
];

export const cardIncludeDetailsOption: INodeProperties = {
	displayName: 'Include Details',
	name: 'includeDetails',
	type: 'multiOptions',
	default: [],
	description: 'Related records to include in each card (kept in the simplified output too)',
	options: DETAILS.map(({ name, value, description }) => ({ name, value, description })),
};

/** The card fields Simplify keeps (11 of 28), plus the details asked for with Include Details. */
export const CARD_SIMPLE_FIELDS = [
	'id',
	'key',
	'title',
	'status',
	'panelId',
	'stepId',
	'position',
	'monetaryAmount',
	'dueDate',
	'responsibleUserId',
	'contactIds',
] as const;

export const cardSimplifyProperty = simplifyProperty(CARD_SIMPLE_FIELDS, ', and the details chosen under Include Details');

export function simplifyCards<T extends IDataObject | IDataObject[]>(ctx: IExecuteFunctions, i: number, data: T, includeDetails: string[]): T {
	const extra = DETAILS.filter((d) => includeDetails.includes(d.value)).map((d) => d.field);
	return simplifyIfAsked(ctx, i, data, [...CARD_SIMPLE_FIELDS, ...extra]);
}


/** Pickers whose list is read from the panel chosen in the node's Panel field. */
export const panelStepPicker = (o: { name: string; displayName?: string; hint: string; required?: boolean }): INodeProperties => ({
	displayName: o.displayName ?? 'Step Name or ID',
	name: o.name,
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getPanelSteps', loadOptionsDependsOn: ['panelId.value'] },
	default: '',
	required: o.required,
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint: o.hint,
});

export const panelAgentPicker = (hint: string): INodeProperties => ({
	displayName: 'Responsible Agent Name or ID',
	name: 'responsibleUserId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getPanelAgents', loadOptionsDependsOn: ['panelId.value'] },
	default: '',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	hint,
});

export const panelTagsPicker = (hint: string): INodeProperties => ({
	displayName: 'Tag Names or IDs',
	name: 'tagIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getPanelTags', loadOptionsDependsOn: ['panelId.value'] },
	default: [],
	description: 'Tags of the panel, not contact tags. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	hint,
});

export const contactIdsField = (description: string): INodeProperties => ({
	displayName: 'Contact IDs',
	name: 'contactIds',
	type: 'string',
	default: '',
	placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b',
	description,
});

export const customFieldsProperty = (description: string): INodeProperties => ({
	displayName: 'Custom Fields',
	name: 'customFields',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Custom Field',
	default: {},
	description,
	options: [
		{
			displayName: 'Field',
			name: 'entries',
			values: [
				{
					displayName: 'Field Name or ID',
					name: 'key',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getPanelCustomFields', loadOptionsDependsOn: ['panelId.value'] },
					default: '',
					description:
						'The field\'s key (see Panel → Get Custom Fields). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					placeholder: 'e.g. Site',
					description:
						"The value, checked against the field's type: a number, true/false, a date (2026-01-31), a date and time, a time (18:30), an option's name, or comma-separated option names for a multi-select",
				},
			],
		},
	],
});

export const MAX_TITLE = 500;
export const MAX_TEXT = 8000;

/** A text no longer than `max` characters (the API's limit), checked before any request. */
export function checkLength(ctx: IExecuteFunctions, value: string, max: number, i: number, label: string): string {
	const problem = textProblem(value, label, { maxLength: max });
	if (problem) throw new NodeOperationError(ctx.getNode(), problem.message, { description: problem.hint, itemIndex: i });
	return value;
}

/** A monetary amount: a finite number, not negative, with at most two decimals (0 is a real value). */
export function monetaryAmount(ctx: IExecuteFunctions, value: unknown, i: number): number {
	const n = assertNumber(ctx, value, i, 'Monetary Amount', { min: 0 });
	if (Math.abs(n * 100 - Math.round(n * 100)) > 1e-6) {
		throw new NodeOperationError(ctx.getNode(), `Monetary Amount has more than two decimals`, {
			description: `Got ${n}. Round the amount to cents, e.g. 1890.50.`,
			itemIndex: i,
		});
	}
	return n;
}

/** A card position in its step: 0 to 2147483647 (0 is a real value, the top). */
export const cardPosition = (ctx: IExecuteFunctions, value: unknown, i: number): number =>
	assertNumber(ctx, value, i, 'Position', { min: 0, max: 2147483647 });

export const dueDate = (ctx: IExecuteFunctions, value: unknown, i: number): string => {
	const iso = optionalDateTime(ctx, value, i, 'Due Date');
	if (iso === undefined) {
		throw new NodeOperationError(ctx.getNode(), `Due Date is added but empty`, {
			description: 'Set a date, or remove Due Date (to empty it on a card, use Fields to Clear).',
			itemIndex: i,
		});
	}
	return iso;
};

export const contactIds = (ctx: IExecuteFunctions, value: unknown, i: number): string[] => uuidList(ctx, value, i, 'Contact ID');

/** The `entries` of the Custom Fields collection, as given (keys trimmed, an entry without a field refused). */
export function readCustomFieldEntries(ctx: IExecuteFunctions, i: number): Array<{ key: string; value: unknown }> {
	const entries = ((ctx.getNodeParameter('customFields', i, {}) as IDataObject).entries as IDataObject[] | undefined) ?? [];
	return entries.map(({ key, value }) => {
		const k = String(key ?? '').trim();
		if (k === '') {
			throw new NodeOperationError(ctx.getNode(), `A custom field entry has no field`, {
				description: 'Choose the field of every custom field entry, or remove the entry.',
				itemIndex: i,
			});
		}
		return { key: k, value };
	});
}

/** Metadata from the key/value entries (and keys to remove, sent as null), or undefined when nothing was given. */
export function metadataBody(entries: Array<{ key: string; value: string }>, removals: string[] = []): IDataObject | undefined {
	if (!entries.length && !removals.length) return undefined;
	const metadata: IDataObject = {};
	for (const { key, value } of entries) metadata[key] = value;
	for (const key of removals) metadata[key] = null;
	return metadata;
}
