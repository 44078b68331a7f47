import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties } from './actions/registry';
import { router } from './actions/router';
import { listSearch, loadOptions } from './methods';

export class WtsChat implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WTS Chat',
		name: 'wtsChat',
		icon: { light: 'file:wtsChat.svg', dark: 'file:wtsChat.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Work with WTS Chat (Helena, FLW Chat): sessions, messages, contacts, CRM cards, sends, chatbots, webhooks, sequences, agents and departments',
		defaults: { name: 'WTS Chat' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wtsChatApi', required: true }],
		properties: nodeProperties(),
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
