// Bad date-times (issue 20 item 2), over every kind of date parameter: listing filters, Send At, End At, Due Date.
// One parser reads them all (nodes/WtsChat/helpers/dates.ts): years 0001–9999 as typed, the UTC instant within
// 0001–9999 too, real calendar days and times only. Format of a case: see badInput.test.mjs.
import { rl, SEED } from '../../../harness/fixture.mjs';

const S = SEED;
const inProgress = S.sessions.inProgress[0];
const vendas = S.panels.vendas;
// Fixed future times (a time computed per call would differ between the baseline run and the batch run).
const later = (i) => `2099-01-2${i}T18:00:00Z`;
const orderParams = { parameter: [{ name: 'nome', value: 'Maria' }, { name: 'pedido', value: '#7' }, { name: 'situacao', value: 'enviado' }] };

const BAD_DATES = [
	['year 0000', '0000-06-01T00:00:00Z'],
	['a year of 5 digits', '10000-01-01T00:00:00Z'],
	['9999-12-31 23:00 at UTC-05:00 (year 10000 in UTC)', '9999-12-31T23:00:00-05:00'],
	['0001-01-01 00:00 at UTC+01:00 (year 0 in UTC)', '0001-01-01T00:00:00+01:00'],
	['February 30', '2026-02-30T10:00:00'],
	['February 29 of 2100 (not a leap year)', '2100-02-29'],
	['hour 24', '2026-01-31T24:00:00'],
	['offset +15:00', '2026-01-31T10:00:00+15:00'],
	['a two-digit year', '26-01-31'],
	['a word', 'tomorrow'],
];

/** One case per bad date for the parameters `bad(value)` of an operation. */
const dates = (resource, operation, good, field, bad, extra = {}, list = BAD_DATES) =>
	list.map(([what, value]) => ({ name: `${resource} ${operation}: ${field} ${what}`, resource, operation, good, bad: bad(value), field, ...extra }));

export default [
	...dates('session', 'getMany', () => ({ returnAll: false, limit: 1 }), 'Created At Before', (v) => ({ filters: { createdAtBefore: v } })),
	...dates('session', 'getMany', () => ({ returnAll: false, limit: 1 }), 'Updated At After', (v) => ({ filters: { updatedAtAfter: v } }), {}, BAD_DATES.slice(0, 5)),
	...dates('message', 'getMany', () => ({ sessionId: rl(inProgress), returnAll: true }), 'Created At After', (v) => ({ filters: { createdAtAfter: v } }), {}, BAD_DATES.slice(0, 5)),
	...dates('contact', 'search', () => ({ returnAll: false, limit: 1 }), 'Updated At Before', (v) => ({ filters: { updatedAtBefore: v } }), {}, BAD_DATES.slice(0, 5)),
	...dates('scheduledMessage', 'getMany', () => ({ returnAll: true }), 'Scheduled At After', (v) => ({ filters: { scheduledAtAfter: v } }), {}, BAD_DATES.slice(0, 5)),
	...dates(
		'scheduledMessage',
		'create',
		(i) => ({ sendTo: 'phone', phoneNumber: `1199999000${i + 1}`, channelId: rl(S.channels.whatsapp.id), templateId: rl(S.templates.orderUpdate.id), templateParameters: orderParams, fileSource: 'none', scheduling: later(i) }),
		'Send At',
		(v) => ({ scheduling: v }),
		{ lookups: true },
		BAD_DATES.slice(0, 6),
	),
	...dates(
		'scheduledMessage',
		'update',
		() => ({ scheduledMessageId: rl(S.scheduledMessages.orderNotice.id), updateFields: { scheduling: later(5) } }),
		'Send At',
		(v) => ({ updateFields: { scheduling: v } }),
		{ lookups: true },
		BAD_DATES.slice(0, 5),
	),
	...dates('session', 'update', () => ({ sessionId: rl(inProgress), updateFields: { number: '7' } }), 'End At', (v) => ({ updateFields: { endAt: v } }), { lookups: true }, BAD_DATES.slice(0, 5)),
	...dates(
		'card',
		'create',
		(i) => ({ panelId: rl(vendas.id), stepId: vendas.steps.novoLead.id, title: `Card ${i}` }),
		'Due Date',
		(v) => ({ additionalFields: { dueDate: v } }),
		{},
		BAD_DATES.slice(0, 5),
	),
];
