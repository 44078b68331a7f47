import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { BatchOperation, OperationExecute } from './node.type';
import { BinaryResult } from './node.type';
import { checkBeforeSend, CREDENTIAL_NAME, describeFields } from '../transport';
import { redactDeep, tokenSecrets } from '../transport/redact';
import { fieldResolver } from './fields';
import { findOperation } from './registry';

/** Errors already named after their item: an error shared by several items is copied for each of the others. */
const labelled = new WeakSet<object>();

/**
 * The error of item `itemIndex` as a NodeApiError / NodeOperationError whose message ends with `[item N]` and whose
 * context holds the index. This is the only place that names an item: operations, helpers and the transport throw
 * without it. The error of a whole batch request is shared by its items, so each item gets its own copy.
 */
function toNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	const suffix = ` [item ${itemIndex}]`;
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (!labelled.has(error)) {
			labelled.add(error);
			error.message += suffix;
			error.context.itemIndex = itemIndex;
			return error;
		}
		const message = error.message.replace(/ \[item \d+\]$/, suffix);
		const options = { message, description: error.description ?? undefined, itemIndex };
		const copy =
			error instanceof NodeApiError
				? new NodeApiError(ctx.getNode(), { message } as JsonObject, { ...options, httpCode: error.httpCode ?? undefined })
				: new NodeOperationError(ctx.getNode(), message, options);
		copy.context.itemIndex = itemIndex;
		labelled.add(copy);
		return copy;
	}
	const message = (error as Error)?.message ?? String(error);
	return new NodeOperationError(ctx.getNode(), `${message} [item ${itemIndex}]`, {
		itemIndex,
		description:
			'The node stopped on something it did not expect. Check this item’s parameters and input; if it happens again with valid input, report it with the workflow to the maintainers of n8n-nodes-wts-chat.',
	});
}

/** The forms of the credential's token that must never leave the node (none when there is no credential). */
async function credentialSecrets(ctx: IExecuteFunctions): Promise<string[]> {
	try {
		return tokenSecrets((await ctx.getCredentials(CREDENTIAL_NAME)).apiToken);
	} catch {
		return [];
	}
}

/** Whether the node runs as a tool of an AI agent ("WTS Chat Tool", the variant n8n derives from usableAsTool). */
function isAiTool(ctx: IExecuteFunctions): boolean {
	return /Tool$/.test(ctx.getNode().type ?? '');
}

/** Whether the other items still run after one failed: Continue On Fail, or as an agent's tool. */
function keepsGoing(ctx: IExecuteFunctions): boolean {
	return ctx.continueOnFail() || isAiTool(ctx);
}

type ItemResult = { ok: IDataObject | IDataObject[] | BinaryResult } | { error: unknown };

/** Runs a batch operation: every item prepared, then requests of at most `size` entries per key, in input order. */
async function runBatch(ctx: IExecuteFunctions, op: BatchOperation<unknown>, itemCount: number): Promise<ItemResult[]> {
	const results: ItemResult[] = new Array(itemCount);
	const groups = new Map<string, Array<{ index: number; entry: unknown }>>();
	for (let i = 0; i < itemCount; i++) {
		try {
			const { key, entry } = await op.prepare.call(ctx, i);
			if (op.probe) await checkBeforeSend.call(ctx, op.probe(entry), i);
			const group = groups.get(key) ?? [];
			group.push({ index: i, entry });
			groups.set(key, group);
		} catch (error) {
			results[i] = { error };
			// Without Continue On Fail the run stops at this item, before any request.
			if (!keepsGoing(ctx)) return results;
		}
	}
	for (const group of groups.values()) {
		for (let start = 0; start < group.length; start += op.size) {
			const chunk = group.slice(start, start + op.size);
			const indexes = chunk.map((c) => c.index);
			try {
				const answers = await op.send.call(
					ctx,
					chunk.map((c) => c.entry),
					indexes,
				);
				chunk.forEach((c, k) => {
					const answer = answers[k];
					results[c.index] =
						answer instanceof Error
							? { error: answer }
							: answer === undefined
								? { error: new Error('WTS Chat returned no result for this entry of the batch') }
								: { ok: answer };
				});
			} catch (error) {
				for (const index of indexes) results[index] = { error };
				if (!keepsGoing(ctx)) return results;
			}
		}
	}
	return results;
}

/** Runs a one-request-per-item operation for every item, stopping at the first failure unless Continue On Fail. */
async function runEach(ctx: IExecuteFunctions, execute: OperationExecute, itemCount: number): Promise<ItemResult[]> {
	const results: ItemResult[] = [];
	for (let i = 0; i < itemCount; i++) {
		try {
			results.push({ ok: await execute.call(ctx, i) });
		} catch (error) {
			results.push({ error });
			if (!keepsGoing(ctx)) break;
		}
	}
	return results;
}

/**
 * Runs the chosen operation for every input item: once per item (`execute`), or grouped into batch requests
 * (`batch`). Every output item is paired with its input item; with Continue On Fail a failing item becomes an
 * error item (routed to the error output when the node uses one) and the other items still run.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	if (operation === '__CUSTOM_API_CALL__') {
		// n8n offers "Custom API Call" on nodes whose credential the HTTP Request node can use.
		throw new NodeOperationError(this.getNode(), 'Custom API calls are made with the HTTP Request node', {
			description:
				'Add an HTTP Request node, set Authentication to "Predefined Credential Type" and Credential Type to "WTS Chat API"; the token is then added for you. Use a URL such as https://api.wts.chat/chat/v1/channel.',
		});
	}
	const op = findOperation(resource, operation);
	if (!op) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`, {
			description: 'Pick an operation from the list. If this workflow was made with a newer version of the node, update the package.',
		});
	}
	// The transport checks every request against the API's contract; refusals name this operation's fields.
	describeFields(this, fieldResolver(this, op.properties));
	return await runOperation.call(this, op, items.length);
}

export interface OperationModule {
	execute?: OperationExecute;
	batch?: BatchOperation<unknown>;
}

/** Runs one operation module over `itemCount` input items and builds the paired output (and error items). */
export async function runOperation(this: IExecuteFunctions, op: OperationModule, itemCount: number): Promise<INodeExecutionData[][]> {
	const results = op.batch ? await runBatch(this, op.batch, itemCount) : await runEach(this, op.execute as OperationExecute, itemCount);
	const returnData: INodeExecutionData[] = [];
	let secrets: string[] | undefined;
	for (let i = 0; i < itemCount; i++) {
		const result = results[i];
		// Only after a failure that stops the run (no Continue On Fail) can an item have no result.
		if (result === undefined) continue;
		if ('ok' in result) {
			const ok = result.ok;
			if (ok instanceof BinaryResult) {
				returnData.push({ json: ok.json, binary: ok.binary, pairedItem: { item: i } });
				continue;
			}
			returnData.push(
				...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(ok), { itemData: { item: i } }),
			);
			continue;
		}
		// The transport already scrubbed the token; whatever else leaves the node (an error of another helper, a
		// message built from it) loses the token, an Authorization header and a Bearer token here too.
		secrets ??= await credentialSecrets(this);
		const nodeError = redactDeep(toNodeError(this, result.error, i), secrets);
		if (isAiTool(this)) {
			// As an AI agent's tool, a failure is an answer the model can act on (retry with a corrected ID, list the
			// records first, ask the user) instead of ending the agent's whole run.
			returnData.push({ json: { error: nodeError.message, howToFix: nodeError.description ?? '' }, pairedItem: { item: i } });
			continue;
		}
		if (!this.continueOnFail()) throw nodeError;
		const json: JsonObject = { error: nodeError.message };
		returnData.push({ json, error: nodeError, pairedItem: { item: i } });
	}
	return [returnData];
}
