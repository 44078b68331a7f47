import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { router } from './actions/router';
import * as agent from './actions/agent/Agent.resource';
import * as card from './actions/card/Card.resource';
import * as channel from './actions/channel/Channel.resource';
import * as chatbot from './actions/chatbot/Chatbot.resource';
import * as company from './actions/company/Company.resource';
import * as contact from './actions/contact/Contact.resource';
import * as customField from './actions/customField/CustomField.resource';
import * as department from './actions/department/Department.resource';
import * as message from './actions/message/Message.resource';
import * as panel from './actions/panel/Panel.resource';
import * as portfolio from './actions/portfolio/Portfolio.resource';
import * as scheduledMessage from './actions/scheduledMessage/ScheduledMessage.resource';
import * as sendApi from './actions/sendApi/SendApi.resource';
import * as sequence from './actions/sequence/Sequence.resource';
import * as session from './actions/session/Session.resource';
import * as tag from './actions/tag/Tag.resource';
import * as template from './actions/template/Template.resource';
import * as webhook from './actions/webhook/Webhook.resource';
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
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Agent', value: 'agent' },
					{ name: 'Card', value: 'card' },
					{ name: 'Channel', value: 'channel' },
					{ name: 'Chatbot', value: 'chatbot' },
					{ name: 'Company', value: 'company' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Custom Field', value: 'customField' },
					{ name: 'Department', value: 'department' },
					{ name: 'Message', value: 'message' },
					{ name: 'Panel', value: 'panel' },
					{ name: 'Portfolio', value: 'portfolio' },
					{ name: 'Scheduled Message', value: 'scheduledMessage' },
					{ name: 'Send API', value: 'sendApi' },
					{ name: 'Sequence', value: 'sequence' },
					{ name: 'Session', value: 'session' },
					{ name: 'Tag', value: 'tag' },
					{ name: 'Template', value: 'template' },
					{ name: 'Webhook', value: 'webhook' },
				],
				default: 'session',
			},
			...agent.description,
			...card.description,
			...channel.description,
			...chatbot.description,
			...company.description,
			...contact.description,
			...customField.description,
			...department.description,
			...message.description,
			...panel.description,
			...portfolio.description,
			...scheduledMessage.description,
			...sendApi.description,
			...sequence.description,
			...session.description,
			...tag.description,
			...template.description,
			...webhook.description,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
