// Template variables (issue 20 item 3): a send whose Template Parameters leave a variable of the template without a
// value, or name one it does not have, is refused before the send request (after the template's variables are read,
// once per template per run: `lookups`). A template WTS Chat has not approved is reported with WTS's own text
// (`wts`). Format of a case: see badInput.test.mjs.
import { rl, SEED } from '../../../harness/fixture.mjs';

const S = SEED;
const from = rl(S.channels.whatsapp.id, 'list');
const phone = (i) => `+55 11 98888-000${i + 1}`;
const whatsappSession = S.sessions.inProgress.find((id) => S.sessions.byChannel.whatsapp.includes(id));
// Fixed future times (a time computed per call would differ between the baseline run and the batch run).
const later = (i) => `2099-01-2${i}T18:00:00Z`;
const vars = (entries) => ({ parameter: Object.entries(entries).map(([name, value]) => ({ name, value })) });
const FULL = { nome: 'Maria', pedido: '#7', situacao: 'enviado' };
const ORDER = rl(S.templates.orderUpdate.id);

/** [what, bad Template Parameters, message] for the order template (variables nome, pedido, situacao). */
const BAD = [
	['a variable missing', vars({ nome: 'Maria', pedido: '#7' }), /variable "situacao" without a value/],
	['two variables missing', vars({ nome: 'Maria' }), /variables "pedido", "situacao" without a value/],
	['a variable empty', vars({ ...FULL, pedido: '' }), /variable "pedido" without a value/],
	['no parameters at all', {}, /variables "nome", "pedido", "situacao" without a value/],
	['an unknown variable', vars({ ...FULL, cupom: 'X10' }), /unknown variable "cupom"/],
	['a misspelt variable', vars({ nome: 'Maria', pedido: '#7', situação: 'x' }), /variable "situacao" without a value; unknown variable "situação"/],
];

const cases = (resource, operation, good, bad = (p) => ({ templateParameters: p })) =>
	BAD.map(([what, params, message]) => ({
		name: `${resource} ${operation}: Template Parameters with ${what}`,
		resource,
		operation,
		good,
		bad: bad(params),
		field: 'Template Parameters',
		message,
		lookups: true,
	}));

export default [
	...cases('sendApi', 'sendTemplate', (i) => ({ to: phone(i), from, templateId: ORDER, templateParameters: vars(FULL), fileSource: 'none' })),
	...cases('sendApi', 'sendTemplateBatch', (i) => ({ to: phone(i), from, templateId: ORDER, templateParameters: vars(FULL), fileSource: 'none' })),
	...cases('session', 'sendTemplate', () => ({ sessionId: rl(whatsappSession), templateId: ORDER, templateParameters: vars(FULL) })),
	...cases('message', 'send', (i) => ({ sendTo: 'phone', phoneNumber: `5511977776${i}00`, channelId: rl(S.channels.whatsapp.id), content: 'template', templateId: ORDER, templateParameters: vars(FULL) })),
	...cases('scheduledMessage', 'create', (i) => ({ sendTo: 'phone', phoneNumber: `1199999000${i + 1}`, channelId: rl(S.channels.whatsapp.id), type: 'TEMPLATE', templateId: ORDER, templateParameters: vars(FULL), fileSource: 'none', scheduling: later(i) })),
	{
		name: 'sendApi sendTemplate: Template Parameters given to a template without variables',
		resource: 'sendApi',
		operation: 'sendTemplate',
		good: (i) => ({ to: phone(i), from, templateId: rl(S.templates.followUp.id), fileSource: 'none' }),
		bad: { templateParameters: vars({ '1': 'Maria' }) },
		field: 'Template Parameters',
		message: /unknown variable "1"/,
		lookups: true,
	},
	{
		name: 'sendApi sendTemplate: a template WTS Chat has not approved (its own text)',
		resource: 'sendApi',
		operation: 'sendTemplate',
		good: (i) => ({ to: phone(i), from, templateId: ORDER, templateParameters: vars(FULL), fileSource: 'none' }),
		bad: { templateId: rl(S.templates.paymentReminder.id), templateParameters: vars({ '1': 'Maria', '2': 'R$ 10', '3': 'amanhã' }) },
		field: 'Template',
		message: /O modelo de mensagem não está aprovado\./,
		wts: true,
	},
];
