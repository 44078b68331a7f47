// The resource locators ("From List" with search, "By ID" UUID-checked) of every record the node names.

import type { INodeProperties } from 'n8n-workflow';

import { UUID_PATTERN } from '../helpers/validation';

interface LocatorOptions {
	name: string;
	displayName: string;
	/** Name of the list search method in methods/listSearch.ts. */
	searchListMethod: string;
	/** Noun used in messages, e.g. "session". */
	noun: string;
	required?: boolean;
	description?: string;
}

/** A resource locator with "From list" (searchable) and "By ID" (UUID-validated) modes. */
export function idLocator(o: LocatorOptions): INodeProperties {
	const required = o.required ?? true;
	// An optional locator left empty in "By ID" mode must not count as invalid (n8n refuses to publish the workflow).
	const regex = required ? UUID_PATTERN : `^$|${UUID_PATTERN}`;
	return {
		displayName: o.displayName,
		name: o.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required,
		description: o.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${o.noun}...`,
				typeOptions: { searchListMethod: o.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b',
				validation: [
					{
						type: 'regex',
						properties: { regex, errorMessage: `Not a valid ${o.noun} ID (a UUID is expected)` },
					},
				],
			},
		],
	};
}

export const sessionLocator = (description = 'The session (conversation) to act on'): INodeProperties =>
	idLocator({ name: 'sessionId', displayName: 'Session', searchListMethod: 'searchSessions', noun: 'session', description });

export const contactLocator = (o: Partial<LocatorOptions> = {}): INodeProperties =>
	idLocator({ name: 'contactId', displayName: 'Contact', searchListMethod: 'searchContacts', noun: 'contact', ...o });

export const departmentLocator = (o: Partial<LocatorOptions> = {}): INodeProperties =>
	idLocator({
		name: 'departmentId',
		displayName: 'Department',
		searchListMethod: 'searchDepartments',
		noun: 'department',
		...o,
	});

export const agentLocator = (o: Partial<LocatorOptions> = {}): INodeProperties =>
	idLocator({ name: 'agentId', displayName: 'Agent', searchListMethod: 'searchAgents', noun: 'agent', ...o });

/**
 * The agent as the Agent resource's own endpoints (`/core/v1/agent/{id}`) take it: the agent record ID
 * (`PublicAgentDTO.id`), not the user ID that sessions, transfers and department members reference.
 */
export const agentRecordLocator = (description: string): INodeProperties =>
	agentLocator({
		searchListMethod: 'searchAgentRecords',
		description: `${description}. By ID takes the agent's ID (the id field of Agent → Get Many), not its user ID.`,
	});

export const sequenceLocator = (description: string): INodeProperties =>
	idLocator({ name: 'sequenceId', displayName: 'Sequence', searchListMethod: 'searchSequences', noun: 'sequence', description });

export const channelLocator = (o: Partial<LocatorOptions> = {}): INodeProperties =>
	idLocator({ name: 'channelId', displayName: 'Channel', searchListMethod: 'searchChannels', noun: 'channel', ...o });

export const templateLocator = (o: Partial<LocatorOptions> = {}): INodeProperties =>
	idLocator({ name: 'templateId', displayName: 'Template', searchListMethod: 'searchTemplates', noun: 'template', ...o });

export const panelLocator = (o: Partial<LocatorOptions> = {}): INodeProperties =>
	idLocator({ name: 'panelId', displayName: 'Panel', searchListMethod: 'searchPanels', noun: 'panel', ...o });

/** A CRM card; the search looks in the panel chosen in the node (if any), else in every panel. */
export const cardLocator = (o: Partial<LocatorOptions> = {}): INodeProperties =>
	idLocator({ name: 'cardId', displayName: 'Card', searchListMethod: 'searchCards', noun: 'card', ...o });

export const subscriptionLocator = (description: string): INodeProperties =>
	idLocator({
		name: 'subscriptionId',
		displayName: 'Subscription',
		searchListMethod: 'searchWebhookSubscriptions',
		noun: 'subscription',
		description,
	});

export const tagLocator = (o: Partial<LocatorOptions> = {}): INodeProperties =>
	idLocator({ name: 'tagId', displayName: 'Tag', searchListMethod: 'searchTags', noun: 'tag', ...o });

export const portfolioLocator = (o: Partial<LocatorOptions> = {}): INodeProperties =>
	idLocator({ name: 'portfolioId', displayName: 'Portfolio', searchListMethod: 'searchPortfolios', noun: 'portfolio', ...o });

/** The channel a send goes out through (the send's `from`). */
export const sendChannelLocator = (what: string): INodeProperties =>
	channelLocator({ description: `The channel (WhatsApp number or Instagram account) the ${what} goes out through` });

export const scheduledMessageLocator = (description: string): INodeProperties =>
	idLocator({
		name: 'scheduledMessageId',
		displayName: 'Scheduled Message',
		searchListMethod: 'searchScheduledMessages',
		noun: 'scheduled message',
		description,
	});
