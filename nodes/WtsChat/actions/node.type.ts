import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/** What every `<operation>.operation.ts` exports as `execute`: one input item in, one or more records out. */
export type OperationExecute = (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject | IDataObject[]>;

export type WtsChatResource = 'session';
