// Self-check: the sandbox's own 200 responses must match the contract's response schemas, so
// the node is tested against realistic shapes. (Errors are checked in server.test.mjs.)
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startSandbox, SEED, HANDLERS } from '../../sandbox/server.mjs';
import { loadContract } from '../../sandbox/validate.mjs';
import { client, qs } from './helpers.mjs';

let sb;
let api;
const contract = loadContract();

beforeAll(async () => {
	sb = await startSandbox({ port: 0, quiet: true, checkResponses: true, rateLimits: false });
	api = client(sb);
});
afterAll(() => sb?.close());

const enumOf = (key, param) => contract.operations[key].queryParams.find((p) => p.name.toLowerCase() === param.toLowerCase())?.items?.enum ?? [];

describe('handler table', () => {
	it('every handler key is a documented operation', () => {
		const unknown = Object.keys(HANDLERS).filter((k) => !contract.operations[k]);
		expect(unknown).toEqual([]);
	});

	it('simulates at least the operations the node uses', () => {
		const required = [
			'GET /chat/v2/session',
			'GET /chat/v2/session/{id}',
			'PUT /chat/v2/session/{id}/partial',
			'PUT /chat/v1/session/{id}/assignee',
			'PUT /chat/v1/session/{id}/transfer',
			'PUT /chat/v1/session/{id}/status',
			'PUT /chat/v1/session/{id}/complete',
			'GET /chat/v1/session/{id}/message',
			'POST /chat/v1/session/{id}/message',
			'POST /chat/v1/session/{id}/message/sync',
			'GET /chat/v1/session/{id}/note',
			'POST /chat/v1/session/{id}/note',
			'GET /chat/v1/session/note/{id}',
			'DELETE /chat/v1/session/note/{id}',
			'GET /chat/v1/message/{id}',
			'GET /chat/v1/message/{id}/status',
			'GET /chat/v1/message',
			'GET /chat/v1/channel',
			'GET /core/v2/department',
			'GET /core/v1/agent',
			'GET /chat/v1/template',
			'GET /core/v1/tag',
			'GET /chat/v1/chatbot',
			'GET /chat/v1/sequence',
			'GET /core/v1/contact',
			'GET /core/v1/contact/{id}',
			'GET /crm/v2/panel',
			'GET /crm/v1/panel/{id}',
			'GET /core/v2/file',
			'POST /core/v2/file',
		];
		expect(required.filter((k) => !HANDLERS[k])).toEqual([]);
	});
});

describe('response shapes match the contract', () => {
	it('GET listings and lookups, with every IncludeDetails value', async () => {
		const s = SEED.sessions;
		const paths = [
			`/chat/v2/session${qs({ PageSize: 100, IncludeDetails: enumOf('GET /chat/v2/session', 'IncludeDetails') })}`,
			...s.all.map((id) => `/chat/v2/session/${id}${qs({ includeDetails: enumOf('GET /chat/v2/session/{id}', 'includeDetails') })}`),
			...s.all.map((id) => `/chat/v1/session/${id}/message?PageSize=100`),
			...s.withNotes.map((id) => `/chat/v1/session/${id}/note`),
			`/chat/v1/message${qs({ SessionId: s.all[5] })}`,
			`/chat/v1/message/${SEED.messages.bySession[s.all[5]][0]}`,
			`/chat/v1/message/${SEED.messages.bySession[s.all[5]][0]}/status`,
			`/chat/v1/session/note/${SEED.notes.all[0]}`,
			'/chat/v1/channel',
			`/chat/v1/template${qs({ PageSize: 100, IncludeDetails: ['All'] })}`,
			'/chat/v1/template?Archived=true',
			'/chat/v1/chatbot',
			'/chat/v1/sequence?IncludeDetails=ContactExecutingCount',
			`/chat/v2/sequence/${SEED.sequences.boasVindas.id}/contact?IncludeDetails=ContactDetails`,
			'/core/v1/agent',
			`/core/v1/agent/${SEED.agents.ana.id}`,
			'/core/v2/department',
			`/core/v1/department/${SEED.departments.suporte.id}`,
			`/core/v1/department/${SEED.departments.suporte.id}/channel`,
			'/core/v1/tag',
			'/core/v1/tag/color',
			'/core/v1/company/officehours',
			`/core/v1/contact${qs({ IncludeDetails: enumOf('GET /core/v1/contact', 'IncludeDetails') })}`,
			...Object.values(SEED.contacts).map((c) => `/core/v1/contact/${c.id}?IncludeDetails=Tags`),
			'/core/v1/contact/phonenumber/5511999990002',
			`/crm/v2/panel${qs({ IncludeDetails: enumOf('GET /crm/v2/panel', 'IncludeDetails') })}`,
			...Object.values(SEED.panels).map((p) => `/crm/v1/panel/${p.id}${qs({ IncludeDetails: enumOf('GET /crm/v1/panel/{id}', 'IncludeDetails') })}`),
			`/crm/v1/panel/${SEED.panels.vendas.id}/lost-reason`,
			`/crm/v1/panel/${SEED.panels.vendas.id}/custom-fields`,
			`/crm/v2/panel/card${qs({ PanelId: SEED.panels.vendas.id, IncludeDetails: enumOf('GET /crm/v2/panel/card', 'IncludeDetails'), Statuses: ['OPEN', 'WON', 'LOST', 'ARCHIVED'] })}`,
			`/crm/v2/panel/card/${SEED.cards.revendaSorocaba.id}?IncludeDetails=LostReason`,
			`/crm/v1/panel/card/${SEED.cardNotes.sample.cardId}/note`,
		];
		for (const p of paths) {
			const r = await api.get(p);
			expect(r.status, `${p}: ${r.text.slice(0, 300)}`).toBe(200);
		}
		expect(sb.violations).toEqual([]);
		expect(sb.responseProblems).toEqual([]);
	});

	it('mutations', async () => {
		const id = SEED.sessions.inProgress[3];
		const calls = [
			['PUT', `/chat/v2/session/${id}/partial`, { fields: ['Classification', 'Metadata'], classification: { category: 'INFO' }, metadata: { a: '1' } }],
			['PUT', `/chat/v1/session/${id}/assignee`, { userId: SEED.agents.ana.userId }],
			['PUT', `/chat/v1/session/${id}/transfer`, { type: 'DEPARTMENT', newDepartmentId: SEED.departments.vendas.id }],
			['PUT', `/chat/v1/session/${id}/status`, { newStatus: 'IN_PROGRESS' }],
			['POST', `/chat/v1/session/${id}/message`, { text: 'a' }],
			['POST', `/chat/v1/session/${id}/message/sync`, { text: 'b', refId: SEED.messages.bySession[id][0] }],
			['POST', `/chat/v1/session/${id}/note`, { text: 'n', filesUrls: ['https://cdn.example.com/x.jpg'] }],
			['PUT', `/chat/v1/session/${id}/complete`, { reactivateOnNewMessage: true }],
			['POST', '/core/v1/tag', { name: 'Sandbox', color: 'SKY_300' }],
			['POST', '/core/v1/contact/filter', { name: 'maria', includeDetails: ['Tags'] }],
			['POST', '/crm/v2/panel/card', { stepId: SEED.panels.suporte.steps.aFazer.id, title: 'Novo chamado', contactIds: [SEED.contacts.paulo.id] }],
			['PUT', `/crm/v3/panel/card/${SEED.cards.uniformes.id}`, { fields: ['StepId', 'Status'], stepId: SEED.panels.vendas.steps.fechado.id, status: 'WON' }],
			['POST', `/crm/v1/panel/card/${SEED.cards.uniformes.id}/note`, { text: 'Fechado!' }],
			['DELETE', `/chat/v1/message/${SEED.messages.bySession[id][1]}`, undefined],
		];
		for (const [method, path, body] of calls) {
			const r = await api.call(method, path, { body });
			expect(r.status, `${method} ${path}: ${r.text.slice(0, 300)}`).toBe(200);
		}
		expect(sb.violations).toEqual([]);
		expect(sb.responseProblems).toEqual([]);
	});
});

describe('checkResponses validates the JSON sent on the wire', () => {
	it('parses the serialized text (Date → string, NaN → null, undefined dropped) and sends that same text', async () => {
		const id = SEED.sessions.inProgress[2];
		const s = sb.state.sessions.get(id);
		try {
			// in memory these are not JSON values; on the wire they are fine
			s.updatedAt = new Date(Date.parse(s.updatedAt)); // → ISO string
			s.endAt = undefined; // → property dropped
			const ok = await api.get(`/chat/v2/session/${id}`);
			expect(ok.status).toBe(200);
			expect(ok.headers.get('content-type')).toBe('application/json; charset=utf-8');
			expect(ok.body.updatedAt).toBe(s.updatedAt.toISOString());
			expect('endAt' in ok.body).toBe(false);
			expect(sb.responseProblems).toEqual([]); // the in-memory object would have drifted (Date is not a string)

			// NaN is sent as null: the check reports what the client gets (null), not the in-memory NaN
			s.classification = { id, category: 'WON', categoryDescription: null, amount: Number.NaN, categoryName: 'Ganho' };
			const bad = await api.get(`/chat/v2/session/${id}?includeDetails=ClassificationDetails`);
			expect(bad.status).toBe(200);
			expect(bad.body.classification.amount).toBeNull();
			expect(sb.responseProblems).toEqual([
				{ operation: 'GET /chat/v2/session/{id}', url: `/chat/v2/session/${id}?includeDetails=ClassificationDetails`, problems: ['response.classification.amount: must not be null'] },
			]);
		} finally {
			sb.reset();
		}
	});
});
