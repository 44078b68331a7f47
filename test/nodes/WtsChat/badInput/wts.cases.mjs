// What only WTS Chat can know: the request goes out and WTS Chat's own text comes back, with the field it is about
// and the item named (format of a case: see badInput.test.mjs).
import { rl, SEED } from '../../../harness/fixture.mjs';

const S = SEED;
const from = rl(S.channels.whatsapp.id, 'list');
// An open session on the WhatsApp channel the templates belong to.
const inProgress = S.sessions.inProgress[1];
const phone = (i) => `+55 11 98888-000${i + 1}`;
const notApproved = /O modelo de mensagem não está aprovado/;

export default [
	{
		name: 'a template that is not approved (Disapproved)',
		resource: 'sendApi',
		operation: 'sendTemplate',
		good: (i) => ({ to: phone(i), from, templateId: rl(S.templates.followUp.id), fileSource: 'none' }),
		bad: { templateId: rl(S.templates.rejected.id) },
		field: 'Template',
		message: notApproved,
		wts: true,
	},
	{
		name: 'a template still in review (InRevision)',
		resource: 'sendApi',
		operation: 'sendTemplate',
		good: (i) => ({ to: phone(i), from, templateId: rl(S.templates.followUp.id), fileSource: 'none' }),
		bad: { templateId: rl(S.templates.paymentReminder.id), templateParameters: { parameter: [{ name: '1', value: 'a' }, { name: '2', value: 'b' }, { name: '3', value: 'c' }] } },
		field: 'Template',
		message: notApproved,
		wts: true,
	},
	{
		name: 'a template that is not approved',
		resource: 'session',
		operation: 'sendTemplate',
		good: () => ({ sessionId: rl(inProgress), templateId: rl(S.templates.followUp.id), fileSource: 'none' }),
		bad: { templateId: rl(S.templates.rejected.id) },
		field: 'Template',
		message: notApproved,
		wts: true,
	},
];
