import type { INodeProperties } from 'n8n-workflow';

import { agentIdProperty } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [agentIdProperty('The agent to log out')];

export const operation = defineOperation({
	resource: 'agent',
	value: 'logOut',
	name: 'Log Out',
	action: 'Log out an agent',
	description: 'Sign the agent out of WTS Chat on every device (its conversations stay as they are)',
	summary: 'Sign the agent out of WTS Chat; outputs `{loggedOut: true, id}`',
	endpoint: '`POST /core/v1/agent/{id}/logout`',
	properties,
	request: {
		method: 'POST',
		path: '/core/v1/agent/{id}/logout',
		pathParams: { id: ['agentId', 'Agent ID'] },
		noun: 'Agent',
		// Logging out twice leaves the agent logged out: a dropped connection may be retried.
		idempotent: true,
		output: { done: 'loggedOut' },
	},
});
