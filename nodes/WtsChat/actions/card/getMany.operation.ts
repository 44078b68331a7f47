import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listWithDateFilters } from '../../helpers/listing';
import { optionalText } from '../../helpers/utils';
import { assertOneOf, assertUuid, requireUuid } from '../../helpers/validation';
import { CREATED_UPDATED_RANGES, dateRangeFilters, filtersCollection, optionsCollection, orderOptions, returnAllOrLimit } from '../listing.descriptions';
import { panelLocator } from '../locators';
import { CARD_STATUSES, cardIncludeDetailsOption, cardSimplifyProperty, panelAgentPicker, panelStepPicker, simplifyCards } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	panelLocator({ description: 'The panel whose cards to list (its steps and agents fill the filter lists)' }),
	...returnAllOrLimit,
	cardSimplifyProperty,
	filtersCollection([
		{
			displayName: 'Contact ID',
			name: 'contactId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b',
			description: 'Only cards linked to this contact',
		},
		...dateRangeFilters(CREATED_UPDATED_RANGES),
		panelAgentPicker('Only cards this agent is responsible for'),
		{
			displayName: 'Statuses',
			name: 'statuses',
			type: 'multiOptions',
			default: [],
			description: 'Only cards in one of these statuses. Without this filter WTS Chat leaves archived cards out.',
			options: CARD_STATUSES,
		},
		panelStepPicker({ name: 'stepId', hint: 'Only cards in this step of the panel' }),
		{
			displayName: 'Text',
			name: 'textFilter',
			type: 'string',
			default: '',
			placeholder: 'e.g. T-shirts',
			description: 'Only cards whose title, description or key contains this text',
		},
	]),
	optionsCollection([cardIncludeDetailsOption, ...orderOptions]),
];

/** GET /crm/v2/panel/card, one output item per card. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const panelId = requireUuid(this, 'panelId', i, 'Panel ID');
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const includeDetails = (options.includeDetails as string[]) ?? [];
	const optionalId = (key: string, label: string) => (filters[key] ? assertUuid(this, filters[key], i, label) : undefined);
	const qs = {
		PanelId: panelId,
		StepId: optionalId('stepId', 'Step ID'),
		ContactId: optionalId('contactId', 'Contact ID'),
		ResponsibleUserId: optionalId('responsibleUserId', 'Responsible Agent ID'),
		TextFilter: optionalText(filters.textFilter),
		Statuses: ((filters.statuses as string[]) ?? []).map((s) => assertOneOf(this, s, CARD_STATUSES, i, 'Status')),
		IncludeDetails: includeDetails,
	};
	const cards = await listWithDateFilters(
		this,
		i,
		{ method: 'GET', path: '/crm/v2/panel/card', qs, subject: { noun: 'Panel', id: panelId } },
		CREATED_UPDATED_RANGES,
	);
	return simplifyCards(this, i, cards, includeDetails);
}

export const operation = defineOperation({
	resource: 'card',
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many cards',
	description: 'List the cards of a panel, with filters',
	summary: 'The cards of a panel; filters: step, responsible agent, contact, statuses (Open / Won / Lost / Archived; without it WTS leaves archived cards out), text, created / updated date ranges; include details (panel and step titles, step phase, responsible agent, contacts, custom fields, lost reason); order; Return All / Limit; **Simplify**',
	endpoint: '`GET /crm/v2/panel/card`',
	properties,
	execute,
});
