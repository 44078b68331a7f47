// Objects the API takes whole under one mask entry are sent whole: the parts the user did not give are read from the
// current record first, so a write never resets them (the sandbox replaces such objects, the stricter reading).
import { describe, expect, it } from 'vitest';

import { rl, SEED, useSandbox } from '../../../harness/fixture.mjs';

const t = useSandbox();
type Json = Record<string, unknown>;
type Req = { method: string; path: string; body: Json };
const requests = () => t.apiRequests() as Req[];
const writes = () => requests().filter((r) => r.method !== 'GET');
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('Scheduled Message → Update: template parameters and header file are one object', () => {
	const tpl = SEED.templates.orderUpdate;
	const parameter = [
		{ name: 'nome', value: 'Maria' },
		{ name: 'pedido', value: '#7' },
		{ name: 'situacao', value: 'enviado' },
	];
	async function scheduled(): Promise<string> {
		const { output } = await t.run({
			resource: 'scheduledMessage',
			operation: 'create',
			sendTo: 'phone',
			phoneNumber: '11999990001',
			channelId: rl(SEED.channels.whatsapp.id),
			type: 'TEMPLATE',
			templateId: rl(tpl.id),
			templateParameters: { parameter },
			fileSource: 'url',
			fileUrl: 'https://example.com/nota.png',
			scheduling: inHours(2),
		});
		return output[0][0].json.id as string;
	}
	const stored = (id: string) => (t.sandbox.state.scheduledMessages.get(id) as Json)._templateParams as Json;

	it('updating only the parameters keeps the header file (merging the given parameters into the current ones)', async () => {
		const id = await scheduled();
		const fileId = stored(id).fileId;
		expect(fileId).toBeTruthy();
		await t.run({ resource: 'scheduledMessage', operation: 'update', scheduledMessageId: rl(id), updateFields: { templateParameters: '{"situacao":"entregue"}' } });
		expect(writes().at(-1)?.body).toEqual({
			templateParams: { parameters: { nome: 'Maria', pedido: '#7', situacao: 'entregue' }, fileId },
			fields: ['TemplateParams'],
		});
		expect(stored(id)).toEqual({ parameters: { nome: 'Maria', pedido: '#7', situacao: 'entregue' }, fileId });
	});

	it('updating only the header file keeps the parameters (the template has variables: WTS refuses it without them)', async () => {
		const id = await scheduled();
		await t.run({ resource: 'scheduledMessage', operation: 'update', scheduledMessageId: rl(id), updateFields: { templateFileUrl: 'https://example.com/outra.png' } });
		const body = writes().at(-1)?.body as Json;
		expect(body.templateParams).toMatchObject({ parameters: { nome: 'Maria', pedido: '#7', situacao: 'enviado' }, fileUrl: 'https://example.com/outra.png' });
		expect(stored(id).parameters).toEqual({ nome: 'Maria', pedido: '#7', situacao: 'enviado' });
	});

	it('reads nothing when both parts are given', async () => {
		const id = await scheduled();
		const before = requests().length;
		await t.run({
			resource: 'scheduledMessage',
			operation: 'update',
			scheduledMessageId: rl(id),
			updateFields: { templateParameters: '{"nome":"Ana","pedido":"#8","situacao":"novo"}', templateFileUrl: 'https://example.com/x.png' },
		});
		expect(requests().slice(before).map((r) => r.method)).toEqual(['PUT']);
	});
});

describe('Department → Update: the distribution settings are one object', () => {
	it('changing one setting keeps the other two', async () => {
		const id = SEED.departments.vendas.id;
		const department = t.sandbox.state.departments.get(id) as Json;
		department.distributionConfig = { expirationIsEnabled: true, maximumDurationInMinutes: 45, inactivityTimeInMinutes: 10 };
		await t.run({ resource: 'department', operation: 'update', departmentId: rl(id), updateFields: { inactivityTimeInMinutes: 20 } });
		expect(writes().at(-1)?.body).toEqual({
			distributionConfig: { expirationIsEnabled: true, maximumDurationInMinutes: 45, inactivityTimeInMinutes: 20 },
			fields: ['DistributionConfig'],
		});
		expect((t.sandbox.state.departments.get(id) as Json).distributionConfig).toEqual({
			expirationIsEnabled: true,
			maximumDurationInMinutes: 45,
			inactivityTimeInMinutes: 20,
		});
	});
});

describe('Contact → Update / Update by Phone: the UTM is one object', () => {
	it('setting one UTM value keeps the others', async () => {
		const maria = SEED.contacts.maria;
		const contact = t.sandbox.state.contacts.get(maria.id) as Json;
		contact.utm = { sourceId: null, source: 'instagram_ads', clid: null, medium: 'cpc', campaign: 'black-friday', content: null, headline: null, term: null, referralUrl: null };
		await t.run({ resource: 'contact', operation: 'update', contactId: rl(maria.id), updateFields: { utm: { values: { campaign: 'natal' } } } });
		expect(writes().at(-1)?.body).toEqual({ utm: { source: 'instagram_ads', medium: 'cpc', campaign: 'natal' }, fields: ['Utm'] });
		expect((t.sandbox.state.contacts.get(maria.id) as Json).utm).toMatchObject({ source: 'instagram_ads', medium: 'cpc', campaign: 'natal' });
		await t.run({ resource: 'contact', operation: 'updateByPhone', contactPhone: '+55 11 99999-0001', updateFields: { utm: { values: { term: 'camisa' } } } });
		expect((t.sandbox.state.contacts.get(maria.id) as Json).utm).toMatchObject({ source: 'instagram_ads', medium: 'cpc', campaign: 'natal', term: 'camisa' });
	});
});

describe('Session → Update: clearing is an explicit null with its mask entry', () => {
	it.each([
		['UserId', 'userId'],
		['DepartmentId', 'departmentId'],
		['EndAt', 'endAt'],
		['Number', 'number'],
		['Classification', 'classification'],
	])('Fields to Clear: %s → %s: null', async (field, key) => {
		const session = [...(t.sandbox.state.sessions as Map<string, Json>).values()].find((s) => s.status !== 'COMPLETED') as Json;
		await t.run({ resource: 'session', operation: 'update', sessionId: rl(session.id as string), clearFields: [field] });
		expect(writes().at(-1)?.body).toEqual({ [key]: null, fields: [field] });
	});
});
