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
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,7})?(?:Z|[+-](\d{2}):(\d{2}))$/;
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
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

const isLeapYear = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y, m) => [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];

/**
 * Checks an ISO-8601 date-time for shape AND calendar correctness (Date.parse would roll
 * 2025-02-30 over to March 2 and 24:00 over to the next day; .NET's parser rejects both).
 * @returns {string|null} a problem suffix, or null when valid
 */
export function dateTimeProblem(s) {
	const m = DATE_TIME_RE.exec(s);
	if (!m) return 'is not an ISO-8601 date-time with seconds and a zone (e.g. 2025-01-31T13:45:00Z)';
	const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
	const bad = (why) => `is not a real date-time: ${why}`;
	if (year < 1) return bad('year 0000 does not exist (years start at 0001)');
	if (month < 1 || month > 12) return bad(`month ${m[2]} is not 01-12`);
	const dim = daysInMonth(year, month);
	if (day < 1 || day > dim) return bad(`day ${m[3]} does not exist (${MONTH_NAMES[month - 1]} ${year} has ${dim} days)`);
	if (hour > 23) return bad(`hour ${m[4]} is not 00-23${hour === 24 ? ' (write 00:00:00 of the next day)' : ''}`);
	if (minute > 59) return bad(`minute ${m[5]} is not 00-59`);
	if (second > 59) return bad(`second ${m[6]} is not 00-59 (no leap seconds)`);
	if (m[8] !== undefined) {
		const oh = Number(m[8]);
		const om = Number(m[9]);
		if (om > 59 || oh * 60 + om > 14 * 60) return bad(`zone offset ${s.slice(-6)} is outside -14:00..+14:00`);
	}
	return null;
}

/** Checks a string against an OpenAPI string format. Returns a problem suffix or null. */
function formatProblem(format, s) {
	if (format === 'uuid' && !UUID_RE.test(s)) return 'is not a UUID (expected 8-4-4-4-12 hex digits)';
	if (format === 'date-time') return dateTimeProblem(s);
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
 * @param {{request?: boolean}} [options] request: the value is a request body, so properties
 *   marked readOnly are violations (OpenAPI: readOnly properties are not sent in requests)
 * @returns {string[]}
 */
export function validateValue(schema, value, at, resolveRef, problems = [], options = {}) {
	if (!schema) return problems;
	if (schema.ref) {
		const target = resolveRef?.(schema.ref);
		if (!target) return problems;
		// Component (class) references are reference types in .NET: a NESTED null binds fine.
		// (A null request-body ROOT is rejected by validateRequest before this is called.)
		if (value === null) return problems;
		return validateValue(target, value, at, resolveRef, problems, options);
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
			value.forEach((item, i) => validateValue(schema.items, item, `${at}[${i}]`, resolveRef, problems, options));
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
					if (options.request && props[k].readOnly) {
						problems.push(`${at}.${k}: is readOnly (set by the server; OpenAPI readOnly properties must not be sent in requests), remove it`);
						continue;
					}
					validateValue(props[k], v, `${at}.${k}`, resolveRef, problems, options);
				} else if (schema.additionalProperties === false) {
					const near = Object.keys(props).find((p) => p.toLowerCase() === k.toLowerCase());
					const known = Object.keys(props).join(', ');
					problems.push(
						near
							? `${at}.${k}: unknown property (property names must match the contract's case: use "${near}")`
							: `${at}.${k}: unknown property${schema.schemaName ? ` for ${schema.schemaName}` : ''} (allowed: ${known || 'none'})`,
					);
				} else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
					validateValue(schema.additionalProperties, v, `${at}.${k}`, resolveRef, problems, options);
				}
			}
			return problems;
		}
		default:
			return problems;
	}
}

/**
 * A copy of a request body without the properties its schema marks readOnly (at any depth), so a
 * handler can never store a server-owned field even when a lenient sandbox lets the request through.
 * @param {any} schema compact (inline) request schema
 * @param {any} value parsed JSON
 */
export function stripReadOnly(schema, value) {
	if (!schema || value === null || typeof value !== 'object') return value;
	if (Array.isArray(value)) return schema.type === 'array' ? value.map((v) => stripReadOnly(schema.items, v)) : value;
	if (schema.type !== 'object') return value;
	const props = schema.properties ?? {};
	const out = {};
	for (const [k, v] of Object.entries(value)) {
		if (Object.hasOwn(props, k)) {
			if (props[k].readOnly) continue;
			out[k] = stripReadOnly(props[k], v);
		} else {
			out[k] = schema.additionalProperties && typeof schema.additionalProperties === 'object' ? stripReadOnly(schema.additionalProperties, v) : v;
		}
	}
	return out;
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
 * One query parameter of a dictionary (type: object) parameter such as GET /chat/v2/session's
 * Metadata. The ONLY accepted encoding is ASP.NET Core's dictionary binding `Name[<key>]=<value>`
 * (one parameter per key; key and value URL-encoded). `Name.key`, `Name=...`, `Name[]=...`,
 * `Name[0].Key=...`, an empty value or a key given twice are violations.
 */
function readDictionaryEntry(spec, name, value, objects, problems) {
	const rest = name.slice(spec.name.length);
	const m = /^\[([^\]]*)\]$/.exec(rest);
	const dotted = /^\.(.+)$/.exec(rest);
	const keyHint = m?.[1] || dotted?.[1] || '<key>';
	const hint = `send each pair as ${spec.name}[${keyHint}]=<value> (key and value URL-encoded, one parameter per key)`;
	const at = `query.${name}`;
	if (!m) {
		if (dotted) problems.push(`${at}: dotted names do not bind to the ${spec.name} dictionary; ${hint}`);
		else if (!rest) problems.push(`${at}: ${spec.name} is a dictionary and takes no plain value; ${hint}`);
		else problems.push(`${at}: malformed dictionary key for ${spec.name}; ${hint}`);
		return;
	}
	const key = m[1];
	if (!key) {
		problems.push(`${at}: empty dictionary key for ${spec.name}; ${hint}`);
		return;
	}
	const dict = (objects[spec.name] ??= {});
	if (Object.hasOwn(dict, key)) {
		problems.push(`${at}: key ${show(key)} is given more than once; send each ${spec.name} key once`);
		return;
	}
	const valueSpec = spec.additionalProperties && typeof spec.additionalProperties === 'object' ? spec.additionalProperties : { type: 'string' };
	const parsed = parseScalar(valueSpec, value, at, problems);
	// defineProperty: a key such as "__proto__" becomes a plain own property
	if (parsed !== undefined) Object.defineProperty(dict, key, { value: parsed, enumerable: true, writable: true, configurable: true });
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
				return l === n || l.startsWith(`${n}[`) || l.startsWith(`${n}.`);
			});
			if (obj) {
				readDictionaryEntry(obj, name, value, objects, problems);
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
		const required = schema?.required ?? [];
		const expected = `${op.requestBody.schemaName ?? 'body'} requires: ${required.join(', ') || 'a value'}`;
		if (!hasBody) {
			if (op.requestBody.required || required.length) problems.push(`body: a JSON body is required (${expected})`);
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
		if (body === null) {
			// A nested null may bind to a .NET reference type, the ROOT never: null is not a DTO.
			const optional = !op.requestBody.required && !required.length;
			problems.push(
				`body: must not be null (expected ${schema?.type === 'array' ? 'a JSON array' : `a JSON object${op.requestBody.schemaName ? ` (${op.requestBody.schemaName})` : ''}`}${required.length ? `; ${expected}` : ''}${optional ? '; or send no body at all' : ''})`,
			);
			return result;
		}
		validateValue(schema, body, 'body', undefined, problems, { request: true });
		// handlers never see server-owned (readOnly) fields, even in lenient mode
		result.body = stripReadOnly(schema, body);
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
