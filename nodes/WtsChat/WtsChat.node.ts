import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { router } from './actions/router';
import * as company from './actions/company/Company.resource';
import * as customField from './actions/customField/CustomField.resource';
import * as portfolio from './actions/portfolio/Portfolio.resource';
import * as session from './actions/session/Session.resource';
import * as tag from './actions/tag/Tag.resource';
import { listSearch, loadOptions } from './methods';

export class WtsChat implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WTS Chat',
		name: 'wtsChat',
		icon: { light: 'file:wtsChat.svg', dark: 'file:wtsChat.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Work with WTS Chat (Helena, FLW Chat) sessions, messages and notes',
		defaults: { name: 'WTS Chat' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'wtsChatApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Company', value: 'company' },
					{ name: 'Custom Field', value: 'customField' },
					{ name: 'Portfolio', value: 'portfolio' },
					{ name: 'Session', value: 'session' },
					{ name: 'Tag', value: 'tag' },
				],
				default: 'session',
			},
			...company.description,
			...customField.description,
			...portfolio.description,
			...session.description,
			...tag.description,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
