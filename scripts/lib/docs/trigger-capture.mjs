// The payload sample of each webhook event (docs/trigger.md): a subscription of a local listener to every event in
// the sandbox, then node operations (and the sandbox's "a contact writes" call) that raise them; the first envelope
// of each event is kept.
import http from 'node:http';

import { SEED } from '../../../sandbox/seed.mjs';
import { docsSandbox, stable } from './run.mjs';

const rl = (value, mode = 'id') => ({ __rl: true, mode, value });

/** The newest record of a sandbox collection that matches. */
const latest = (env, collection, match) =>
	[...env.sandbox.state[collection].values()].filter(match).sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))[0];

/** What raises each event, in order (a label for the page, and the run). */
function steps(env) {
	const session = SEED.sessions.inProgress[0];
	const vendas = SEED.panels.vendas;
	const card = SEED.cards.camisetas.id;
	const node = (parameters) => () => env.run(parameters);
	return [
		['Session → Send Text', node({ resource: 'session', operation: 'sendText', sessionId: rl(session), text: 'Olá! Já vou verificar.' })],
		['Session → Transfer', node({ resource: 'session', operation: 'transfer', sessionId: rl(session), departmentId: rl(SEED.departments.vendas.id) })],
		['the sandbox’s “the channel reports a status” call (`POST /__sandbox/message-status`): that text delivered', () => env.sandbox.messageStatus({ messageId: latest(env, 'messages', (m) => m.sessionId === session && m.direction === 'TO_HUB' && m.type !== 'NOTE').id, status: 'DELIVERED' })],
		['Session → Complete', node({ resource: 'session', operation: 'complete', sessionId: rl(session) })],
		['Contact → Create', node({ resource: 'contact', operation: 'create', name: 'Carla Dias', phoneNumber: '+55 11 97000-0042' })],
		['the sandbox’s “a contact writes” call (`POST /__sandbox/inbound-message`) from that new contact (no session yet)', () => env.sandbox.inboundMessage({ phoneNumber: '11970000042', text: 'Oi, quero saber do meu pedido' })],
		['Contact → Update', node({ resource: 'contact', operation: 'update', contactId: rl(SEED.contacts.maria.id), updateFields: { annotation: 'Prefere contato à tarde' } })],
		['Contact → Update Tags', node({ resource: 'contact', operation: 'updateTags', contactId: rl(SEED.contacts.maria.id), tagIds: [SEED.tags.vip.id] })],
		['Card → Create', node({ resource: 'card', operation: 'create', panelId: rl(vendas.id), stepId: vendas.steps.novoLead.id, title: 'Orçamento 20 canecas' })],
		['Card → Update (Step changed)', node({ resource: 'card', operation: 'update', cardId: rl(card), panelId: rl(vendas.id), updateFields: { stepId: vendas.steps.proposta.id } })],
		['Card → Add Note', node({ resource: 'card', operation: 'addNote', cardId: rl(card), text: 'Cliente pediu desconto de 5%' })],
		['the sandbox’s “a note edited in the WTS UI” call (`POST /__sandbox/card-note-edit`) on that note', () => env.sandbox.editCardNote({ noteId: latest(env, 'cardNotes', (n) => n.cardId === card && !n._deleted).id, text: 'Cliente pediu desconto de 5% (aprovado)' })],
	];
}

/** {event → {raisedBy, payload}} for every event the sandbox raises; `events` the trigger's event values. */
export async function captureTriggerEvents(deps, events) {
	const received = [];
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
			res.end('ok');
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const env = await docsSandbox(deps);
	const samples = {};
	try {
		env.sandbox.reset();
		const answer = await fetch(`${env.sandbox.url}/core/v1/webhook/subscription`, {
			method: 'POST',
			headers: { authorization: `Bearer ${env.sandbox.token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ name: 'docs capture', url: `http://127.0.0.1:${server.address().port}/hook`, events }),
		});
		if (!answer.ok) throw new Error(`subscription refused: ${answer.status} ${await answer.text()}`);
		for (const [raisedBy, run] of steps(env)) {
			const before = received.length;
			await run();
			await env.sandbox.webhooksSettled();
			for (const payload of received.slice(before)) samples[payload.eventType] ??= { raisedBy, payload: stable(payload, env) };
		}
	} finally {
		await env.close();
		server.closeAllConnections?.();
		await new Promise((resolve) => server.close(resolve));
	}
	return samples;
}
