// Strict request validation (and response self-checks) against sandbox/contract/contract.json.
//
// The real API is ASP.NET Core: query parameter NAMES bind case-insensitively, but enum VALUES
// are case-sensitive (a wrong case answers 500 FORM_ERROR in production). The sandbox is
// stricter than production on purpose: anything the real API would silently ignore (unknown
// query parameters, unknown body properties, a property name in the wrong case) is reported,
// because it is almost always a bug in the client.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const CONTRACT_FILE = join(HERE, 'contract', 'contract.json');

const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
// ISO-8601 date-time with seconds and an explicit zone (Z or ±hh:mm), 0-7 fractional digits.
const DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+$/;
const INT32 = { min: -2147483648, max: 2147483647 };
const INT64 = { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };

/** @returns {any} the parsed contract.json */
export function loadContract(file = CONTRACT_FILE) {
	return JSON.parse(readFileSync(file, 'utf8'));
}

const show = (v) => (typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v));

function enumProblem(at, value, values) {
	const hint = values.find((e) => typeof value === 'string' && e.toLowerCase() === value.toLowerCase());
	const list = values.length > 12 ? `${values.slice(0, 12).join(', ')}, ... (${values.length} values)` : values.join(', ');
	return `${at}: ${show(value)} is not one of [${list}]${hint ? ` (enum values are case-sensitive: use ${show(hint)})` : ''}`;
}

function isValidDate(s) {
	return DATE_TIME_RE.test(s) && !Number.isNaN(Date.parse(s.replace(/(\.\d{3})\d+/, '$1')));
}

/** Checks a string against an OpenAPI string format. Returns a problem suffix or null. */
function formatProblem(format, s) {
	if (format === 'uuid' && !UUID_RE.test(s)) return 'is not a UUID (expected 8-4-4-4-12 hex digits)';
	if (format === 'date-time' && !isValidDate(s))
		return 'is not an ISO-8601 date-time with seconds and a zone (e.g. 2025-01-31T13:45:00Z)';
	if (format === 'email' && !EMAIL_RE.test(s)) return 'is not an e-mail address';
	return null;
}

/**
 * Validates a JSON value against a compact schema.
 * @param {any} schema compact schema (see derive.mjs)
 * @param {any} value
 * @param {string} at JSON path for messages
 * @param {(name: string) => any} [resolveRef] resolves { ref } nodes (response schemas)
 * @param {string[]} [problems]
 * @returns {string[]}
 */
export function validateValue(schema, value, at, resolveRef, problems = []) {
	if (!schema) return problems;
	if (schema.ref) {
		const target = resolveRef?.(schema.ref);
		if (!target) return problems;
		// Component (class) references are reference types in .NET: null binds fine.
		if (value === null) return problems;
		return validateValue(target, value, at, resolveRef, problems);
	}
	if (value === null) {
		const referenceType = schema.type === 'object' && schema.schemaName;
		if (!schema.nullable && !referenceType && schema.type) problems.push(`${at}: must not be null`);
		return problems;
	}
	switch (schema.type) {
		case undefined:
			return problems; // "any"
		case 'string': {
			if (typeof value !== 'string') {
				problems.push(`${at}: expected a string, got ${typeof value} ${show(value)}`);
				return problems;
			}
			if (schema.enum && !schema.enum.includes(value)) problems.push(enumProblem(at, value, schema.enum));
			if (schema.format) {
				const p = formatProblem(schema.format, value);
				if (p) problems.push(`${at}: ${show(value)} ${p}`);
			}
			if (schema.maxLength !== undefined && value.length > schema.maxLength)
				problems.push(`${at}: length ${value.length} exceeds maxLength ${schema.maxLength}`);
			if (schema.minLength !== undefined && value.length < schema.minLength)
				problems.push(`${at}: length ${value.length} is below minLength ${schema.minLength}`);
			return problems;
		}
		case 'integer':
		case 'number': {
			if (typeof value !== 'number' || !Number.isFinite(value)) {
				problems.push(`${at}: expected ${schema.type === 'integer' ? 'an integer' : 'a number'}, got ${typeof value} ${show(value)}`);
				return problems;
			}
			if (schema.type === 'integer') {
				const range = schema.format === 'int64' ? INT64 : INT32;
				if (!Number.isInteger(value)) problems.push(`${at}: expected an integer, got ${value}`);
				else if (value < range.min || value > range.max) problems.push(`${at}: ${value} is outside the ${schema.format ?? 'int32'} range`);
			}
			if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${at}: ${value} is less than the minimum ${schema.minimum}`);
			if (schema.maximum !== undefined && value > schema.maximum) problems.push(`${at}: ${value} is greater than the maximum ${schema.maximum}`);
			return problems;
		}
		case 'boolean':
			if (typeof value !== 'boolean') problems.push(`${at}: expected a boolean, got ${typeof value} ${show(value)}`);
			return problems;
		case 'array': {
			if (!Array.isArray(value)) {
				problems.push(`${at}: expected an array, got ${typeof value} ${show(value)}`);
				return problems;
			}
			if (schema.minItems !== undefined && value.length < schema.minItems)
				problems.push(`${at}: ${value.length} item(s), minItems is ${schema.minItems}`);
			if (schema.maxItems !== undefined && value.length > schema.maxItems)
				problems.push(`${at}: ${value.length} item(s), maxItems is ${schema.maxItems}`);
			value.forEach((item, i) => validateValue(schema.items, item, `${at}[${i}]`, resolveRef, problems));
			return problems;
		}
		case 'object': {
			if (typeof value !== 'object' || Array.isArray(value)) {
				problems.push(`${at}: expected an object, got ${Array.isArray(value) ? 'array' : typeof value} ${show(value)}`);
				return problems;
			}
			const props = schema.properties ?? {};
			for (const req of schema.required ?? []) {
				if (value[req] === undefined || value[req] === null) problems.push(`${at}.${req}: is required`);
			}
			for (const [k, v] of Object.entries(value)) {
				if (Object.hasOwn(props, k)) {
					validateValue(props[k], v, `${at}.${k}`, resolveRef, problems);
				} else if (schema.additionalProperties === false) {
					const near = Object.keys(props).find((p) => p.toLowerCase() === k.toLowerCase());
					const known = Object.keys(props).join(', ');
					problems.push(
						near
							? `${at}.${k}: unknown property (property names must match the contract's case: use "${near}")`
							: `${at}.${k}: unknown property${schema.schemaName ? ` for ${schema.schemaName}` : ''} (allowed: ${known || 'none'})`,
					);
				} else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
					validateValue(schema.additionalProperties, v, `${at}.${k}`, resolveRef, problems);
				}
			}
			return problems;
		}
		default:
			return problems;
	}
}

/** Parses one raw query/path string according to a parameter (or array item) schema. */
function parseScalar(spec, raw, at, problems) {
	if (raw === '') {
		problems.push(`${at}: empty value`);
		return undefined;
	}
	switch (spec.type) {
		case 'integer': {
			if (!/^[+-]?\d+$/.test(raw)) {
				problems.push(`${at}: ${show(raw)} is not an integer`);
				return undefined;
			}
			const n = Number(raw);
			const range = spec.format === 'int64' ? INT64 : INT32;
			if (n < range.min || n > range.max) problems.push(`${at}: ${raw} is outside the ${spec.format ?? 'int32'} range`);
			if (spec.minimum !== undefined && n < spec.minimum) problems.push(`${at}: ${n} is less than the minimum ${spec.minimum}`);
			if (spec.maximum !== undefined && n > spec.maximum) problems.push(`${at}: ${n} is greater than the maximum ${spec.maximum}`);
			return n;
		}
		case 'number': {
			const n = Number(raw);
			if (!Number.isFinite(n)) {
				problems.push(`${at}: ${show(raw)} is not a number`);
				return undefined;
			}
			if (spec.minimum !== undefined && n < spec.minimum) problems.push(`${at}: ${n} is less than the minimum ${spec.minimum}`);
			if (spec.maximum !== undefined && n > spec.maximum) problems.push(`${at}: ${n} is greater than the maximum ${spec.maximum}`);
			return n;
		}
		case 'boolean': {
			const l = raw.toLowerCase();
			if (l !== 'true' && l !== 'false') {
				problems.push(`${at}: ${show(raw)} is not a boolean (true/false)`);
				return undefined;
			}
			return l === 'true';
		}
		default: {
			if (spec.enum && !spec.enum.includes(raw)) problems.push(enumProblem(at, raw, spec.enum));
			if (spec.format) {
				const p = formatProblem(spec.format, raw);
				if (p) problems.push(`${at}: ${show(raw)} ${p}`);
			}
			if (spec.maxLength !== undefined && raw.length > spec.maxLength)
				problems.push(`${at}: length ${raw.length} exceeds maxLength ${spec.maxLength}`);
			return raw;
		}
	}
}

function mediaType(contentType) {
	return String(contentType ?? '').split(';')[0].trim().toLowerCase();
}

function contentTypeAccepted(declared, actual) {
	const mt = mediaType(actual);
	return declared.some((d) => {
		if (d === mt) return true;
		if (d === 'application/*+json') return /^application\/[^/]+\+json$/.test(mt);
		return false;
	});
}

/**
 * Builds a validator bound to a contract.
 * @param {any} contract parsed contract.json
 */
export function createValidator(contract) {
	const routes = Object.entries(contract.operations).map(([key, op]) => {
		const segments = op.path.split('/').slice(1);
		return {
			key,
			op,
			segments,
			// lower sorts first: literal segments beat parameters, left to right
			specificity: segments.map((s) => (s.startsWith('{') ? '1' : '0')).join(''),
		};
	});
	routes.sort((a, b) => (a.specificity < b.specificity ? -1 : a.specificity > b.specificity ? 1 : a.key < b.key ? -1 : 1));

	function matchSegments(route, parts, caseInsensitive) {
		if (route.segments.length !== parts.length) return null;
		const params = {};
		for (let i = 0; i < parts.length; i++) {
			const s = route.segments[i];
			if (s.startsWith('{')) {
				if (parts[i] === '') return null;
				try {
					params[s.slice(1, -1)] = decodeURIComponent(parts[i]);
				} catch {
					params[s.slice(1, -1)] = parts[i];
				}
			} else if (caseInsensitive ? s.toLowerCase() !== parts[i].toLowerCase() : s !== parts[i]) {
				return null;
			}
		}
		return params;
	}

	/**
	 * Finds the operation for method + path.
	 * @returns {{kind:'ok', key:string, op:any, params:Record<string,string>, problems:string[]} | {kind:'no-route', problems:string[]} | {kind:'method-not-allowed', allowed:string[], problems:string[]}}
	 */
	function matchRoute(method, pathname) {
		let path = pathname;
		if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
		const parts = path.split('/').slice(1);
		for (const caseInsensitive of [false, true]) {
			const hits = [];
			for (const r of routes) {
				const params = matchSegments(r, parts, caseInsensitive);
				if (params) hits.push({ r, params });
			}
			if (!hits.length) continue;
			const problems = caseInsensitive
				? [`path ${pathname} differs in letter case from the contract path ${hits[0].r.op.path}`]
				: [];
			const hit = hits.find((h) => h.r.op.method === method);
			if (hit) return { kind: 'ok', key: hit.r.key, op: hit.r.op, params: hit.params, problems };
			const allowed = [...new Set(hits.map((h) => h.r.op.method))].sort();
			return {
				kind: 'method-not-allowed',
				allowed,
				problems: [...problems, `${method} is not a documented method for ${hits[0].r.op.path} (documented: ${allowed.join(', ')})`],
			};
		}
		return { kind: 'no-route', problems: [`${method} ${pathname} is not a documented route`] };
	}

	/**
	 * Validates query parameters. Names match case-insensitively; values strictly.
	 * @param {any} op
	 * @param {URLSearchParams} searchParams
	 */
	function validateQuery(op, searchParams, problems) {
		const byLower = new Map(op.queryParams.map((p) => [p.name.toLowerCase(), p]));
		const objectParams = op.queryParams.filter((p) => p.type === 'object');
		/** @type {Map<string, string[]>} */
		const raw = new Map();
		/** @type {Record<string, Record<string,string>>} */
		const objects = {};
		for (const [name, value] of searchParams) {
			const spec = byLower.get(name.toLowerCase());
			if (spec && spec.type !== 'object') {
				if (!raw.has(spec.name)) raw.set(spec.name, []);
				raw.get(spec.name).push(value);
				continue;
			}
			const obj = objectParams.find((p) => {
				const l = name.toLowerCase();
				const n = p.name.toLowerCase();
				return l.startsWith(`${n}[`) || l.startsWith(`${n}.`);
			});
			if (obj) {
				const m = /^[^[.]+(?:\[([^\]]*)\]|\.(.*))$/.exec(name);
				const key = m ? (m[1] ?? m[2]) : '';
				if (!key) problems.push(`query.${name}: malformed dictionary key for ${obj.name}`);
				else (objects[obj.name] ??= {})[key] = value;
				continue;
			}
			const bracket = /^(.+)\[(\d*)\]$/.exec(name);
			const base = bracket ? byLower.get(bracket[1].toLowerCase()) : null;
			if (base && base.type === 'array') {
				problems.push(`query.${name}: bracket notation is not the documented array encoding; repeat the key instead (${base.name}=A&${base.name}=B)`);
				continue;
			}
			problems.push(`query.${name}: unknown query parameter (documented: ${op.queryParams.map((p) => p.name).join(', ') || 'none'})`);
		}
		const query = {};
		for (const spec of op.queryParams) {
			if (spec.type === 'object') {
				if (objects[spec.name]) query[spec.name] = objects[spec.name];
				continue;
			}
			const values = raw.get(spec.name);
			if (!values) {
				if (spec.required) problems.push(`query.${spec.name}: is required`);
				continue;
			}
			if (spec.type === 'array') {
				const itemSpec = spec.items ?? { type: 'string' };
				query[spec.name] = values.map((v, i) => parseScalar(itemSpec, v, `query.${spec.name}[${i}]`, problems));
			} else {
				if (values.length > 1) problems.push(`query.${spec.name}: repeated ${values.length} times but it is not an array parameter`);
				query[spec.name] = parseScalar(spec, values[values.length - 1], `query.${spec.name}`, problems);
			}
		}
		return query;
	}

	/**
	 * Validates a full request.
	 * @param {{method:string, pathname:string, searchParams:URLSearchParams, headers:Record<string,any>, rawBody:Buffer}} req
	 * @returns {{route: ReturnType<typeof matchRoute>, params: Record<string,string>, query: Record<string, any>, body: any, problems: string[]}}
	 */
	function validateRequest({ method, pathname, searchParams, headers, rawBody }) {
		const route = matchRoute(method, pathname);
		const problems = [...route.problems];
		const result = { route, params: {}, query: {}, body: null, problems };
		if (route.kind !== 'ok') return result;
		const { op } = route;

		for (const p of op.pathParams) {
			const v = route.params[p.name];
			const pr = p.format ? formatProblem(p.format, v) : null;
			if (pr) problems.push(`path.${p.name}: ${show(v)} ${pr}`);
		}
		result.params = route.params;
		result.query = validateQuery(op, searchParams, problems);

		const hasBody = rawBody && rawBody.length > 0;
		if (!op.requestBody) {
			if (hasBody) problems.push(`body: ${op.method} ${op.path} takes no request body, got ${rawBody.length} byte(s)`);
			return result;
		}
		const schema = op.requestBody.schema;
		if (!hasBody) {
			const required = schema?.required ?? [];
			if (op.requestBody.required || required.length)
				problems.push(`body: a JSON body is required (${op.requestBody.schemaName ?? 'body'} requires: ${required.join(', ') || 'a value'})`);
			return result;
		}
		const ct = headers['content-type'];
		if (!contentTypeAccepted(op.requestBody.contentTypes, ct))
			problems.push(`header.content-type: ${show(ct ?? null)} is not accepted (use one of ${op.requestBody.contentTypes.join(', ')})`);
		let body;
		try {
			body = JSON.parse(rawBody.toString('utf8'));
		} catch (e) {
			problems.push(`body: not valid JSON (${e.message})`);
			return result;
		}
		result.body = body;
		validateValue(schema, body, 'body', undefined, problems);
		return result;
	}

	/**
	 * Self-check of a 200 response against the contract (used by tests / option checkResponses).
	 * @returns {string[]}
	 */
	function validateResponse(opKey, body) {
		const op = contract.operations[opKey];
		if (!op) return [`no operation ${opKey}`];
		const service = contract.services[op.service];
		const resolveRef = (name) => service.schemas[name];
		const r = op.response200;
		if (!r || r.empty) return body === undefined || body === null || body === '' ? [] : [`response: expected an empty body`];
		if (r.schemaName) return validateValue({ ref: r.schemaName }, body, 'response', resolveRef);
		if (r.arrayOf) return validateValue({ type: 'array', items: { ref: r.arrayOf } }, body, 'response', resolveRef);
		return validateValue(r.schema, body, 'response', resolveRef);
	}

	return { contract, matchRoute, validateRequest, validateResponse };
}
