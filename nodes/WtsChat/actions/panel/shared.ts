import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyIfAsked } from '../../helpers/listing';
import { simplifyProperty } from '../listing.descriptions';

/** The panel fields Simplify keeps (9 of 18), plus the details asked for with Include Details. */
export const PANEL_SIMPLE_FIELDS = ['id', 'title', 'description', 'type', 'key', 'scope', 'departmentIds', 'archived', 'stepTitles'] as const;

const DETAIL_FIELDS: Record<string, string[]> = {
	Cards: ['steps'],
	PanelCardOverdueCount: ['overdueCardCount'],
	Steps: ['steps'],
	StepsCardCount: ['steps'],
	StepsFields: ['steps'],
	Tags: ['tags'],
};

export const panelSimplifyProperty = simplifyProperty(PANEL_SIMPLE_FIELDS, ', and the details chosen under Include Details');

export const includeDetailsOption = (values: Array<{ name: string; value: string; description: string }>): INodeProperties => ({
	displayName: 'Include Details',
	name: 'includeDetails',
	type: 'multiOptions',
	default: [],
	description: 'Related records to include in each panel (kept in the simplified output too)',
	options: values,
});

export const DETAIL_OPTIONS = {
	Cards: { name: 'Cards', value: 'Cards', description: 'The first page of open cards of each step (adds the steps)' },
	PanelCardOverdueCount: { name: 'Overdue Card Count', value: 'PanelCardOverdueCount', description: 'How many open cards are past their due date' },
	Steps: { name: 'Steps', value: 'Steps', description: 'The steps (columns) of the panel, in board order' },
	StepsCardCount: { name: 'Step Card Counts', value: 'StepsCardCount', description: 'Card counts and amounts per step (adds the steps)' },
	StepsFields: { name: 'Step Fields', value: 'StepsFields', description: 'The fields each step shows (adds the steps)' },
	Tags: { name: 'Tags', value: 'Tags', description: 'The tags of the panel' },
};

/** Simplify for panels: the kept fields plus the related records the user asked for. */
export function simplifyPanels<T extends IDataObject | IDataObject[]>(ctx: IExecuteFunctions, i: number, data: T, includeDetails: string[]): T {
	const extra = [...new Set(includeDetails.flatMap((d) => DETAIL_FIELDS[d] ?? []))];
	return simplifyIfAsked(ctx, i, data, [...PANEL_SIMPLE_FIELDS, ...extra]);
}
