import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyIfAsked } from '../../helpers/listing';
import { assertEmail as checkEmail, requireUuid } from '../../helpers/validation';
import { agentRecordLocator } from '../locators';
import { simplifyProperty } from '../listing.descriptions';

/** The agent fields Simplify keeps (10 of 14). */
export const AGENT_SIMPLE_FIELDS = [
	'id',
	'userId',
	'name',
	'shortName',
	'email',
	'phoneNumber',
	'profile',
	'availability',
	'isOwner',
	'departments',
] as const;

export const agentSimplifyProperty = simplifyProperty(AGENT_SIMPLE_FIELDS);

export const simplifyAgents = <T extends IDataObject | IDataObject[]>(ctx: IExecuteFunctions, i: number, data: T): T =>
	simplifyIfAsked(ctx, i, data, AGENT_SIMPLE_FIELDS);

/** The Agent locator of this resource: it gives the agent record ID its endpoints take. */
export const agentIdProperty = (description: string): INodeProperties => agentRecordLocator(description);

export const readAgentId = (ctx: IExecuteFunctions, i: number): string => requireUuid(ctx, 'agentId', i, 'Agent ID');

/** The request parts for `path` (one of `/core/v1/agent/{id}…`) and agent `id`, with the subject for "Agent … not found". */
export const agentPath = (path: string, id: string) => ({
	path,
	pathParams: { id },
	subject: { noun: 'Agent', id },
});

export const PROFILES = [
	{ name: 'Admin', value: 'Admin', description: 'Manages the account' },
	{ name: 'Agent', value: 'Agent', description: 'Attends sessions' },
	{ name: 'Restricted Agent', value: 'RestrictedAgent', description: 'Attends only the sessions it is allowed to see' },
];

export const AVAILABILITIES = [
	{ name: 'Available', value: 'AVAILABLE' },
	{ name: 'Unavailable', value: 'UNAVAILABLE' },
];

/** An e-mail address checked before any request (the node's one e-mail rule). */
export function assertEmail(ctx: IExecuteFunctions, value: unknown, i: number): string {
	return checkEmail(ctx, value, i, 'Email');
}

export const emailField: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'e.g. name@email.com',
	default: '',
	description: 'The e-mail address the agent signs in with',
};

export const phoneNumberField: INodeProperties = {
	displayName: 'Phone Number',
	name: 'phoneNumber',
	type: 'string',
	default: '',
	placeholder: 'e.g. +55 11 98888-0001',
	description: 'The agent’s phone number (without a country code, +55 is assumed)',
};
