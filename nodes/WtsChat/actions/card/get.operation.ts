import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/utils';
import { requireUuid } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { cardLocator, optionsCollection } from '../common.descriptions';
import { cardIncludeDetailsOption, cardSimplifyProperty, simplifyCards } from './shared';

const properties: INodeProperties[] = [
	cardLocator({ description: 'The card to get' }),
	cardSimplifyProperty,
	optionsCollection([cardIncludeDetailsOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['card'], operation: ['get'] } }, properties);

/** GET /crm/v2/panel/card/{id}. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireUuid(this, 'cardId', i, 'Card ID');
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const includeDetails = (options.includeDetails as string[]) ?? [];
	const card = (await apiRequest.call(
		this,
		{ method: 'GET', path: '/crm/v2/panel/card/{id}', pathParams: { id }, qs: { IncludeDetails: includeDetails }, subject: { noun: 'Card', id } },
		i,
	)) as IDataObject;
	return simplifyCards(this, i, card, includeDetails);
}
