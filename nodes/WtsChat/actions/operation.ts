import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import { requireUuid } from '../helpers/validation';
import { apiRequest } from '../transport';

import type { BatchOperation, OperationExecute } from './node.type';
import type { WtsChatResource } from './resources';

/**
 * A thin operation as a declaration: one request, its path segments read from resource locators (UUIDs, checked
 * before the request), no body. The registry turns it into an `execute`.
 */
export interface DeclaredRequest {
	method: IHttpRequestMethods;
	/** The documented path, with `{name}` segments filled from `pathParams`. */
	path: string;
	/** Path segment → the node parameter holding it and the label errors use (e.g. `{ id: ['tagId', 'Tag ID'] }`). */
	pathParams?: Record<string, readonly [parameter: string, label: string]>;
	/** What the record is called in "not found" errors (e.g. `Tag`); the first path parameter is its ID. */
	noun?: string;
	/** Whether sending it twice has the same effect as once (a dropped connection is then retried); see WtsRequest. */
	idempotent?: boolean;
	/**
	 * How the answer becomes output items: `record` as it is (`{}` when empty), `list` one item per entry of a plain
	 * array (none when the answer is not one), `{ done: 'deleted' }` → `{deleted: true, id}` (for answers with no body).
	 */
	output: 'record' | 'list' | { done: string };
}

interface OperationBase<R extends WtsChatResource> {
	resource: R;
	/** The operation's value (stored in workflows: never rename it). */
	value: string;
	/** The name in the editor's operation list (Title Case). */
	name: string;
	/** The editor's hint for the operation. */
	description: string;
	/** The action name n8n shows in the node search and as an AI tool (sentence case). */
	action: string;
	/** README and docs: what it does, one Markdown line (the operations tables are generated from it). */
	summary: string;
	/** README and docs: the endpoint(s) it calls, Markdown. */
	endpoint: string;
	/** Its parameters; the registry shows them for this resource and operation only. */
	properties?: INodeProperties[];
}

/** What an operation file declares: one of `execute` (one request per item), `batch` or a declared `request`. */
export type OperationInput<R extends WtsChatResource, Entry> = OperationBase<R> &
	(
		| { execute: OperationExecute; batch?: never; request?: never }
		| { batch: BatchOperation<Entry>; execute?: never; request?: never }
		| { request: DeclaredRequest; execute?: never; batch?: never }
	);

/** An operation as the registry holds it: always `execute` or `batch`, with its properties. */
export interface OperationDefinition extends OperationBase<WtsChatResource> {
	properties: INodeProperties[];
	execute?: OperationExecute;
	batch?: BatchOperation<unknown>;
	request?: DeclaredRequest;
}

/** Runs a declared request for item `i`. */
function declaredExecute(request: DeclaredRequest): OperationExecute {
	return async function (this: IExecuteFunctions, i: number) {
		const pathParams: Record<string, string> = {};
		for (const [segment, [parameter, label]] of Object.entries(request.pathParams ?? {})) {
			pathParams[segment] = requireUuid(this, parameter, i, label);
		}
		const id = Object.values(pathParams)[0];
		const body = await apiRequest.call(
			this,
			{
				method: request.method,
				path: request.path,
				pathParams,
				...(request.noun && id ? { subject: { noun: request.noun, id } } : {}),
				...(request.idempotent !== undefined ? { idempotent: request.idempotent } : {}),
			},
			i,
		);
		if (request.output === 'list') return Array.isArray(body) ? (body as IDataObject[]) : [];
		if (request.output === 'record') return (body ?? {}) as IDataObject;
		return { [request.output.done]: true, id };
	};
}

/**
 * Declares one operation. Everything else (the operation lists, displayOptions, the router's table, the README's
 * operations tables, the coverage lists) is derived from these declarations by actions/registry.ts.
 */
export function defineOperation<R extends WtsChatResource, Entry = never>(input: OperationInput<R, Entry>): OperationDefinition {
	const { request } = input;
	return {
		...input,
		properties: input.properties ?? [],
		...(request ? { execute: declaredExecute(request) } : {}),
		batch: input.batch as BatchOperation<unknown> | undefined,
	};
}
