// Request-validation rules added after review: no null body root, calendar-correct date-times,
// no readOnly properties in request bodies (and never stored), dictionary query parameters only in
// the bracket form. Unit checks against the validator plus requests to strict and lenient sandboxes.
import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { SEED, HANDLERS, startSandbox } from '../../sandbox/server.mjs';
import { loadContract, createValidator, dateTimeProblem } from '../../sandbox/validate.mjs';
import { client, useStrictSandbox } from './helpers.mjs';

let sb;
let api;

const strict = useStrictSandbox();
beforeAll(() => {
	({ sb, api } = strict);
});

const contract = loadContract();
const v = createValidator(contract);
const id = '6f1c2b7e-8a4d-4c3b-9e2f-1a2b3c4d5e6f';
const req = (method, url, body) => {
	const u = new URL(url, 'http://x');
	const raw = body === undefined ? Buffer.alloc(0) : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
	return v.validateRequest({ method, pathname: u.pathname, searchParams: u.searchParams, headers: { 'content-type': 'application/json' }, rawBody: raw });
};
const json = { 'content-type': 'application/json' };

/** A lenient sandbox (violations recorded, requests still handled) for "handlers never ..." checks. */
function useLenientSandbox() {
	const ctx = { sb: undefined, api: undefined };
	beforeAll(async () => {
		ctx.sb = await startSandbox({ port: 0, quiet: true, strict: false, checkResponses: true, rateLimits: false });
		ctx.api = client(ctx.sb);
	});
	afterAll(() => ctx.sb?.close());
	afterEach(() => ctx.sb.reset());
	return ctx;
}

/** A concrete URL for an operation, with seeded ids in its path parameters. */
function urlFor(op) {
	return op.path
		.replace('{phone}', '5511999990006')
		.replace('{cardId}', SEED.cards.uniformes.id)
		.replace('{id}', () => {
			if (op.path.includes('/session/')) return SEED.sessions.inProgress[0];
			if (op.path.includes('/sequence/')) return SEED.sequences.boasVindas.id;
			if (op.path.includes('/agent/')) return SEED.agents.bruno.id;
			if (op.path.includes('/department/')) return SEED.departments.vendas.id;
			if (op.path.includes('/tag/')) return SEED.tags.vip.id;
			if (op.path.includes('/portfolio/')) return SEED.portfolios.vip.id;
			if (op.path.includes('/contact/')) return SEED.contacts.paulo.id;
			if (op.path.includes('/panel/card/')) return SEED.cards.uniformes.id;
			if (op.path.includes('/scheduled-message/')) return SEED.scheduledMessages.followUp.id;
			throw new Error(`no seeded id for ${op.path}`);
		});
}

describe('null request body', () => {
	it('a JSON null root is a violation on every operation that takes a body (nested null may stay)', () => {
		const withBody = Object.entries(contract.operations).filter(([, op]) => op.requestBody);
		expect(withBody.length).toBeGreaterThan(40);
		for (const [key, op] of withBody) {
			const problems = req(op.method, op.path.replace(/\{[^}]+\}/g, id), 'null').problems;
			expect(problems.filter((p) => p.startsWith('body: must not be null')), key).toHaveLength(1);
		}
		// a nested null for a reference-typed property is still accepted
		expect(req('PUT', `/chat/v1/session/${id}/transfer`, { type: 'USER', newUserId: id, options: null }).problems).toEqual([]);
		// no body at all: fine when optional, a violation when the schema has required fields
		expect(req('PUT', `/chat/v1/session/${id}/complete`).problems).toEqual([]);
		expect(req('PUT', `/chat/v1/session/${id}/status`).problems.join()).toMatch(/JSON body is required.*newStatus/);
	});

	it('PUT /chat/v1/session/{id}/status with body null → 400 and the session keeps its status', async () => {
		const sid = SEED.sessions.inProgress[0];
		const before = sb.state.sessions.get(sid).status;
		const r = await api.call('PUT', `/chat/v1/session/${sid}/status`, { raw: 'null', headers: json });
		expect(r.status).toBe(400);
		expect(r.body.errors.join()).toMatch(/body: must not be null.*PublicReqChangeStatusSessionDTO.*newStatus/);
		expect(sb.state.sessions.get(sid).status).toBe(before);
		const violations = sb.takeViolations();
		expect(violations).toHaveLength(1);
		expect(violations[0]).toMatchObject({ operation: 'PUT /chat/v1/session/{id}/status' });
	});

	describe('lenient sandbox', () => {
		const lenient = useLenientSandbox();

		it('no handler crashes, stores garbage or answers off-contract on a null body', async () => {
			const ops = Object.entries(contract.operations).filter(([key, op]) => op.requestBody && HANDLERS[key]);
			expect(ops.length).toBeGreaterThan(15);
			for (const [key, op] of ops) {
				lenient.sb.reset();
				const before = lenient.sb.state.snapshot();
				const r = await lenient.api.call(op.method, urlFor(op), { raw: 'null', headers: json });
				expect(r.body?.key, `${key}: ${r.text.slice(0, 300)}`).not.toBe('SANDBOX_INTERNAL_ERROR');
				// The send family answers its documented ProblemDetails (400, and 404 where declared) instead of FORM_ERROR.
				expect(op.sendFamily ? [200, 400, 404] : [200, 500], key).toContain(r.status);
				if (r.status === 500) expect(r.body?.key, key).toBe('FORM_ERROR');
				if (r.status >= 400) {
					if (r.status < 500) expect(r.body, key).toMatchObject({ status: r.status });
					expect(lenient.sb.state.snapshot(), `${key} failed but changed state`).toEqual(before);
				}
				expect(lenient.sb.violations.at(-1)?.problems.join(), key).toMatch(/body: must not be null/);
				expect(lenient.sb.responseProblems, key).toEqual([]);
			}
		});

		it('status with body null is refused (FORM_ERROR), never leaving a session without status', async () => {
			const sid = SEED.sessions.pending[0];
			const r = await lenient.api.call('PUT', `/chat/v1/session/${sid}/status`, { raw: 'null', headers: json });
			expect(r.status).toBe(500);
			expect(r.body).toMatchObject({ key: 'FORM_ERROR' });
			expect(lenient.sb.state.sessions.get(sid).status).toBe('PENDING');
		});
	});
});

describe('calendar-correct date-times', () => {
	it('dateTimeProblem checks month, day (leap years), hour, minute, second and zone offset', () => {
		for (const ok of ['2024-02-29T00:00:00Z', '2000-02-29T23:59:59.9999999Z', '2025-12-31T23:59:59-03:00', '2025-01-31T13:45:00+14:00', '0001-01-01T00:00:00Z'])
			expect(dateTimeProblem(ok), ok).toBeNull();
		const bad = {
			'2025-02-30T00:00:00Z': /day 30 does not exist \(February 2025 has 28 days\)/,
			'2025-02-29T00:00:00Z': /February 2025 has 28 days/,
			'1900-02-29T00:00:00Z': /February 1900 has 28 days/,
			'2025-04-31T00:00:00Z': /April 2025 has 30 days/,
			'2025-00-10T00:00:00Z': /month 00/,
			'2025-13-01T00:00:00Z': /month 13/,
			'2025-01-00T00:00:00Z': /day 00/,
			'2025-01-01T24:00:00Z': /hour 24 is not 00-23/,
			'2025-01-01T12:60:00Z': /minute 60/,
			'2025-01-01T12:00:60Z': /second 60/,
			'0000-01-01T00:00:00Z': /year 0000/,
			'2025-01-01T12:00:00+15:00': /zone offset/,
			'2025-01-01T12:00:00+03:60': /zone offset/,
			'2025-01-01': /ISO-8601 date-time with seconds and a zone/,
		};
		for (const [s, re] of Object.entries(bad)) expect(dateTimeProblem(s), s).toMatch(re);
	});

	it('applies to query parameters, path parameters and body properties', () => {
		expect(req('GET', '/chat/v2/session?CreatedAt.After=2025-02-30T00:00:00Z').problems.join()).toMatch(/query\.CreatedAt\.After: "2025-02-30T00:00:00Z" is not a real date-time/);
		expect(req('GET', '/chat/v2/session?UpdatedAt.Before=2025-01-01T24:00:00Z').problems.join()).toMatch(/hour 24/);
		expect(req('PUT', `/chat/v2/session/${id}/partial`, { fields: ['EndAt'], endAt: '2025-02-30T10:00:00Z' }).problems.join()).toMatch(/body\.endAt: .*day 30 does not exist/);
		// no documented path parameter is a date-time today; the rule covers one anyway
		const fake = createValidator({
			services: {},
			operations: { 'GET /x/{at}': { service: 'x', method: 'GET', path: '/x/{at}', pathParams: [{ name: 'at', type: 'string', format: 'date-time' }], queryParams: [], requestBody: null } },
		});
		const at = (s) => fake.validateRequest({ method: 'GET', pathname: `/x/${s}`, searchParams: new URLSearchParams(), headers: {}, rawBody: Buffer.alloc(0) }).problems;
		expect(at('2024-02-29T10:00:00Z')).toEqual([]);
		expect(at('2025-02-29T10:00:00Z').join()).toMatch(/path\.at: .*February 2025 has 28 days/);
	});

	it('the sandbox answers 400 for an impossible date (Date.parse would roll it over)', async () => {
		const sid = SEED.sessions.inProgress[0];
		const r = await api.put(`/chat/v2/session/${sid}/partial`, { fields: ['EndAt'], endAt: '2025-01-01T24:00:00Z' });
		expect(r.status).toBe(400);
		expect(sb.state.sessions.get(sid).endAt).toBeNull();
		const l = await api.get('/chat/v2/session?CreatedAt.After=2025-02-30T00:00:00Z');
		expect(l.status).toBe(400);
		expect(sb.takeViolations().map((x) => x.problems.join())).toEqual([expect.stringMatching(/hour 24/), expect.stringMatching(/day 30/)]);
	});
});

describe('readOnly properties in request bodies', () => {
	const url = `/core/v2/contact/${id}`;

	it('the contract keeps readOnly and the validator reports it (PublicUtmDTO.sourceId / clid)', () => {
		const utm = contract.operations['PUT /core/v2/contact/{id}'].requestBody.schema.properties.utm;
		expect(utm.properties.sourceId.readOnly).toBe(true);
		expect(utm.properties.clid.readOnly).toBe(true);
		expect(req('PUT', url, { fields: ['Utm'], utm: { source: 'google', medium: 'cpc' } }).problems).toEqual([]);
		const p = req('PUT', url, { fields: ['Utm'], utm: { source: 'google', sourceId: 'x', clid: null } }).problems;
		expect(p).toEqual([
			expect.stringMatching(/^body\.utm\.sourceId: is readOnly/),
			expect.stringMatching(/^body\.utm\.clid: is readOnly/), // present, even as null
		]);
		expect(req('PUT', '/core/v1/contact/phonenumber/5511999990001', { utm: { clid: 'c' } }).problems.join()).toMatch(/body\.utm\.clid: is readOnly/);
		// the handler gets the body without them
		expect(req('PUT', url, { fields: ['Utm'], utm: { source: 'google', sourceId: 'x' } }).body).toEqual({ fields: ['Utm'], utm: { source: 'google' } });
	});

	it('strict sandbox: 400; writable UTM fields are stored with the server-owned ones untouched', async () => {
		const cid = SEED.contacts.maria.id;
		const bad = await api.put(`/core/v2/contact/${cid}`, { fields: ['Utm'], utm: { source: 'google', sourceId: 'forged' } });
		expect(bad.status).toBe(400);
		expect(sb.takeViolations()[0].problems).toEqual([expect.stringMatching(/body\.utm\.sourceId: is readOnly/)]);
		expect(sb.state.contacts.get(cid).utm).toBeNull();

		sb.state.contacts.get(cid).utm = { sourceId: 'ad-1', source: 'meta', clid: 'fbclid-1', medium: null, campaign: null, content: null, headline: null, term: null, referralUrl: null };
		const ok = await api.put(`/core/v2/contact/${cid}`, { fields: ['Utm'], utm: { source: 'google', campaign: 'natal' } });
		expect(ok.status).toBe(200);
		expect(ok.body.utm).toMatchObject({ sourceId: 'ad-1', clid: 'fbclid-1', source: 'google', campaign: 'natal', medium: null });
	});

	describe('lenient sandbox', () => {
		const lenient = useLenientSandbox();

		it('a readOnly field let through is never stored', async () => {
			const cid = SEED.contacts.joao.id;
			const r = await lenient.api.put(`/core/v2/contact/${cid}`, { fields: ['Utm'], utm: { source: 'google', sourceId: 'forged', clid: 'forged' } });
			expect(r.status).toBe(200);
			expect(lenient.sb.violations).toHaveLength(1);
			expect(lenient.sb.state.contacts.get(cid).utm).toMatchObject({ source: 'google', sourceId: null, clid: null });
			const byPhone = await lenient.api.put('/core/v1/contact/phonenumber/5511999990006', { fields: ['Utm'], utm: { clid: 'forged' } });
			expect(byPhone.status).toBe(200);
			expect(lenient.sb.state.contacts.get(SEED.contacts.paulo.id).utm).toMatchObject({ clid: null });
		});
	});
});

describe('dictionary query parameters (GET /chat/v2/session Metadata)', () => {
	const q = (query) => req('GET', `/chat/v2/session?${query}`);

	it('accepts only Metadata[<key>]=<value>, URL-encoded, one parameter per key', () => {
		expect(q('Metadata[pedido]=4800&Metadata[origem]=site')).toMatchObject({ problems: [], query: { Metadata: { pedido: '4800', origem: 'site' } } });
		expect(q('metadata%5Bnome%20do%20cliente%5D=Jos%C3%A9%20da%20Silva')).toMatchObject({ problems: [], query: { Metadata: { 'nome do cliente': 'José da Silva' } } });
	});

	it('rejects the dotted form, empty keys, plain values, repeated keys and empty values, naming the bracket form', () => {
		expect(q('Metadata.pedido=4800').problems).toEqual([expect.stringMatching(/^query\.Metadata\.pedido: dotted names do not bind .* Metadata\[pedido\]=<value>/)]);
		expect(q('Metadata[]=4800').problems).toEqual([expect.stringMatching(/^query\.Metadata\[\]: empty dictionary key .*Metadata\[<key>\]=<value>/)]);
		expect(q('Metadata=4800').problems).toEqual([expect.stringMatching(/takes no plain value.*Metadata\[<key>\]=<value>/)]);
		expect(q('Metadata[0].Key=pedido&Metadata[0].Value=4800').problems.join('\n')).toMatch(/malformed dictionary key.*Metadata\[<key>\]=<value>/);
		expect(q('Metadata[a]=1&Metadata[a]=2').problems).toEqual([expect.stringMatching(/key "a" is given more than once/)]);
		expect(q('Metadata[a]=').problems).toEqual(['query.Metadata[a]: empty value']);
	});
});
