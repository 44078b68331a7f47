// End-to-end case of the converter (migrate/): legacy n8n-nodes-wts workflows imported through n8n's REST API
// (n8n keeps unknown node types), the converter run against this n8n's public API (dry run, then --apply), the
// converted workflows executed against the sandbox, and the requests they made compared with what each legacy
// action meant (without its bugs, listed in migrate/README.md). See ./index.mjs for `suite`.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { SEED } from '../../../../sandbox/seed.mjs';
import { C, LEGACY, LEGACY_CREDENTIAL, LEGACY_WORKFLOWS, OURS, PANEL, SEQ } from '../../../migrate/fixtures/e2e-legacy.mjs';
import { outputOf, REPO } from '../leg.mjs';

const run = promisify(execFile);

export default function migrateCases(suite) {
	const tmp = mkdtempSync(path.join(tmpdir(), 'wts-migrate-e2e-'));
	const imported = {}; // slug → legacy workflow id in n8n
	let apiKey;
	let converted; // slug → the converted workflow (as n8n holds it)

	const cli = (args) => run(process.execPath, [path.join(REPO, 'migrate', 'dist', 'cli.js'), ...args], { cwd: tmp, maxBuffer: 16 << 20 });

	beforeAll(async () => {
		// the converter's own build (npm test builds the node package, not migrate/)
		await run(process.execPath, [path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(REPO, 'migrate')]);
		const { rest } = suite.leg();
		for (const [slug, wf] of Object.entries(LEGACY_WORKFLOWS)) imported[slug] = (await rest.data('POST', '/rest/workflows', { ...wf, active: false })).id;
		// a public-API key of the owner (the scopes n8n offers, where it asks for them)
		const scopes = await rest.request('GET', '/rest/api-keys/scopes', undefined, { expectOk: false });
		const key = await rest.data('POST', '/rest/api-keys', { label: `wts-migrate e2e ${Date.now()}`, expiresAt: null, ...(scopes.status === 200 ? { scopes: scopes.body.data } : {}) });
		apiKey = key.rawApiKey ?? key.apiKey;
	}, 300_000);
	afterAll(() => rmSync(tmp, { recursive: true, force: true }));

	const workflows = async () => (await suite.leg().rest.listWorkflows()).filter((w) => String(w.name).startsWith('Legacy e2e: '));

	it('Migration: the legacy workflows import with their unknown node type; the dry run lists them and changes nothing', async () => {
		const before = await workflows();
		expect(before.map((w) => w.name).sort()).toEqual(Object.keys(LEGACY_WORKFLOWS).map((s) => `Legacy e2e: ${s}`).sort());
		const legacy = await suite.leg().rest.getWorkflow(imported.sessions);
		expect(legacy.nodes.filter((x) => x.type === LEGACY)).toHaveLength(6);
		const { stdout } = await cli(['--n8n-url', suite.leg().n8n.url, '--api-key', apiKey, ...Object.values(imported).flatMap((id) => ['--workflow', id])]);
		expect(stdout).toContain('4 workflows with legacy WTS nodes (dry run: nothing written to n8n)');
		expect(stdout).toContain('| Open sessions | Session → Get All Sessions | Session → Get Many |');
		expect(await workflows()).toEqual(before);
	});

	it('Migration: --apply creates one inactive converted workflow per legacy one and the WTS Chat API credential; nothing activated', async () => {
		const creds = path.join(tmp, 'legacy-credentials.json');
		// what `n8n export:credentials --decrypted` gives for a legacy credential; its token is the sandbox's
		writeFileSync(creds, JSON.stringify([{ ...LEGACY_CREDENTIAL, type: 'wtsApi', data: { apiKey: suite.leg().sandbox.token } }]));
		const out = path.join(tmp, 'out');
		await cli(['--n8n-url', suite.leg().n8n.url, '--api-key', apiKey, '--apply', '--credentials', creds, '--base-url', suite.leg().sandbox.url, '--out', out, ...Object.values(imported).flatMap((id) => ['--workflow', id])]);
		const all = await workflows();
		converted = {};
		for (const slug of Object.keys(LEGACY_WORKFLOWS)) {
			const copy = all.find((w) => w.name === `Legacy e2e: ${slug} (WTS Chat)`);
			expect(copy, slug).toBeDefined();
			expect(copy.active).toBe(false);
			converted[slug] = await suite.leg().rest.getWorkflow(copy.id);
			expect(converted[slug].nodes.filter((x) => x.type === LEGACY)).toEqual([]);
			// the original is still there, unchanged and inactive
			const original = await suite.leg().rest.getWorkflow(imported[slug]);
			expect(original.nodes.filter((x) => x.type === LEGACY).length).toBe(LEGACY_WORKFLOWS[slug].nodes.filter((x) => x.type === LEGACY).length);
			expect(original.active).toBe(false);
		}
		const credIds = new Set(Object.values(converted).flatMap((wf) => wf.nodes.filter((x) => x.type === OURS).map((x) => x.credentials.wtsChatApi.id)));
		expect(credIds.size).toBe(1);
		const report = readFileSync(path.join(out, 'migration-report.md'), 'utf8');
		expect(report).toContain('Applied: each converted workflow was created as a new, inactive workflow');
		expect(report).toContain(`| ${LEGACY_CREDENTIAL.name} | ${LEGACY_CREDENTIAL.name} (WTS Chat) | \`${suite.leg().sandbox.url}\` | Created with the legacy token`);
	});

	/** Activates the converted workflow of `slug` (the test does, not the converter), runs it, returns the run and the new sandbox requests. */
	async function runConverted(slug) {
		const { rest, n8n, state } = suite.leg();
		const wf = converted[slug];
		await rest.activateWorkflow(wf.id);
		const seqBefore = Math.max(0, ...(await state.requests()).map((q) => q.seq));
		const violationsBefore = (await state.violations()).length;
		const before = await rest.lastExecutionId(wf.id);
		const res = await fetch(`${n8n.url}/webhook/wts-migrate/${slug}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		await res.text();
		const execution = await rest.waitForExecution(wf.id, before);
		const requests = (await state.requests()).filter((q) => q.seq > seqBefore);
		expect((await state.violations()).slice(violationsBefore)).toEqual([]);
		return { execution, requests, out: (name) => outputOf(execution, name), writes: requests.filter((q) => q.method !== 'GET') };
	}

	it('Migration: converted Session actions run in n8n and send what the legacy actions meant (once, to the first listed session)', async () => {
		const r = await runConverted('sessions');
		expect(r.execution.status, JSON.stringify(r.execution.data?.resultData?.error)).toBe('success');
		const listed = r.out('Open sessions');
		expect(listed).toHaveLength(5); // one page of 5 → Limit 5, one item per session
		const S = listed[0].json.id;
		expect(r.out('Get first').map((i) => i.json.id)).toEqual([S]); // Execute Once: the legacy node gave one item
		expect(r.writes.map((q) => `${q.method} ${q.path}`)).toEqual([
			`POST /chat/v1/session/${S}/message/sync`,
			`PUT /chat/v1/session/${S}/transfer`,
			`PUT /chat/v2/session/${S}/partial`,
			`PUT /chat/v1/session/${S}/complete`,
		]);
		expect(r.writes[0].body).toMatchObject({ text: 'Olá! (migração)' });
		expect(r.writes[1].body).toEqual({ type: 'DEPARTMENT', newDepartmentId: SEED.departments.vendas.id });
		expect(r.writes[2].body).toEqual({ number: 'P-42', metadata: { migrado: 'sim' }, fields: ['Number', 'Metadata'] });
		expect(r.writes[3].body).toMatchObject({ reactivateOnNewMessage: true });
		const list = r.requests.find((q) => q.method === 'GET' && q.path === '/chat/v2/session');
		expect([list.query.Status].flat()).toEqual(['IN_PROGRESS']);
	});

	it('Migration: converted Contact and Sequence actions, the batch lists split into one item per contact', async () => {
		const r = await runConverted('contacts');
		expect(r.execution.status, JSON.stringify(r.execution.data?.resultData?.error)).toBe('success');
		const joao = r.out('Joao by phone')[0].json.id;
		expect(joao).toBe(C.joao.id);
		expect(r.writes.map((q) => `${q.method} ${q.path}`)).toEqual([
			`POST /chat/v1/sequence/${SEQ}/contact`,
			`POST /chat/v1/sequence/${SEQ}/contact/batch`,
			`DELETE /chat/v1/sequence/${SEQ}/contact/batch`,
			`PUT /core/v2/contact/${joao}`,
		]);
		expect(r.writes[0].body).toEqual({ contactId: joao });
		expect([...r.writes[1].body.contactIds].sort()).toEqual([C.maria.id, C.fernanda.id].sort());
		expect([...r.writes[2].body.contactIds].sort()).toEqual([C.maria.id, C.fernanda.id].sort());
		expect(r.writes[3].body).toMatchObject({ annotation: 'migrado do nó antigo', metadata: { origem: 'migracao' } });
		expect([...r.writes[3].body.fields].sort()).toEqual(['Annotation', 'Metadata']);
		expect(r.out('Batch add')).toHaveLength(2);
	});

	it('Migration: converted CRM actions (0 amount and position 0 now sent, bug B8), and a downstream `$json.items.length` rewritten', async () => {
		const r = await runConverted('crm');
		expect(r.execution.status, JSON.stringify(r.execution.data?.resultData?.error)).toBe('success');
		const card = r.out('New card')[0].json.id;
		expect(r.writes.map((q) => `${q.method} ${q.path}`)).toEqual(['POST /crm/v2/panel/card', `POST /crm/v1/panel/card/${card}/note`, `PUT /crm/v3/panel/card/${card}`]);
		expect(r.writes[0].body).toMatchObject({ stepId: PANEL.steps.novoLead.id, title: 'Migrado do nó antigo', description: 'teste', monetaryAmount: 0, contactIds: [C.maria.id] });
		expect(r.writes[0].body).not.toHaveProperty('responsibleUserId');
		expect(r.writes[1].body).toEqual({ text: 'Primeira nota' });
		expect(r.writes[2].body).toEqual({ title: 'Migrado (atualizado)', position: 0, fields: ['Title', 'Position'] });
		const cards = r.out('Cards');
		expect(cards.length).toBeGreaterThan(0);
		expect(cards.length).toBeLessThanOrEqual(3);
		expect(r.out('Count').map((i) => i.json.count)).toEqual([cards.length]);
	});

	it('Migration: converted Message and Chatbot sends (no user {id: null}, bug B4; session metadata reaches the API, bug B6)', async () => {
		const r = await runConverted('send');
		expect(r.execution.status, JSON.stringify(r.execution.data?.resultData?.error)).toBe('success');
		expect(r.writes.map((q) => `${q.method} ${q.path}`)).toEqual(['POST /chat/v1/message/send', 'POST /chat/v1/chatbot/send']);
		expect(r.writes[0].body).toMatchObject({ body: { text: 'Oi, Fernanda' } });
		expect(r.writes[0].body).not.toHaveProperty('user');
		expect(r.writes[0].body).not.toHaveProperty('department');
		const message = r.out('Send text')[0].json.id;
		expect(r.requests.some((q) => q.method === 'GET' && q.path === `/chat/v1/message/${message}/status`)).toBe(true);
		expect(r.writes[1].body).toMatchObject({ botKey: SEED.chatbots.triagem.key, sessionMetadata: { origem: 'migracao' } });
	});
}
