import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { assertOneOf, assertUuid } from './validation';

/** The API's membership actions (case-sensitive), with the names the Action option shows. */
export const MEMBERSHIP_ACTIONS = [
	{ name: 'Add or Update', value: 'Upsert' },
	{ name: 'Remove', value: 'Remove' },
	{ name: 'Replace All', value: 'ReplaceAll' },
];

/**
 * The `{action, items}` body of a membership change (POST /core/v1/agent/{id}/departments, PUT
 * /core/v1/department/{id}/agents), read from the Action and the entries of `membershipsProperty`: each entry's
 * picker `pickerName` goes out as `apiKey`, with `isAgent` / `isSupervisor`. Only Replace All may have no entry
 * (it then empties the list).
 */
export function readMemberships(
	ctx: IExecuteFunctions,
	i: number,
	pickerName: string,
	apiKey: string,
	label: string,
): { action: string; items: IDataObject[] } {
	const action = assertOneOf(ctx, ctx.getNodeParameter('membershipAction', i), MEMBERSHIP_ACTIONS, i, 'Action');
	const items = readMembershipEntries(ctx, i, pickerName, apiKey, label);
	if (items.length === 0 && action !== 'ReplaceAll') {
		throw new NodeOperationError(ctx.getNode(), `No ${label.replace(/ ID$/, '').toLowerCase()} given`, {
			description: 'Add at least one entry, or choose Replace All with no entry to empty the list.',
			itemIndex: i,
		});
	}
	return { action, items };
}

/** The entries of `membershipsProperty` as API items: `{[apiKey]: <picked ID>, isAgent, isSupervisor}`. */
export function readMembershipEntries(ctx: IExecuteFunctions, i: number, pickerName: string, apiKey: string, label: string): IDataObject[] {
	const entries = ((ctx.getNodeParameter('members', i, {}) as IDataObject).entries as IDataObject[] | undefined) ?? [];
	return entries.map((e) => ({
		[apiKey]: assertUuid(ctx, e[pickerName], i, label),
		isAgent: e.isAgent !== false,
		isSupervisor: e.isSupervisor === true,
	}));
}
