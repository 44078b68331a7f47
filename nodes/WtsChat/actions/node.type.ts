import type { IBinaryKeyData, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { WtsRequest } from '../transport';

/** One output item that carries binary data too (e.g. Message → Download Media): the router outputs it as it is. */
export class BinaryResult {
	constructor(
		readonly json: IDataObject,
		readonly binary: IBinaryKeyData,
	) {}
}

/** What every `<operation>.operation.ts` exports as `execute`: one input item in, one or more records out. */
export type OperationExecute = (
	this: IExecuteFunctions,
	itemIndex: number,
) => Promise<IDataObject | IDataObject[] | BinaryResult>;

/**
 * What a batch operation exports as `batch` instead of `execute`: the router reads and checks every input item
 * (`prepare`, which may throw for that item alone), groups the prepared entries by `key` into requests of at most
 * `size` entries (`send`), and still outputs one item per input item, paired, with per-item errors.
 */
export interface BatchOperation<Entry = IDataObject> {
	/** The documented maximum number of entries per request. */
	size: number;
	/** Reads and checks input item `itemIndex` before any request. Entries with the same key share requests. */
	prepare: (this: IExecuteFunctions, itemIndex: number) => Promise<{ key: string; entry: Entry }>;
	/**
	 * The request this entry alone would make (the batch request with only this entry; fields decided at send time may
	 * be left out). The router checks it against the API's contract right after `prepare`, so a bad item is refused
	 * alone, before any request, instead of failing the request of its whole batch.
	 */
	probe?: (entry: Entry) => WtsRequest;
	/**
	 * Sends one request for these entries (input items `itemIndexes`, same order) and returns one result per entry:
	 * the output record(s), or an Error for an entry the API rejected. Throwing fails every item of the request.
	 */
	send: (
		this: IExecuteFunctions,
		entries: Entry[],
		itemIndexes: number[],
	) => Promise<Array<IDataObject | IDataObject[] | Error>>;
}
