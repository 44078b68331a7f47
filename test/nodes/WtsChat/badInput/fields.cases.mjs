// Bad values of the node's fields, by kind: enums, e-mails, URLs (files WTS Chat downloads, callbacks and webhooks it
// calls), texts (NUL, line breaks in single-line fields, documented lengths), IDs, custom fields, template parameters
// and metadata keys, over every resource (format of a case: see badInput.test.mjs).
import { rl, SEED } from '../../../harness/fixture.mjs';

const S = SEED;
const inProgress = S.sessions.inProgress[0];
const maria = S.contacts.maria.id;
const vendas = S.panels.vendas;
const phone = (i) => `+55 11 98888-000${i + 1}`;
const from = rl(S.channels.whatsapp.id, 'list');
const NOW = Date.now();
const inHours = (h) => new Date(NOW + h * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const orderParams = { parameter: [{ name: 'nome', value: 'Maria' }, { name: 'pedido', value: '#7' }, { name: 'situacao', value: 'enviado' }] };
const NUL = 'Ol\u0000á';
const LONG = 'a'.repeat(100_000);

/** Cases of one operation: [name, bad (merged over good(1)) or function, field, extra]. */
const op = (resource, operation, good, list) =>
	list.map(([name, bad, field, extra = {}]) => ({ name, resource, operation, good, bad, field, ...(LOOKUPS.has(`${resource}:${operation}`) ? { lookups: true } : {}), ...extra }));

/**
 * Operations that read before they write, whatever the input: the channel list (a send's From Channel picked from
 * the list, read once per run) or the record being updated. Their refusals may follow those reads; nothing else.
 */
const LOOKUPS = new Set(
	['sendText', 'sendImage', 'sendDocument', 'sendAudio', 'sendVideo', 'sendTemplate', 'sendTemplateBatch', 'sendOtp']
		.map((o) => `sendApi:${o}`)
		.concat(['chatbot:start', 'chatbot:startQueued', 'chatbot:startBatch', 'message:send', 'scheduledMessage:create', 'scheduledMessage:update', 'session:update']),
);

/** Bad values of a field inside a collection (merged over the good item's collection). */
const inCollection = (collection, values) => (g) => ({ ...g, [collection]: { ...(g[collection] ?? {}), ...values } });

const sendText = (i) => ({ to: phone(i), from, text: `Olá ${i}` });
const sendImage = (i) => ({ to: phone(i), from, fileSource: 'url', fileUrl: `https://example.com/a${i}.png` });
const sendDocument = (i) => ({ to: phone(i), from, fileSource: 'url', fileUrl: `https://example.com/a${i}.pdf` });
const sendAudio = (i) => ({ to: phone(i), from, fileSource: 'url', fileUrl: `https://example.com/a${i}.mp3` });
const sendVideo = (i) => ({ to: phone(i), from, fileSource: 'url', fileUrl: `https://example.com/a${i}.mp4` });
const sendTemplate = (i) => ({ to: phone(i), from, templateId: rl(S.templates.orderUpdate.id), templateParameters: orderParams, fileSource: 'none' });
const sendOtp = (i) => ({ to: phone(i), from, templateId: rl(S.templates.otp.id), code: `12345${i}` });
const botStart = (i) => ({ botKey: rl(S.chatbots.pesquisa.key), recipientType: 'contact', to: phone(i), from });
const contactCreate = (i) => ({ name: `Contato ${i}`, phoneNumber: `+55 11 97000-000${i + 1}` });
const contactUpdate = () => ({ contactId: rl(maria), updateFields: { annotation: 'x' } });
const sessionText = (i) => ({ sessionId: rl(inProgress), text: `Olá ${i}` });

export default [
	// ── Send API ───────────────────────────────────────────────────────────────────────────────────────────────
	...op('sendApi', 'sendText', sendText, [
		['Text with a NUL character', { text: NUL }, 'Text'],
		['Text of 100,000 characters (WhatsApp takes 4096)', { text: LONG }, 'Text', { message: /too long/ }],
		['Sender ID with a NUL character', inCollection('options', { senderId: 'pedido\u00007' }), 'Sender ID'],
		['Sender ID with a line break', inCollection('options', { senderId: 'pedido\n7' }), 'Sender ID', { message: /line break/ }],
		['Callback URL javascript:', inCollection('options', { callbackUrl: 'javascript:alert(1)' }), 'Callback URL'],
		['Callback URL over plain http', inCollection('options', { callbackUrl: 'http://example.com/cb' }), 'Callback URL', { message: /plain http/ }],
		['Callback URL to a private host', inCollection('options', { callbackUrl: 'https://10.0.0.7/cb' }), 'Callback URL'],
		['Callback URL to link-local metadata', inCollection('options', { callbackUrl: 'https://169.254.169.254/latest' }), 'Callback URL'],
		['Reply to Message ID not a UUID', inCollection('options', { replyTo: 'mensagem-1' }), 'Reply to Message ID'],
		['Session ID not a UUID', inCollection('options', { sessionId: '1234' }), 'Session ID'],
		['Agent ID not a UUID', inCollection('options', { agentId: 'ana' }), 'Agent'],
		['Delay Typing not a number', inCollection('options', { delayTyping: 'soon' }), 'Delay Typing'],
	]),
	...op('sendApi', 'sendImage', sendImage, [
		['File URL javascript:', { fileUrl: 'javascript:alert(1)' }, 'File URL'],
		['File URL over plain http', { fileUrl: 'http://example.com/a.png' }, 'File URL', { message: /plain http/ }],
		['File URL on a shared address (100.64/10)', { fileUrl: 'https://100.64.0.1/a.png' }, 'File URL', { message: /public/ }],
		['File URL on a private network', { fileUrl: 'https://192.168.0.10/a.png' }, 'File URL'],
		['Caption with a NUL character', { caption: NUL }, 'Caption'],
	]),
	...op('sendApi', 'sendDocument', sendDocument, [
		['File URL ftp:', { fileUrl: 'ftp://example.com/a.pdf' }, 'File URL'],
		['File URL link-local', { fileUrl: 'https://[fe80::1]/a.pdf' }, 'File URL'],
		['Callback URL to a unique-local IPv6 host', inCollection('options', { callbackUrl: 'https://[fd00::1]/cb' }), 'Callback URL'],
	]),
	...op('sendApi', 'sendAudio', sendAudio, [
		['File URL not a URL', { fileUrl: 'a.mp3' }, 'File URL'],
		['File URL in 172.16/12', { fileUrl: 'https://172.20.1.1/a.mp3' }, 'File URL'],
	]),
	...op('sendApi', 'sendVideo', sendVideo, [
		['File URL data:', { fileUrl: 'data:video/mp4;base64,AAAA' }, 'File URL'],
		['File URL to a .local host', { fileUrl: 'https://nas.local/a.mp4' }, 'File URL'],
	]),
	...op('sendApi', 'sendTemplate', sendTemplate, [
		['Template parameter given as an object', { templateParameters: { parameter: [{ name: 'nome', value: { first: 'Maria' } }, { name: 'pedido', value: '#7' }, { name: 'situacao', value: 'x' }] } }, 'Template Parameters'],
		['Template parameter with a NUL character', { templateParameters: { parameter: [{ name: 'nome', value: NUL }, { name: 'pedido', value: '#7' }, { name: 'situacao', value: 'x' }] } }, 'Template Parameters'],
		['Header File URL over plain http', { fileSource: 'url', fileUrl: 'http://example.com/h.png' }, 'File URL'],
		['Template ID not a UUID', { templateId: rl('atualizacao_pedido') }, 'Template'],
		['Sender ID with a line break', inCollection('options', { senderId: 'a\r\nb' }), 'Sender ID'],
	]),
	...op('sendApi', 'sendTemplateBatch', sendTemplate, [
		['Callback URL over plain http', inCollection('options', { callbackUrl: 'http://example.com/cb' }), 'Callback URL'],
		['Sender ID with a NUL character', inCollection('options', { senderId: 'x\u0000' }), 'Sender ID'],
		['Template parameter given as an object', { templateParameters: { parameter: [{ name: 'nome', value: { a: 1 } }, { name: 'pedido', value: '#7' }, { name: 'situacao', value: 'x' }] } }, 'Template Parameters'],
		['Header File URL on a private network', { fileSource: 'url', fileUrl: 'https://10.9.9.9/h.png' }, 'File URL'],
		['Template ID not a UUID', { templateId: rl('x') }, 'Template'],
	]),
	...op('sendApi', 'sendOtp', sendOtp, [
		['Sender ID with a line break', inCollection('options', { senderId: 'login\n1' }), 'Sender ID'],
		['Callback URL to a private host', inCollection('options', { callbackUrl: 'https://10.1.2.3/otp' }), 'Callback URL'],
		['Code with a NUL character', { code: '12\u000034' }, 'Code'],
	]),
	...op('sendApi', 'sendTyping', () => ({ sessionId: rl(inProgress) }), [
		['Session not a UUID', { sessionId: rl('sessao') }, 'Session'],
	]),
	// ── Chatbot ────────────────────────────────────────────────────────────────────────────────────────────────
	...op('chatbot', 'start', botStart, [
		['Callback URL over plain http', inCollection('options', { callbackUrl: 'http://example.com/cb' }), 'Callback URL'],
		['Sender ID with a NUL character', inCollection('options', { senderId: 'a\u0000b' }), 'Sender ID'],
		['Chatbot key not a UUID', { botKey: rl('pesquisa') }, 'Chatbot'],
		['Session metadata key empty', inCollection('options', { sessionMetadata: { entries: [{ key: ' ', value: 'x' }] } }), 'metadata'],
	]),
	...op('chatbot', 'startQueued', botStart, [
		['Callback URL to link-local', inCollection('options', { callbackUrl: 'https://169.254.1.1/cb' }), 'Callback URL'],
		['Sender ID with a line break', inCollection('options', { senderId: 'a\nb' }), 'Sender ID'],
	]),
	...op('chatbot', 'startBatch', botStart, [
		['Callback URL over plain http', inCollection('options', { callbackUrl: 'http://example.com/cb' }), 'Callback URL'],
		['Sender ID with a line break', inCollection('options', { senderId: 'a\nb' }), 'Sender ID'],
		['Chatbot key not a UUID', { botKey: rl('x') }, 'Chatbot'],
	]),
	...op('chatbot', 'getMany', () => ({ returnAll: true }), [
		['Automation Usage given by expression in the wrong case', { filters: { automationUsages: ['API'] } }, 'Automation Usages', { message: /API/ }],
		['Publish Status unknown', { filters: { publishStatuses: ['Live'] } }, 'Publish Statuses'],
		['Name with a NUL character', { filters: { name: NUL } }, 'Name'],
	]),
	// ── Contact ────────────────────────────────────────────────────────────────────────────────────────────────
	...op('contact', 'create', contactCreate, [
		['Email maria@', { additionalFields: { email: 'maria@' } }, 'Email'],
		['Email without a domain dot', { additionalFields: { email: 'maria@example' } }, 'Email'],
		['Email with a space', { additionalFields: { email: 'maria @example.com' } }, 'Email'],
		['Name with a NUL character', { name: NUL }, 'Name'],
		['Name with a line break', { name: 'Maria\nOliveira' }, 'Name'],
		['Name longer than 255 characters', { name: 'M'.repeat(256) }, 'Name', { message: /too long/ }],
		['Instagram longer than 255 characters', { additionalFields: { instagram: 'i'.repeat(256) } }, 'Instagram'],
		['Annotation with a NUL character', { additionalFields: { annotation: NUL } }, 'Annotation'],
		['Custom field DATE 2026-02-30', { additionalFields: { customFields: { fields: [{ key: 'data-nascimento', value: '2026-02-30' }] } } }, 'data-nascimento', { lookups: true }],
		['Custom field SINGLESELECT not an option', { additionalFields: { customFields: { fields: [{ key: 'plano', value: 'Ouro' }] } } }, 'plano', { lookups: true }],
		['Custom field MULTISELECT values not options', { additionalFields: { customFields: { fields: [{ key: 'interesses', value: 'Carros, Motos' }] } } }, 'interesses', { lookups: true }],
		['Custom field INTEGER 1.5', { additionalFields: { customFields: { fields: [{ key: 'pontos', value: '1.5' }] } } }, 'pontos', { lookups: true }],
		['Custom field BOOLEAN talvez', { additionalFields: { customFields: { fields: [{ key: 'aceita-newsletter', value: 'talvez' }] } } }, 'aceita-newsletter', { lookups: true }],
		['Custom field unknown', { additionalFields: { customFields: { fields: [{ key: 'nao-existe', value: '1' }] } } }, 'nao-existe', { lookups: true }],
		['Tag ID not a UUID', { additionalFields: { tagIds: ['vip'] } }, 'Tag'],
		['Metadata key empty', { additionalFields: { metadata: { entries: [{ key: '', value: 'x' }] } } }, 'metadata'],
	]),
	...op('contact', 'update', contactUpdate, [
		['Picture URL javascript:', { updateFields: { pictureUrl: 'javascript:alert(1)' } }, 'Picture URL'],
		['Picture URL over plain http', { updateFields: { pictureUrl: 'http://example.com/p.png' } }, 'Picture URL'],
		['Picture URL on a private network', { updateFields: { pictureUrl: 'https://192.168.0.1/p.png' } }, 'Picture URL'],
		['Email maria@', { updateFields: { email: 'maria@' } }, 'Email'],
		['Status given by expression in lower case', { updateFields: { status: 'active' } }, 'Status', { message: /active/ }],
		['Name with a NUL character', { updateFields: { name: NUL } }, 'Name'],
		['Custom field DATE 2026-02-30', { updateFields: { customFields: { fields: [{ key: 'data-nascimento', value: '2026-02-30' }] } } }, 'data-nascimento', { lookups: true }],
		['Custom field FLOAT abc', { updateFields: { customFields: { fields: [{ key: 'limite-credito', value: 'abc' }] } } }, 'limite-credito', { lookups: true }],
		['Contact not a UUID', { contactId: rl('maria') }, 'Contact'],
	]),
	...op('contact', 'updateByPhone', () => ({ contactPhone: '+55 11 99999-0001', updateFields: { annotation: 'x' } }), [
		['Picture URL javascript:', { updateFields: { pictureUrl: 'javascript:alert(1)' } }, 'Picture URL'],
		['Email ana@', { updateFields: { email: 'ana@' } }, 'Email'],
		['Phone Number letters only', { contactPhone: 'abc' }, 'Phone Number'],
		['Custom field SINGLESELECT not an option', { updateFields: { customFields: { fields: [{ key: 'plano', value: 'Gold' }] } } }, 'plano', { lookups: true }],
	]),
	...op('contact', 'upsertMany', contactCreate, [
		['Email maria@', { additionalFields: { email: 'maria@' } }, 'Email'],
		['Name with a NUL character', { name: NUL }, 'Name'],
		['Name longer than 255 characters', { name: 'N'.repeat(300) }, 'Name'],
		['Custom field DATE 2026-02-30', { additionalFields: { customFields: { fields: [{ key: 'data-nascimento', value: '2026-02-30' }] } } }, 'data-nascimento', { lookups: true }],
	]),
	...op('contact', 'getMany', () => ({ returnAll: true }), [
		['Order Direction desc', { options: { orderBy: 'createdAt', orderDirection: 'desc' } }, 'Order Direction'],
		['Status given by expression in lower case', { filters: { status: 'archived' } }, 'Status'],
		['Include Details unknown', { options: { includeDetails: ['Sessions'] } }, 'Include Details'],
	]),
	...op('contact', 'search', () => ({ returnAll: true }), [
		['Origin unknown', { filters: { origin: 'WEBSITE' } }, 'Origin'],
		['Name filter with a NUL character', { filters: { name: NUL } }, 'Name'],
	]),
	...op('contact', 'get', () => ({ contactId: rl(maria) }), [
		['Include Details in lower case', { options: { includeDetails: ['tags'] } }, 'Include Details'],
	]),
	...op('contact', 'updateTags', () => ({ contactId: rl(maria), tagIds: [S.tags.vip.id] }), [
		['Tag Operation unknown', { tagOperation: 'Add' }, 'Tag Operation'],
		['Tag ID not a UUID', { tagIds: ['vip'] }, 'Tag'],
	]),
	// ── Session ────────────────────────────────────────────────────────────────────────────────────────────────
	...op('session', 'sendText', sessionText, [
		['Text of 100,000 characters', { text: LONG }, 'Text', { message: /too long/ }],
		['Text with a NUL character', { text: NUL }, 'Text'],
		['Reply to Message ID not a UUID', { options: { replyTo: 'x' } }, 'Reply to Message ID'],
		['Text of 4097 characters', { text: 'b'.repeat(4097) }, 'Text'],
	]),
	...op('session', 'sendFile', (i) => ({ sessionId: rl(inProgress), fileSource: 'url', fileUrl: `https://example.com/f${i}.pdf` }), [
		['File URL over plain http', { fileUrl: 'http://example.com/f.pdf' }, 'File URL'],
		['File URL on a private network', { fileUrl: 'https://10.0.0.1/f.pdf' }, 'File URL'],
		['File URL javascript:', { fileUrl: 'javascript:alert(1)' }, 'File URL'],
	]),
	...op('session', 'addNote', (i) => ({ sessionId: rl(inProgress), text: `Nota ${i}` }), [
		['File URLs with a private-network URL', { options: { fileUrls: 'https://example.com/a.pdf, https://10.0.0.9/b.pdf' } }, 'File URL'],
		['Text with a NUL character', { text: NUL }, 'Text'],
	]),
	...op('session', 'getMany', () => ({ returnAll: true }), [
		['Status completed (lower case)', { filters: { status: 'completed' } }, 'Status'],
		['Order Direction desc', { options: { orderBy: 'createdAt', orderDirection: 'desc' } }, 'Order Direction'],
		['Metadata filter key with ]&=', { filters: { metadata: { entries: [{ key: 'a]&b=c', value: '1' }] } } }, 'Metadata'],
		['Metadata filter key with #', { filters: { metadata: { entries: [{ key: 'a#b', value: '1' }] } } }, 'Metadata'],
		['Metadata filter value with a NUL character', { filters: { metadata: { entries: [{ key: 'loja', value: NUL }] } } }, 'Metadata'],
		['Include Details unknown', { options: { includeDetails: ['Everything'] } }, 'Include Details'],
		['Contact filter not a UUID', { filters: { contactId: rl('maria') } }, 'Contact'],
	]),
	...op('session', 'updateStatus', () => ({ sessionId: rl(inProgress), status: 'PENDING' }), [
		['Status in lower case', { status: 'pending' }, 'Status'],
		['Status unknown', { status: 'CLOSED' }, 'Status'],
	]),
	...op('session', 'update', () => ({ sessionId: rl(inProgress), updateFields: { number: '7' } }), [
		['Classification Category unknown', { updateFields: { classificationCategory: 'GOOD' } }, 'Classification Category'],
		['Classification Description with a NUL character', { updateFields: { classificationDescription: NUL } }, 'Classification Description'],
		['Metadata key empty', { updateFields: { metadata: { entries: [{ key: ' ', value: '1' }] } } }, 'metadata'],
	]),
	...op('session', 'getMessages', () => ({ sessionId: rl(inProgress), returnAll: true }), [
		['Order Direction desc', { options: { orderBy: 'createdAt', orderDirection: 'desc' } }, 'Order Direction'],
	]),
	...op('session', 'getNotes', () => ({ sessionId: rl(inProgress), returnAll: true }), [
		['Order Direction asc', { options: { orderBy: 'createdAt', orderDirection: 'asc' } }, 'Order Direction'],
	]),
	...op('session', 'transfer', () => ({ sessionId: rl(inProgress), departmentId: rl(S.departments.vendas.id) }), [
		['Department not a UUID', { departmentId: rl('vendas') }, 'Department'],
	]),
	...op('session', 'get', () => ({ sessionId: rl(inProgress) }), [
		['Include Details in upper case', { options: { includeDetails: ['AGENTDETAILS'] } }, 'Include Details'],
	]),
	// ── Message ────────────────────────────────────────────────────────────────────────────────────────────────
	...op('message', 'send', (i) => ({ sendTo: 'phone', phoneNumber: phone(i), channelId: rl(S.channels.whatsapp.id), content: 'text', text: `Olá ${i}` }), [
		['Text of 100,000 characters', { text: LONG }, 'Text'],
		['Text with a NUL character', { text: NUL }, 'Text'],
		['File URL over plain http', { content: 'file', fileSource: 'url', fileUrl: 'http://example.com/a.pdf' }, 'File URL'],
		['File URL link-local', { content: 'file', fileSource: 'url', fileUrl: 'https://169.254.0.9/a.pdf' }, 'File URL'],
	]),
	...op('message', 'get', () => ({ messageId: Object.values(S.messages.bySession)[0][0] }), [
		['Message ID ..', { messageId: '..' }, 'Message ID'],
		['Message ID with a slash', { messageId: 'a/b' }, 'Message ID'],
	]),
	// ── Agent ──────────────────────────────────────────────────────────────────────────────────────────────────
	...op('agent', 'create', (i) => ({ name: `Pessoa ${i}`, profile: 'Agent' }), [
		['Email ana@', { additionalFields: { email: 'ana@' } }, 'Email'],
		['Profile in upper case (mixed-case enum)', { profile: 'ADMIN' }, 'Profile', { message: /ADMIN/ }],
		['Name with a NUL character', { name: NUL }, 'Name'],
		['Name longer than 100 characters', { name: 'P'.repeat(101) }, 'Name'],
		['Availability in lower case', { additionalFields: { availability: 'available' } }, 'Availability'],
	]),
	...op('agent', 'update', () => ({ agentId: rl(S.agents.ana.id), updateFields: { shortName: 'Ana' } }), [
		['Email ana@', { updateFields: { email: 'ana@' } }, 'Email'],
		['Profile unknown', { updateFields: { profile: 'Owner' } }, 'Profile'],
		['Short Name with a line break', { updateFields: { shortName: 'A\nna' } }, 'Short Name'],
	]),
	...op('agent', 'changeStatus', () => ({ agentId: rl(S.agents.bruno.id), status: 'Active' }), [
		['Status in upper case (mixed-case enum)', { status: 'ACTIVE' }, 'Status'],
	]),
	...op('agent', 'updateDepartments', () => ({ agentId: rl(S.agents.ana.id), membershipAction: 'ReplaceAll' }), [
		['Action in lower case', { membershipAction: 'replaceall' }, 'Action'],
		['Department entry not a UUID', { membershipAction: 'Upsert', members: { entries: [{ departmentId: 'vendas' }] } }, 'Department'],
	]),
	// ── Department ─────────────────────────────────────────────────────────────────────────────────────────────
	...op('department', 'get', () => ({ departmentId: rl(S.departments.vendas.id) }), [
		['Include Details agents (lower case)', { options: { includeDetails: 'agents' } }, 'Include Details'],
	]),
	...op('department', 'create', (i) => ({ name: `Equipe ${i}` }), [
		['Name longer than 100 characters', { name: 'E'.repeat(101) }, 'Name'],
		['Name with a NUL character', { name: NUL }, 'Name'],
		['Channel Scope unknown', { additionalFields: { channelScope: 'SOME' } }, 'Channel Scope'],
		['Restriction Type unknown', { additionalFields: { restrictionType: 'TEAM' } }, 'Restriction Type'],
	]),
	...op('department', 'update', () => ({ departmentId: rl(S.departments.vendas.id), updateFields: { name: 'Vendas 2' } }), [
		['Name with a line break', { updateFields: { name: 'Ven\ndas' } }, 'Name'],
		['Channel Scope in lower case', { updateFields: { channelScope: 'all' } }, 'Channel Scope'],
	]),
	...op('department', 'updateAgents', () => ({ departmentId: rl(S.departments.vendas.id), membershipAction: 'ReplaceAll' }), [
		['Action unknown', { membershipAction: 'Add' }, 'Action'],
	]),
	// ── Channel, company, custom field, template ───────────────────────────────────────────────────────────────
	...op('channel', 'getMany', () => ({ returnAll: true }), [
		['Channel Type in upper case (mixed-case enum)', { filters: { channelType: 'WHATSAPP' } }, 'Channel Type'],
		['Channel Type unknown', { filters: { channelType: 'Telegram' } }, 'Channel Type'],
	]),
	...op('customField', 'getMany', () => ({ entityType: 'CONTACT', returnAll: true }), [
		['Entity Type in lower case', { entityType: 'contact' }, 'Entity Type'],
	]),
	...op('template', 'getMany', () => ({ returnAll: true }), [
		['Type unknown', { filters: { type: 'MARKETING' } }, 'Type'],
		['Include Details in lower case', { options: { includeDetails: ['params'] } }, 'Include Details'],
		['Name filter with a NUL character', { filters: { name: NUL } }, 'Name'],
		['Channel filter not a UUID', { filters: { channelId: 'whatsapp' } }, 'Channel'],
	]),
	// ── Tag ────────────────────────────────────────────────────────────────────────────────────────────────────
	...op('tag', 'create', (i) => ({ name: `Nova ${i}` }), [
		['Name longer than 255 characters', { name: 'T'.repeat(256) }, 'Name'],
		['Name with a NUL character', { name: NUL }, 'Name'],
		['Name with a line break', { name: 'a\nb' }, 'Name'],
		['Color unknown', { color: 'PINK_9000' }, 'Color'],
	]),
	...op('tag', 'update', () => ({ tagId: rl(S.tags.vip.id), name: 'VIP' }), [
		['Name with a NUL character', { name: NUL }, 'Name'],
		['Tag not a UUID', { tagId: rl('vip') }, 'Tag'],
	]),
	// ── Webhook ────────────────────────────────────────────────────────────────────────────────────────────────
	...op('webhook', 'createSubscription', (i) => ({ name: `Hook ${i}`, url: `https://example.com/hook/${i}`, events: ['SESSION_NEW'] }), [
		['URL over plain http', { url: 'http://example.com/hook' }, 'URL', { message: /plain http/ }],
		['URL to a private host', { url: 'https://192.168.1.20/hook' }, 'URL'],
		['URL javascript:', { url: 'javascript:alert(1)' }, 'URL'],
		['URL longer than 500 characters', { url: `https://example.com/${'h'.repeat(500)}` }, 'URL', { message: /too long/ }],
		['Name longer than 100 characters', { name: 'H'.repeat(101) }, 'Name'],
		['Event unknown', { events: ['SESSION_CREATED'] }, 'Events'],
	]),
	// ── Card, panel ────────────────────────────────────────────────────────────────────────────────────────────
	...op('card', 'create', (i) => ({ panelId: rl(vendas.id), stepId: vendas.steps.novoLead.id, title: `Card ${i}` }), [
		['Title longer than 500 characters', { title: 'C'.repeat(501) }, 'Title'],
		['Title with a NUL character', { title: NUL }, 'Title'],
		['Description longer than 8000 characters', { additionalFields: { description: 'd'.repeat(8001) } }, 'Description'],
		['Custom field SINGLESELECT not an option', { customFields: { entries: [{ key: 'origem-do-lead', value: 'TV' }] } }, 'origem-do-lead', { lookups: true }],
		['Custom field INTEGER abc', { customFields: { entries: [{ key: 'quantidade', value: 'abc' }] } }, 'quantidade', { lookups: true }],
	]),
	...op('card', 'update', () => ({ cardId: rl(S.cards.camisetas.id), panelId: rl(vendas.id), updateFields: { title: 'Novo' } }), [
		['Status in lower case', { updateFields: { status: 'won' } }, 'Status'],
		['Title with a NUL character', { updateFields: { title: NUL } }, 'Title'],
		['Custom field DATE 2026-02-30', { customFields: { entries: [{ key: 'data-entrega', value: '2026-02-30' }] } }, 'data-entrega', { lookups: true }],
	]),
	...op('card', 'addNote', (i) => ({ cardId: rl(S.cards.camisetas.id), text: `Nota ${i}` }), [
		['Text longer than 8000 characters', { text: 'n'.repeat(8001) }, 'Text'],
		['File URLs with a plain http URL', { fileUrls: 'http://example.com/a.pdf' }, 'File URL'],
		['Text with a NUL character', { text: NUL }, 'Text'],
	]),
	...op('card', 'getMany', () => ({ panelId: rl(vendas.id), returnAll: true }), [
		['Status in lower case', { filters: { statuses: ['open'] } }, 'Status'],
		['Include Details unknown', { options: { includeDetails: ['Everything'] } }, 'Include Details'],
	]),
	...op('card', 'getNotes', () => ({ cardId: rl(S.cards.camisetas.id), returnAll: true }), [
		['Order Direction desc', { options: { orderBy: 'createdAt', orderDirection: 'desc' } }, 'Order Direction'],
	]),
	...op('card', 'duplicate', () => ({ cardId: rl(S.cards.camisetas.id), panelId: rl(vendas.id) }), [
		['Field to Copy unknown', { options: { fields: ['Everything'] } }, 'Field to Copy'],
	]),
	...op('panel', 'getMany', () => ({ returnAll: true }), [
		['Type in lower case', { filters: { type: 'sales' } }, 'Type'],
		['Order Direction desc', { options: { orderBy: 'createdAt', orderDirection: 'desc' } }, 'Order Direction'],
		['Title filter with a NUL character', { filters: { title: NUL } }, 'Title'],
	]),
	...op('panel', 'get', () => ({ panelId: rl(vendas.id) }), [
		['Include Details in lower case', { options: { includeDetails: ['steps'] } }, 'Include Details'],
	]),
	...op('panel', 'getLostReasons', () => ({ panelId: rl(vendas.id), returnAll: true }), [
		['Order Direction desc', { options: { orderBy: 'createdAt', orderDirection: 'desc' } }, 'Order Direction'],
	]),
	// ── Portfolio, sequence ────────────────────────────────────────────────────────────────────────────────────
	...op('portfolio', 'getMany', () => ({ returnAll: true }), [
		['Order Direction desc', { options: { orderBy: 'createdAt', orderDirection: 'desc' } }, 'Order Direction'],
		['Include Details unknown', { options: { includeDetails: ['Contacts'] } }, 'Include Details'],
	]),
	...op('portfolio', 'addContact', () => ({ portfolioId: rl(S.portfolios.inativos.id), contactId: rl(maria) }), [
		['Phone Number letters only', { contactBy: 'phoneNumber', phoneNumber: 'abc' }, 'Phone Number'],
	]),
	...op('sequence', 'getMany', () => ({ returnAll: true }), [
		['Order Direction desc', { options: { orderBy: 'createdAt', orderDirection: 'desc' } }, 'Order Direction'],
		['Include Details unknown', { options: { includeDetails: ['Stats'] } }, 'Include Details'],
		['Name filter with a NUL character', { filters: { name: NUL } }, 'Name'],
	]),
	...op('sequence', 'getContacts', () => ({ sequenceId: rl(S.sequences.boasVindas.id), returnAll: true }), [
		['Order Direction desc', { options: { orderBy: 'createdAt', orderDirection: 'desc' } }, 'Order Direction'],
	]),
	// ── Scheduled message ──────────────────────────────────────────────────────────────────────────────────────
	...op(
		'scheduledMessage',
		'create',
		(i) => ({ sendTo: 'phone', phoneNumber: `1199999000${i + 1}`, channelId: rl(S.channels.whatsapp.id), templateId: rl(S.templates.orderUpdate.id), templateParameters: orderParams, fileSource: 'none', scheduling: inHours(2 + i) }),
		[
			['Template parameter given as an object', { templateParameters: { parameter: [{ name: 'nome', value: { first: 'Maria' } }, { name: 'pedido', value: '#7' }, { name: 'situacao', value: 'x' }] } }, 'Template Parameters'],
			['Template parameter given as a list', { templateParameters: { parameter: [{ name: 'nome', value: ['Maria'] }, { name: 'pedido', value: '#7' }, { name: 'situacao', value: 'x' }] } }, 'Template Parameters'],
			['Header File URL over plain http', { fileSource: 'url', fileUrl: 'http://example.com/h.png' }, 'File URL'],
			['Type in lower case', { type: 'template' }, 'Type'],
		],
	),
	...op('scheduledMessage', 'update', () => ({ scheduledMessageId: rl(S.scheduledMessages.orderNotice.id), updateFields: { scheduling: inHours(3) } }), [
		['Template File URL on a private network', { updateFields: { templateFileUrl: 'https://172.16.0.1/h.png' } }, 'Template File URL'],
		['Type unknown', { updateFields: { type: 'TEXT' } }, 'Type'],
	]),
	...op('scheduledMessage', 'getMany', () => ({ returnAll: true }), [
		['Status in lower case', { filters: { status: 'scheduled' } }, 'Status'],
		['Include Details unknown', { options: { includeDetails: ['Everything'] } }, 'Include Details'],
	]),
];
