// The 39 legacy actions → this package's resource, operation and parameters.
// Each mapping reads the legacy parameters (absent = the legacy default, as n8n stores only changed values),
// drops the NOT_SEND / UNDEFINED sentinels, keeps expressions as they are, and says what it could not decide.

import { DEFAULT_OPERATION, DEFAULT_RESOURCE, SENTINELS } from './legacy';
import type { Finding, MappedNode, Params } from './types';

export type Note = Omit<Finding, 'node'>;

export interface MapContext {
	params: Params;
	notes: Note[];
}

type Mapper = (ctx: MapContext) => MappedNode;

// ------------------------------------------------------------------ value helpers

export const isExpression = (v: unknown): v is string => typeof v === 'string' && v.startsWith('=');

/** A value the legacy node would have sent: not absent, not empty, not a sentinel. */
export function isSet(v: unknown): boolean {
	if (v === undefined || v === null) return false;
	if (typeof v === 'string') return v.trim() !== '' && !SENTINELS.has(v);
	if (Array.isArray(v)) return v.length > 0;
	return true;
}

/** A resource locator by ID (expressions stay expressions). */
export const byId = (value: unknown) => ({ __rl: true, mode: 'id', value: value ?? '' });

function get(ctx: MapContext, name: string, fallback: unknown): unknown {
	return ctx.params[name] === undefined ? fallback : ctx.params[name];
}

/** A multiOptions value without sentinel entries (an expression is kept as it is). */
function list(v: unknown, drop: string[] = []): unknown {
	if (isExpression(v)) return v;
	if (!Array.isArray(v)) return [];
	return v.filter((x) => !SENTINELS.has(String(x)) && !drop.includes(String(x)));
}

const nonEmptyList = (v: unknown) => isExpression(v) || (Array.isArray(v) && v.length > 0);

/** Rows of a legacy fixedCollection (`{group: [{key, value}]}`), sentinel keys dropped. */
function rows(v: unknown, group: string, keyName = 'key'): Array<Record<string, unknown>> {
	if (!v || typeof v !== 'object') return [];
	const r = (v as Record<string, unknown>)[group];
	const arr = Array.isArray(r) ? r : r && typeof r === 'object' ? [r] : [];
	return (arr as Array<Record<string, unknown>>).filter((row) => row && isSet(row[keyName]));
}

/** The values of a legacy multipleValues string inside a collection (`{fileUrl: ['a', 'b']}`). */
function multiValues(v: unknown, key: string): unknown[] {
	if (!v || typeof v !== 'object') return [];
	const r = (v as Record<string, unknown>)[key];
	const arr = Array.isArray(r) ? r : r === undefined ? [] : [r];
	return arr.filter((x) => isSet(x));
}

/**
 * Several legacy strings (fixed values or expressions) joined into one comma-separated parameter value: an n8n
 * expression is "=" followed by a template, so the expressions' templates and the fixed texts concatenate.
 */
export function joinValues(values: unknown[], sep = ','): string {
	if (!values.some(isExpression)) return values.map(String).join(sep);
	return `=${values.map((v) => (isExpression(v) ? v.slice(1) : String(v))).join(sep)}`;
}

const keyValueEntries = (r: Array<Record<string, unknown>>) => r.map((row) => ({ key: row.key, value: row.value ?? '' }));

function setIfTrue(target: Params, name: string, v: unknown) {
	if (v === true || isExpression(v)) target[name] = v;
}

/** The legacy template option value is a JSON blob {"id","fileType","params"} (the legacy node's template options). */
function templateFromBlob(ctx: MapContext, name: string): { id: unknown; fileType?: string } | undefined {
	const v = ctx.params[name];
	if (!isSet(v)) {
		ctx.notes.push({ kind: 'todo', parameter: 'templateId', text: 'No template was chosen in the legacy node (it refused to run): pick the template.' });
		return undefined;
	}
	if (isExpression(v)) {
		ctx.notes.push({
			kind: 'todo',
			parameter: 'templateId',
			before: v,
			text: 'The legacy template expression had to produce the JSON blob {"id","fileType","params"}; Template now takes the template ID: change the expression to give the ID (e.g. `JSON.parse(…).id`).',
		});
		return { id: v };
	}
	try {
		const blob = JSON.parse(String(v)) as { id?: unknown; fileType?: string };
		if (blob && typeof blob === 'object' && blob.id) return { id: blob.id, fileType: blob.fileType };
	} catch {
		// a plain ID (hand-edited workflow): used as the template ID
	}
	return { id: v };
}

// ------------------------------------------------------------------ paging

const DATE_FILTERS = ['createdAtAfter', 'createdAtBefore', 'updatedAtAfter', 'updatedAtBefore'];

/** Legacy paging (Auto Pagination + Max Pages, or Page Number + Page Size) → Return All / Limit. */
function paging(ctx: MapContext, target: Params, opts: { pageSizeFallback?: number } = {}) {
	const auto = get(ctx, 'autoPagination', false);
	if (isExpression(auto)) {
		target.returnAll = true;
		ctx.notes.push({ kind: 'check', parameter: 'returnAll', before: auto, text: 'Auto Pagination was an expression: Return All is on; set a Limit if fewer records are wanted.' });
		return;
	}
	if (auto === true) {
		const maxPage = get(ctx, 'maxPage', 10);
		if (typeof maxPage === 'number' && maxPage > 0) {
			// the legacy node read up to Max Pages pages of 100, stopping at 100 pages or 5,000 records
			target.returnAll = false;
			target.limit = Math.min(Math.min(maxPage, 100) * 100, 5000);
			ctx.notes.push({
				kind: 'changed',
				parameter: 'limit',
				text: `Auto Pagination with Max Pages ${maxPage} (pages of 100, at most 5,000 records) → Limit ${target.limit as number}, in one output item per record.`,
			});
		} else {
			target.returnAll = true;
			ctx.notes.push({ kind: 'check', parameter: 'returnAll', before: String(maxPage), text: 'Max Pages was an expression: Return All is on; set a Limit if fewer records are wanted.' });
		}
		return;
	}
	const pageNumber = get(ctx, 'pageNumber', 1);
	const pageSize = get(ctx, 'pageSize', opts.pageSizeFallback ?? 15);
	if (isExpression(pageNumber) || isExpression(pageSize)) {
		target.returnAll = true;
		ctx.notes.push({
			kind: 'todo',
			parameter: 'returnAll',
			before: `pageNumber ${String(pageNumber)}, pageSize ${String(pageSize)}`,
			text: 'The legacy node read one page chosen by expression (a page loop?). This operation pages by itself: Return All is on; remove the page loop, or set a Limit.',
		});
		return;
	}
	const size = typeof pageSize === 'number' && pageSize > 0 ? pageSize : 15;
	const page = typeof pageNumber === 'number' && pageNumber > 0 ? pageNumber : 1;
	target.returnAll = false;
	target.limit = page * size;
	if (page > 1) {
		ctx.notes.push({
			kind: 'todo',
			parameter: 'limit',
			before: `pageNumber ${page}, pageSize ${size}`,
			text: `The legacy node read page ${page} only (records ${(page - 1) * size + 1}–${page * size}); this operation has no page number: Limit ${page * size} returns records 1–${page * size}. Drop the first ${(page - 1) * size} items downstream (e.g. a Limit node with "Keep Last Items") or use a filter.`,
		});
	}
}

/** Date filters and the order options shared by the legacy list actions. */
function datesAndOrder(ctx: MapContext, filters: Params, options: Params, extraDates: string[] = []) {
	for (const d of [...DATE_FILTERS, ...extraDates]) if (isSet(ctx.params[d])) filters[d] = ctx.params[d];
	if (isSet(ctx.params.orderBy)) options.orderBy = ctx.params.orderBy;
	if (ctx.params.orderDirection !== undefined && isSet(ctx.params.orderDirection)) options.orderDirection = ctx.params.orderDirection;
}

function withCollections(target: Params, collections: Record<string, Params>) {
	for (const [name, value] of Object.entries(collections)) if (Object.keys(value).length) target[name] = value;
	return target;
}

// ------------------------------------------------------------------ send helpers

function waitForChannel(ctx: MapContext, options: Params) {
	const sync = ctx.params.synchronousMessage;
	if (sync === true || isExpression(sync)) {
		options.waitForChannel = sync;
		ctx.notes.push({ kind: 'changed', parameter: 'options.waitForChannel', text: 'Send Synchronous Message → Wait for Channel.' });
	}
}

/** Legacy file inputs: a binary property name wins over the URL (as in the legacy node). */
function fileSource(ctx: MapContext, target: Params, none: 'none' | null) {
	const binary = ctx.params.fileToSend;
	const url = ctx.params.urlFile;
	if (isSet(binary)) {
		target.fileSource = 'binary';
		target.binaryPropertyName = binary;
		if (isSet(url)) ctx.notes.push({ kind: 'check', parameter: 'fileUrl', text: 'Both a binary field and a URL were set; the legacy node sent the binary file, so does this one (the URL is dropped).' });
	} else if (isSet(url)) {
		target.fileSource = 'url';
		target.fileUrl = url;
	} else if (none) {
		target.fileSource = none;
	} else {
		target.fileSource = 'url';
		target.fileUrl = '';
		ctx.notes.push({ kind: 'todo', parameter: 'fileUrl', text: 'No file URL or binary field was set (the legacy node refused to run): set the file.' });
	}
}

/** Department, agent (by department) and bot of the legacy sends to a contact (without the user:{id:null} bug B4). */
function sendRouting(ctx: MapContext, options: Params) {
	const dept = get(ctx, 'departmentId', 'NOT_SEND');
	if (isSet(dept)) {
		options.departmentId = dept;
		const user = get(ctx, 'userIdByDepartment', 'NOT_SEND');
		if (isSet(user)) options.agentId = user;
	}
	const bot = get(ctx, 'botId', 'NOT_SEND');
	if (isSet(bot)) {
		ctx.notes.push({
			kind: 'todo',
			parameter: 'options.botKey',
			before: String(bot),
			text: 'The legacy node sent the chatbot ID as `botId`, which the send API does not take (it takes the bot key): pick the chatbot under Options → Chatbot Key.',
		});
	}
	for (const b of ['enableBot', 'hiddenSession', 'forceStartSession']) setIfTrue(options, b, ctx.params[b]);
}

function sendToContact(ctx: MapContext, content: 'text' | 'file' | 'template'): MappedNode {
	const p: Params = { sendTo: 'phone', phoneNumber: get(ctx, 'numberToSend', ''), channelId: byId(isSet(ctx.params.channelId) ? ctx.params.channelId : '') };
	if (!isSet(ctx.params.channelId)) ctx.notes.push({ kind: 'todo', parameter: 'channelId', text: 'No channel (From) was chosen in the legacy node: pick the channel.' });
	if (!isSet(ctx.params.numberToSend)) ctx.notes.push({ kind: 'todo', parameter: 'phoneNumber', text: 'No recipient (To) was set: set the phone number.' });
	p.content = content;
	const options: Params = {};
	if (content === 'text') p.text = get(ctx, 'textMessage', '');
	if (content === 'file') fileSource(ctx, p, null);
	if (content === 'template') templateSend(ctx, p, 'templates', 'paramsTemplates');
	sendRouting(ctx, options);
	waitForChannel(ctx, options);
	return { resource: 'message', operation: 'send', parameters: withCollections(p, { options }), output: 'object' };
}

/** Template parameters, de-duplicated by name (the legacy node kept the first value). */
function templateParameters(ctx: MapContext, name: string): Params | undefined {
	const seen = new Set<string>();
	const out: Array<Record<string, unknown>> = [];
	for (const row of rows(ctx.params[name], 'paramsTemplatesValues', 'name')) {
		const n = String(row.name);
		if (seen.has(n)) continue;
		seen.add(n);
		out.push({ name: row.name, value: row.value ?? '' });
	}
	return out.length ? { parameter: out } : undefined;
}

/** The template of a legacy template send (its option blob and parameter rows): ID, parameters and header file. */
/**
 * The legacy "Fields" multi-select of an update operation, as a membership test; null, with a to-do in the report,
 * when it was an expression (the fields to update cannot be known).
 */
function selectedFields(ctx: MapContext, name: string): ((token: string) => boolean) | null {
	const tokens = get(ctx, name, []);
	if (isExpression(tokens)) {
		ctx.notes.push({ kind: 'todo', parameter: 'updateFields', before: tokens, text: 'The legacy Fields list was an expression: add the fields to update under Update Fields by hand.' });
		return null;
	}
	return (token) => Array.isArray(tokens) && tokens.includes(token);
}

function templateSend(ctx: MapContext, p: Params, blob: string, rowsName: string): void {
	const t = templateFromBlob(ctx, blob);
	p.templateId = byId(t?.id ?? '');
	const params = templateParameters(ctx, rowsName);
	if (params) p.templateParameters = params;
	if (t?.fileType === 'UNDEFINED') p.fileSource = 'none';
	else fileSource(ctx, p, 'none');
}

function sendInSession(ctx: MapContext, kind: 'text' | 'file' | 'template'): MappedNode {
	const p: Params = { sessionId: byId(get(ctx, 'sessionId', '')) };
	const options: Params = {};
	if (kind === 'text') p.text = get(ctx, 'textMessage', '');
	if (kind === 'file') fileSource(ctx, p, null);
	if (kind === 'template') templateSend(ctx, p, 'templatesBySession', 'paramsTemplatesSession');
	waitForChannel(ctx, options);
	const operation = kind === 'text' ? 'sendText' : kind === 'file' ? 'sendFile' : 'sendTemplate';
	return { resource: 'session', operation, parameters: withCollections(p, { options }), output: 'object' };
}

// ------------------------------------------------------------------ contacts of the sequence actions

function oneContact(ctx: MapContext, p: Params) {
	const contactId = ctx.params.contactId;
	const phone = ctx.params.phonenumber;
	if (isSet(contactId)) {
		p.contactBy = 'contact';
		p.contactId = byId(contactId);
		if (isSet(phone)) ctx.notes.push({ kind: 'check', parameter: 'phoneNumber', before: String(phone), text: 'Both a contact ID and a phone number were set; the contact is now named by its ID only (the phone number is dropped).' });
	} else {
		p.contactBy = 'phoneNumber';
		p.phoneNumber = isSet(phone) ? phone : '';
		if (!isSet(phone)) ctx.notes.push({ kind: 'todo', parameter: 'contactId', text: 'Neither a contact ID nor a phone number was set (the legacy node refused to run): name the contact.' });
	}
}

function contactsBatch(ctx: MapContext, operation: 'addContacts' | 'removeContacts'): MappedNode {
	const phoneValues = multiValues(ctx.params.phonenumbers, 'phonenumber');
	const contactIdValues = multiValues(ctx.params.contactsId, 'contactId');
	const p: Params = { sequenceId: byId(get(ctx, 'sequenceId', '')) };
	if (phoneValues.length && !contactIdValues.length) {
		p.contactBy = 'phoneNumber';
		p.phoneNumber = '={{ $json._wtsContact.phoneNumber }}';
	} else if (contactIdValues.length && !phoneValues.length) {
		p.contactBy = 'contact';
		p.contactId = byId('={{ $json._wtsContact.contactId }}');
	} else {
		p.contactBy = '={{ $json._wtsContact.contactBy }}';
		p.phoneNumber = '={{ $json._wtsContact.phoneNumber }}';
		p.contactId = byId('={{ $json._wtsContact.contactId }}');
		if (!phoneValues.length) ctx.notes.push({ kind: 'todo', text: 'No phone numbers or contact IDs were set (the legacy node refused to run): fill in the contacts.' });
	}
	ctx.notes.push({
		kind: 'changed',
		text: 'This operation takes one input item per contact: two nodes were added before it (Edit Fields, then Split Out) that turn the legacy lists of phone numbers / contact IDs into one item each; the contacts are still sent in batch requests.',
	});
	return { resource: 'sequence', operation, parameters: p, output: 'perContact', splitContacts: { phoneValues, contactIdValues } };
}

// ------------------------------------------------------------------ the 39 actions

const contactDetails = (ctx: MapContext, options: Params) => {
	const d = list(ctx.params.includeDetailsContacts);
	if (nonEmptyList(d)) options.includeDetails = d;
};

export const MAPPERS: Record<string, Record<string, Mapper>> = {
	chatbot: {
		sendChatbot(ctx) {
			const p: Params = { botKey: byId(isSet(ctx.params.chatbotId) ? ctx.params.chatbotId : '') };
			if (!isSet(ctx.params.chatbotId)) ctx.notes.push({ kind: 'todo', parameter: 'botKey', text: 'No chatbot was chosen in the legacy node: pick the chatbot.' });
			else if (!isExpression(ctx.params.chatbotId)) {
				ctx.notes.push({
					kind: 'check',
					parameter: 'botKey',
					text: 'Taken as the chatbot key (what the legacy node 2.0.x stored); workflows saved with an older legacy version stored the chatbot ID there: then pick the chatbot again.',
				});
			}
			const sessionId = ctx.params.sessionId;
			if (isSet(sessionId)) {
				p.recipientType = 'session';
				p.sessionId = byId(sessionId);
				if (isSet(ctx.params.numberToSend) || isSet(ctx.params.channelId)) {
					ctx.notes.push({ kind: 'check', parameter: 'recipientType', text: 'A session and a From/To were both set; the bot now starts in the session (From/To dropped).' });
				}
			} else {
				p.recipientType = 'contact';
				p.to = get(ctx, 'numberToSend', '');
				p.from = byId(isSet(ctx.params.channelId) ? ctx.params.channelId : '');
			}
			const options: Params = {};
			for (const b of ['forceStartSession', 'skipIfBotInExecution', 'skipIfInProgress']) setIfTrue(options, b, ctx.params[b]);
			const sm = rows(ctx.params.sessionMetadatas, 'sessionMetadata');
			if (sm.length) {
				options.sessionMetadata = { entries: keyValueEntries(sm) };
				ctx.notes.push({ kind: 'changed', parameter: 'options.sessionMetadata', text: 'Session metadata now reaches the API (the legacy node misspelt it, bug B6).' });
			}
			const cm = rows(ctx.params.contactMetadatas, 'contactMetadata');
			if (cm.length) options.contactMetadata = { entries: keyValueEntries(cm) };
			return { resource: 'chatbot', operation: 'start', parameters: withCollections(p, { options }), output: 'object' };
		},
	},
	contact: {
		createContact(ctx) {
			const p: Params = { name: get(ctx, 'name', ''), phoneNumber: get(ctx, 'phonenumber', '') };
			const add: Params = {};
			for (const f of ['email', 'instagram', 'annotation']) if (isSet(ctx.params[f])) add[f] = ctx.params[f];
			if (nonEmptyList(ctx.params.tagIds)) add.tagIds = ctx.params.tagIds;
			const cf = rows(ctx.params.customFields, 'customFields');
			if (cf.length) add.customFields = { fields: keyValueEntries(cf) };
			const md = rows(ctx.params.metadata, 'metadata');
			if (md.length) add.metadata = { entries: keyValueEntries(md) };
			withCollections(p, { additionalFields: add });
			const upsert = ctx.params.upsert;
			const getIfExists = ctx.params.getIfExists;
			if (upsert === true) {
				p.ifExists = 'update';
				if (getIfExists === true) ctx.notes.push({ kind: 'check', parameter: 'ifExists', text: 'Upsert and Get If Exists were both on; If the Contact Exists is now "Update It".' });
			} else if (getIfExists === true) p.ifExists = 'get';
			else if (isExpression(upsert) || isExpression(getIfExists)) {
				ctx.notes.push({ kind: 'todo', parameter: 'ifExists', before: String(upsert ?? getIfExists), text: 'Upsert / Get If Exists were expressions: choose If the Contact Exists.' });
			}
			p.simplify = false;
			return { resource: 'contact', operation: 'create', parameters: p, output: 'object' };
		},
		listContacts(ctx) {
			const p: Params = {};
			paging(ctx, p);
			const filters: Params = {};
			const options: Params = {};
			const status = get(ctx, 'statusContact', 'UNDEFINED');
			if (isSet(status)) filters.status = status;
			datesAndOrder(ctx, filters, options);
			contactDetails(ctx, options);
			p.simplify = false;
			return { resource: 'contact', operation: 'getMany', parameters: withCollections(p, { filters, options }), output: 'list' };
		},
		getContactById(ctx) {
			const p: Params = { contactId: byId(get(ctx, 'contactId', '')) };
			const options: Params = {};
			contactDetails(ctx, options);
			p.simplify = false;
			return { resource: 'contact', operation: 'get', parameters: withCollections(p, { options }), output: 'object' };
		},
		getContactByPhone(ctx) {
			const p: Params = { phoneNumber: get(ctx, 'phonenumber', '') };
			const options: Params = {};
			contactDetails(ctx, options);
			p.simplify = false;
			return { resource: 'contact', operation: 'getByPhone', parameters: withCollections(p, { options }), output: 'object' };
		},
		updateContact(ctx) {
			const p: Params = { contactId: byId(get(ctx, 'contactId', '')) };
			const update: Params = {};
			const clear: string[] = [];
			const has = selectedFields(ctx, 'fieldsUpdateContact');
			if (has) {
				const text = (token: string, legacy: string, ours: string, clearable = true) => {
					if (!has(token)) return;
					const v = ctx.params[legacy];
					if (isSet(v)) update[ours] = v;
					else if (clearable) clear.push(token);
					else ctx.notes.push({ kind: 'check', parameter: `updateFields.${ours}`, text: `${token} was selected with an empty value; it cannot be cleared and is left out.` });
				};
				text('Name', 'nameUpdateContact', 'name');
				text('PhoneNumber', 'phonenumberUpdateContact', 'phoneNumber', false);
				text('Email', 'emailUpdateContact', 'email');
				text('Instagram', 'instagramUpdateContact', 'instagram');
				text('Annotation', 'annotationUpdateContact', 'annotation');
				text('PictureUrl', 'pictureUrlUpdateContact', 'pictureUrl');
				if (has('Tags')) {
					if (nonEmptyList(ctx.params.tagsUpdateContact)) update.tagIds = ctx.params.tagsUpdateContact;
					else clear.push('Tags');
				}
				if (has('Portfolio')) {
					if (nonEmptyList(ctx.params.portfoliosUpdateContact)) update.portfolioIds = ctx.params.portfoliosUpdateContact;
					else clear.push('Portfolio');
				}
				if (has('SequenceIds')) {
					const s = ctx.params.sequencesUpdateContact;
					if (isExpression(s)) update.sequenceIds = s;
					else if (Array.isArray(s) && s.length) update.sequenceIds = s.map(String).join(',');
					else ctx.notes.push({ kind: 'check', parameter: 'updateFields.sequenceIds', text: 'SequenceIds was selected with no sequence; left out.' });
				}
				if (has('Status')) {
					const s = get(ctx, 'statusUpdateContact', 'NOT_SEND');
					if (isSet(s)) update.status = s;
					else ctx.notes.push({ kind: 'check', parameter: 'updateFields.status', text: 'Status was selected as "Empty" (not sent by the legacy node); left out.' });
				}
				if (has('CustomFields')) {
					const cf = rows(ctx.params.customFieldsUpdateContact, 'customFields');
					if (cf.length) update.customFields = { fields: keyValueEntries(cf) };
				}
				if (has('Metadata')) {
					const md = rows(ctx.params.metadataUpdateContact, 'metadata');
					if (md.length) update.metadata = { entries: keyValueEntries(md) };
				}
				if (has('Utm')) {
					const utm: Params = {};
					for (const k of ['source', 'medium', 'campaign', 'content', 'headline', 'term', 'referralUrl']) {
						const v = ctx.params[`${k}UtmUpdateContact`];
						if (isSet(v)) utm[k] = v;
					}
					if (Object.keys(utm).length) update.utm = { values: utm };
					else clear.push('Utm');
				}
				if (clear.length) {
					ctx.notes.push({ kind: 'changed', parameter: 'clearFields', text: `Selected with an empty value, which cleared them in the legacy node: now listed under Fields to Clear (${clear.join(', ')}).` });
				}
			}
			withCollections(p, { updateFields: update });
			if (clear.length) p.clearFields = clear;
			p.simplify = false;
			return { resource: 'contact', operation: 'update', parameters: p, output: 'object' };
		},
	},
	message: {
		listMessages(ctx) {
			const p: Params = { sessionId: byId(get(ctx, 'sessionId', '')) };
			paging(ctx, p);
			const filters: Params = {};
			const options: Params = {};
			datesAndOrder(ctx, filters, options);
			p.simplify = false;
			return { resource: 'message', operation: 'getMany', parameters: withCollections(p, { filters, options }), output: 'list' };
		},
		getMessageById(ctx) {
			return { resource: 'message', operation: 'get', parameters: { messageId: get(ctx, 'messageId', ''), simplify: false }, output: 'object' };
		},
		getMessageStatus(ctx) {
			return { resource: 'message', operation: 'getStatus', parameters: { messageId: get(ctx, 'messageId', '') }, output: 'object' };
		},
		sendFile: (ctx) => sendToContact(ctx, 'file'),
		sendTemplate: (ctx) => sendToContact(ctx, 'template'),
		sendText: (ctx) => sendToContact(ctx, 'text'),
	},
	panel: {
		createAnnotationFile(ctx) {
			const urls = multiValues(ctx.params.fileUrls, 'fileUrl');
			if (urls.length > 3) ctx.notes.push({ kind: 'todo', parameter: 'fileUrls', text: `${urls.length} file URLs: a card note takes at most 3; split them over several Add Note nodes.` });
			if (!urls.length) ctx.notes.push({ kind: 'todo', parameter: 'fileUrls', text: 'No file URL was set (the legacy node sent an empty note): set the file URLs.' });
			return { resource: 'card', operation: 'addNote', parameters: { cardId: byId(get(ctx, 'cardId', '')), fileUrls: joinValues(urls) }, output: 'object' };
		},
		createAnnotationText(ctx) {
			return { resource: 'card', operation: 'addNote', parameters: { cardId: byId(get(ctx, 'cardId', '')), text: get(ctx, 'textMessage', '') }, output: 'object' };
		},
		createCard(ctx) {
			const panel = get(ctx, 'panels', 'NOT_SEND');
			if (!isSet(panel)) ctx.notes.push({ kind: 'todo', parameter: 'panelId', text: 'The legacy node had no panel chosen: pick the panel of the step.' });
			const p: Params = { panelId: byId(isSet(panel) ? panel : ''), stepId: isSet(ctx.params.stepPanels) ? ctx.params.stepPanels : '', title: get(ctx, 'title', '') };
			const add: Params = {};
			if (isSet(ctx.params.description)) add.description = ctx.params.description;
			for (const n of ['monetaryAmount', 'position']) if (isSet(ctx.params[n])) add[n] = ctx.params[n];
			if (isSet(ctx.params.responsibleId)) add.responsibleUserId = ctx.params.responsibleId;
			if (isSet(ctx.params.contactId)) add.contactIds = ctx.params.contactId;
			if (nonEmptyList(ctx.params.tagsPanel)) add.tagIds = ctx.params.tagsPanel;
			const md = rows(ctx.params.metadata, 'metadata');
			if (md.length) add.metadata = { entries: keyValueEntries(md) };
			withCollections(p, { additionalFields: add });
			const cf = rows(ctx.params.customFieldsPanel, 'customFields');
			if (cf.length) p.customFields = { entries: keyValueEntries(cf) };
			return { resource: 'card', operation: 'create', parameters: p, output: 'object' };
		},
		deleteCardAnnotation(ctx) {
			return { resource: 'card', operation: 'deleteNote', parameters: { cardId: byId(get(ctx, 'cardId', '')), noteId: get(ctx, 'noteId', '') }, output: 'delete' };
		},
		duplicateCard(ctx) {
			const p: Params = { cardId: byId(get(ctx, 'cardId', '')) };
			if (isSet(ctx.params.stepId)) p.copyToStepId = ctx.params.stepId;
			const options: Params = {};
			setIfTrue(options, 'archiveOriginalCard', ctx.params.archiveOriginalCard);
			const fields = list(ctx.params.fieldsCard);
			if (nonEmptyList(fields)) options.fields = fields;
			return { resource: 'card', operation: 'duplicate', parameters: withCollections(p, { options }), output: 'object' };
		},
		listCardAnnotations(ctx) {
			const p: Params = { cardId: byId(get(ctx, 'cardId', '')) };
			paging(ctx, p);
			const filters: Params = {};
			const options: Params = {};
			datesAndOrder(ctx, filters, options);
			return { resource: 'card', operation: 'getNotes', parameters: withCollections(p, { filters, options }), output: 'list' };
		},
		listCards(ctx) {
			const panel = get(ctx, 'panels', 'NOT_SEND');
			if (!isSet(panel)) ctx.notes.push({ kind: 'todo', parameter: 'panelId', text: 'No panel was chosen (the legacy node refused to run): pick the panel.' });
			const p: Params = { panelId: byId(isSet(panel) ? panel : '') };
			paging(ctx, p);
			const filters: Params = {};
			const options: Params = {};
			if (isSet(ctx.params.stepPanels)) filters.stepId = ctx.params.stepPanels;
			if (isSet(ctx.params.responsibleId)) filters.responsibleUserId = ctx.params.responsibleId;
			for (const f of ['contactId', 'textFilter']) if (isSet(ctx.params[f])) filters[f] = ctx.params[f];
			if (ctx.params.includeArchived === true) {
				filters.statuses = ['OPEN', 'WON', 'LOST', 'ARCHIVED'];
				ctx.notes.push({ kind: 'changed', parameter: 'filters.statuses', text: 'Include Archived → Statuses Open, Won, Lost and Archived.' });
			}
			datesAndOrder(ctx, filters, options);
			const d = list(ctx.params.includeDetailsGetCards);
			if (nonEmptyList(d)) options.includeDetails = d;
			p.simplify = false;
			return { resource: 'card', operation: 'getMany', parameters: withCollections(p, { filters, options }), output: 'list' };
		},
		getAllPanels(ctx) {
			const p: Params = {};
			paging(ctx, p);
			const filters: Params = {};
			const options: Params = {};
			if (isSet(ctx.params.title)) filters.title = ctx.params.title;
			datesAndOrder(ctx, filters, options);
			p.simplify = false;
			return { resource: 'panel', operation: 'getMany', parameters: withCollections(p, { filters, options }), output: 'list' };
		},
		getCardById(ctx) {
			const p: Params = { cardId: byId(get(ctx, 'cardId', '')) };
			const options: Params = {};
			const d = list(ctx.params.includeDetailsGetCards);
			if (nonEmptyList(d)) options.includeDetails = d;
			p.simplify = false;
			return { resource: 'card', operation: 'get', parameters: withCollections(p, { options }), output: 'object' };
		},
		getPanelById(ctx) {
			const p: Params = { panelId: byId(get(ctx, 'panelId', '')) };
			const options: Params = {};
			const d = list(ctx.params.includeDetailsPanel);
			if (Array.isArray(d) && d.length) options.includeDetails = [...new Set(d)];
			else if (isExpression(d)) options.includeDetails = d;
			p.simplify = false;
			return { resource: 'panel', operation: 'get', parameters: withCollections(p, { options }), output: 'object' };
		},
		updateCard(ctx) {
			const p: Params = { cardId: byId(get(ctx, 'cardIdUpdateCard', '')) };
			const update: Params = {};
			const clear: string[] = [];
			const has = selectedFields(ctx, 'fieldsUpdateCard');
			if (has) {
				const value = (token: string, legacy: string, ours: string, clearAs?: string) => {
					if (!has(token)) return;
					const v = ctx.params[legacy];
					if (isSet(v)) update[ours] = v;
					else if (clearAs) clear.push(clearAs);
					else ctx.notes.push({ kind: 'check', parameter: `updateFields.${ours}`, text: `${token} was selected with an empty value; left out.` });
				};
				if (has('Archived')) {
					const a = get(ctx, 'includeArchivedUpdateCard', false);
					update.archived = a;
					if (a === false) ctx.notes.push({ kind: 'changed', parameter: 'updateFields.archived', text: 'Archived off is now sent (status Open); the legacy node dropped `false` (bug B8).' });
				}
				if (has('ContactIds')) {
					const ids = multiValues(ctx.params.contactsIdUpdateCard, 'contactId');
					if (ids.length) update.contactIds = joinValues(ids);
					else clear.push('contactIds');
				}
				value('Description', 'descriptionUpdateCard', 'description', 'description');
				value('DueDate', 'dueDateUpdateCard', 'dueDate', 'dueDate');
				value('MonetaryAmount', 'monetaryAmountUpdateCard', 'monetaryAmount', 'monetaryAmount');
				value('Position', 'positionUpdateCard', 'position');
				value('StepId', 'stepIdUpdateCard', 'stepId');
				value('Title', 'titleCardUpdateCard', 'title');
				if (has('ResponsibleUserId')) {
					const u = get(ctx, 'userIdUpdateCard', 'NOT_SEND');
					if (isSet(u)) update.responsibleUserId = u;
					else clear.push('responsibleUserId');
				}
				if (has('TagIds')) {
					if (nonEmptyList(ctx.params.updateCardTagIdUpdateCard)) update.tagIds = ctx.params.updateCardTagIdUpdateCard;
					else clear.push('tagIds');
				}
				if (has('SessionId')) {
					if (isSet(ctx.params.sessionIdUpdateCard)) {
						update.sessionId = ctx.params.sessionIdUpdateCard;
						ctx.notes.push({ kind: 'changed', parameter: 'updateFields.sessionId', text: 'Session ID is now sent (the legacy node never read it, bug B7).' });
					} else {
						ctx.notes.push({ kind: 'check', parameter: 'updateFields.sessionId', text: 'SessionId was selected with no value; the legacy node sent the token alone, which may have unlinked the session. Left out: add Session under Fields to Clear if that was meant.' });
					}
				}
				if (has('Metadata')) {
					const md = rows(ctx.params.metadataUpdateCard, 'metadata');
					if (md.length) update.metadata = { entries: keyValueEntries(md) };
				}
				if (has('CustomFields')) {
					const cf = rows(ctx.params.customFieldsCardUpdateCard, 'customFields');
					if (cf.length) {
						p.customFields = { entries: keyValueEntries(cf) };
						ctx.notes.push({
							kind: 'todo',
							parameter: 'customFields',
							text: `The legacy node keyed card custom fields by their display name (bug B9: ${cf.map((r) => String(r.key)).join(', ')}); pick each field again so its key is sent.`,
						});
					}
				}
				if (clear.length) {
					ctx.notes.push({ kind: 'changed', parameter: 'clearFields', text: `Selected with an empty value, which cleared them in the legacy node: now listed under Fields to Clear (${clear.join(', ')}).` });
				}
			}
			withCollections(p, { updateFields: update });
			if (clear.length) p.clearFields = clear;
			return { resource: 'card', operation: 'update', parameters: p, output: 'object' };
		},
	},
	sequence: {
		addContactToSequence(ctx) {
			const p: Params = { sequenceId: byId(get(ctx, 'sequenceId', '')) };
			oneContact(ctx, p);
			return { resource: 'sequence', operation: 'addContact', parameters: p, output: 'object' };
		},
		addContactsToSequence: (ctx) => contactsBatch(ctx, 'addContacts'),
		listSequences(ctx) {
			const p: Params = {};
			paging(ctx, p);
			const filters: Params = {};
			const options: Params = {};
			for (const f of ['name', 'contactId']) if (isSet(ctx.params[f])) filters[f] = ctx.params[f];
			datesAndOrder(ctx, filters, options);
			const d = list(ctx.params.includeDetailsSequence);
			if (nonEmptyList(d)) options.includeDetails = d;
			return { resource: 'sequence', operation: 'getMany', parameters: withCollections(p, { filters, options }), output: 'list' };
		},
		getContactsBySequence(ctx) {
			ctx.notes.push({ kind: 'changed', parameter: 'returnAll', text: 'Return All is on: the legacy node returned only the first page of the sequence’s contacts.' });
			return { resource: 'sequence', operation: 'getContacts', parameters: { sequenceId: byId(get(ctx, 'sequenceId', '')), returnAll: true, simplify: false }, output: 'list' };
		},
		removeContactToSequence(ctx) {
			const p: Params = { sequenceId: byId(get(ctx, 'sequenceId', '')) };
			oneContact(ctx, p);
			return { resource: 'sequence', operation: 'removeContact', parameters: p, output: 'delete' };
		},
		removeContactsToSequence: (ctx) => contactsBatch(ctx, 'removeContacts'),
	},
	session: {
		updateStatusSession(ctx) {
			const p: Params = { sessionId: byId(get(ctx, 'sessionId', '')) };
			const s = get(ctx, 'statusSessionOption', 'UNDEFINED');
			if (isSet(s)) p.status = s;
			else ctx.notes.push({ kind: 'todo', parameter: 'status', text: 'The legacy status was "UNDEFINED" (the legacy node refused to run): choose the status.' });
			return { resource: 'session', operation: 'updateStatus', parameters: p, output: 'object' };
		},
		concludeSession(ctx) {
			const p: Params = { sessionId: byId(get(ctx, 'sessionId', '')) };
			if (ctx.params.reactivateOnNewMessage !== undefined) p.reactivateOnNewMessage = ctx.params.reactivateOnNewMessage;
			return { resource: 'session', operation: 'complete', parameters: p, output: 'object' };
		},
		listSessions(ctx) {
			const p: Params = {};
			paging(ctx, p);
			const filters: Params = {};
			const options: Params = {};
			if (nonEmptyList(ctx.params.tagIds)) filters.tagIds = ctx.params.tagIds;
			if (isSet(ctx.params.userId)) filters.agentId = ctx.params.userId;
			if (isSet(ctx.params.departmentId)) filters.departmentId = ctx.params.departmentId;
			if (isSet(ctx.params.contactId)) filters.contactId = byId(ctx.params.contactId); // the Contact filter is a contact picker
			if (nonEmptyList(ctx.params.channelsIds)) filters.channelIds = ctx.params.channelsIds;
			const status = ctx.params.statusSession;
			if (isExpression(status)) filters.status = status;
			else if (Array.isArray(status) && status.length) {
				filters.status = status.map((s) => (s === 'Started' ? 'STARTED' : s));
				if (status.includes('Started')) ctx.notes.push({ kind: 'changed', parameter: 'filters.status', text: 'Status "Started" → STARTED (the legacy value had the wrong case, bug B13).' });
			}
			datesAndOrder(ctx, filters, options, ['activeAtAfter', 'activeAtBefore', 'endAtAfter', 'endAtBefore', 'lastInteractionAtAfter', 'lastInteractionAtBefore']);
			const d = list(ctx.params.includeDetails);
			if (nonEmptyList(d)) options.includeDetails = d;
			p.simplify = false;
			return { resource: 'session', operation: 'getMany', parameters: withCollections(p, { filters, options }), output: 'list' };
		},
		getSessionById(ctx) {
			const p: Params = { sessionId: byId(get(ctx, 'sessionId', '')) };
			const options: Params = {};
			const d = list(ctx.params.includeDetails);
			if (nonEmptyList(d)) options.includeDetails = d;
			p.simplify = false;
			return { resource: 'session', operation: 'get', parameters: withCollections(p, { options }), output: 'object' };
		},
		sendFileBySessionid: (ctx) => sendInSession(ctx, 'file'),
		sendTemplateBySessionid: (ctx) => sendInSession(ctx, 'template'),
		sendTextBySessionid: (ctx) => sendInSession(ctx, 'text'),
		transferSession(ctx) {
			const p: Params = { sessionId: byId(get(ctx, 'sessionId', '')) };
			const dept = get(ctx, 'departmentId', 'NOT_SEND');
			if (isSet(dept)) {
				p.departmentId = byId(dept);
				const user = get(ctx, 'userIdByDepartment', 'NOT_SEND');
				if (isSet(user)) p.agentId = byId(user);
			} else {
				ctx.notes.push({ kind: 'todo', parameter: 'departmentId', text: 'No department was chosen: the legacy node sent a transfer to nobody (bug B5). Pick the department or the agent.' });
			}
			return { resource: 'session', operation: 'transfer', parameters: p, output: 'object' };
		},
		transferToUser(ctx) {
			const u = get(ctx, 'userId', 'NOT_SEND');
			if (!isSet(u)) ctx.notes.push({ kind: 'todo', parameter: 'agentId', text: 'No user was chosen (the legacy node refused to run): pick the agent.' });
			return { resource: 'session', operation: 'assign', parameters: { sessionId: byId(get(ctx, 'sessionId', '')), agentId: byId(isSet(u) ? u : '') }, output: 'object' };
		},
		updateSession(ctx) {
			const p: Params = { sessionId: byId(get(ctx, 'sessionId', '')) };
			const update: Params = {};
			const clear: string[] = [];
			const flags: string[] = [];
			const has = selectedFields(ctx, 'fieldsUpdate');
			if (has) {
				for (const f of ['Autocomplete', 'ReactivateDisabled']) if (has(f)) flags.push(f);
				if (has('DepartmentId')) {
					const d = get(ctx, 'departmentIdUpdatedSession', 'NOT_SEND');
					if (isSet(d)) update.departmentId = d;
					else clear.push('DepartmentId');
				}
				if (has('UserId')) {
					const u = get(ctx, 'usersUpdateSession', 'NOT_SEND');
					if (isSet(u)) update.agentId = u;
					else clear.push('UserId');
				}
				if (has('EndAt')) {
					if (isSet(ctx.params.endAt)) update.endAt = ctx.params.endAt;
					else clear.push('EndAt');
				}
				if (has('Number')) {
					if (isSet(ctx.params.number)) update.number = ctx.params.number;
					else clear.push('Number');
				}
				if (has('Status')) {
					const s = get(ctx, 'statusUpdateSessionOption', 'UNDEFINED');
					if (isSet(s)) update.status = s;
					else ctx.notes.push({ kind: 'check', parameter: 'updateFields.status', text: 'Status was selected as "UNDEFINED" (not sent by the legacy node); left out.' });
				}
				if (has('Metadata')) {
					const md = rows(ctx.params.metadataUpdateSession, 'metadata');
					if (md.length) update.metadata = { entries: keyValueEntries(md) };
				}
				if (clear.length) {
					ctx.notes.push({ kind: 'changed', parameter: 'clearFields', text: `Selected as "Empty", which cleared them in the legacy node: now listed under Fields to Clear (${clear.join(', ')}).` });
				}
			}
			withCollections(p, { updateFields: update });
			if (clear.length) p.clearFields = clear;
			if (flags.length) p.flags = flags;
			return { resource: 'session', operation: 'update', parameters: p, output: 'object' };
		},
	},
};

/** The legacy resource and operation of a node's parameters (absent = the legacy defaults). */
export function legacyAction(params: Params): { resource: string; operation: string } {
	const resource = typeof params.resource === 'string' ? params.resource : DEFAULT_RESOURCE;
	const operation = typeof params.operation === 'string' ? params.operation : (DEFAULT_OPERATION[resource] ?? '');
	return { resource, operation };
}

/** Converts one legacy node's parameters; undefined when the action is unknown. */
export function mapParameters(params: Params): { mapped: MappedNode; notes: Note[] } | undefined {
	const { resource, operation } = legacyAction(params);
	const mapper = MAPPERS[resource]?.[operation];
	if (!mapper) return undefined;
	const ctx: MapContext = { params, notes: [] };
	const mapped = mapper(ctx);
	mapped.parameters = { resource: mapped.resource, operation: mapped.operation, ...mapped.parameters };
	return { mapped, notes: ctx.notes };
}

/** Display names of this package's operations used by the conversions, for the report. */
export const OUR_NAMES: Record<string, string> = {
	'chatbot.start': 'Chatbot → Start',
	'contact.create': 'Contact → Create',
	'contact.getMany': 'Contact → Get Many',
	'contact.get': 'Contact → Get',
	'contact.getByPhone': 'Contact → Get By Phone',
	'contact.update': 'Contact → Update',
	'message.getMany': 'Message → Get Many',
	'message.get': 'Message → Get',
	'message.getStatus': 'Message → Get Status',
	'message.send': 'Message → Send',
	'card.addNote': 'Card → Add Note',
	'card.create': 'Card → Create',
	'card.deleteNote': 'Card → Delete Note',
	'card.duplicate': 'Card → Duplicate',
	'card.getNotes': 'Card → Get Notes',
	'card.getMany': 'Card → Get Many',
	'card.get': 'Card → Get',
	'card.update': 'Card → Update',
	'panel.getMany': 'Panel → Get Many',
	'panel.get': 'Panel → Get',
	'sequence.addContact': 'Sequence → Add Contact',
	'sequence.addContacts': 'Sequence → Add Contacts',
	'sequence.getMany': 'Sequence → Get Many',
	'sequence.getContacts': 'Sequence → Get Contacts',
	'sequence.removeContact': 'Sequence → Remove Contact',
	'sequence.removeContacts': 'Sequence → Remove Contacts',
	'session.updateStatus': 'Session → Update Status',
	'session.complete': 'Session → Complete',
	'session.getMany': 'Session → Get Many',
	'session.get': 'Session → Get',
	'session.sendFile': 'Session → Send File',
	'session.sendTemplate': 'Session → Send Template',
	'session.sendText': 'Session → Send Text',
	'session.transfer': 'Session → Transfer',
	'session.assign': 'Session → Assign',
	'session.update': 'Session → Update',
};
