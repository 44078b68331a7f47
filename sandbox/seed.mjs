// Deterministic demo data. Every id is a stable name-based UUID (v5-style, SHA-1 of a label),
// so tests and examples can reference them through SEED without starting a server.
// Dates are relative to an "anchor" (the sandbox start time by default, option seedAnchor).

import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

export const DEFAULT_TOKEN = 'pn_sandbox_token';

/** Stable RFC 4122 UUID (version 5 layout) derived from a label. */
export function seedUuid(label) {
	const h = createHash('sha1').update(`wts-sandbox/${label}`).digest();
	h[6] = (h[6] & 0x0f) | 0x50;
	h[8] = (h[8] & 0x3f) | 0x80;
	const x = h.subarray(0, 16).toString('hex');
	return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

const COMPANY = { id: seedUuid('company'), name: 'Loja Exemplo Sandbox' };

const CHANNELS = [
	{ key: 'whatsapp', type: 'CloudAPI_WhatsApp', channelType: 'CLOUDAPI_WHATSAPP', number: '5511300000001', numberFormatted: '+55 11 3000-0001', platform: 'WhatsApp', provider: 'CloudAPI', displayName: 'Loja Exemplo' },
	{ key: 'zapi', type: 'ZAPI_WhatsApp', channelType: 'ZAPI_WHATSAPP', number: '5511300000002', numberFormatted: '+55 11 3000-0002', platform: 'WhatsApp', provider: 'ZAPI', displayName: 'Loja Exemplo Vendas' },
	{ key: 'instagram', type: 'Instagram', channelType: 'INSTAGRAM', number: '@lojaexemplo', numberFormatted: '@lojaexemplo', platform: 'Instagram', provider: 'Meta', displayName: 'Loja Exemplo' },
];

const DEPARTMENTS = [
	{ key: 'suporte', name: 'Suporte', description: 'Atendimento pós-venda, trocas e dúvidas.', isDefault: true, channels: ['whatsapp', 'instagram'] },
	{ key: 'vendas', name: 'Vendas', description: 'Orçamentos, pedidos e atacado.', isDefault: false, channels: ['whatsapp', 'zapi'] },
	{ key: 'financeiro', name: 'Financeiro', description: 'Boletos, notas fiscais e cobranças.', isDefault: false, channels: ['whatsapp'] },
];

// [department, isAgent, isSupervisor]
const AGENTS = [
	{ key: 'ana', name: 'Ana Souza', shortName: 'Ana', email: 'ana.souza@lojaexemplo.example', phone: '11988880001', profile: 'Admin', isOwner: true, availability: 'AVAILABLE', departments: [['suporte', true, true], ['vendas', true, false]] },
	{ key: 'bruno', name: 'Bruno Lima', shortName: 'Bruno', email: 'bruno.lima@lojaexemplo.example', phone: '11988880002', profile: 'Agent', isOwner: false, availability: 'AVAILABLE', departments: [['suporte', true, false]] },
	{ key: 'carla', name: 'Carla Mendes', shortName: 'Carla', email: 'carla.mendes@lojaexemplo.example', phone: '11988880003', profile: 'Agent', isOwner: false, availability: 'AVAILABLE', departments: [['vendas', true, true]] },
	{ key: 'diego', name: 'Diego Rocha', shortName: 'Diego', email: 'diego.rocha@lojaexemplo.example', phone: '11988880004', profile: 'Agent', isOwner: false, availability: 'UNAVAILABLE', departments: [['financeiro', true, true]] },
];

const TAGS = [
	{ key: 'vip', name: 'VIP', color: 'YELLOW_500' },
	{ key: 'novoCliente', name: 'Novo cliente', color: 'GREEN_400' },
	{ key: 'reclamacao', name: 'Reclamação', color: 'RED_500' },
	{ key: 'orcamento', name: 'Orçamento', color: 'BLUE_400' },
	{ key: 'posVenda', name: 'Pós-venda', color: 'PURPLE_300' },
	{ key: 'inadimplente', name: 'Inadimplente', color: 'GRAY_600' },
];

const CONTACTS = [
	{ key: 'maria', name: 'Maria Oliveira', phone: '11999990001', email: 'maria.oliveira@email.example', instagram: null, tags: ['vip'], status: 'ACTIVE' },
	{ key: 'joao', name: 'João Santos', phone: '11999990002', email: null, instagram: '@joaosantos', tags: ['novoCliente'], status: 'ACTIVE' },
	{ key: 'fernanda', name: 'Fernanda Costa', phone: '11999990003', email: 'fernanda.costa@email.example', instagram: null, tags: ['orcamento'], status: 'ACTIVE' },
	{ key: 'ricardo', name: 'Ricardo Almeida', phone: '11999990004', email: null, instagram: null, tags: ['reclamacao', 'inadimplente'], status: 'ACTIVE' },
	{ key: 'juliana', name: 'Juliana Pereira', phone: '11999990005', email: 'ju.pereira@email.example', instagram: '@ju.pereira', tags: ['vip', 'posVenda'], status: 'ACTIVE' },
	{ key: 'paulo', name: 'Paulo Ribeiro', phone: '11999990006', email: null, instagram: null, tags: [], status: 'ACTIVE' },
	{ key: 'camila', name: 'Camila Fernandes', phone: '11999990007', email: 'camila.f@email.example', instagram: '@camilaf', tags: ['novoCliente'], status: 'ACTIVE' },
	{ key: 'lucas', name: 'Lucas Carvalho', phone: '11999990008', email: null, instagram: null, tags: ['orcamento'], status: 'ARCHIVED' },
];

const CHATBOTS = [
	{ key: 'triagem', name: 'Triagem inicial', type: 'Reactive', publishStatus: 'READY', automationUsage: ['Manual'], channels: ['whatsapp', 'zapi'], department: 'suporte' },
	{ key: 'pesquisa', name: 'Pesquisa de satisfação', type: 'Automation', publishStatus: 'READY', automationUsage: ['Api', 'Campaign'], channels: ['whatsapp'], department: null },
	{ key: 'carrinho', name: 'Recuperação de carrinho', type: 'Automation', publishStatus: 'NOT_PUBLISHED', automationUsage: ['Api', 'Sequence'], channels: ['whatsapp', 'instagram'], department: 'vendas' },
];

const SEQUENCES = [
	{ key: 'boasVindas', name: 'Boas-vindas novos clientes', enabled: true, contacts: ['joao', 'camila'] },
	{ key: 'reengajamento', name: 'Reengajamento 30 dias', enabled: true, contacts: ['paulo'] },
	{ key: 'cobranca', name: 'Cobrança amigável', enabled: false, contacts: [] },
];

const TEMPLATES = [
	{ key: 'welcome', name: 'boas_vindas', channel: 'whatsapp', text: 'Olá {{1}}! Seja bem-vindo(a) à Loja Exemplo. Como podemos ajudar?', params: ['1'], status: 'Approved', types: ['TEMPLATE', 'TEMPLATE_CAMPAIGN'], category: 'UTILITY' },
	{ key: 'orderUpdate', name: 'atualizacao_pedido', channel: 'whatsapp', text: 'Oi {{nome}}, seu pedido {{pedido}} foi {{situacao}}.', params: ['nome', 'pedido', 'situacao'], status: 'Approved', types: ['TEMPLATE', 'TEMPLATE_SEQUENCE'], category: 'UTILITY' },
	{ key: 'promoImage', name: 'promo_semana', channel: 'whatsapp', text: 'Confira as ofertas da semana, {{1}}!', params: ['1'], status: 'Approved', types: ['TEMPLATE', 'TEMPLATE_CAMPAIGN'], category: 'MARKETING', fileType: 'IMAGE', footerText: 'Responda SAIR para não receber ofertas' },
	{ key: 'followUp', name: 'retomar_conversa', channel: 'whatsapp', text: 'Olá! Podemos continuar o seu atendimento?', params: [], status: 'Approved', types: ['TEMPLATE', 'TEMPLATE_SCHEDULED_MESSAGE'], category: 'UTILITY' },
	{ key: 'paymentReminder', name: 'lembrete_pagamento', channel: 'whatsapp', text: 'Olá {{1}}, seu boleto de {{2}} vence em {{3}}.', params: ['1', '2', '3'], status: 'InRevision', types: ['TEMPLATE'], category: 'UTILITY' },
	{ key: 'rejected', name: 'oferta_relampago', channel: 'whatsapp', text: 'SÓ HOJE!!! 90% OFF em tudo!!!', params: [], status: 'Disapproved', types: ['TEMPLATE_CAMPAIGN'], category: 'MARKETING', rejectedDescription: 'Conteúdo promocional fora das diretrizes da Meta.' },
	{ key: 'otp', name: 'codigo_verificacao', channel: 'whatsapp', text: '{{1}} é o seu código de verificação. Não compartilhe.', params: ['1'], status: 'Approved', types: ['AUTHENTICATION'], category: 'AUTHENTICATION' },
	{ key: 'quickReply', name: 'saudacao_rapida', channel: 'zapi', text: 'Oi! Tudo bem? Em que posso ajudar?', params: [], status: 'Approved', types: ['QUICKREPLY'], category: null, quickReplyAlias: 'oi' },
	{ key: 'archived', name: 'natal_2024', channel: 'whatsapp', text: 'Feliz Natal, {{1}}! Aproveite 20% OFF.', params: ['1'], status: 'Paused', types: ['TEMPLATE_CAMPAIGN'], category: 'MARKETING', archived: true },
];

/** Scheduled messages (chat /v1/scheduled-message): [key, type, contact, channel, template|chatbot, params, hours after the anchor, status]. */
const SCHEDULED = [
	['followUp', 'TEMPLATE', 'maria', 'whatsapp', 'followUp', {}, 24, 'SCHEDULED'],
	['orderNotice', 'TEMPLATE', 'fernanda', 'whatsapp', 'orderUpdate', { nome: 'Fernanda', pedido: '#4810', situacao: 'enviado' }, 48, 'SCHEDULED'],
	['survey', 'CHATBOT', 'paulo', 'whatsapp', 'pesquisa', null, 72, 'SCHEDULED'],
	['canceled', 'TEMPLATE', 'ricardo', 'whatsapp', 'followUp', {}, 12, 'CANCELED'],
];

const PANELS = [
	{
		key: 'vendas', title: 'Funil de Vendas', description: 'Oportunidades de venda no atacado e varejo.', cardKey: 'VEN', type: 'SALES', scope: 'COMPANY', departments: [],
		steps: [['novoLead', 'Novo lead'], ['qualificacao', 'Qualificação'], ['proposta', 'Proposta enviada'], ['negociacao', 'Negociação'], ['fechado', 'Fechado']],
		tags: [['quente', 'Quente', '#FFFFFF', '#E53935'], ['frio', 'Frio', '#FFFFFF', '#1E88E5']],
		lostReasons: [['preco', 'Preço acima do orçamento'], ['concorrente', 'Escolheu um concorrente'], ['semRetorno', 'Sem retorno do cliente']],
		// [key, name, type, options?, parent?] — panel custom fields (entityType PANEL); a GROUP holds its children
		customFields: [
			['origem-do-lead', 'Origem do lead', 'SINGLESELECT', ['Site', 'Indicação', 'Instagram']],
			['canais', 'Canais de contato', 'MULTISELECT', ['WhatsApp', 'E-mail', 'Telefone']],
			['quantidade', 'Quantidade', 'INTEGER'],
			['desconto', 'Desconto (%)', 'FLOAT'],
			['primeira-compra', 'Primeira compra', 'BOOLEAN'],
			['entrega', 'Entrega', 'GROUP'],
			['data-entrega', 'Data de entrega', 'DATE', null, 'entrega'],
			['observacoes-entrega', 'Observações da entrega', 'TEXT', null, 'entrega'],
		],
	},
	{
		key: 'suporte', title: 'Suporte Técnico', description: 'Chamados de troca, devolução e cadastro.', cardKey: 'SUP', type: 'MANAGEMENT', scope: 'DEPARTMENT', departments: ['suporte'],
		steps: [['aFazer', 'A fazer'], ['emAndamento', 'Em andamento'], ['concluido', 'Concluído']],
		tags: [['urgente', 'Urgente', '#FFFFFF', '#FB8C00']],
		lostReasons: [],
		customFields: [['numero-pedido', 'Número do pedido', 'STRING']],
	},
];

const CARDS = [
	{ key: 'camisetas', panel: 'vendas', step: 'novoLead', title: 'Orçamento 50 camisetas personalizadas', contact: 'fernanda', responsible: 'carla', amount: 2750, status: 'OPEN', dueInDays: 5 },
	{ key: 'contratoAnual', panel: 'vendas', step: 'qualificacao', title: 'Renovação do contrato anual', contact: 'maria', responsible: 'ana', amount: 12000, status: 'OPEN', dueInDays: 12, tags: ['quente'] },
	{ key: 'atacadoTenis', panel: 'vendas', step: 'proposta', title: 'Pedido atacado de tênis', contact: 'lucas', responsible: 'carla', amount: 8400, status: 'OPEN', dueInDays: -2 },
	{ key: 'uniformes', panel: 'vendas', step: 'negociacao', title: 'Kit uniforme escolar', contact: 'camila', responsible: 'carla', amount: 1890.5, status: 'OPEN', dueInDays: 3, tags: ['frio'] },
	{ key: 'parceiraCampinas', panel: 'vendas', step: 'fechado', title: 'Loja parceira Campinas', contact: 'joao', responsible: 'ana', amount: 15600, status: 'WON' },
	{ key: 'revendaSorocaba', panel: 'vendas', step: 'fechado', title: 'Revenda Sorocaba', contact: 'paulo', responsible: 'carla', amount: 6300, status: 'LOST', lostReason: 'preco' },
	{ key: 'trocaDefeito', panel: 'suporte', step: 'aFazer', title: 'Troca de produto com defeito', contact: 'ricardo', responsible: 'bruno', status: 'OPEN', dueInDays: 1, tags: ['urgente'], session: 'ricardo' },
	{ key: 'segundaViaNota', panel: 'suporte', step: 'emAndamento', title: 'Segunda via de nota fiscal', contact: 'paulo', responsible: 'bruno', status: 'OPEN' },
	{ key: 'ajusteCadastro', panel: 'suporte', step: 'concluido', title: 'Ajuste de cadastro', contact: 'juliana', responsible: 'ana', status: 'OPEN' },
];

const INBOUND = [
	'Olá, boa tarde!',
	'Gostaria de saber o status do meu pedido 4821.',
	'Vocês entregam em Campinas?',
	'Meu boleto venceu, consigo uma segunda via?',
	'O produto chegou com defeito.',
	'Qual o prazo para troca?',
	'Tem esse tênis no tamanho 42?',
	'Obrigado pela ajuda!',
];
const OUTBOUND = [
	'Olá! Sou da equipe da Loja Exemplo, como posso ajudar?',
	'Um momento, vou verificar para você.',
	'Seu pedido já saiu para entrega e chega até amanhã.',
	'Enviei a segunda via do boleto para o seu e-mail.',
	'Sinto muito pelo transtorno! Vamos providenciar a troca.',
	'Entregamos sim, o frete para Campinas é grátis acima de R$ 199.',
];
const BOT_TEXT = 'Olá! Você está falando com a Loja Exemplo. Digite 1 para Vendas, 2 para Suporte ou 3 para Financeiro.';
const NOTES = [
	'Cliente pediu retorno amanhã de manhã.',
	'Conferir estoque do tamanho 42 antes de confirmar.',
	'Cliente já recebeu desconto de 10% na última compra.',
	'Aguardando comprovante de pagamento.',
];

const SESSION_COUNT = 40;
const DEPT_AGENTS = { suporte: ['ana', 'bruno'], vendas: ['ana', 'carla'], financeiro: ['diego'] };

function sessionStatus(i) {
	if (i < 6) return 'STARTED';
	if (i < 14) return 'PENDING';
	if (i < 26) return 'IN_PROGRESS';
	return 'COMPLETED';
}

/** Pure, anchor-independent plan of the 40 seeded sessions. */
function planSessions() {
	return Array.from({ length: SESSION_COUNT }, (_, i) => {
		const status = sessionStatus(i);
		const contact = CONTACTS[i % CONTACTS.length];
		let channel = 'whatsapp';
		if (contact.instagram && i % 2 === 0) channel = 'instagram';
		else if (i % 4 === 2 || i % 4 === 1) channel = 'zapi';
		const department = status === 'STARTED' ? null : DEPARTMENTS[i % 3].key;
		const pool = department ? DEPT_AGENTS[department] : [];
		const agent = status === 'IN_PROGRESS' || status === 'COMPLETED' ? pool[Math.floor(i / 3) % pool.length] : null;
		const messageCount = 2 + (i % 4);
		return {
			i,
			id: seedUuid(`session/${i}`),
			status,
			contact: contact.key,
			channel,
			department,
			agent,
			bot: status === 'STARTED' && i % 2 === 0 ? 'triagem' : null,
			messageIds: Array.from({ length: messageCount }, (_, k) => seedUuid(`session/${i}/message/${k}`)),
			noteIds: i % 5 === 2 ? [seedUuid(`session/${i}/note/0`)] : [],
		};
	});
}

const SESSIONS = planSessions();

/**
 * The one seeded message with media, to try Message → Download Media on: the first (inbound) message of session 4
 * (started, so near the top of the Session picker) is a photo the contact sent, served by the sandbox at
 * /__sandbox/files/<id>. The session keeps its number of messages; only this message's type and file change.
 */
const MEDIA = { session: 4, message: 0, fileId: seedUuid('file/media/foto-produto'), name: 'foto-produto.png', caption: 'Foto do produto com defeito' };

/** A small valid PNG (an orange square, width × width), built with zlib so the sandbox ships no binary file. */
function demoPng(width = 48) {
	const crcTable = Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	const crc32 = (buf) => {
		let c = 0xffffffff;
		for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
		return (c ^ 0xffffffff) >>> 0;
	};
	const chunk = (type, data) => {
		const head = Buffer.alloc(4);
		head.writeUInt32BE(data.length);
		const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		const tail = Buffer.alloc(4);
		tail.writeUInt32BE(crc32(body));
		return Buffer.concat([head, body, tail]);
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(width, 4);
	ihdr[8] = 8; // bit depth
	ihdr[9] = 2; // RGB
	const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([0xf2, 0x8c, 0x28]))]);
	const raw = Buffer.concat(Array.from({ length: width }, () => row));
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const byKey = (list, fn) => Object.fromEntries(list.map((x) => [x.key, fn(x)]));

/** Stable ids and names of everything seeded, for tests and examples. */
/** Portfolios (carteiras): [key, name, type, active, automaticAttribution, expiration months, departments [dep, agents], member contacts]. */
const PORTFOLIOS = [
	{ key: 'vip', name: 'Clientes VIP', type: 'SINGLE', active: true, automaticAttribution: true, months: 12, departments: [['vendas', ['ana', 'carla']]], contacts: ['maria', 'juliana'] },
	{ key: 'sul', name: 'Carteira Região Sul', type: 'MULTIPLE', active: true, automaticAttribution: false, months: 6, departments: [['vendas', ['carla']], ['suporte', []]], contacts: ['joao'] },
	{ key: 'inativos', name: 'Recuperação de inativos', type: 'MULTIPLE', active: true, automaticAttribution: false, months: 3, departments: [], contacts: [] },
];

export const SEED = Object.freeze({
	token: DEFAULT_TOKEN,
	company: { ...COMPANY },
	channels: byKey(CHANNELS, (c) => ({ id: seedUuid(`channel/${c.key}`), type: c.type, number: c.number, name: c.displayName })),
	departments: byKey(DEPARTMENTS, (d) => ({ id: seedUuid(`department/${d.key}`), name: d.name })),
	agents: byKey(AGENTS, (a) => ({ id: seedUuid(`agent/${a.key}`), userId: seedUuid(`user/${a.key}`), name: a.name, email: a.email })),
	tags: byKey(TAGS, (t) => ({ id: seedUuid(`tag/${t.key}`), name: t.name })),
	contacts: byKey(CONTACTS, (c) => ({ id: seedUuid(`contact/${c.key}`), name: c.name, phoneNumber: `+55|${c.phone}`, instagram: c.instagram, status: c.status })),
	sessions: {
		all: SESSIONS.map((s) => s.id),
		started: SESSIONS.filter((s) => s.status === 'STARTED').map((s) => s.id),
		pending: SESSIONS.filter((s) => s.status === 'PENDING').map((s) => s.id),
		inProgress: SESSIONS.filter((s) => s.status === 'IN_PROGRESS').map((s) => s.id),
		completed: SESSIONS.filter((s) => s.status === 'COMPLETED').map((s) => s.id),
		withNotes: SESSIONS.filter((s) => s.noteIds.length).map((s) => s.id),
		byChannel: Object.fromEntries(CHANNELS.map((c) => [c.key, SESSIONS.filter((s) => s.channel === c.key).map((s) => s.id)])),
	},
	messages: {
		/** message ids per seeded session id (chronological) */
		bySession: Object.fromEntries(SESSIONS.map((s) => [s.id, [...s.messageIds]])),
		/** The message with media (an image the contact sent), for Message → Download Media. */
		media: { id: SESSIONS[MEDIA.session].messageIds[MEDIA.message], sessionId: SESSIONS[MEDIA.session].id, fileId: MEDIA.fileId, fileName: MEDIA.name },
	},
	notes: {
		all: SESSIONS.flatMap((s) => s.noteIds),
		bySession: Object.fromEntries(SESSIONS.filter((s) => s.noteIds.length).map((s) => [s.id, [...s.noteIds]])),
	},
	templates: byKey(TEMPLATES, (t) => ({ id: seedUuid(`template/${t.key}`), name: t.name, channelId: seedUuid(`channel/${t.channel}`), params: [...t.params], status: t.status })),
	chatbots: byKey(CHATBOTS, (b) => ({ id: seedUuid(`chatbot/${b.key}`), key: seedUuid(`chatbot-key/${b.key}`), name: b.name })),
	sequences: byKey(SEQUENCES, (s) => ({ id: seedUuid(`sequence/${s.key}`), name: s.name })),
	scheduledMessages: Object.fromEntries(SCHEDULED.map(([key, type, , , what]) => [key, { id: seedUuid(`scheduled-message/${key}`), type, of: what }])),
	panels: byKey(PANELS, (p) => ({
		id: seedUuid(`panel/${p.key}`),
		title: p.title,
		steps: Object.fromEntries(p.steps.map(([k, title]) => [k, { id: seedUuid(`panel/${p.key}/step/${k}`), title }])),
		lostReasons: Object.fromEntries(p.lostReasons.map(([k, d]) => [k, { id: seedUuid(`panel/${p.key}/lost-reason/${k}`), description: d }])),
		tags: Object.fromEntries(p.tags.map(([k, name]) => [k, { id: seedUuid(`panel/${p.key}/tag/${k}`), name }])),
		customFields: Object.fromEntries(p.customFields.map(([key, name, type]) => [key, { id: seedUuid(`panel/${p.key}/custom-field/${key}`), name, type }])),
	})),
	cards: byKey(CARDS, (c) => ({ id: seedUuid(`card/${c.key}`), title: c.title, panelId: seedUuid(`panel/${c.panel}`) })),
	cardNotes: { sample: { id: seedUuid('card-note/contratoAnual/0'), cardId: seedUuid('card/contratoAnual') } },
	portfolios: byKey(PORTFOLIOS, (p) => ({ id: seedUuid(`portfolio/${p.key}`), name: p.name, contacts: p.contacts.map((c) => seedUuid(`contact/${c}`)) })),
});

/** Seeds a freshly cleared state (see state.mjs). */
export function seedState(state, anchor) {
	const at = (minutesBefore) => new Date(anchor - minutesBefore * 60_000).toISOString();
	const addMin = (iso, min) => new Date(Date.parse(iso) + min * 60_000).toISOString();
	const companyId = COMPANY.id;
	const created = at(60 * 24 * 90); // entities created ~90 days before the anchor

	state.company = { id: companyId, name: COMPANY.name };

	for (const c of CHANNELS) {
		state.channels.set(SEED.channels[c.key].id, {
			id: SEED.channels[c.key].id,
			createdAt: created,
			updatedAt: created,
			active: true,
			type: c.type,
			number: c.number,
			numberFormatted: c.numberFormatted,
			identity: { humanId: c.number.replace(/^@/, ''), platform: c.platform, provider: c.provider, providerVariable: null, pictureUrl: null, displayName: c.displayName },
			_key: c.key,
			_channelType: c.channelType,
		});
	}

	for (const d of DEPARTMENTS) {
		const id = SEED.departments[d.key].id;
		state.departments.set(id, {
			id,
			companyId,
			createdAt: created,
			updatedAt: created,
			directLinks: Object.fromEntries(d.channels.filter((k) => k !== 'instagram').map((k) => [SEED.channels[k].id, `https://wa.me/${CHANNELS.find((c) => c.key === k).number}?text=${encodeURIComponent(d.name)}`])),
			name: d.name,
			description: d.description,
			isDefault: d.isDefault,
			isPrivate: false,
			distribuitionEnabled: d.key !== 'financeiro',
			restrictionType: 'NONE',
			distributionConfig: { expirationIsEnabled: false, maximumDurationInMinutes: 0, inactivityTimeInMinutes: 0 },
			channelIds: d.channels.map((k) => SEED.channels[k].id),
			_key: d.key,
		});
	}

	for (const a of AGENTS) {
		const { id, userId } = SEED.agents[a.key];
		state.agents.set(id, {
			id,
			createdAt: created,
			updatedAt: created,
			companyId,
			userId,
			name: a.name,
			shortName: a.shortName,
			email: a.email,
			phoneNumber: `+55|${a.phone}`,
			phoneNumberFormatted: `(${a.phone.slice(0, 2)}) ${a.phone.slice(2, 7)}-${a.phone.slice(7)}`,
			profile: a.profile,
			isOwner: a.isOwner,
			availability: a.availability,
			departments: a.departments.map(([dep, isAgent, isSupervisor]) => ({ departmentId: SEED.departments[dep].id, isAgent, isSupervisor })),
			_key: a.key,
		});
	}

	for (const t of TAGS) {
		const id = SEED.tags[t.key].id;
		state.tags.set(id, { id, createdAt: created, updatedAt: created, name: t.name, color: t.color, _key: t.key });
	}

	CONTACTS.forEach((c, n) => {
		const id = SEED.contacts[c.key].id;
		const when = at(60 * 24 * (60 - n * 5));
		state.contacts.set(id, {
			id,
			createdAt: when,
			updatedAt: when,
			companyId,
			name: c.name,
			nameWhatsapp: c.name.split(' ')[0],
			nameInstagram: c.instagram ? c.name : null,
			nameMessenger: null,
			phoneNumber: `+55|${c.phone}`,
			phoneNumberFormatted: `(${c.phone.slice(0, 2)}) ${c.phone.slice(2, 7)}-${c.phone.slice(7)}`,
			email: c.email,
			instagram: c.instagram,
			messengerId: null,
			annotation: null,
			tagIds: c.tags.map((k) => SEED.tags[k].id),
			status: c.status,
			origin: n % 3 === 0 ? 'CREATED_BY_USER' : 'CREATED_FROM_HUB',
			importedAt: null,
			utm: null,
			customFields: {},
			portfolioIds: [],
			metadata: n % 2 === 0 ? { clienteDesde: String(2019 + n) } : {},
			pictureUrl: null,
			_key: c.key,
		});
	});

	for (const b of CHATBOTS) {
		const { id, key } = SEED.chatbots[b.key];
		state.chatbots.set(id, {
			id,
			key,
			createdAt: created,
			updatedAt: created,
			companyId,
			archived: false,
			name: b.name,
			type: b.type,
			channelIds: b.channels.map((k) => SEED.channels[k].id),
			defaultDepartmentId: b.department ? SEED.departments[b.department].id : null,
			publishStatus: b.publishStatus,
			automationUsage: [...b.automationUsage],
			_key: b.key,
		});
	}

	for (const s of SEQUENCES) {
		const id = SEED.sequences[s.key].id;
		state.sequences.set(id, { id, active: true, createdAt: created, updatedAt: created, companyId, name: s.name, enabled: s.enabled, _key: s.key });
		for (const ck of s.contacts) {
			const scId = seedUuid(`sequence/${s.key}/contact/${ck}`);
			state.sequenceContacts.set(scId, {
				id: scId,
				active: true,
				createdAt: at(60 * 24 * 7),
				updatedAt: at(60 * 24 * 7),
				companyId,
				sequenceId: id,
				contactId: SEED.contacts[ck].id,
				origin: 'API',
				addedByUserId: null,
				addedByChatbotId: null,
				lastAddedAt: at(60 * 24 * 7),
			});
		}
	}

	for (const t of TEMPLATES) {
		const id = SEED.templates[t.key].id;
		state.templates.set(id, {
			id,
			createdAt: created,
			updatedAt: created,
			active: !t.archived,
			archived: Boolean(t.archived),
			channelId: SEED.channels[t.channel].id,
			name: t.name,
			text: t.text,
			footerText: t.footerText ?? null,
			status: t.status,
			channelType: CHANNELS.find((c) => c.key === t.channel).channelType,
			type: [...t.types],
			params: t.params.map((name) => ({ name, templateId: id })),
			internalName: t.name.replace(/_/g, ' '),
			fileType: t.fileType ?? 'UNDEFINED',
			quickReplyAlias: t.quickReplyAlias ?? null,
			rejectedDescription: t.rejectedDescription ?? null,
			categoryId: t.category ? seedUuid(`template-category/${t.category}`) : null,
			categoryName: t.category,
			_key: t.key,
		});
	}

	// Sessions + messages + notes
	for (const p of SESSIONS) {
		let startMin;
		if (p.status === 'STARTED') startMin = 10 + p.i * 7;
		else if (p.status === 'PENDING') startMin = 30 + (p.i - 6) * 45;
		else if (p.status === 'IN_PROGRESS') startMin = 60 + (p.i - 14) * 90;
		else startMin = 60 * 24 * 2 + (p.i - 26) * 60 * 20;
		const startAt = at(startMin);
		const agent = p.agent ? state.agents.get(SEED.agents[p.agent].id) : null;
		let last = startAt;
		p.messageIds.forEach((mid, k) => {
			const inbound = k % 2 === 0;
			const createdAt = addMin(startAt, k * 4 + 1);
			last = createdAt;
			const byBot = !inbound && !agent;
			state.messages.set(mid, {
				id: mid,
				createdAt,
				updatedAt: createdAt,
				timestamp: createdAt,
				type: 'TEXT',
				senderId: null,
				sessionId: p.id,
				templateId: null,
				userId: inbound || byBot ? null : agent.userId,
				direction: inbound ? 'FROM_HUB' : 'TO_HUB',
				status: inbound ? 'SAVED' : p.status === 'COMPLETED' ? 'READ' : 'DELIVERED',
				origin: inbound ? 'GATEWAY' : byBot ? 'BOT' : 'DEFAULT',
				text: inbound ? INBOUND[(p.i + k) % INBOUND.length] : byBot ? BOT_TEXT : OUTBOUND[(p.i + k) % OUTBOUND.length],
				fileId: null,
				refId: null,
				readContactAt: !inbound && p.status === 'COMPLETED' ? addMin(createdAt, 1) : null,
				details: null,
				failedReason: null,
				filesIds: null,
			});
		});
		if (p.i === MEDIA.session) {
			const bytes = demoPng();
			const m = state.messages.get(p.messageIds[MEDIA.message]);
			state.files.set(MEDIA.fileId, {
				id: MEDIA.fileId,
				companyId,
				userId: null,
				name: MEDIA.name,
				extension: 'png',
				mimeType: 'image/png',
				type: 'IMAGE',
				key: `${companyId}/${MEDIA.fileId}/${MEDIA.name}`,
				size: bytes.length,
				createdAt: m.createdAt,
				_bytes: bytes,
			});
			Object.assign(m, { type: 'IMAGE', text: MEDIA.caption, fileId: MEDIA.fileId, _fileIds: [MEDIA.fileId] });
		}
		p.noteIds.forEach((nid, k) => {
			const createdAt = addMin(startAt, 2 + k);
			state.messages.set(nid, {
				id: nid,
				createdAt,
				updatedAt: createdAt,
				timestamp: createdAt,
				type: 'NOTE',
				senderId: null,
				sessionId: p.id,
				templateId: null,
				userId: (agent ?? state.agents.get(SEED.agents.ana.id)).userId,
				direction: 'TO_HUB',
				status: 'SAVED',
				origin: 'DEFAULT',
				text: NOTES[p.i % NOTES.length],
				fileId: null,
				refId: null,
				readContactAt: null,
				details: null,
				failedReason: null,
				filesIds: null,
			});
		});
		const day = startAt.slice(0, 10).replace(/-/g, '');
		const completed = p.status === 'COMPLETED';
		state.sessions.set(p.id, {
			id: p.id,
			createdAt: startAt,
			updatedAt: completed ? addMin(startAt, 95) : last,
			startAt,
			endAt: completed ? addMin(startAt, 95) : null,
			status: p.status,
			companyId,
			contactId: SEED.contacts[p.contact].id,
			channelId: SEED.channels[p.channel].id,
			departmentId: p.department ? SEED.departments[p.department].id : null,
			userId: agent ? agent.userId : null,
			title: null,
			number: `${day}${String(100 + p.i).padStart(5, '0')}`,
			utm: p.i % 7 === 0 ? { sourceId: null, source: 'instagram_ads', clid: null, medium: 'cpc', campaign: 'black-friday', content: null, headline: null, term: null, referralUrl: null } : null,
			origin: p.i % 5 === 0 ? 'CAMPAIGN' : 'CONTACT',
			classification: completed
				? p.i % 3 === 0
					? { id: seedUuid(`session/${p.i}/classification`), category: 'WON', categoryDescription: 'Venda concluída', amount: 350.5 + p.i, categoryName: 'Ganho' }
					: p.i % 3 === 1
						? { id: seedUuid(`session/${p.i}/classification`), category: 'LOST', categoryDescription: 'Cliente desistiu', amount: 0, categoryName: 'Perdido' }
						: null
				: null,
			firstResponseAt: p.messageIds.length > 1 ? addMin(startAt, 5) : null,
			botId: p.bot ? SEED.chatbots[p.bot].id : null,
			metadata: p.i % 6 === 0 ? { pedido: String(4800 + p.i), origem: 'site' } : {},
			type: 'INDIVIDUAL',
			_seedIndex: p.i,
		});
	}

	for (const [key, type, contact, channel, what, params, hours, status] of SCHEDULED) {
		const id = seedUuid(`scheduled-message/${key}`);
		state.scheduledMessages.set(id, {
			id,
			createdAt: at(60 * 24),
			updatedAt: status === 'CANCELED' ? at(60) : at(60 * 24),
			companyId,
			sessionId: null,
			userId: SEED.agents.ana.userId,
			channelId: SEED.channels[channel].id,
			contactId: SEED.contacts[contact].id,
			departmentId: null,
			status,
			type,
			templateId: type === 'TEMPLATE' ? SEED.templates[what].id : null,
			botId: type === 'CHATBOT' ? SEED.chatbots[what].id : null,
			scheduling: new Date(anchor + hours * 3_600_000).toISOString(),
			hiddenSession: false,
			failureReason: null,
			_templateParams: type === 'TEMPLATE' ? { parameters: params, fileId: null } : null,
		});
	}

	// CRM
	for (const p of PANELS) {
		const panelId = SEED.panels[p.key].id;
		state.panels.set(panelId, {
			id: panelId,
			createdAt: created,
			updatedAt: created,
			companyId,
			archived: false,
			scope: p.scope,
			departmentIds: p.departments.map((k) => SEED.departments[k].id),
			userId: null,
			title: p.title,
			description: p.description,
			thumbnailId: null,
			key: p.cardKey,
			type: p.type,
			autoLossDays: p.type === 'SALES' ? 30 : null,
			tags: p.tags.map(([k, name, nameColor, bgColor]) => ({ id: seedUuid(`panel/${p.key}/tag/${k}`), createdAt: created, updatedAt: created, companyId, panelId, name, nameColor, bgColor })),
			_key: p.key,
			_nextNumber: 1,
			_customFields: p.customFields.map(([key, name, type, options, parent], position) => ({
				id: seedUuid(`panel/${p.key}/custom-field/${key}`),
				createdAt: created,
				updatedAt: created,
				parentId: parent ? seedUuid(`panel/${p.key}/custom-field/${parent}`) : null,
				type,
				entityType: 'PANEL',
				scopeId: panelId,
				companyId,
				name,
				key,
				position,
				required: false,
				visible: true,
				isValueRange: false,
				options: options ? options.map((o) => ({ id: seedUuid(`panel/${p.key}/custom-field/${key}/${o}`), name: o })) : null,
			})),
		});
		p.steps.forEach(([k, title], idx) => {
			const id = SEED.panels[p.key].steps[k].id;
			state.steps.set(id, {
				id,
				createdAt: created,
				updatedAt: created,
				companyId,
				panelId,
				archived: false,
				position: idx + 1,
				title,
				isInitial: idx === 0,
				isFinal: idx === p.steps.length - 1,
				fields: [
					{ key: 'title', type: 'DEFAULT_FIELD', position: 0, visible: true },
					{ key: 'monetaryAmount', type: 'DEFAULT_FIELD', position: 1, visible: p.type === 'SALES' },
					{ key: 'responsibleUserId', type: 'DEFAULT_FIELD', position: 2, visible: true },
				],
				_key: k,
			});
		});
		for (const [k, description] of p.lostReasons) {
			const id = SEED.panels[p.key].lostReasons[k].id;
			state.lostReasons.set(id, { id, createdAt: created, updatedAt: created, companyId, panelId, description });
		}
	}
	CARDS.forEach((c, n) => {
		const id = SEED.cards[c.key].id;
		const panel = state.panels.get(SEED.panels[c.panel].id);
		const number = panel._nextNumber++;
		const when = at(60 * 24 * (20 - n));
		const session = c.session ? SESSIONS.find((s) => s.contact === c.session) : null;
		state.cards.set(id, {
			id,
			createdAt: when,
			updatedAt: when,
			companyId,
			panelId: panel.id,
			stepId: SEED.panels[c.panel].steps[c.step].id,
			position: n + 1,
			title: c.title,
			description: null,
			key: `${panel.key}-${number}`,
			number,
			dueDate: c.dueInDays !== undefined ? at(-c.dueInDays * 60 * 24) : null,
			tagIds: (c.tags ?? []).map((k) => seedUuid(`panel/${c.panel}/tag/${k}`)),
			sessionId: session ? session.id : null,
			monetaryAmount: c.amount ?? null,
			responsibleUserId: SEED.agents[c.responsible].userId,
			contactIds: [SEED.contacts[c.contact].id],
			customFields: {},
			metadata: {},
			status: c.status,
			lostReasonId: c.lostReason ? SEED.panels[c.panel].lostReasons[c.lostReason].id : null,
			_key: c.key,
		});
	});
	const noteCard = state.cards.get(SEED.cardNotes.sample.cardId);
	state.cardNotes.set(SEED.cardNotes.sample.id, {
		id: SEED.cardNotes.sample.id,
		createdAt: at(60 * 24 * 3),
		updatedAt: at(60 * 24 * 3),
		companyId,
		panelId: noteCard.panelId,
		cardId: noteCard.id,
		userId: SEED.agents.ana.userId,
		text: 'Cliente pediu 5% de desconto para fechar ainda este mês.',
		fileIds: [],
		isFromPublicApi: false,
	});

	PORTFOLIOS.forEach((p, n) => {
		const id = SEED.portfolios[p.key].id;
		state.portfolios.set(id, {
			id,
			createdAt: created,
			updatedAt: created,
			active: p.active,
			companyId,
			name: p.name,
			automaticAttribution: p.automaticAttribution,
			expirationDurationInMonths: p.months,
			type: p.type,
			departments: p.departments.map(([dep, agents]) => ({ departmentId: SEED.departments[dep].id, userIds: agents.map((a) => SEED.agents[a].userId) })),
			_key: p.key,
		});
		p.contacts.forEach((c, k) => {
			const contactId = SEED.contacts[c].id;
			const linkId = seedUuid(`portfolio/${p.key}/contact/${c}`);
			const when = at(60 * 24 * (30 - n * 5 - k));
			state.portfolioContacts.set(linkId, { id: linkId, createdAt: when, updatedAt: when, active: true, companyId, portfolioId: id, contactId });
			state.contacts.get(contactId).portfolioIds.push(id);
		});
	});
}
