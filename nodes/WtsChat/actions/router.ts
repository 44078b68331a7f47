import type { IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { OperationExecute, WtsChatResource } from './node.type';
import * as session from './session/Session.resource';

const resources: Record<WtsChatResource, Record<string, unknown>> = { session };

function toNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	const message = (error as Error)?.message ?? String(error);
	return new NodeOperationError(ctx.getNode(), `${message} [item ${itemIndex}]`, { itemIndex });
}

/**
 * Runs the chosen operation once per input item. Every output item is paired with its input item; with
 * Continue On Fail a failing item becomes an error item (routed to the error output when the node uses one)
 * and the remaining items still run.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as WtsChatResource;
	const operation = this.getNodeParameter('operation', 0) as string;
	if (operation === '__CUSTOM_API_CALL__') {
		// n8n offers "Custom API Call" on nodes whose credential the HTTP Request node can use.
		throw new NodeOperationError(this.getNode(), 'Custom API calls are made with the HTTP Request node', {
			description:
				'Add an HTTP Request node, set Authentication to "Predefined Credential Type" and Credential Type to "WTS Chat API"; the token is then added for you. Use a URL such as https://api.wts.chat/chat/v1/channel.',
		});
	}
	const op = resources[resource]?.[operation] as { execute?: OperationExecute } | undefined;
	if (!op?.execute) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`, {
			description: 'Pick an operation from the list. If this workflow was made with a newer version of the node, update the package.',
		});
	}
	const returnData: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const result = await op.execute.call(this, i);
			returnData.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), { itemData: { item: i } }),
			);
		} catch (error) {
			const nodeError = toNodeError(this, error, i);
			if (!this.continueOnFail()) throw nodeError;
			const json: JsonObject = { error: nodeError.message };
			returnData.push({ json, error: nodeError, pairedItem: { item: i } });
		}
	}
	return [returnData];
}
