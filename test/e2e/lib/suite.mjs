// The end-to-end suite, defined once and run per n8n version (see ../n8n-*.test.mjs). Every assertion is on what
// the real n8n engine recorded (node output items, pairedItem, execution status and error) or on the sandbox's
// state after the run (what the WTS Chat API would hold), never on our own logs.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';

import { SEED } from '../../../sandbox/seed.mjs';
import { NODE_TYPE } from '../../../scripts/n8n.mjs';
import { resourceCases } from './cases/index.mjs';
import { startLeg } from './leg.mjs';
import { notRun } from './not-run.mjs';
import { EXPECTED_ADAPTATIONS, adaptationKinds, binarySizeFields, lineOf } from './n8n-lines.mjs';

/** The operation registry of the built package (nodes/WtsChat/actions/registry.ts): what every leg expects n8n to load. */
const REGISTRY = createRequire(import.meta.url)(path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../dist/nodes/WtsChat/actions/registry.js'));

const S = SEED.sessions.all;
const DEP = SEED.departments;
const AG = SEED.agents;
const TPL = SEED.templates;
const UNKNOWN_SESSION = '0a0a0a0a-0000-4000-8000-000000000000';
const HOUR = 3_600_000;
const MANUAL_TRIGGER = 'When clicking ‘Execute workflow’';

const ids = (items) => items.map((i) => i.json.id);
const paired = (items) => items.map((i) => i.pairedItem);

export function defineN8nSuite(version) {
	const ctx = inject('wtsE2e');
	const runtime = ctx.runtimes[version];

	if (!runtime) {
		notRun(`the end-to-end leg of n8n ${version}`, ctx.installErrors[version] ?? 'not installed');
		return;
	}

	const line = lineOf(version);
	describe(`n8n ${version} (${line}.x line, node ${runtime.nodeVersion}) with n8n-nodes-wts-chat`, () => {
		/** @type {Awaited<ReturnType<typeof startLeg>>} */
		let leg;
		let suiteStarted = Date.now();
		const verified = new Set();

		beforeAll(async () => {
			leg = await startLeg({ version, runtime, tgz: ctx.tgz, timingsFile: ctx.timingsFile });
			suiteStarted = Date.now();
		});
		afterAll(async () => {
			if (!leg) return;
			leg.timing('tests (all cases of this version)', Date.now() - suiteStarted);
			await leg.stop();
		});
		beforeEach(async () => {
			await leg.state.reset();
		});
		afterEach(async () => {
			// every request the node sent in that test matched the WTS API contract
			expect(await leg.state.violations()).toEqual([]);
		});

		/** A direct call to the sandbox's API (the ground truth the node's output is compared with). */
		const api = async (apiPath) => {
			const r = await fetch(`${leg.sandbox.url}${apiPath}`, { headers: { authorization: `Bearer ${leg.sandbox.token}` } });
			return await r.json();
		};

		it('loads the packed package as a community node: type n8n-nodes-wts-chat.wtsChat and credential wtsChatApi', async () => {
			const nodes = (await leg.rest.request('GET', '/types/nodes.json')).body;
			const ours = nodes.filter((n) => n.name === NODE_TYPE);
			expect(ours).toHaveLength(1);
			expect(nodes.some((n) => n.name === 'CUSTOM.wtsChat')).toBe(false);
			const creds = (await leg.rest.request('GET', '/types/credentials.json')).body;
			expect(creds.some((c) => c.name === 'wtsChatApi')).toBe(true);
			// the nodes panel finds it as Helena or FLW too (codex aliases, as n8n loaded them)
			expect(ours[0].codex?.alias).toEqual(expect.arrayContaining(['Helena', 'FLW', 'FLW Chat', 'WTS']));
		});

		const expectedAdaptations = EXPECTED_ADAPTATIONS[line];
		it(`the workflows as imported into n8n ${line}.x: ${expectedAdaptations.length ? `node versions it lacks taken one lower (${expectedAdaptations.join('; ')})` : 'every node version as written'}`, () => {
			expect(adaptationKinds(leg.adaptations)).toEqual(expectedAdaptations);
		});

		it('Get Many: Return All with a status filter, a Limit, and a Last Interaction At Before filter', async () => {
			const idleBefore = new Date(Date.now() - 12 * HOUR).toISOString();
			const r = await leg.run('get-many', { idleBefore });
			expect(r.execution.status).toBe('success');

			const pending = (await api('/chat/v2/session?Status=PENDING&PageSize=100')).items;
			expect(pending.length).toBeGreaterThan(1);
			const all = r.out('Get Many Pending');
			expect(ids(all).sort()).toEqual(pending.map((s) => s.id).sort());
			expect(all.every((i) => i.json.status === 'PENDING')).toBe(true);
			expect(paired(all).every((p) => p.item === 0)).toBe(true);

			const three = r.out('Get Many Limit 3');
			expect(three).toHaveLength(3);
			const created = three.map((i) => i.json.createdAt);
			expect([...created].sort()).toEqual(created);

			const inProgress = (await api('/chat/v2/session?Status=IN_PROGRESS&PageSize=100')).items;
			const expectedIdle = inProgress.filter((s) => s.lastInteractionDate < idleBefore).map((s) => s.id);
			expect(expectedIdle.length).toBeGreaterThan(0);
			expect(expectedIdle.length).toBeLessThan(inProgress.length);
			const idle = r.out('Get Many Idle');
			expect(ids(idle).sort()).toEqual(expectedIdle.sort());
			expect(idle.every((i) => i.json.contactDetails?.name)).toBe(true);
			verified.add('getMany');
		});

		it('Get: several input items → one output item each, pairedItem to its input, Session ID from an expression', async () => {
			const sessions = [S[0], S[14], S[30]];
			const r = await leg.run('get', { items: sessions.map((sessionId) => ({ sessionId })) });
			expect(r.execution.status).toBe('success');
			const input = r.out('Items');
			expect(input.map((i) => i.json.sessionId)).toEqual(sessions);
			const out = r.out('Get Session');
			expect(ids(out)).toEqual(sessions);
			expect(paired(out)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(out.every((i) => typeof i.json.contactDetails?.name === 'string')).toBe(true);
			expect(out[1].json.departmentDetails?.id).toBe(out[1].json.departmentId);
			// Simplify is on by default: the kept fields plus the details asked for
			expect(Object.keys(out[0].json).sort()).toEqual(
				['id', 'number', 'status', 'title', 'contactId', 'channelId', 'departmentId', 'userId', 'lastInteractionDate', 'lastMessageText', 'contactDetails', 'departmentDetails'].sort(),
			);
			verified.add('get');
		});

		it('Transfer: to a department, and to a department + agent', async () => {
			const r = await leg.run('transfer', {
				items: [
					{ sessionId: S[6], departmentId: DEP.vendas.id, agentId: '' },
					{ sessionId: S[7], departmentId: DEP.suporte.id, agentId: AG.bruno.userId },
				],
			});
			expect(r.execution.status).toBe('success');
			const out = r.out('Transfer Session');
			expect(ids(out)).toEqual([S[6], S[7]]);
			expect(paired(out)).toEqual([{ item: 0 }, { item: 1 }]);
			const a = await leg.state.session(S[6]);
			expect(a).toMatchObject({ departmentId: DEP.vendas.id, userId: null, status: 'PENDING' });
			const b = await leg.state.session(S[7]);
			expect(b).toMatchObject({ departmentId: DEP.suporte.id, userId: AG.bruno.userId, status: 'IN_PROGRESS' });
			const bodies = (await leg.state.requests()).filter((q) => q.method === 'PUT' && q.path.endsWith('/transfer')).map((q) => q.body);
			expect(bodies).toEqual([
				{ type: 'DEPARTMENT', newDepartmentId: DEP.vendas.id, options: { stopBotInExecution: true } },
				{ type: 'USER', newDepartmentId: DEP.suporte.id, newUserId: AG.bruno.userId, options: { stopBotInExecution: true } },
			]);
			verified.add('transfer');
		});

		it('Assign: makes the agent responsible for each session', async () => {
			const r = await leg.run('assign', {
				items: [
					{ sessionId: S[8], agentId: AG.ana.userId },
					{ sessionId: S[9], agentId: AG.bruno.userId },
				],
			});
			expect(r.execution.status).toBe('success');
			expect(paired(r.out('Assign Session'))).toEqual([{ item: 0 }, { item: 1 }]);
			expect(await leg.state.session(S[8])).toMatchObject({ userId: AG.ana.userId, status: 'IN_PROGRESS' });
			expect(await leg.state.session(S[9])).toMatchObject({ userId: AG.bruno.userId, status: 'IN_PROGRESS' });
			verified.add('assign');
		});

		it('Update Status: the status given per item (expression)', async () => {
			const r = await leg.run('update-status', {
				items: [
					{ sessionId: S[10], status: 'IN_PROGRESS' },
					{ sessionId: S[16], status: 'PENDING' },
				],
			});
			expect(r.execution.status).toBe('success');
			const out = r.out('Update Status');
			expect(out.map((i) => i.json.status)).toEqual(['IN_PROGRESS', 'PENDING']);
			expect((await leg.state.session(S[10])).status).toBe('IN_PROGRESS');
			expect((await leg.state.session(S[16])).status).toBe('PENDING');
			verified.add('updateStatus');
		});

		it('Update: number, metadata (set and remove a key) and classification', async () => {
			const r = await leg.run('update', { items: [{ sessionId: S[17], number: 'PED-2026-0001', pedido: '4821' }] });
			expect(r.execution.status).toBe('success');
			expect(paired(r.out('Update Session'))).toEqual([{ item: 0 }]);
			const s = await leg.state.session(S[17]);
			expect(s.number).toBe('PED-2026-0001');
			expect(s.metadata.pedido).toBe('4821');
			expect(s.metadata).not.toHaveProperty('origem');
			expect(s.classification).toMatchObject({ category: 'WON', categoryDescription: 'Venda fechada pelo n8n', amount: 199.9 });
			verified.add('update');
		});

		it('Complete with Reactivate On New Message ON: the sandbox records the flag', async () => {
			const r = await leg.run('complete-reactivate-on', { items: [{ sessionId: S[18] }, { sessionId: S[19] }] });
			expect(r.execution.status).toBe('success');
			expect(paired(r.out('Complete Session'))).toEqual([{ item: 0 }, { item: 1 }]);
			for (const id of [S[18], S[19]]) {
				const s = await leg.state.session(id);
				expect(s.status).toBe('COMPLETED');
				expect(s._complete).toMatchObject({ reactivateOnNewMessage: true, stopBotInExecution: false, bodySent: true });
			}
			verified.add('complete');
		});

		it('Complete with Reactivate On New Message OFF: the sandbox records the flag', async () => {
			const r = await leg.run('complete-reactivate-off', { items: [{ sessionId: S[20] }] });
			expect(r.execution.status).toBe('success');
			const s = await leg.state.session(S[20]);
			expect(s.status).toBe('COMPLETED');
			expect(s._complete).toMatchObject({ reactivateOnNewMessage: false, bodySent: true });
			const body = (await leg.state.requests()).find((q) => q.path.endsWith('/complete')).body;
			expect(body).toEqual({ reactivateOnNewMessage: false, stopBotInExecution: false });
			verified.add('complete');
		});

		it('Send Text: queued per item with an expression text, then synchronously (Wait for Channel) via $("Items").item', async () => {
			const r = await leg.run('send-text', {
				items: [
					{ sessionId: S[21], name: 'Juliana', order: '4821' },
					{ sessionId: S[22], name: 'Paulo', order: '4822' },
				],
			});
			expect(r.execution.status).toBe('success');
			const queued = r.out('Send Text');
			expect(queued.map((i) => [i.json.sessionId, i.json.status])).toEqual([
				[S[21], 'QUEUED'],
				[S[22], 'QUEUED'],
			]);
			expect(paired(queued)).toEqual([{ item: 0 }, { item: 1 }]);
			const synced = r.out('Send Text and Wait');
			expect(synced.map((i) => [i.json.sessionId, i.json.status])).toEqual([
				[S[21], 'SENT'],
				[S[22], 'SENT'],
			]);
			expect(paired(synced)).toEqual([{ item: 0 }, { item: 1 }]);
			const texts = (await leg.state.session(S[21]))._messages.map((m) => m.text);
			expect(texts).toContain('Olá Juliana! Seu pedido 4821 saiu para entrega.');
			expect(texts).toContain('Posso ajudar em algo mais?');
			verified.add('sendText');
		});

		it('Send File: an n8n binary property in filesystem binary mode arrives byte-identical; a URL file too', async () => {
			// every byte value, plus random bytes: any text/encoding conversion on the way would show
			const bytes = Buffer.concat([
				Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
				createHash('sha512').update(version).digest(),
				Buffer.from('%PDF-1.4\n\u00e7\u00e3o\r\n\0'),
			]);
			const r = await leg.run('send-file', {
				sessionId: S[23],
				contentBase64: bytes.toString('base64'),
				fileName: 'comprovante.pdf',
				mimeType: 'application/pdf',
			});
			expect(r.execution.status).toBe('success');

			const converted = r.out('File from Base64');
			expect(converted).toHaveLength(1);
			const binary = converted[0].binary.data;
			// stored by n8n's binary data service as a file in the user folder, not inline in the item
			expect(binary).toMatchObject({
				data: 'filesystem-v2',
				fileName: 'comprovante.pdf',
				mimeType: 'application/pdf',
				...binarySizeFields(line, bytes.length),
			});
			if (line === 1) {
				expect(binary).not.toHaveProperty('bytes');
				leg.seen(`binary metadata: the size only as fileSize "${binary.fileSize}" (no bytes field, which 2.x adds)`);
			}
			expect(binary.id).toMatch(/^filesystem-v2:workflows\//);
			expect(leg.binaryOnDisk(binary.id).equals(bytes)).toBe(true);

			const sent = r.out('Send File');
			expect(sent).toHaveLength(1);
			expect(sent[0].json.sessionId).toBe(S[23]);
			const messages = (await leg.state.session(S[23]))._messages.filter((m) => m.fileId);
			expect(messages).toHaveLength(2);
			const fromBinary = messages.find((m) => m.id === sent[0].json.id);
			expect(fromBinary.text).toBe('Segue o comprovante');
			const stored = await leg.state.file(fromBinary.fileId);
			expect(stored.equals(bytes)).toBe(true);
			const fileRecord = (await leg.state.all()).files.find((f) => f.id === fromBinary.fileId);
			expect(fileRecord).toMatchObject({ name: 'comprovante.pdf', mimeType: 'application/pdf', type: 'PDF', size: bytes.length });

			const fromUrl = r.out('Send File from URL');
			const urlMessage = messages.find((m) => m.id === fromUrl[0].json.id);
			const urlFile = (await leg.state.all()).files.find((f) => f.id === urlMessage.fileId);
			expect(urlFile._sourceUrl).toBe('https://files.example.com/catalogo-2026.pdf');
			verified.add('sendFile');
		});

		it('Send Template: template and parameters per item', async () => {
			const r = await leg.run('send-template', {
				items: [
					{ sessionId: S[7], templateId: TPL.orderUpdate.id, nome: 'Fernanda', pedido: '4821', situacao: 'enviado' },
					{ sessionId: S[11], templateId: TPL.orderUpdate.id, nome: 'Camila', pedido: '4830', situacao: 'entregue' },
				],
			});
			expect(r.execution.status).toBe('success');
			expect(paired(r.out('Send Template'))).toEqual([{ item: 0 }, { item: 1 }]);
			const m7 = (await leg.state.session(S[7]))._messages.at(-1);
			expect(m7).toMatchObject({ templateId: TPL.orderUpdate.id, text: 'Oi Fernanda, seu pedido 4821 foi enviado.' });
			const m11 = (await leg.state.session(S[11]))._messages.at(-1);
			expect(m11.text).toBe('Oi Camila, seu pedido 4830 foi entregue.');
			verified.add('sendTemplate');
		});

		it('Get Messages: many output items per input item, each paired to the session it came from', async () => {
			const r = await leg.run('get-messages', { items: [{ sessionId: S[2] }, { sessionId: S[3] }] });
			expect(r.execution.status).toBe('success');
			const out = r.out('Get Messages');
			const n2 = SEED.messages.bySession[S[2]].length;
			const n3 = SEED.messages.bySession[S[3]].length;
			expect(out).toHaveLength(n2 + n3);
			expect(out.filter((i) => i.pairedItem.item === 0).map((i) => i.json.id)).toEqual(SEED.messages.bySession[S[2]]);
			expect(out.filter((i) => i.pairedItem.item === 1).map((i) => i.json.id)).toEqual(SEED.messages.bySession[S[3]]);
			expect(out.every((i) => i.json.sessionId === [S[2], S[3]][i.pairedItem.item])).toBe(true);
			verified.add('getMessages');
		});

		it('Add Note → Get Note → Delete Note, chained by expressions', async () => {
			const r = await leg.run('note-lifecycle', {
				items: [
					{ sessionId: S[24], note: 'Nota e2e A' },
					{ sessionId: S[25], note: 'Nota e2e B' },
				],
			});
			expect(r.execution.status).toBe('success');
			const added = r.out('Add Note');
			expect(added.map((i) => [i.json.sessionId, i.json.text, i.json.type])).toEqual([
				[S[24], 'Nota e2e A', 'NOTE'],
				[S[25], 'Nota e2e B', 'NOTE'],
			]);
			const got = r.out('Get Note');
			expect(ids(got)).toEqual(ids(added));
			expect(got.map((i) => i.json.text)).toEqual(['Nota e2e A', 'Nota e2e B']);
			const deleted = r.out('Delete Note');
			expect(deleted.map((i) => [i.json.deleted, i.json.id])).toEqual(ids(added).map((id) => [true, id]));
			expect(paired(deleted)).toEqual([{ item: 0 }, { item: 1 }]);
			const notes = (await leg.state.session(S[24]))._notes;
			expect(notes.find((n) => n.id === added[0].json.id)).toMatchObject({ _deleted: true });
			verified.add('addNote').add('getNote').add('deleteNote');
		});

		it('Get Notes: lists the session notes, including the one just added', async () => {
			const sessionId = SEED.sessions.withNotes[0];
			const r = await leg.run('get-notes', { items: [{ sessionId, note: 'Nota e2e C' }] });
			expect(r.execution.status).toBe('success');
			const added = r.out('Add Note')[0].json;
			const notes = r.out('Get Notes');
			expect(ids(notes)).toContain(added.id);
			expect(notes.length).toBeGreaterThanOrEqual(2);
			expect(notes.every((i) => i.json.type === 'NOTE' && i.json.sessionId === sessionId)).toBe(true);
			expect(paired(notes).every((p) => p.item === 0)).toBe(true);
			verified.add('getNotes');
		});

		it("Session fidelity in real n8n: the workflow's time zone, Metadata[key] filter, transfer to an agent only, a note with a binary file", async () => {
			const sessionId = S[24];
			const agentId = AG.carla.userId;
			const before = await leg.state.session(sessionId);
			const bytes = Buffer.from('%PDF-1.4 contrato e2e\n');
			const r = await leg.run('session-fidelity', { sessionId, agentId, pedido: 'E2E-1', contentBase64: bytes.toString('base64') });
			expect(r.execution.status).toBe('success');
			const requests = await leg.state.requests();
			// 18:00 in the workflow's zone (America/Sao_Paulo, UTC-3) is 21:00Z, whatever the zone of the n8n process
			const list = requests.find((q) => q.method === 'GET' && q.path === '/chat/v2/session');
			expect(list.query['CreatedAt.After']).toEqual(['2026-01-31T21:00:00.000Z']);
			expect(list.query['Metadata[pedido]']).toEqual(['E2E-1']);
			const transfer = requests.find((q) => q.path === `/chat/v1/session/${sessionId}/transfer`);
			expect(transfer.body).toEqual({ type: 'USER', newUserId: agentId });
			const after = await leg.state.session(sessionId);
			expect(after).toMatchObject({ userId: agentId, departmentId: before.departmentId });
			// the binary had no extension in its name: the upload names it contrato.pdf
			const slot = requests.find((q) => q.method === 'GET' && q.path === '/core/v2/file');
			expect(slot.query.Name).toEqual(['contrato.pdf']);
			const note = after._notes.find((n) => n.text === 'Contrato assinado');
			expect(note._fileIds).toHaveLength(1);
			const stored = Buffer.from(await (await fetch(`${leg.sandbox.url}/__sandbox/files/${note._fileIds[0]}`)).arrayBuffer());
			expect(stored.equals(bytes)).toBe(true);
		});

		const failingItems = { items: [{ sessionId: S[0] }, { sessionId: UNKNOWN_SESSION }, { sessionId: '' }] };

		it('On Error "Continue" (regular output): failing items stay on the output, in place, with our message', async () => {
			const r = await leg.run('continue-regular-output', failingItems);
			expect(r.execution.status).toBe('success');
			const out = r.out('Get Session');
			expect(out).toHaveLength(3);
			expect(out[0].json.id).toBe(S[0]);
			expect(out[1].json.error).toBe(`Session ${UNKNOWN_SESSION} not found [item 1]`);
			expect(out[2].json.error).toBe('The Session ID field is empty [item 2]');
			expect(paired(out)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(r.out('Get Session', 1)).toEqual([]);
			expect(r.out('After Get')).toHaveLength(3);
		});

		it('On Error "Continue (using error output)": failing items go to the second (error) output, paired', async () => {
			const r = await leg.run('continue-error-output', failingItems);
			expect(r.execution.status).toBe('success');
			const ok = r.out('Get Session', 0);
			const failed = r.out('Get Session', 1);
			expect(ids(ok)).toEqual([S[0]]);
			expect(paired(ok)).toEqual([{ item: 0 }]);
			expect(failed.map((i) => i.json.error)).toEqual([`Session ${UNKNOWN_SESSION} not found [item 1]`, 'The Session ID field is empty [item 2]']);
			expect(paired(failed)).toEqual([{ item: 1 }, { item: 2 }]);
			expect(failed.map((i) => i.error?.name)).toEqual(['NodeApiError', 'NodeOperationError']);
			expect(ids(r.out('Succeeded'))).toEqual([S[0]]);
			// downstream of the error output, the pairedItem leads back to the failing input item
			expect(r.out('Failed').map((i) => i.json)).toEqual([
				{ sessionId: UNKNOWN_SESSION, reason: `Session ${UNKNOWN_SESSION} not found [item 1]` },
				{ sessionId: '', reason: 'The Session ID field is empty [item 2]' },
			]);
		});

		it('On Error "Stop Workflow": the execution fails with our message for the failing item (validation)', async () => {
			const r = await leg.run('stop-workflow', { items: [{ sessionId: S[12] }, { sessionId: '' }] });
			expect(r.execution.status).toBe('error');
			expect(r.error.message).toBe('The Session ID field is empty [item 1]');
			expect(r.error.node?.name ?? r.execution.data.resultData.lastNodeExecuted).toBe('Complete Session');
			expect(r.execution.data.resultData.lastNodeExecuted).toBe('Complete Session');
			expect(r.out('After Complete')).toBeUndefined();
			expect(r.httpStatus).toBeGreaterThanOrEqual(500);
			// items run in order: the first one was completed before item 1 stopped the workflow
			expect((await leg.state.session(S[12])).status).toBe('COMPLETED');
		});

		it('On Error "Stop Workflow": the execution fails with the API text for the failing item (API error)', async () => {
			const r = await leg.run('stop-workflow', { items: [{ sessionId: UNKNOWN_SESSION }] });
			expect(r.execution.status).toBe('error');
			// in English, naming the session; WTS's own text stays in the description (issue: not-found said in Portuguese)
			expect(r.error.message).toBe(`Session ${UNKNOWN_SESSION} not found [item 0]`);
			expect(r.error.description).toContain('WTS Chat answered "Conversa não encontrada"');
			expect(r.error.description).toMatch(/exists in this WTS Chat account/);
			expect(String(r.error.httpCode)).toBe('404');
		});

		it('a wrong API token fails the execution with the API text, not a generic message', async () => {
			const r = await leg.run('bad-token', { items: [{ sessionId: S[0] }] });
			expect(r.execution.status).toBe('error');
			expect(r.error.message).toBe('WTS Chat refused the API token: Acesso negado [item 0]');
			expect(r.error.description).toMatch(/API token/);
			expect(String(r.error.httpCode)).toBe('401');
		});

		it("credential test (n8n's POST /rest/credentials/test): OK with the sandbox token, error with a wrong one", async () => {
			const [good, bad] = leg.credentials;
			const ok = await leg.rest.testCredential(good);
			expect(ok).toMatchObject({ status: 'OK' });
			const ko = await leg.rest.testCredential(bad);
			expect(ko.status).toBe('Error');
			expect(ko.message).toMatch(/unauthori[sz]ed|authori[sz]ation failed|401|Acesso negado/i);
			// both tests reached the API with the token as given: the good one answered 200, the wrong one 401
			const statuses = (await leg.state.requests()).filter((q) => q.path === '/core/v1/agent').map((q) => q.status);
			expect(statuses[0]).toBe(200);
			expect(statuses.length).toBeGreaterThanOrEqual(2);
			expect(statuses.slice(1).every((s) => s === 401)).toBe(true);
		});

		it('a transient 503 is retried inside the node (n8n-workflow sleep) and the item succeeds', async () => {
			await leg.state.addFault({ method: 'GET', path: `/chat/v2/session/${S[5]}`, status: 503, times: 1 });
			const r = await leg.run('retry', { items: [{ sessionId: S[5] }] });
			expect(r.execution.status).toBe('success');
			expect(ids(r.out('Get Session'))).toEqual([S[5]]);
			const calls = (await leg.state.requests()).filter((q) => q.path === `/chat/v2/session/${S[5]}`);
			expect(calls.map((q) => q.status)).toEqual([503, 200]);
		});

		it('a dropped connection on a read is retried inside n8n and the item succeeds', async () => {
			await leg.state.addFault({ method: 'GET', path: `/chat/v2/session/${S[6]}`, drop: true, times: 1 });
			const r = await leg.run('retry', { items: [{ sessionId: S[6] }] });
			expect(r.execution.status).toBe('success');
			expect(ids(r.out('Get Session'))).toEqual([S[6]]);
			const calls = (await leg.state.requests()).filter((q) => q.path === `/chat/v2/session/${S[6]}`);
			expect(calls.map((q) => q.status)).toEqual(['dropped', 200]);
		});

		it('a send whose connection drops after WTS processed it is looked up, found and not resent; the item succeeds with that message', async () => {
			const path = `/chat/v1/session/${S[7]}/message`;
			const before = (await leg.state.session(S[7]))._messages.length;
			await leg.state.addFault({ method: 'POST', path, drop: true, afterHandler: true, times: 1 });
			const r = await leg.run('send-once', { items: [{ sessionId: S[7] }] });
			expect(r.execution.status).toBe('success');
			const after = (await leg.state.session(S[7]))._messages;
			expect(after.length).toBe(before + 1);
			expect(ids(r.out('Send Text'))).toEqual([after.at(-1).id]);
			const calls = (await leg.state.requests()).filter((q) => q.path === path);
			expect(calls.map((q) => q.method)).toEqual(['POST', 'GET']);
		});

		describe('example workflows (examples/*.json, run through a webhook twin)', () => {
			it('complete-idle-sessions: tells each idle contact, then completes with Reactivate On New Message', async () => {
				const idleBefore = Date.now() - 12 * HOUR;
				const inProgress = (await api('/chat/v2/session?Status=IN_PROGRESS&PageSize=100')).items;
				const expected = inProgress
					.filter((s) => Date.parse(s.lastInteractionDate) < idleBefore)
					.map((s) => s.id)
					.sort();
				const active = inProgress.filter((s) => !expected.includes(s.id)).map((s) => s.id);
				expect(expected.length).toBeGreaterThan(0);
				const r = await leg.runExample('complete-idle-sessions');
				expect(r.execution.status).toBe('success');
				expect(ids(r.out('Get Idle Sessions')).sort()).toEqual(expected);
				const told = r.out('Tell the Contact');
				expect(told).toHaveLength(expected.length);
				const completed = r.out('Complete Session');
				expect(completed.map((i) => i.json.status)).toEqual(expected.map(() => 'COMPLETED'));
				expect(paired(completed)).toEqual(expected.map((_, i) => ({ item: i })));
				const message = leg.examples['complete-idle-sessions'].nodes
					.find((n) => n.name === 'Settings')
					.parameters.assignments.assignments.find((a) => a.name === 'message').value;
				for (const id of expected) {
					const s = await leg.state.session(id);
					expect(s.status).toBe('COMPLETED');
					expect(s._complete.reactivateOnNewMessage).toBe(true);
					expect(s._messages.at(-1).text).toBe(message);
				}
				for (const id of active) expect((await leg.state.session(id)).status).toBe('IN_PROGRESS');
			});

			it('transfer-new-sessions-by-keyword: a started session mentioning "boleto" goes to Financeiro, the rest stay', async () => {
				const started = (await api('/chat/v2/session?Status=STARTED&PageSize=100')).items;
				const withBoleto = started.filter((s) => /boleto/i.test(s.lastMessageText ?? '')).map((s) => s.id);
				expect(withBoleto.length).toBeGreaterThan(0);
				const r = await leg.runExample('transfer-new-sessions-by-keyword');
				expect(r.execution.status).toBe('success');
				expect(r.out('Match Keyword').map((i) => i.json.keyword)).toEqual(withBoleto.map(() => 'boleto'));
				const moved = r.out('Transfer to Department');
				expect(ids(moved)).toEqual(withBoleto);
				for (const id of withBoleto)
					expect(await leg.state.session(id)).toMatchObject({ departmentId: DEP.financeiro.id, status: 'PENDING' });
				for (const s of started.filter((x) => !withBoleto.includes(x.id))) {
					expect(await leg.state.session(s.id)).toMatchObject({ status: 'STARTED', departmentId: null });
				}
			});

			it('assign-waiting-sessions-round-robin: pending Suporte sessions, oldest first, go to Ana, Bruno, Ana, ...', async () => {
				const pending = (await api(`/chat/v2/session?Status=PENDING&DepartmentId=${DEP.suporte.id}&PageSize=100`)).items
					.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))
					.map((s) => s.id);
				expect(pending.length).toBeGreaterThan(1);
				const r = await leg.runExample('assign-waiting-sessions-round-robin');
				expect(r.execution.status).toBe('success');
				const assigned = r.out('Assign Session');
				expect(ids(assigned)).toEqual(pending);
				const turn = [AG.ana.userId, AG.bruno.userId];
				for (const [i, id] of pending.entries()) {
					expect(await leg.state.session(id)).toMatchObject({ userId: turn[i % 2], status: 'IN_PROGRESS' });
				}
			});

			it('add-note-and-complete: the note is on the session and it is completed (reactivation off)', async () => {
				const r = await leg.runExample('add-note-and-complete');
				expect(r.execution.status).toBe('success');
				const note = r.out('Add Internal Note')[0].json;
				const s = await leg.state.session(S[15]);
				expect(s._notes.map((n) => n.id)).toContain(note.id);
				expect(note.text).toMatch(/^Resumo: /);
				expect(s.status).toBe('COMPLETED');
				expect(s._complete).toMatchObject({ reactivateOnNewMessage: false, stopBotInExecution: true });
			});

			it('send-template-to-sessions: three sent, the session on another channel goes to the error output', async () => {
				const r = await leg.runExample('send-template-to-sessions');
				expect(r.execution.status).toBe('success');
				const sent = r.out('Sent');
				expect(sent.map((i) => i.json.sessionId)).toEqual([S[7], S[8], S[11]]);
				const failed = r.out('Failed (review)');
				expect(failed.map((i) => i.json)).toEqual([
					{ sessionId: S[1], name: 'João', reason: 'WTS Chat rejected the request (Template): O modelo de mensagem não pertence ao canal da conversa. [item 2]' },
				]);
				expect(paired(r.out('Send Template', 1))).toEqual([{ item: 2 }]);
				expect(paired(r.out('Send Template', 0))).toEqual([{ item: 0 }, { item: 1 }, { item: 3 }]);
				expect((await leg.state.session(S[8]))._messages.at(-1)).toMatchObject({
					templateId: TPL.welcome.id,
					text: 'Olá Ricardo! Seja bem-vindo(a) à Loja Exemplo. Como podemos ajudar?',
				});
				expect((await leg.state.session(S[1]))._messages.some((m) => m.templateId)).toBe(false);
			});

			it('an example as users have it (Manual Trigger) runs headless with `n8n execute --id`', async () => {
				const wf = leg.examples['add-note-and-complete'];
				const r = await leg.execute(wf.id);
				// n8n 2.39.10's and 2.41.1's `execute` (Node 24) can die by SIGSEGV in its own shutdown after printing a finished run,
				// on a busy machine: seen 13 times in 15 with a plain Manual Trigger → Set workflow (no WTS node) while
				// two test runs loaded the 2 cores, 0 in 12 with nothing else running, and in 2 of 4 full CI runs
				// (where n8n start of the same leg runs beside it). That crash comes after the run is
				// complete and saved, so it is reported loudly and the run itself is still checked below; any
				// other non-zero exit fails the test.
				const crashedAfterRun = r.signal === 'SIGSEGV' && r.run?.status === 'success' && r.run?.finished === true;
				if (crashedAfterRun) {
					process.stderr.write(`[e2e ${version}] !!! n8n execute printed a finished, successful run and then died by SIGSEGV in n8n's own shutdown (see the comment in suite.mjs)\n`);
				} else {
					expect(r.code, `n8n execute exited ${r.code}${r.signal ? ` (killed by ${r.signal})` : ''}; besides the run it printed:\n${r.notices.slice(-3000)}\nstderr:\n${r.stderr.slice(-2000)}\nrun status: ${r.run?.status}`).toBe(0);
				}
				// n8n's own record of that run (printed by --rawOutput)
				expect(r.run?.data?.resultData?.error).toBeUndefined();
				const runData = r.run.data.resultData.runData;
				expect(Object.keys(runData)).toEqual(expect.arrayContaining([MANUAL_TRIGGER, 'Settings', 'Add Internal Note', 'Complete Session']));
				const completed = runData['Complete Session'][0].data.main[0];
				expect(completed.map((i) => [i.json.id, i.json.status])).toEqual([[S[15], 'COMPLETED']]);
				const s = await leg.state.session(S[15]);
				expect(s.status).toBe('COMPLETED');
				expect(s._notes.some((n) => /^Resumo: /.test(n.text ?? ''))).toBe(true);
				leg.timing('n8n execute --id (one example, separate process)', r.ms);
				leg.seen(
					`n8n execute --id --rawOutput: ${crashedAfterRun ? 'died by SIGSEGV after printing the run' : `exit ${r.code}`}; the run (IRun) printed as JSON after ${r.notices.split('\n').filter(Boolean).length} other lines, status ${r.run.status}`,
				);
			});
		});

		/** The operation values of a resource as n8n loaded the node ("Custom API Call", which n8n adds, excluded). */
		const operationsOf = async (resource) => {
			const nodes = (await leg.rest.request('GET', '/types/nodes.json')).body;
			const ours = nodes.find((n) => n.name === NODE_TYPE);
			return ours.properties
				.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource))
				.options.map((o) => o.value)
				.filter((v) => v !== '__CUSTOM_API_CALL__');
		};

		/** The operation values the registry declares for a resource (the built package, as it was packed). */
		const declared = (resource) => REGISTRY.operationsOf(resource).map((op) => op.value).sort();

		it('n8n loaded exactly the operations the registry declares, for every resource', async () => {
			for (const { value } of REGISTRY.RESOURCES) expect([...(await operationsOf(value))].sort(), value).toEqual(declared(value));
		});

		for (const defineCases of resourceCases) defineCases({ leg: () => leg, api, version, operationsOf, declared });

		it('every Session operation of the node (as n8n loaded it) was run and checked above', async () => {
			const operations = await operationsOf('session');
			expect([...operations].sort()).toEqual(declared('session'));
			expect([...verified].sort(), `operations in n8n: ${operations.join(', ')}`).toEqual([...new Set(operations)].sort());
		});
	});
}
