/**
 * The node's resources: the value stored in workflows (never rename it), the name in the editor, and the operation
 * the editor preselects. Their operations declare themselves (actions/<resource>/<operation>.operation.ts).
 */
export const RESOURCES = [
	{ value: 'agent', name: 'Agent', defaultOperation: 'getMany' },
	{ value: 'card', name: 'Card', defaultOperation: 'getMany' },
	{ value: 'channel', name: 'Channel', defaultOperation: 'getMany' },
	{ value: 'chatbot', name: 'Chatbot', defaultOperation: 'start' },
	{ value: 'company', name: 'Company', defaultOperation: 'getOfficeHours' },
	{ value: 'contact', name: 'Contact', defaultOperation: 'getMany' },
	{ value: 'customField', name: 'Custom Field', defaultOperation: 'getMany' },
	{ value: 'department', name: 'Department', defaultOperation: 'getMany' },
	{ value: 'message', name: 'Message', defaultOperation: 'send' },
	{ value: 'panel', name: 'Panel', defaultOperation: 'getMany' },
	{ value: 'portfolio', name: 'Portfolio', defaultOperation: 'getMany' },
	{ value: 'scheduledMessage', name: 'Scheduled Message', defaultOperation: 'getMany' },
	{ value: 'sendApi', name: 'Send API', defaultOperation: 'sendText' },
	{ value: 'sequence', name: 'Sequence', defaultOperation: 'getMany' },
	{ value: 'session', name: 'Session', defaultOperation: 'getMany' },
	{ value: 'tag', name: 'Tag', defaultOperation: 'getMany' },
	{ value: 'template', name: 'Template', defaultOperation: 'getMany' },
	{ value: 'webhook', name: 'Webhook', defaultOperation: 'getManySubscriptions' },
] as const;

export type WtsChatResource = (typeof RESOURCES)[number]['value'];

/** The resource the editor preselects. */
export const DEFAULT_RESOURCE: WtsChatResource = 'session';
