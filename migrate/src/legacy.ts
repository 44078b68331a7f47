// Facts about the legacy node (n8n-nodes-wts), from its node description (the npm package n8n-nodes-wts).

export const LEGACY_NODE_TYPE = 'n8n-nodes-wts.wtsChat';
export const LEGACY_CREDENTIAL_TYPE = 'wtsApi';
export const NODE_TYPE = 'n8n-nodes-wts-chat.wtsChat';
export const NODE_TYPE_VERSION = 1;
export const CREDENTIAL_TYPE = 'wtsChatApi';

/** The option values the legacy node used for "do not send" ("Undefined" / "Empty" entries). */
export const SENTINELS = new Set(['NOT_SEND', 'UNDEFINED', 'Undefined']);

/** n8n stores only parameters that differ from their default: the legacy defaults of resource and operation. */
export const DEFAULT_RESOURCE = 'contact';
export const DEFAULT_OPERATION: Record<string, string> = {
	contact: 'listContacts',
	message: 'getMessageById',
	panel: 'listCardAnnotations',
	sequence: 'addContactToSequence',
	session: 'listSessions',
	chatbot: 'sendChatbot',
};

/** Base URL a legacy token meant (the legacy credential's staging_/test_ token prefixes): the prefix is stripped and picks the host. */
export function tokenToCredential(token: string): { apiToken: string; baseUrl: string } {
	if (token.startsWith('staging_')) return { apiToken: token.slice('staging_'.length), baseUrl: 'https://api-staging.helena.run' };
	if (token.startsWith('test_')) return { apiToken: token.slice('test_'.length), baseUrl: 'https://api-test.helena.run' };
	return { apiToken: token, baseUrl: 'https://api.wts.chat' };
}

/** Display names of the 39 legacy actions (resource → operation value → UI name), for the report. */
export const LEGACY_ACTIONS: Record<string, Record<string, string>> = {
	chatbot: { sendChatbot: 'Send Chatbot' },
	contact: {
		createContact: 'Create Contact',
		listContacts: 'Get All Contacts',
		getContactById: 'Get By ID',
		getContactByPhone: 'Get By Phone',
		updateContact: 'Update Contact',
	},
	message: {
		listMessages: 'Get All Messages',
		getMessageById: 'Get Message By ID',
		getMessageStatus: 'Get Message Status',
		sendFile: 'Send File To Contact',
		sendTemplate: 'Send Template To Contact',
		sendText: 'Send Text To Contact',
	},
	panel: {
		createAnnotationFile: 'Create Annotation File',
		createAnnotationText: 'Create Annotation Text',
		createCard: 'Create Card',
		deleteCardAnnotation: 'Delete Annotation Card',
		duplicateCard: 'Duplicate Card',
		listCardAnnotations: 'Gel All Annotation',
		listCards: 'Gel All Cards',
		getAllPanels: 'Get All Panels',
		getCardById: 'Get Card By ID',
		getPanelById: 'Get Panel By ID',
		updateCard: 'Update Card',
	},
	sequence: {
		addContactToSequence: 'Add Contact To Sequence',
		addContactsToSequence: 'Add Contacts To Sequence',
		listSequences: 'Get All Sequences',
		getContactsBySequence: 'Get Contacts By Sequence',
		removeContactToSequence: 'Remove Contact To Sequence',
		removeContactsToSequence: 'Remove Contacts To Sequence',
	},
	session: {
		updateStatusSession: 'ChangeStatus',
		concludeSession: 'Complete Session',
		listSessions: 'Get All Sessions',
		getSessionById: 'Get Session By ID',
		sendFileBySessionid: 'Send File In Session',
		sendTemplateBySessionid: 'Send Template In Session',
		sendTextBySessionid: 'Send Text In Session',
		transferSession: 'Transfer Session',
		transferToUser: 'Transfer to User',
		updateSession: 'UpdateSession',
	},
};

export const RESOURCE_NAMES: Record<string, string> = {
	chatbot: 'Chatbot',
	contact: 'Contact',
	message: 'Message',
	panel: 'Panel',
	sequence: 'Sequence',
	session: 'Session',
};
