// A guard for every write operation of the registry (every operation whose endpoint writes): run with its required
// parameters and the editor's defaults only, it writes only what its declaration names as the base body; then each
// optional field, set alone with a valid value taken from its property (or the table below), changes exactly one
// top-level body field and at most one entry of the `fields` mask. A new write operation is held to it by being
// listed in BASE (the first test fails until it is).
import { describe, expect, it } from 'vitest';

import { OPERATIONS } from '../../../../nodes/WtsChat/actions/registry';
import { rl, SEED, useSandbox } from '../../../harness/fixture.mjs';

const t = useSandbox();
type Json = Record<string, unknown>;
type Req = { method: string; path: string; body?: unknown };
type Prop = { name: string; type: string; default: unknown; required?: boolean; options?: Array<Json>; displayOptions?: Json; typeOptions?: Json };

const inProgress = (SEED.sessions.inProgress as string[])[0];
const maria = SEED.contacts.maria.id;
const vendas = SEED.panels.vendas;
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const subscription = async () => {
	const { output } = await t.run({ resource: 'webhook', operation: 'createSubscription', name: 'Guard', url: 'https://example.com/hook', events: ['SESSION_NEW'] });
	return output[0][0].json.id as string;
};
const inSequence = async () => {
	const params = { sequenceId: rl(SEED.sequences.boasVindas.id), contactId: rl(maria) };
	await t.run({ resource: 'sequence', operation: 'addContact', ...params });
	return params;
};
const newTag = async () => {
	const { output } = await t.run({ resource: 'tag', operation: 'create', name: `Guard ${Math.random()}` });
	return output[0][0].json.id as string;
};
const orderParams = { parameter: [{ name: 'nome', value: 'Maria' }, { name: 'pedido', value: '#7' }, { name: 'situacao', value: 'enviado' }] };

/**
 * Each write operation's required parameters (what the editor's defaults do not fill) and the top-level body fields
 * those alone write. `null` as body: the operation sends no JSON body (a path-only write).
 */
const BASE: Record<string, { params: () => Json | Promise<Json>; body: string[] | null }> = {
	'agent:changeStatus': { params: () => ({ agentId: rl(SEED.agents.bruno.id) }), body: ['status'] },
	'agent:create': { params: () => ({ name: 'Nova Pessoa' }), body: ['name', 'profile'] },
	'agent:delete': { params: () => ({ agentId: rl(SEED.agents.diego.id), transferAgentId: rl(SEED.agents.ana.id) }), body: null },
	'agent:logOut': { params: () => ({ agentId: rl(SEED.agents.ana.id) }), body: null },
	'agent:update': { params: () => ({ agentId: rl(SEED.agents.ana.id), updateFields: { shortName: 'Ana' } }), body: ['shortName', 'fields'] },
	'agent:updateDepartments': { params: () => ({ agentId: rl(SEED.agents.ana.id), membershipAction: 'ReplaceAll' }), body: ['action', 'items'] },
	'card:addNote': { params: () => ({ cardId: rl(SEED.cards.camisetas.id), text: 'Nota' }), body: ['text'] },
	'card:create': { params: () => ({ panelId: rl(vendas.id), stepId: vendas.steps.novoLead.id, title: 'Card' }), body: ['stepId', 'title'] },
	'card:deleteNote': { params: () => ({ cardId: rl(SEED.cardNotes.sample.cardId), noteId: SEED.cardNotes.sample.id }), body: null },
	'card:duplicate': { params: () => ({ cardId: rl(SEED.cards.camisetas.id), panelId: rl(vendas.id) }), body: [] },
	'card:update': { params: () => ({ cardId: rl(SEED.cards.camisetas.id), panelId: rl(vendas.id), updateFields: { title: 'Novo' } }), body: ['title', 'fields'] },
	'chatbot:start': { params: () => ({ botKey: rl(SEED.chatbots.pesquisa.key), to: '+55 11 98888-0001', from: rl(SEED.channels.whatsapp.id, 'list') }), body: ['botKey', 'to', 'from'] },
	'chatbot:startBatch': { params: () => ({ botKey: rl(SEED.chatbots.pesquisa.key), to: '+55 11 98888-0001', from: rl(SEED.channels.whatsapp.id, 'list') }), body: ['botKey', 'from', 'messages'] },
	'chatbot:startQueued': { params: () => ({ botKey: rl(SEED.chatbots.pesquisa.key), to: '+55 11 98888-0001', from: rl(SEED.channels.whatsapp.id, 'list') }), body: ['botKey', 'to', 'from'] },
	'contact:create': { params: () => ({ name: 'Novo', phoneNumber: '+55 11 97000-0001' }), body: ['name', 'phoneNumber'] },
	'contact:search': { params: () => ({}), body: ['pageNumber', 'pageSize'] },
	'contact:update': { params: () => ({ contactId: rl(maria), updateFields: { annotation: 'x' } }), body: ['annotation', 'fields'] },
	'contact:updateByPhone': { params: () => ({ contactPhone: '+55 11 99999-0001', updateFields: { annotation: 'x' } }), body: ['annotation', 'fields'] },
	'contact:updateTags': { params: () => ({ contactId: rl(maria), tagIds: [SEED.tags.posVenda.id] }), body: ['tagIds', 'operation'] },
	'contact:updateTagsByPhone': { params: () => ({ contactPhone: '+55 11 99999-0001', tagIds: [SEED.tags.posVenda.id] }), body: ['tagIds', 'operation'] },
	'contact:upsertMany': { params: () => ({ name: 'Novo', phoneNumber: '+55 11 97000-0001' }), body: ['items', 'options'] },
	'department:create': { params: () => ({ name: 'Nova equipe' }), body: ['name'] },
	'department:delete': { params: () => ({ departmentId: rl(SEED.departments.financeiro.id) }), body: null },
	'department:update': { params: () => ({ departmentId: rl(SEED.departments.vendas.id), updateFields: { name: 'Vendas 2' } }), body: ['name', 'fields'] },
	'department:updateAgents': { params: () => ({ departmentId: rl(SEED.departments.vendas.id), membershipAction: 'ReplaceAll' }), body: ['action', 'items'] },
	'message:delete': { params: () => ({ messageId: Object.values(SEED.messages.bySession as Record<string, string[]>)[0][0] }), body: null },
	'message:send': { params: () => ({ phoneNumber: '+55 11 98888-0001', channelId: rl(SEED.channels.whatsapp.id), text: 'Olá' }), body: ['to', 'from', 'body'] },
	'portfolio:addContact': { params: () => ({ portfolioId: rl(SEED.portfolios.inativos.id), contactId: rl(maria) }), body: ['contactId'] },
	'portfolio:addContacts': { params: () => ({ portfolioId: rl(SEED.portfolios.inativos.id), contactId: rl(maria) }), body: ['contactIds'] },
	'portfolio:removeContact': { params: () => ({ portfolioId: rl(SEED.portfolios.vip.id), contactId: rl(maria) }), body: ['contactId'] },
	'portfolio:removeContacts': { params: () => ({ portfolioId: rl(SEED.portfolios.vip.id), contactId: rl(maria) }), body: ['contactIds'] },
	'scheduledMessage:cancel': { params: () => ({ scheduledMessageId: rl(SEED.scheduledMessages.followUp.id) }), body: null },
	'scheduledMessage:cancelMany': { params: () => ({ scheduledMessageId: rl(SEED.scheduledMessages.followUp.id) }), body: ['0'] },
	'scheduledMessage:create': {
		params: () => ({ phoneNumber: '11999990001', channelId: rl(SEED.channels.whatsapp.id), templateId: rl(SEED.templates.orderUpdate.id), templateParameters: orderParams, scheduling: inHours(2) }),
		body: ['to', 'from', 'type', 'templateId', 'templateParams', 'scheduling'],
	},
	'scheduledMessage:update': { params: () => ({ scheduledMessageId: rl(SEED.scheduledMessages.orderNotice.id), updateFields: { scheduling: inHours(3) } }), body: ['scheduling', 'fields'] },
	'sendApi:sendAudio': { params: () => ({ to: '+55 11 98888-0001', from: rl(SEED.channels.whatsapp.id, 'list'), fileSource: 'url', fileUrl: 'https://example.com/a.mp3' }), body: ['to', 'from', 'fileIdOrUrl'] },
	'sendApi:sendDocument': { params: () => ({ to: '+55 11 98888-0001', from: rl(SEED.channels.whatsapp.id, 'list'), fileSource: 'url', fileUrl: 'https://example.com/a.pdf' }), body: ['to', 'from', 'fileIdOrUrl'] },
	'sendApi:sendImage': { params: () => ({ to: '+55 11 98888-0001', from: rl(SEED.channels.whatsapp.id, 'list'), fileSource: 'url', fileUrl: 'https://example.com/a.png' }), body: ['to', 'from', 'fileIdOrUrl'] },
	'sendApi:sendOtp': { params: () => ({ to: '+55 11 98888-0001', from: rl(SEED.channels.whatsapp.id, 'list'), templateId: rl(SEED.templates.otp.id), code: '123456' }), body: ['to', 'from', 'templateId', 'code'] },
	'sendApi:sendTemplate': { params: () => ({ to: '+55 11 98888-0001', from: rl(SEED.channels.whatsapp.id, 'list'), templateId: rl(SEED.templates.orderUpdate.id), templateParameters: orderParams }), body: ['to', 'from', 'templateId', 'parameters'] },
	'sendApi:sendTemplateBatch': { params: () => ({ to: '+55 11 98888-0001', from: rl(SEED.channels.whatsapp.id, 'list'), templateId: rl(SEED.templates.orderUpdate.id), templateParameters: orderParams }), body: ['from', 'templateId', 'messages'] },
	'sendApi:sendText': { params: () => ({ to: '+55 11 98888-0001', from: rl(SEED.channels.whatsapp.id, 'list'), text: 'Olá' }), body: ['to', 'from', 'text'] },
	'sendApi:sendTyping': { params: () => ({ sessionId: rl(inProgress) }), body: ['sessionId'] },
	'sendApi:sendVideo': { params: () => ({ to: '+55 11 98888-0001', from: rl(SEED.channels.whatsapp.id, 'list'), fileSource: 'url', fileUrl: 'https://example.com/a.mp4' }), body: ['to', 'from', 'fileIdOrUrl'] },
	'sequence:addContact': { params: () => ({ sequenceId: rl(SEED.sequences.boasVindas.id), contactId: rl(maria) }), body: ['contactId'] },
	'sequence:addContacts': { params: () => ({ sequenceId: rl(SEED.sequences.boasVindas.id), contactId: rl(maria) }), body: ['contactIds'] },
	'sequence:removeContact': { params: () => inSequence(), body: ['contactId'] },
	'sequence:removeContacts': { params: () => ({ sequenceId: rl(SEED.sequences.boasVindas.id), contactId: rl(maria) }), body: ['contactIds'] },
	'session:addNote': { params: () => ({ sessionId: rl(inProgress), text: 'Nota' }), body: ['text'] },
	'session:assign': { params: () => ({ sessionId: rl(inProgress), agentId: rl(SEED.agents.ana.userId) }), body: ['userId'] },
	'session:complete': { params: () => ({ sessionId: rl(inProgress) }), body: ['reactivateOnNewMessage', 'stopBotInExecution'] },
	'session:deleteNote': { params: () => ({ noteId: rl((SEED.notes.all as string[])[0]) }), body: null },
	'session:sendFile': { params: () => ({ sessionId: rl(inProgress), fileSource: 'url', fileUrl: 'https://example.com/a.pdf' }), body: ['fileUrl'] },
	'session:sendText': { params: () => ({ sessionId: rl(inProgress), text: 'Olá' }), body: ['text'] },
	'session:transfer': { params: () => ({ sessionId: rl(inProgress), departmentId: rl(SEED.departments.vendas.id) }), body: ['type', 'newDepartmentId'] },
	'session:update': { params: () => ({ sessionId: rl(inProgress), updateFields: { number: '7' } }), body: ['number', 'fields'] },
	'session:updateStatus': { params: () => ({ sessionId: rl(inProgress), status: 'PENDING' }), body: ['newStatus'] },
	'tag:create': { params: () => ({ name: 'Nova' }), body: ['name'] },
	'tag:delete': { params: async () => ({ tagId: rl(await newTag()) }), body: ['removeFromContacts'] },
	'tag:update': { params: () => ({ tagId: rl(SEED.tags.vip.id), name: 'VIP' }), body: ['name'] },
	'webhook:createSubscription': { params: () => ({ name: 'Hook', url: 'https://example.com/hook', events: ['SESSION_NEW'] }), body: ['name', 'url', 'events'] },
	'webhook:deleteSubscription': { params: async () => ({ subscriptionId: rl(await subscription()) }), body: null },
	'webhook:updateSubscription': { params: async () => ({ subscriptionId: rl(await subscription()), updateFields: { name: 'Outro' } }), body: ['name', 'fields'] },
};

const writes = OPERATIONS.filter((op) => /`(POST|PUT|DELETE|PATCH)\b/.test(op.endpoint));
const lastWrite = (before: number) => (t.apiRequests() as Req[]).slice(before).filter((r) => r.method !== 'GET').at(-1);

describe('write guard: the defaults write nothing but the required fields', () => {
	it('lists every write operation of the registry', () => {
		expect(Object.keys(BASE).sort()).toEqual(writes.map((op) => `${op.resource}:${op.value}`).sort());
	});

	for (const op of writes) {
		const key = `${op.resource}:${op.value}`;
		it(key, async () => {
			const base = BASE[key];
			const params = { resource: op.resource, operation: op.value, ...(await base.params()) };
			const before = t.apiRequests().length;
			await t.run(params);
			const write = lastWrite(before);
			expect(write, `${key} made no write request`).toBeDefined();
			if (base.body === null) expect(write?.body ?? null, key).toBeNull();
			else expect(Object.keys((write?.body as Json) ?? {}).sort(), key).toEqual([...base.body].sort());
		});
	}
});

/** Valid values of optional fields whose type alone does not say (texts, IDs, lists, entries). */
const SAMPLES: Record<string, unknown> = {
	annotation: 'Cliente antigo',
	botKey: SEED.chatbots.pesquisa.key,
	callbackUrl: 'https://example.com/callback',
	caption: 'Legenda',
	channelId: SEED.channels.whatsapp.id,
	channels: [SEED.channels.zapi.id],
	classificationDescription: 'Fechado',
	contactIds: [SEED.contacts.joao.id],
	contactMetadata: { entries: [{ key: 'origem', value: 'n8n' }] },
	copyToStepId: vendas.steps.qualificacao.id,
	customFields: { fields: [{ key: 'pontos', value: '3' }] },
	delayTyping: 2,
	departmentId: SEED.departments.suporte.id,
	description: 'Descrição',
	dueDate: inHours(48),
	email: 'nova@lojaexemplo.example',
	endAt: inHours(1),
	fileUrls: 'https://example.com/a.pdf',
	instagram: '@lojaexemplo',
	lostReasonId: vendas.lostReasons.preco.id,
	metadata: { entries: [{ key: 'pedido', value: '42' }] },
	name: 'Outro nome',
	number: '99',
	phoneNumber: '+55 11 97777-1234',
	pictureUrl: 'https://example.com/foto.png',
	portfolioIds: [SEED.portfolios.sul.id],
	portfolioNames: 'Clientes VIP',
	removeMetadataKeys: 'pedido',
	replyTo: (SEED.messages.bySession as Record<string, string[]>)[inProgress]?.[0],
	responsibleUserId: SEED.agents.carla.userId,
	agentId: SEED.agents.carla.userId,
	scheduling: inHours(5),
	senderId: 'pedido-42',
	sequenceIds: SEED.sequences.reengajamento.id,
	sessionId: inProgress,
	sessionMetadata: { entries: [{ key: 'pedido', value: '42' }] },
	shortName: 'Nv',
	stepId: vendas.steps.proposta.id,
	tagIds: [SEED.tags.orcamento.id],
	tagNames: 'Orçamento',
	templateFileUrl: 'https://example.com/nota.png',
	templateId: SEED.templates.orderUpdate.id,
	templateParameters: '{"situacao":"entregue"}',
	text: 'Texto',
	title: 'Outro título',
	url: 'https://example.com/other',
	utm: { values: { campaign: 'natal' } },
	events: ['SESSION_UPDATE'],
	fields: ['Contacts'],
	members: { entries: [{ agentId: SEED.agents.bruno.userId, departmentId: SEED.departments.suporte.id, isAgent: true }] },
};

/** Values that differ by operation (panel-scoped tags and custom fields, template parameters as the property takes them). */
const OP_SAMPLES: Record<string, Record<string, unknown>> = {
	card: { tagIds: [vendas.tags.quente.id], customFields: { entries: [{ key: 'quantidade', value: '50' }] } },
	sendApi: { templateParameters: { parameter: [{ name: 'nome', value: 'Ana' }, { name: 'pedido', value: '#8' }, { name: 'situacao', value: 'entregue' }] } },
};

/**
 * Optional fields that qualify another field and do nothing alone (or are refused alone, saying which field they
 * need): the tag operation of a tag list, the order direction of an order field, a caption of a file message.
 */
const QUALIFIERS: Record<string, string> = {
	'card:update options.tagOperation': 'applies to Tags under Update Fields',
	'contact:update options.tagsOperation': 'refused without tags: "Tag Operation is set but no tags are given"',
	'contact:updateByPhone options.tagsOperation': 'refused without tags: "Tag Operation is set but no tags are given"',
	'contact:search options.orderDirection': 'applies to Order By',
	'message:send options.caption': 'applies to a file message (Content: File)',
	'agent:updateDepartments membershipAction': 'applies to the entries: Add or Update and Remove need at least one ("No department given")',
	'department:updateAgents membershipAction': 'applies to the entries: Add or Update and Remove need at least one ("No agent given")',
	'card:update updateFields.lostReasonId': 'refused without Status Lost: "Lost Reason is set without Status Lost"',
	'contact:updateTags tagNames': 'tags come from the list or by name, not both: refused beside the base Tag Names or IDs',
	'contact:updateTagsByPhone tagNames': 'tags come from the list or by name, not both: refused beside the base Tag Names or IDs',
};

/** Optional fields WTS Chat refuses alone for a reason of its own (a cross-field rule the node cannot know). */
const API_REFUSES_ALONE: Record<string, string> = {
	'scheduledMessage:update updateFields.templateId': 'a new template needs its own parameters ("Parâmetros do modelo não informados")',
	'scheduledMessage:update updateFields.type': 'a chatbot message needs its chatbot ("Informe o chatbot (botKey)")',
	'sendApi:sendTemplate options.sessionId': 'the session must be of the sending channel ("O modelo de mensagem não pertence ao canal de envio")',
};
for (const op of ['sendApi:sendAudio', 'sendApi:sendDocument', 'sendApi:sendImage', 'sendApi:sendVideo', 'sendApi:sendText', 'message:send']) {
	API_REFUSES_ALONE[`${op} options.replyTo`] = 'the message replied to must be in the recipient’s conversation (the base sends to a new number)';
}

/** Optional fields that, by design, change no body field (they act on the path, retries, the output or the parsing). */
const NO_BODY_EFFECT = new Set(['maxWaitOnRateLimit', 'simplify', 'defaultCountryCode', 'waitForChannel', 'returnAll', 'limit']);

function sample(op: { resource: string }, prop: Prop): unknown {
	const own = OP_SAMPLES[op.resource];
	if (own && prop.name in own) return own[prop.name];
	if (prop.name in SAMPLES) return SAMPLES[prop.name];
	const options = (prop.options ?? []).map((o) => o.value);
	switch (prop.type) {
		case 'boolean':
			return !prop.default;
		case 'options':
			return options.find((v) => v !== prop.default) ?? options[0];
		case 'multiOptions':
			return options.length ? [options.find((v) => !(prop.default as unknown[])?.includes(v)) ?? options[0]] : undefined;
		case 'number':
			return Number(prop.default ?? 0) + 1;
		case 'dateTime':
			return inHours(3);
		default:
			return undefined;
	}
}

/** The optional fields of an operation: each option of its collections, and its optional top-level parameters. */
function optionalFields(op: (typeof OPERATIONS)[number]): Array<{ path: string; prop: Prop }> {
	const out: Array<{ path: string; prop: Prop }> = [];
	// A selector (Recipient Type, Contact By, File Source, Action…) chooses which other parameters apply: not a field.
	const selectors = new Set(
		(op.properties as unknown as Prop[]).flatMap((p) => Object.keys(((p.displayOptions as Json)?.show as Json) ?? {})),
	);
	for (const p of op.properties as unknown as Prop[]) {
		if (p.type === 'collection') for (const o of (p.options ?? []) as unknown as Prop[]) out.push({ path: `${p.name}.${o.name}`, prop: o });
		else if (!p.required && p.type !== 'resourceLocator' && p.type !== 'notice' && !p.displayOptions && !selectors.has(p.name)) out.push({ path: p.name, prop: p });
	}
	return out;
}

function withField(params: Json, path: string, value: unknown): Json {
	const [head, leaf] = path.split('.');
	if (!leaf) return { ...params, [head]: value };
	return { ...params, [head]: { ...((params[head] as Json) ?? {}), [leaf]: value } };
}

/** The mask of a write: `fields`, or the upsert's `options.upsertFields` (Upsert Many, Create with upsert). */
const maskOf = (body: Json) => {
	const mask = Array.isArray(body?.fields) ? body.fields : (body?.options as Json | undefined)?.upsertFields;
	return Array.isArray(mask) ? (mask as string[]) : [];
};
/** A body field's value for the comparison, the mask left out. */
const valueOf = (body: Json, key: string) => {
	if (key !== 'options' || !body.options || typeof body.options !== 'object') return JSON.stringify(body[key]);
	const rest = { ...(body.options as Json) };
	delete rest.upsertFields;
	return JSON.stringify(rest);
};

describe('write guard: each optional field alone changes exactly its own body field and mask entry', () => {
	for (const op of writes) {
		const key = `${op.resource}:${op.value}`;
		const fields = optionalFields(op).filter(({ prop }) => sample(op, prop) !== undefined);
		if (!fields.length) continue;
		it(key, async () => {
			const problems: string[] = [];
			for (const { path, prop } of fields) {
				t.sandbox.reset();
				const params = { resource: op.resource, operation: op.value, ...(await BASE[key].params()) };
				let before = t.apiRequests().length;
				await t.run(params);
				const baseline = (lastWrite(before)?.body ?? {}) as Json;
				t.sandbox.reset();
				const again = { resource: op.resource, operation: op.value, ...(await BASE[key].params()) };
				before = t.apiRequests().length;
				try {
					await t.run(withField(again, path, sample(op, prop)));
				} catch (error) {
					if (!QUALIFIERS[`${key} ${path}`] && !API_REFUSES_ALONE[`${key} ${path}`]) problems.push(`${path}: refused alone: ${(error as Error).message}`);
					continue;
				}
				const body = (lastWrite(before)?.body ?? {}) as Json;
				const changed = [...new Set([...Object.keys(baseline), ...Object.keys(body)])].filter(
					(k) => k !== 'fields' && valueOf(baseline, k) !== valueOf(body, k),
				);
				const masked = maskOf(body).filter((m) => !maskOf(baseline).includes(m));
				if (changed.length > 1) problems.push(`${path}: changed ${changed.join(', ')}`);
				if (masked.length > 1) problems.push(`${path}: mask gained ${masked.join(', ')}`);
				// A flag may be a mask entry alone (Session → Update: Autocomplete, ReactivateDisabled).
				const flagOnly = changed.length === 0 && masked.length === 1;
				if (changed.length === 0 && !flagOnly && !NO_BODY_EFFECT.has(prop.name) && !QUALIFIERS[`${key} ${path}`]) problems.push(`${path}: changed nothing`);
			}
			expect(problems).toEqual([]);
		});
	}
});
