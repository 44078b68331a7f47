// End-to-end cases of the Message, Scheduled Message, Template and Channel resources (workflows in
// scripts/workflows/message.mjs). Assertions are on n8n's records of the run and on the sandbox's state.
import { expect, it } from 'vitest';

import { SEED } from '../../../../sandbox/seed.mjs';

const paired = (items) => items.map((i) => i.pairedItem);

export default function messageCases({ leg, api, operationsOf }) {
	const verified = { message: new Set(), scheduledMessage: new Set(), template: new Set(), channel: new Set() };

	/** The bytes of a binary property as n8n stored it (filesystem mode in the suite; inline base64 otherwise). */
	const bytesOf = (binary) =>
		binary.id
			? leg().binaryOnDisk(binary.id)
			: Buffer.from(binary.data, 'base64');

	it('message: a binary file sent from three items and downloaded back byte-identical (Send, Download Media)', async () => {
		const files = [0, 1, 2].map((n) => Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, n, 0x00, 0xff, 0x80, ...Buffer.from(`fatura ${n}\n`)]));
		const phones = ['+55 11 99999-0001', '11999990002', '5511999990003'];
		const r = await leg().run('message-send-binary', {
			items: files.map((bytes, n) => ({ phone: phones[n], contentBase64: bytes.toString('base64'), fileName: `fatura-${n}.pdf`, mimeType: 'application/pdf' })),
		});
		expect(r.execution.status).toBe('success');
		const sent = r.out('Send File');
		expect(paired(sent)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const state = await leg().state.all();
		for (const [n, item] of sent.entries()) {
			const message = state.messages.find((m) => m.id === item.json.id);
			expect(message.text).toBe(`Arquivo ${n}`);
			expect((await leg().state.file(message.fileId)).equals(files[n])).toBe(true);
			const contact = state.contacts.find((c) => c.id === message._sentTo.contactId);
			expect(contact.phoneNumber).toBe(`+55|1199999000${n + 1}`);
		}
		const downloaded = r.out('Download Media');
		expect(paired(downloaded)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		for (const [n, item] of downloaded.entries()) {
			expect(item.json).toMatchObject({ messageId: sent[n].json.id, fileName: `fatura-${n}.pdf`, mimeType: 'application/pdf' });
			expect(item.binary.downloaded).toMatchObject({ fileName: `fatura-${n}.pdf`, mimeType: 'application/pdf' });
			expect(bytesOf(item.binary.downloaded).equals(files[n])).toBe(true);
		}
		verified.message.add('send').add('downloadMedia');
	});

	it('message: Send a template and a text to a contact, Get Status, Get, Get Many, Delete; Template and Channel → Get Many', async () => {
		const r = await leg().run('message-ops', { phone: '+55 11 98888-7777', order: '#77' });
		expect(r.execution.status).toBe('success');
		const [sent] = r.out('Send Template');
		expect(sent.json.status).toBe('QUEUED');
		const [status] = r.out('Get Status');
		expect(status.json).toMatchObject({ id: sent.json.id, sessionId: sent.json.sessionId });
		const [got] = r.out('Get');
		expect(got.json).toMatchObject({ id: sent.json.id, text: 'Oi Maria, seu pedido #77 foi enviado.' });
		expect(got.json.details).toBeUndefined();
		const listed = r.out('Get Many');
		expect(listed.map((i) => i.json.id)).toContain(sent.json.id);
		const [deleted] = r.out('Delete');
		expect(deleted.json).toEqual({ deleted: true, id: sent.json.id });
		expect((await leg().state.all()).messages.find((m) => m.id === sent.json.id)._deleted).toBe(true);

		const [toContact] = r.out('Send Text to Contact');
		const session = await leg().state.session(toContact.json.sessionId);
		expect(session.contactId).toBe(SEED.contacts.maria.id);
		expect(session._messages.map((m) => m.id)).toContain(toContact.json.id);

		const templates = r.out('Templates of the Channel');
		const truth = await api(`/chat/v1/template?ChannelId=${SEED.channels.whatsapp.id}&ApprovedOnly=true&PageSize=100`);
		expect(templates.map((i) => i.json.id).sort()).toEqual(truth.items.map((t) => t.id).sort());
		expect(templates.find((i) => i.json.id === SEED.templates.orderUpdate.id).json.params.map((p) => p.name)).toEqual(['nome', 'pedido', 'situacao']);
		const channels = r.out('Channels');
		expect(channels.map((i) => i.json.id).sort()).toEqual(Object.values(SEED.channels).map((c) => c.id).sort());
		verified.message.add('getStatus').add('get').add('getMany').add('delete');
		verified.template.add('getMany');
		verified.channel.add('getMany');
	});

	it('scheduled message: Get Many, Create, Get, Update, Cancel, and Cancel Many of three items in one request', async () => {
		const at = new Date(Date.now() + 86_400_000).toISOString();
		const later = new Date(Date.now() + 2 * 86_400_000).toISOString();
		const before = (await leg().sandbox.requests).length;
		const r = await leg().run('scheduled-message-ops', { phone: '11999990004', at, later, items: [{ phone: '11999990005' }, { phone: '11999990006' }, { phone: '11999990007' }] });
		expect(r.execution.status).toBe('success');
		const listed = r.out('Get Many');
		expect(listed.length).toBe(3);
		expect(listed.every((i) => i.json.status === 'SCHEDULED' && i.json.contact?.name)).toBe(true);
		const [created] = r.out('Create');
		const [got] = r.out('Get');
		expect(got.json).toMatchObject({ id: created.json.id, status: 'SCHEDULED', template: { name: SEED.templates.followUp.name } });
		const [updated] = r.out('Update');
		expect(updated.json).toMatchObject({ id: created.json.id, hiddenSession: true, scheduling: later });
		const [canceled] = r.out('Cancel');
		expect(canceled.json).toEqual({ canceled: true, id: created.json.id });
		const state = await leg().state.all();
		expect(state.scheduledMessages.find((m) => m.id === created.json.id)).toMatchObject({ status: 'CANCELED', hiddenSession: true });

		const perItem = r.out('Create per Item');
		const many = r.out('Cancel Many');
		expect(paired(many)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(many.map((i) => i.json.id)).toEqual(perItem.map((i) => i.json.id));
		expect(many.every((i) => i.json.status === 'CANCELED')).toBe(true);
		const batches = leg().sandbox.requests.slice(before).filter((q) => q.path === '/chat/v1/scheduled-message/batch-cancel');
		expect(batches).toHaveLength(1);
		expect(batches[0].body).toEqual(perItem.map((i) => i.json.id));
		verified.scheduledMessage.add('getMany').add('create').add('get').add('update').add('cancel').add('cancelMany');
	});

	it('example: send a template to a list of phone numbers and check its status', async () => {
		const r = await leg().runExample('send-template-to-phone-numbers');
		expect(r.execution.status).toBe('success');
		const statuses = r.out('Get Status');
		expect(statuses).toHaveLength(2);
		const state = await leg().state.all();
		const contacts = statuses.map((s) => state.messages.find((m) => m.id === s.json.id)._sentTo.contactId);
		expect(contacts).toEqual([SEED.contacts.maria.id, SEED.contacts.fernanda.id]);
	});

	it('every Message, Scheduled Message, Template and Channel operation of the node (as n8n loaded it) was run and checked above', async () => {
		const resources = Object.keys(verified);
		const loaded = await Promise.all(resources.map((resource) => operationsOf(resource)));
		for (const [k, resource] of resources.entries()) {
			const operations = loaded[k];
			expect([...verified[resource]].sort(), `${resource} operations in n8n: ${operations.join(', ')}`).toEqual([...new Set(operations)].sort());
		}
	});
}
