import { describe, it, expect, beforeAll } from 'vitest';
import { HANDLERS, SEED, startSandbox } from '../../sandbox/server.mjs';
import { client, qs, useStrictSandbox } from './helpers.mjs';

let sb;
let api;

const strict = useStrictSandbox();
beforeAll(() => {
	({ sb, api } = strict);
});

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('startSandbox', () => {
	it('binds to loopback on a free port and exposes its handles', () => {
		expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(sb.port).toBeGreaterThan(0);
		expect(sb.token).toBe('pn_sandbox_token');
		expect(Array.isArray(sb.violations)).toBe(true);
		expect(Array.isArray(sb.requests)).toBe(true);
		expect(typeof sb.faults.add).toBe('function');
		expect(sb.state.sessions.size).toBe(40);
	});

	it('seeds deterministically for a given seedAnchor (ids are stable regardless)', async () => {
		const seedAnchor = '2025-06-02T12:00:00.000Z';
		const a = await startSandbox({ seedAnchor, quiet: true });
		const b = await startSandbox({ seedAnchor, quiet: true });
		try {
			expect(a.state.snapshot()).toEqual(b.state.snapshot());
			expect(a.state.seedAnchor).toBe(seedAnchor);
			const first = a.state.sessions.get(SEED.sessions.started[0]);
			expect(first.createdAt).toBe('2025-06-02T11:50:00.000Z');
			a.reset();
			expect(a.state.snapshot()).toEqual(b.state.snapshot());
		} finally {
			await Promise.all([a.close(), b.close()]);
		}
		expect([...sb.state.sessions.keys()].sort()).toEqual([...SEED.sessions.all].sort());
	});

	it('refuses a non-loopback host', async () => {
		await expect(startSandbox({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
	});
});

describe('auth', () => {
	it('answers 401 with the InternalException envelope without a token', async () => {
		const r = await api.get('/core/v1/agent', { token: null });
		expect(r.status).toBe(401);
		expect(r.body).toMatchObject({
			httpStatusCode: 401,
			version: null,
			environment: null,
			error: true,
			key: 'ERROR_UNAUTHORIZED',
			text: 'Acesso negado',
			isUnsolvableError: false,
			details: null,
		});
		expect(r.body.id.value).toMatch(UUID_RE);
		expect(r.body.id.shortValue).toBe(r.body.id.value.slice(0, 8));
		expect(Number.isNaN(Date.parse(r.body.date))).toBe(false);
	});

	it('rejects a wrong token and a token without the Bearer scheme', async () => {
		expect((await api.get('/core/v1/agent', { token: 'pn_wrong' })).status).toBe(401);
		const raw = await api.get('/core/v1/agent', { token: null, headers: { authorization: sb.token } });
		expect(raw.status).toBe(401);
	});

	it('checks auth before routing: an unknown route without a token is 401, not a violation', async () => {
		const r = await api.get('/v1/channel', { token: null });
		expect(r.status).toBe(401);
		expect(sb.violations).toEqual([]);
	});

	it('accepts the configured token (credential test target)', async () => {
		const r = await api.get('/core/v1/agent');
		expect(r.status).toBe(200);
		expect(r.body.map((a) => a.name)).toEqual(['Ana Souza', 'Bruno Lima', 'Carla Mendes', 'Diego Rocha']);
	});
});

describe('contract violations', () => {
	it('unknown route → 404 + violation', async () => {
		const r = await api.get('/chat/v1/nope');
		expect(r.status).toBe(404);
		expect(r.body.title).toBe('Sandbox contract violation');
		const v = sb.takeViolations();
		expect(v).toHaveLength(1);
		expect(v[0]).toMatchObject({ method: 'GET', url: '/chat/v1/nope', operation: null });
		expect(v[0].problems[0]).toMatch(/not a documented route/);
	});

	it('wrong method → 405 with Allow + violation', async () => {
		const r = await api.call('PATCH', `/chat/v2/session/${SEED.sessions.all[0]}/partial`, { body: {} });
		expect(r.status).toBe(405);
		expect(r.headers.get('allow')).toBe('PUT');
		expect(sb.takeViolations()).toHaveLength(1);
	});

	it('unknown body field → 400 ProblemDetails + violation, state untouched', async () => {
		const id = SEED.sessions.inProgress[0];
		const r = await api.put(`/chat/v2/session/${id}/partial`, { fields: ['Number'], number: '123', protocol: 'x' });
		expect(r.status).toBe(400);
		expect(r.body).toMatchObject({ title: 'Sandbox contract violation', status: 400 });
		expect(r.body.detail).toMatch(/body\.protocol: unknown property/);
		expect(r.body.errors).toHaveLength(1);
		const [v] = sb.takeViolations();
		expect(v.operation).toBe('PUT /chat/v2/session/{id}/partial');
		expect(sb.state.sessions.get(id).number).not.toBe('123');
	});

	it('bad enum case → violation', async () => {
		const r = await api.get(`/chat/v2/session${qs({ IncludeDetails: 'agentDetails' })}`);
		expect(r.status).toBe(400);
		expect(sb.takeViolations()[0].problems[0]).toMatch(/case-sensitive: use "AgentDetails"/);
	});

	it('PageSize 101 → violation', async () => {
		const r = await api.get('/chat/v2/session?PageSize=101');
		expect(r.status).toBe(400);
		expect(sb.takeViolations()[0].problems).toEqual(['query.PageSize: 101 is greater than the maximum 100']);
	});

	it('documented but unsimulated operation → 501 + violation', async () => {
		const unsimulated = Object.values(sb.contract.operations).find(
			(op) => op.method === 'GET' && !op.pathParams.length && !op.queryParams.some((q) => q.required) && !HANDLERS[`${op.method} ${op.path}`],
		);
		if (!unsimulated) return; // every documented operation is simulated
		const r = await api.get(unsimulated.path);
		expect(r.status).toBe(501);
		expect(r.body.title).toBe('Not simulated yet');
		expect(sb.takeViolations()[0].problems[0]).toMatch(/is documented but not simulated/);
	});

	it('lenient mode records but lets the request through', async () => {
		const lenient = await startSandbox({ strict: false, quiet: true });
		try {
			const r = await client(lenient).get('/chat/v2/session?PageSize=50&Bogus=1');
			expect(r.status).toBe(200);
			expect(r.body.pageSize).toBe(50);
			expect(lenient.violations).toHaveLength(1);
		} finally {
			await lenient.close();
		}
	});
});

describe('paging', () => {
	it('pages GET /chat/v2/session with the documented envelope', async () => {
		const first = await api.get('/chat/v2/session');
		expect(first.status).toBe(200);
		expect(first.body).toMatchObject({ pageNumber: 1, pageSize: 15, orderBy: null, orderDirection: null, totalItems: 40, totalPages: 3, hasMorePages: true });
		expect(first.body.items).toHaveLength(15);

		const seen = new Set();
		for (let page = 1; ; page++) {
			const r = await api.get(`/chat/v2/session${qs({ PageNumber: page, PageSize: 15 })}`);
			r.body.items.forEach((s) => seen.add(s.id));
			if (!r.body.hasMorePages) {
				expect(page).toBe(3);
				expect(r.body.items).toHaveLength(10);
				break;
			}
		}
		expect([...seen].sort()).toEqual([...SEED.sessions.all].sort());

		const all = await api.get('/chat/v2/session?PageSize=100');
		expect(all.body).toMatchObject({ totalItems: 40, totalPages: 1, hasMorePages: false });
		expect(all.body.items).toHaveLength(40);

		const beyond = await api.get('/chat/v2/session?PageNumber=9');
		expect(beyond.body).toMatchObject({ items: [], totalItems: 40, hasMorePages: false });
	});

	it('orders by OrderBy/OrderDirection and echoes them', async () => {
		const r = await api.get('/chat/v2/session?PageSize=100&OrderBy=createdAt&OrderDirection=ASCENDING');
		expect(r.body).toMatchObject({ orderBy: 'createdAt', orderDirection: 'ASCENDING' });
		const dates = r.body.items.map((s) => s.createdAt);
		expect(dates).toEqual([...dates].sort());
	});

	it('returns bare arrays for the non-paged listings', async () => {
		for (const path of ['/chat/v1/channel', '/core/v1/tag', '/core/v1/agent', '/core/v2/department']) {
			const r = await api.get(path);
			expect(r.status).toBe(200);
			expect(Array.isArray(r.body)).toBe(true);
		}
		expect((await api.get('/core/v1/tag')).body).toHaveLength(6);
		expect((await api.get('/chat/v1/channel')).body).toHaveLength(3);
		expect((await api.get('/chat/v1/channel?ChannelType=Instagram')).body.map((c) => c.id)).toEqual([SEED.channels.instagram.id]);
	});
});

describe('session listing filters', () => {
	const ids = async (query) => (await api.get(`/chat/v2/session${qs({ PageSize: 100, ...query })}`)).body.items.map((s) => s.id).sort();

	it('filters by Status[] (repeated keys), department, user, channel, contact', async () => {
		expect(await ids({ Status: 'IN_PROGRESS' })).toEqual([...SEED.sessions.inProgress].sort());
		expect(await ids({ Status: ['STARTED', 'PENDING'] })).toEqual([...SEED.sessions.started, ...SEED.sessions.pending].sort());
		expect(await ids({ ChannelsId: SEED.channels.instagram.id })).toEqual([...SEED.sessions.byChannel.instagram].sort());

		const dep = await api.get(`/chat/v2/session${qs({ PageSize: 100, DepartmentId: SEED.departments.financeiro.id })}`);
		expect(dep.body.items.length).toBeGreaterThan(0);
		expect(dep.body.items.every((s) => s.departmentId === SEED.departments.financeiro.id)).toBe(true);

		const byUser = await api.get(`/chat/v2/session${qs({ PageSize: 100, UserId: SEED.agents.diego.userId })}`);
		expect(byUser.body.items.length).toBeGreaterThan(0);
		expect(byUser.body.items.every((s) => s.userId === SEED.agents.diego.userId)).toBe(true);

		const byContact = await api.get(`/chat/v2/session${qs({ PageSize: 100, ContactId: SEED.contacts.maria.id })}`);
		expect(byContact.body.totalItems).toBe(5);
	});

	it('filters by tags (of the contact) and by date ranges', async () => {
		const vip = await api.get(`/chat/v2/session${qs({ PageSize: 100, TagsName: 'VIP', IncludeDetails: 'ContactDetails' })}`);
		expect(vip.body.items.length).toBeGreaterThan(0);
		expect(vip.body.items.every((s) => s.contactDetails.tagsName.includes('VIP'))).toBe(true);
		const vipById = await ids({ TagsId: SEED.tags.vip.id });
		expect(vipById).toEqual(vip.body.items.map((s) => s.id).sort());

		const cut = new Date(Date.parse(sb.state.seedAnchor) - 24 * 3600_000).toISOString();
		const recent = await api.get(`/chat/v2/session${qs({ PageSize: 100, 'CreatedAt.After': cut })}`);
		expect(recent.body.items.every((s) => s.createdAt >= cut)).toBe(true);
		const old = await api.get(`/chat/v2/session${qs({ PageSize: 100, 'CreatedAt.Before': cut })}`);
		expect(recent.body.totalItems + old.body.totalItems).toBe(40);
		const ended = await ids({ 'EndAt.After': '2000-01-01T00:00:00Z' });
		expect(ended).toEqual([...SEED.sessions.completed].sort());
	});

	it('filters by Metadata[<key>]=<value>: exact, case-sensitive, several keys AND-ed', async () => {
		const seeded = [...sb.state.sessions.values()].filter((s) => s.metadata.origem === 'site');
		expect(seeded.length).toBeGreaterThan(1); // the seed has sessions with { pedido, origem: 'site' }
		const one = seeded[0];

		// one key
		expect(await ids({ 'Metadata[origem]': 'site' })).toEqual(seeded.map((s) => s.id).sort());
		expect(await ids({ 'Metadata[origem]': 'Site' })).toEqual([]); // values are case-sensitive
		expect(await ids({ 'Metadata[Origem]': 'site' })).toEqual([]); // keys too
		expect(await ids({ 'Metadata[origem]': 'sit' })).toEqual([]); // exact, not "contains"
		// two keys: both must match
		expect(await ids({ 'Metadata[origem]': 'site', 'Metadata[pedido]': one.metadata.pedido })).toEqual([one.id]);
		expect(await ids({ 'Metadata[origem]': 'whatsapp', 'Metadata[pedido]': one.metadata.pedido })).toEqual([]);

		// a key with spaces and accents, set through the partial update, found with the URL-encoded bracket form
		const target = SEED.sessions.pending[1];
		const set = await api.put(`/chat/v2/session/${target}/partial`, { fields: ['Metadata'], metadata: { 'código do pedido': 'Nº 42 ação', origem: 'site' } });
		expect(set.status).toBe(200);
		const encoded = `Metadata%5B${encodeURIComponent('código do pedido')}%5D=${encodeURIComponent('Nº 42 ação')}`;
		expect(encoded).toBe('Metadata%5Bc%C3%B3digo%20do%20pedido%5D=N%C2%BA%2042%20a%C3%A7%C3%A3o');
		const r = await api.get(`/chat/v2/session?PageSize=100&${encoded}`);
		expect(r.status).toBe(200);
		expect(r.body.items.map((s) => s.id)).toEqual([target]);
		expect(r.body.items[0].metadata).toMatchObject({ 'código do pedido': 'Nº 42 ação' });
		expect(await ids({ 'Metadata[código do pedido]': 'Nº 42 ação', 'Metadata[origem]': 'site' })).toEqual([target]); // URLSearchParams encoding (+ for spaces)
		expect(await ids({ 'Metadata[código do pedido]': 'nº 42 ação' })).toEqual([]);
	});

	it('rejects the dotted Metadata.key form (400, hint names the bracket form)', async () => {
		const r = await api.get('/chat/v2/session?Metadata.origem=site');
		expect(r.status).toBe(400);
		expect(r.body.errors).toEqual([expect.stringMatching(/query\.Metadata\.origem: dotted names do not bind .*Metadata\[origem\]=<value>/)]);
		const empty = await api.get('/chat/v2/session?Metadata%5B%5D=site');
		expect(empty.status).toBe(400);
		expect(empty.body.errors.join()).toMatch(/empty dictionary key/);
		expect(sb.takeViolations()).toHaveLength(2);
	});

	it('fills the *Details blocks only when asked', async () => {
		const id = SEED.sessions.inProgress[0];
		const plain = await api.get(`/chat/v2/session/${id}`);
		expect(plain.body).toMatchObject({ agentDetails: null, contactDetails: null, channelDetails: null, departmentDetails: null, classification: null, type: 'INDIVIDUAL' });
		const full = await api.get(`/chat/v2/session/${id}${qs({ includeDetails: ['AgentDetails', 'ContactDetails', 'ChannelDetails', 'DepartmentsDetails', 'ChannelTypeDetails'] })}`);
		expect(full.body.agentDetails.userId).toBe(full.body.userId);
		expect(full.body.contactDetails.id).toBe(full.body.contactId);
		expect(full.body.contactDetails.phonenumber).toMatch(/^\+55\|11999990\d{3}$/);
		expect(full.body.channelDetails.displayName).toBeTruthy();
		expect(full.body.departmentDetails.id).toBe(full.body.departmentId);
		expect(full.body.channelType).toMatch(/WHATSAPP|INSTAGRAM/);
		expect(full.body.lastMessageText).toBeTruthy();
	});
});

describe('not found', () => {
	it('answers 500 FORM_ERROR like production', async () => {
		const missing = '0b0b0b0b-0000-4000-8000-000000000000';
		const r = await api.get(`/chat/v2/session/${missing}`);
		expect(r.status).toBe(500);
		expect(r.body).toMatchObject({ key: 'FORM_ERROR', text: 'Conversa não encontrada', httpStatusCode: 'INTERNALSERVERERROR', error: true });
		expect((await api.get(`/core/v1/contact/${missing}`)).body.text).toBe('Contato não encontrado');
		expect((await api.get('/core/v1/contact/phonenumber/5599000000000')).body.text).toBe('Contato não encontrado');
		expect((await api.get(`/chat/v1/message/${missing}`)).body.key).toBe('FORM_ERROR');
	});
});

describe('requests log', () => {
	it('records every API request with redacted authorization', async () => {
		await api.post(`/chat/v1/session/${SEED.sessions.inProgress[0]}/note`, { text: 'registro' });
		await api.get('/core/v1/tag?Foo=1', { token: null });
		const [note, tag] = sb.requests;
		expect(note).toMatchObject({
			method: 'POST',
			path: `/chat/v1/session/${SEED.sessions.inProgress[0]}/note`,
			query: {},
			body: { text: 'registro' },
			status: 200,
		});
		expect(note.headers.authorization).toBe('Bearer ***');
		expect(note.headers['content-type']).toBe('application/json');
		expect(note.bodyBytes).toBe(Buffer.byteLength('{"text":"registro"}'));
		expect(Number.isNaN(Date.parse(note.time))).toBe(false);
		expect(tag).toMatchObject({ method: 'GET', path: '/core/v1/tag', query: { Foo: ['1'] }, body: null, bodyBytes: 0, status: 401 });
		expect(JSON.stringify(sb.requests)).not.toContain(sb.token);
	});
});

describe('admin API', () => {
	const admin = (method, path, body) =>
		fetch(`${sb.url}/__sandbox${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined }).then(async (r) => ({ status: r.status, body: await r.json() }));

	it('serves health, seed, state, violations, requests without auth', async () => {
		expect((await admin('GET', '/health')).body).toMatchObject({ ok: true, url: sb.url, operations: 109 });
		expect((await admin('GET', '/seed')).body).toEqual(JSON.parse(JSON.stringify(SEED)));
		const state = (await admin('GET', '/state')).body;
		expect(state.sessions).toHaveLength(40);
		expect(state.agents).toHaveLength(4);
		const session = (await admin('GET', `/state/sessions/${SEED.sessions.withNotes[0]}`)).body;
		expect(session.id).toBe(SEED.sessions.withNotes[0]);
		expect(session._notes.length).toBeGreaterThan(0);
		expect((await admin('GET', '/state/sessions/nope')).status).toBe(404);
		await api.get('/core/v1/tag');
		expect((await admin('GET', '/requests')).body).toHaveLength(1);
		expect((await admin('GET', '/violations')).body).toEqual([]);
		const routes = (await admin('GET', '/routes')).body;
		expect(routes.find((r) => r.path === '/chat/v2/session' && r.method === 'GET').simulated).toBe(true);
	});

	it('POST /__sandbox/reset reseeds state and clears faults, violations, requests', async () => {
		const id = SEED.sessions.pending[0];
		await api.put(`/chat/v1/session/${id}/complete`, {});
		await api.get('/chat/v1/nope');
		sb.faults.add({ path: '/core/v1/tag', status: 503, times: -1 });
		expect(sb.state.sessions.get(id).status).toBe('COMPLETED');
		expect(sb.violations).toHaveLength(1);

		const violationsRef = sb.violations;
		const r = await admin('POST', '/reset');
		expect(r.body).toEqual({ ok: true });
		expect(sb.violations).toBe(violationsRef); // same array, emptied in place
		expect(sb.violations).toEqual([]);
		expect(sb.requests).toEqual([]);
		expect(sb.faults.list()).toEqual([]);
		expect(sb.state.sessions.get(id).status).toBe('PENDING');
		expect((await api.get('/core/v1/tag')).status).toBe(200);
	});
});
