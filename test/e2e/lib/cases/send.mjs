// End-to-end cases of the Send API and Chatbot resources (workflows: scripts/workflows/send.mjs).
import { createHash } from 'node:crypto';

import { expect, it } from 'vitest';

import { SEED } from '../../../../sandbox/seed.mjs';

const paired = (items) => items.map((i) => i.pairedItem);

export default function sendCases(suite) {
	const verified = { sendApi: new Set(), chatbot: new Set() };
	const people = [
		{ to: '(11) 97000-0001', e164: '+5511970000001', name: 'Rita', order: '9001', sessionId: SEED.sessions.inProgress[0] },
		{ to: '+55 11 97000-0002', e164: '+5511970000002', name: 'Tiago', order: '9002', sessionId: SEED.sessions.inProgress[1] },
	];

	it('Send API: every send to a phone number, its status calls and the typing indicator, paired per item', async () => {
		const leg = suite.leg();
		const r = await leg.run('send-api', { items: people });
		expect(r.execution.status).toBe('success');
		const all = await leg.state.all();
		for (const node of ['Send Text', 'Send Template', 'Send Template (Batch)', 'Send Image', 'Send Audio', 'Send Video', 'Send OTP']) {
			const out = r.out(node);
			expect(out, node).toHaveLength(2);
			expect(paired(out), node).toEqual([{ item: 0 }, { item: 1 }]);
		}
		const requests = await leg.state.requests();
		const bodies = (path) => requests.filter((q) => q.method === 'POST' && q.path === path).map((q) => q.body);
		expect(bodies('/chat/v1/send/text').map((b) => [b.to, b.from, b.text])).toEqual([
			['+5511970000001', '+5511300000001', 'Olá Rita'],
			['+5511970000002', '+5511300000001', 'Olá Tiago'],
		]);
		// the channel picked by ID is looked up once per node run
		expect(requests.filter((q) => q.path === '/chat/v1/channel').length).toBeLessThanOrEqual(6);
		expect(bodies('/chat/v1/send/template/batch')).toHaveLength(1);
		expect(bodies('/chat/v1/send/template/batch')[0].messages.map((m) => m.to)).toEqual(['+5511970000001', '+5511970000002']);
		expect(bodies('/chat/v1/send/image')[0]).toMatchObject({ fileIdOrUrl: 'https://files.example.com/oferta.png', text: 'Oferta' });
		expect(bodies('/chat/v1/send/audio')[0]).not.toHaveProperty('text');

		const statuses = r.out('Get Message Status');
		expect(statuses.map((s) => s.json.id)).toEqual(r.out('Send Text').map((s) => s.json.id));
		for (const s of statuses) {
			const stored = all.messages.find((m) => m.id === s.json.id);
			expect(s.json.status).toBe(stored.status);
			expect(['SENT', 'FAILED']).toContain(s.json.status);
		}
		const template = r.out('Send Template')[0].json;
		const session = await leg.state.session(template.sessionId);
		expect(session.metadata.pedido).toBe('9001');
		expect(session._messages.some((m) => m.text === 'Oi Rita, seu pedido 9001 foi enviado.')).toBe(true);

		const otp = r.out('Send OTP').map((o) => o.json);
		expect(otp.every((o) => /^\d{5}$/.test(o.code) && o.status === 'PENDING')).toBe(true);
		expect(r.out('Get OTP Status').map((o) => [o.json.id, o.json.status])).toEqual(otp.map((o) => [o.id, 'SENT']));

		expect(r.out('Send Typing Indicator').map((o) => o.json)).toEqual(people.map((p) => ({ sent: true, sessionId: p.sessionId })));
		verified.sendApi = new Set([
			'sendText',
			'getMessageStatus',
			'sendTemplate',
			'sendTemplateBatch',
			'sendImage',
			'sendAudio',
			'sendVideo',
			'sendOtp',
			'getOtpStatus',
			'sendTyping',
			...verified.sendApi,
		]);
	});

	it('Send API → Send Document: a binary file from each of three items arrives byte-identical, each item its own', async () => {
		const leg = suite.leg();
		const files = [0, 1, 2].map((i) =>
			Buffer.concat([Buffer.from(`%PDF-1.4 fatura ${i}\n`), Buffer.from(Array.from({ length: 256 }, (_, b) => (b + i) % 256)), createHash('sha256').update(`${suite.version}/${i}`).digest()]),
		);
		const items = files.map((bytes, i) => ({ to: `55119700000${i + 1}`, fileName: `fatura-${i}.pdf`, contentBase64: bytes.toString('base64') }));
		const r = await leg.run('send-api-binary', { items });
		expect(r.execution.status).toBe('success');
		const sent = r.out('Send Document');
		expect(paired(sent)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const all = await leg.state.all();
		for (const [i, out] of sent.entries()) {
			const message = all.messages.find((m) => m.id === out.json.id);
			expect(message.text).toBe(`Fatura fatura-${i}.pdf`);
			const stored = await leg.state.file(message.fileId);
			expect(stored.equals(files[i])).toBe(true);
			expect(all.files.find((f) => f.id === message.fileId)).toMatchObject({ name: `fatura-${i}.pdf`, mimeType: 'application/pdf' });
		}
		verified.sendApi.add('sendDocument');
	});

	it('Chatbot: Get Many, Start (session metadata reaches the session), Start (Queued) → Get Run Status, Start (Batch)', async () => {
		const leg = suite.leg();
		const r = await leg.run('chatbot', { items: people });
		expect(r.execution.status).toBe('success');
		expect(r.out('Get Many Chatbots').map((b) => b.json.name).sort()).toEqual(['Pesquisa de satisfação', 'Recuperação de carrinho']);
		const started = r.out('Start');
		expect(paired(started)).toEqual([{ item: 0 }, { item: 1 }]);
		const requests = await leg.state.requests();
		const start = requests.find((q) => q.path === '/chat/v1/chatbot/send');
		expect(start.body).toMatchObject({ botKey: SEED.chatbots.pesquisa.key, to: '+5511970000001', from: '+5511300000001', sessionMetadata: { pedido: '9001' } });
		expect(start.body).not.toHaveProperty('sessionMetada');
		const session = await leg.state.session(started[0].json.id);
		expect(session).toMatchObject({ botId: SEED.chatbots.pesquisa.id });
		expect(session.metadata.pedido).toBe('9001');
		expect(r.out('Start (Queued)').map((o) => o.json.status)).toEqual(['QUEUED', 'QUEUED']);
		expect(r.out('Get Run Status').map((o) => o.json.status)).toEqual(['SENT', 'SENT']);
		const batch = requests.filter((q) => q.path === '/chat/v1/send/chatbot/batch');
		expect(batch).toHaveLength(1);
		expect(batch[0].body).toMatchObject({ from: SEED.channels.whatsapp.id, messages: [{ to: '+5511970000001' }, { to: '+5511970000002' }] });
		expect(paired(r.out('Start (Batch)'))).toEqual([{ item: 0 }, { item: 1 }]);
		verified.chatbot = new Set(['getMany', 'start', 'startQueued', 'getRunStatus', 'startBatch']);
	});

	it('example send-order-updates-by-phone: three sent in one batch request, the recipient without a phone to the error output', async () => {
		const leg = suite.leg();
		const r = await leg.runExample('send-order-updates-by-phone');
		expect(r.execution.status).toBe('success');
		const sent = r.out('Send Order Update', 0);
		expect(paired(sent)).toEqual([{ item: 0 }, { item: 1 }, { item: 3 }]);
		expect(sent.every((o) => o.json.status === 'QUEUED')).toBe(true);
		const failed = r.out('Failed (review)');
		expect(failed.map((o) => [o.json.name, o.json.reason])).toEqual([['Lucas', '"sem telefone" is not a valid To [item 2]']]);
		const batches = (await leg.state.requests()).filter((q) => q.path === '/chat/v1/send/template/batch');
		expect(batches.map((q) => q.body.messages.map((m) => m.to))).toEqual([['+5511999990001', '+5511999990003', '+5511999990005']]);
		const session = await leg.state.session(sent[0].json.sessionId);
		expect(session.contactId).toBe(SEED.contacts.maria.id);
		expect(session.metadata.pedido).toBe('4821');
		expect(session._messages.at(-1).text).toBe('Oi Maria, seu pedido 4821 foi enviado.');
	});

	it('every Send API and Chatbot operation of the node (as n8n loaded it) was run and checked above', async () => {
		for (const resource of ['sendApi', 'chatbot']) {
			const operations = await suite.operationsOf(resource);
			expect([...verified[resource]].sort(), `${resource} operations in n8n: ${operations.join(', ')}`).toEqual([...new Set(operations)].sort());
		}
	});
}
