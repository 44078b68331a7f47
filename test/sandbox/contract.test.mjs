import { describe, it, expect } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { derive, stableStringify, specDir, DEFAULT_OUT, REPO_ROOT } from '../../sandbox/contract/derive.mjs';
import { loadContract, createValidator, validateValue } from '../../sandbox/validate.mjs';

describe('contract derivation', () => {
	it('the spec is the official export kept in the repository (spec/wts-openapi)', () => {
		expect(specDir()).toBe(join(REPO_ROOT, 'spec', 'wts-openapi'));
		for (const service of ['core', 'chat', 'crm']) expect(existsSync(join(specDir(), `${service}.json`)), service).toBe(true);
	});

	it('re-deriving yields the committed contract.json byte for byte', () => {
		const dir = mkdtempSync(join(tmpdir(), 'wts-contract-'));
		try {
			const a = join(dir, 'a.json');
			const b = join(dir, 'b.json');
			execFileSync(process.execPath, ['sandbox/contract/derive.mjs', '--out', a], { cwd: REPO_ROOT, stdio: 'pipe' });
			execFileSync(process.execPath, ['sandbox/contract/derive.mjs', '--out', b], { cwd: REPO_ROOT, stdio: 'pipe' });
			const textA = readFileSync(a, 'utf8');
			expect(readFileSync(b, 'utf8')).toBe(textA);
			expect(readFileSync(DEFAULT_OUT, 'utf8')).toBe(textA);
			expect(stableStringify(derive())).toBe(textA);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('has every documented operation with service-prefixed paths and no prose', () => {
		const c = loadContract();
		const keys = Object.keys(c.operations);
		expect(keys).toHaveLength(109);
		for (const op of Object.values(c.operations)) {
			expect(op.path.startsWith(`/${op.service}/`)).toBe(true);
			expect(op.statusCodes).toContain('200');
		}
		const text = readFileSync(DEFAULT_OUT, 'utf8');
		expect(text).not.toMatch(/Filtro por|Limite superior|ID da conversa/); // descriptions are dropped
		expect(c.sources.chat.sha256).toMatch(/^[0-9a-f]{64}$/);
	});

	it('keeps the facts the sandbox relies on', () => {
		const c = loadContract();
		const list = c.operations['GET /chat/v2/session'];
		const pageSize = list.queryParams.find((p) => p.name === 'PageSize');
		expect(pageSize).toMatchObject({ type: 'integer', minimum: 1, maximum: 100, default: 15 });
		expect(list.queryParams.find((p) => p.name === 'Status').items.enum).toContain('IN_PROGRESS');
		expect(list.response200).toEqual({ schemaName: 'PublicSessionDTOV2PublicPageListDTO' });

		const partial = c.operations['PUT /chat/v2/session/{id}/partial'];
		expect(partial.pathParams).toEqual([{ name: 'id', type: 'string', format: 'uuid' }]);
		expect(partial.requestBody.schema.additionalProperties).toBe(false);
		expect(partial.requestBody.schema.properties.fields.items.enum).toContain('Metadata');
		expect(partial.requestBody.schema.properties.options.properties.stopBotInExecution.type).toBe('boolean');

		const batchCancel = c.operations['POST /chat/v1/scheduled-message/batch-cancel'];
		expect(batchCancel.requestBody.schema).toMatchObject({ type: 'array', items: { type: 'string', format: 'uuid' } });

		expect(c.operations['POST /chat/v1/send/text'].sendFamily).toBe(true);
		expect(c.operations['POST /chat/v1/send/text'].errorSchemas['429']).toBe('ProblemDetails');
		expect(c.operations['GET /core/v1/agent'].response200).toEqual({ arrayOf: 'PublicAgentDTO' });
		expect(c.services.chat.enums['PublicSessionDTO.status']).toEqual(['UNDEFINED', 'STARTED', 'PENDING', 'IN_PROGRESS', 'COMPLETED', 'HIDDEN']);
	});
});

describe('readOnly in the contract', () => {
	/** Paths of readOnly properties reachable in a compact (inline) schema. */
	const readOnlyPaths = (schema, at = 'body', out = []) => {
		if (!schema || typeof schema !== 'object') return out;
		if (schema.readOnly) out.push(at);
		for (const [k, ps] of Object.entries(schema.properties ?? {})) readOnlyPaths(ps, `${at}.${k}`, out);
		if (schema.items) readOnlyPaths(schema.items, `${at}[]`, out);
		if (schema.additionalProperties && typeof schema.additionalProperties === 'object') readOnlyPaths(schema.additionalProperties, `${at}.*`, out);
		return out;
	};

	it('keeps readOnly; the only request bodies with readOnly properties are the contact updates (utm.sourceId, utm.clid)', () => {
		const c = loadContract();
		const found = Object.fromEntries(
			Object.entries(c.operations)
				.map(([key, op]) => [key, op.requestBody ? readOnlyPaths(op.requestBody.schema) : []])
				.filter(([, paths]) => paths.length),
		);
		// sandbox/README.md lists these; update it when the spec changes
		expect(found).toEqual({
			'PUT /core/v2/contact/{id}': ['body.utm.clid', 'body.utm.sourceId'],
			'PUT /core/v1/contact/phonenumber/{phone}': ['body.utm.clid', 'body.utm.sourceId'],
		});
		expect(c.services.core.schemas.PublicContactDTOPublicPageListDTO.properties.hasMorePages.readOnly).toBe(true); // responses keep it too
		for (const op of Object.values(c.operations)) for (const p of [...op.queryParams, ...op.headerParams]) expect(p.readOnly, `${op.path} ${p.name}`).toBeUndefined();
	});
});

describe('validator (unit)', () => {
	const v = createValidator(loadContract());
	const req = (method, url, { body, contentType = 'application/json' } = {}) => {
		const u = new URL(url, 'http://x');
		const raw = body === undefined ? Buffer.alloc(0) : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
		return v.validateRequest({ method, pathname: u.pathname, searchParams: u.searchParams, headers: { 'content-type': contentType }, rawBody: raw });
	};
	const id = '6f1c2b7e-8a4d-4c3b-9e2f-1a2b3c4d5e6f';

	it('matches literal segments before parameters', () => {
		expect(v.matchRoute('GET', `/chat/v1/session/note/${id}`).key).toBe('GET /chat/v1/session/note/{id}');
		expect(v.matchRoute('GET', `/chat/v1/session/${id}/note`).key).toBe('GET /chat/v1/session/{id}/note');
		expect(v.matchRoute('PATCH', '/chat/v2/session').kind).toBe('method-not-allowed');
		expect(v.matchRoute('GET', '/v1/channel').kind).toBe('no-route');
	});

	it('binds query names case-insensitively but enum values strictly', () => {
		expect(req('GET', '/chat/v2/session?pagesize=10&status=IN_PROGRESS').problems).toEqual([]);
		const r = req('GET', '/chat/v2/session?Status=in_progress');
		expect(r.problems.join()).toMatch(/case-sensitive: use "IN_PROGRESS"/);
		expect(req('GET', '/chat/v2/session?Status=IN_PROGRESS,STARTED').problems).toHaveLength(1);
	});

	it('parses repeated keys into arrays and types scalars', () => {
		const r = req('GET', '/chat/v2/session?Status=STARTED&Status=PENDING&PageSize=20&PageNumber=2&Metadata[pedido]=4800');
		expect(r.problems).toEqual([]);
		expect(r.query).toMatchObject({ Status: ['STARTED', 'PENDING'], PageSize: 20, PageNumber: 2, Metadata: { pedido: '4800' } });
		expect(req('GET', '/chat/v2/session?PageSize=1&PageSize=2').problems.join()).toMatch(/not an array parameter/);
	});

	it('checks formats and ranges', () => {
		expect(req('GET', '/chat/v2/session/not-a-uuid').problems.join()).toMatch(/path\.id.*not a UUID/);
		expect(req('GET', '/chat/v2/session?PageSize=0').problems.join()).toMatch(/less than the minimum 1/);
		expect(req('GET', '/chat/v2/session?CreatedAt.After=2025-01-01').problems.join()).toMatch(/date-time/);
		expect(req('GET', '/chat/v2/session?CreatedAt.After=2025-01-01T00:00:00.1234567Z').problems).toEqual([]);
		expect(req('GET', '/chat/v1/message').problems).toEqual(['query.SessionId: is required']);
	});

	it('checks JSON bodies: unknown properties, required, types, enums, nested objects', () => {
		const url = `/chat/v1/session/${id}/transfer`;
		expect(req('PUT', url, { body: { type: 'USER', newUserId: id, options: { stopBotInExecution: true } } }).problems).toEqual([]);
		const p = req('PUT', url, { body: { type: 'user', newUserID: id, options: { stopBot: 1 } } }).problems.join('\n');
		expect(p).toMatch(/body\.type: "user" is not one of/);
		expect(p).toMatch(/body\.newUserID: unknown property.*use "newUserId"/);
		expect(p).toMatch(/body\.options\.stopBot: unknown property/);
		expect(req('PUT', url, { body: {} }).problems).toEqual(['body.type: is required']);
		expect(req('PUT', url).problems.join()).toMatch(/JSON body is required/);
		expect(req('PUT', url, { body: '{"type":', contentType: 'application/json' }).problems.join()).toMatch(/not valid JSON/);
		expect(req('PUT', url, { body: { type: 'USER' }, contentType: 'text/plain' }).problems.join()).toMatch(/content-type/);
		expect(req('PUT', `/chat/v1/session/${id}/complete`).problems).toEqual([]); // optional body
		expect(req('GET', '/core/v1/agent', { body: { a: 1 } }).problems.join()).toMatch(/takes no request body/);
	});

	it('checks maxLength, minItems and maxItems', () => {
		const big = { items: Array.from({ length: 101 }, () => ({ name: 'x' })) };
		expect(req('POST', '/core/v2/contact/batch', { body: big }).problems.join()).toMatch(/maxItems is 100/);
		expect(req('POST', '/core/v2/contact/batch', { body: { items: [] } }).problems.join()).toMatch(/minItems is 1/);
		expect(req('POST', '/core/v1/tag', { body: { name: 'x'.repeat(256) } }).problems.join()).toMatch(/maxLength 255/);
	});

	it('validateResponse catches drift from the response schemas', () => {
		expect(v.validateResponse('GET /core/v1/tag', [{ id, name: 'x', color: 'GRAY_600', createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' }])).toEqual([]);
		const p = v.validateResponse('GET /core/v1/tag', [{ id: 'nope', name: 1, colour: 'x' }]);
		expect(p.join('\n')).toMatch(/response\[0\]\.id: "nope" is not a UUID/);
		expect(p.join('\n')).toMatch(/response\[0\]\.name: expected a string/);
		expect(p.join('\n')).toMatch(/response\[0\]\.colour: unknown property/);
		expect(v.validateResponse('DELETE /core/v1/tag/{id}', undefined)).toEqual([]);
	});

	it('validateValue allows null only where nullable (or for object references)', () => {
		expect(validateValue({ type: 'string', nullable: true }, null, '$')).toEqual([]);
		expect(validateValue({ type: 'boolean' }, null, '$')).toEqual(['$: must not be null']);
		expect(validateValue({ type: 'object', schemaName: 'X', properties: {} }, null, '$')).toEqual([]);
		expect(validateValue({ type: 'integer', format: 'int32' }, 1.5, '$').join()).toMatch(/integer/);
	});
});
