import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { typeProblem } from '../transport/rules';

/** The `templateParameters.parameter[]` entries of item `itemIndex` as the API's `parameters` object (name → value). */
export function readTemplateParameters(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const entries =
		((ctx.getNodeParameter('templateParameters', itemIndex, {}) as IDataObject).parameter as IDataObject[] | undefined) ?? [];
	const parameters: IDataObject = {};
	for (const { name, value } of entries) {
		const key = String(name ?? '').trim();
		if (key === '') {
			throw new NodeOperationError(ctx.getNode(), `A template parameter has no name`, {
				description: 'Pick the variable for every template parameter, or remove the empty entry.',
				itemIndex,
			});
		}
		const problem = typeProblem(value, 'string', `Template Parameters ("${key}")`);
		if (problem) throw new NodeOperationError(ctx.getNode(), problem.message, { description: problem.hint, itemIndex });
		parameters[key] = value === undefined || value === null ? '' : String(value);
	}
	return parameters;
}
