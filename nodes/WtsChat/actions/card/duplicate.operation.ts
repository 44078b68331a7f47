import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { assertOneOf, assertUuid, requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { cardLocator, panelLocator } from '../locators';
import { optionsCollection } from '../listing.descriptions';
import { panelStepPicker } from './shared';
import { defineOperation } from '../operation';

const COPY_FIELDS = [
	{ name: 'All', value: 'All', description: 'Everything (the same as choosing nothing)' },
	{ name: 'Amount', value: 'Amount', description: 'Sends "Amount" (documented next to Monetary Amount, without a description)' },
	{ name: 'Contacts', value: 'Contacts' },
	{ name: 'Custom Fields', value: 'CustomFields' },
	{ name: 'Due Date', value: 'DueDate' },
	{ name: 'Monetary Amount', value: 'MonetaryAmount' },
	{ name: 'Notes', value: 'Notes' },
	{ name: 'Responsible Agent', value: 'ResponsibleUser' },
	{ name: 'Tags', value: 'Tags' },
];

const properties: INodeProperties[] = [
	cardLocator({ description: 'The card to duplicate' }),
	panelLocator({
		displayName: 'Target Panel',
		required: false,
		description: 'The panel to copy the card to (another panel is allowed): its steps fill the Copy to Step list. Not sent.',
	}),
	panelStepPicker({
		name: 'copyToStepId',
		displayName: 'Copy to Step Name or ID',
		hint: 'The step the copy goes in; leave empty to keep the copy in the same step as the card',
	}),
	optionsCollection([
		{
			displayName: 'Archive Original Card',
			name: 'archiveOriginalCard',
			type: 'boolean',
			default: false,
			description: 'Whether to archive the original card once it is copied',
		},
		{
			displayName: 'Fields to Copy',
			name: 'fields',
			type: 'multiOptions',
			default: [],
			description: 'What the copy takes from the card besides its title and description; nothing chosen copies everything',
			options: COPY_FIELDS,
		},
	]),
];

/** POST /crm/v2/panel/card/{id}/duplicate → the new card. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'cardId', i, 'Card ID');
	const step = String(this.getNodeParameter('copyToStepId', i, '') ?? '').trim();
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const body: IDataObject = {};
	if (step !== '') body.copyToStepId = assertUuid(this, step, i, 'Copy to Step ID');
	const copy: IDataObject = {};
	if (options.archiveOriginalCard !== undefined) copy.archiveOriginalCard = options.archiveOriginalCard === true;
	const copied = ((options.fields as string[]) ?? []).map((f) => assertOneOf(this, f, COPY_FIELDS, i, 'Field to Copy'));
	if (copied.length) copy.fields = copied;
	if (Object.keys(copy).length) body.options = copy;
	return (await apiRequest.call(
		this,
		{ method: 'POST', path: '/crm/v2/panel/card/{id}/duplicate', pathParams: { id }, subject: { noun: 'Card', id }, body },
		i,
	)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'card',
	value: 'duplicate',
	name: 'Duplicate',
	action: 'Duplicate a card',
	description: 'Copy a card to the same or another step or panel',
	summary: 'Copy a card to the same step or a step of any panel; choose what is copied (contacts, custom fields, due date, amount, notes, responsible agent, tags: nothing chosen copies everything); optionally archive the original',
	endpoint: '`POST /crm/v2/panel/card/{id}/duplicate`',
	properties,
	execute,
});
