#!/usr/bin/env node
// Derives sandbox/contract/contract.json from the official WTS Chat OpenAPI exports.
//
//   node sandbox/contract/derive.mjs [--out <file>] [--check]
//
// Input:  <repo>/spec/wts-openapi/{core,chat,crm}.json, the official export kept in the repository (override with env
//         WTS_OPENAPI_DIR).
// Output: sandbox/contract/contract.json (override with --out). Only machine facts are kept
//         (methods, paths, parameters, compact schemas, enums, status codes); no prose.
// --check: do not write; exit 1 when the committed file differs from a fresh derivation.
//
// The output is deterministic: object keys are sorted, arrays keep the spec order.
// The sandbox reads ONLY contract.json at runtime, never the spec itself.

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(HERE, '..', '..');
export const DEFAULT_OUT = join(HERE, 'contract.json');
export const SERVICES = ['core', 'chat', 'crm'];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const SEND_FAMILY_PREFIX = '/chat/v1/send/';

/**
 * Schema keywords copied verbatim into the compact form (everything else is resolved or dropped).
 * readOnly is kept everywhere (request bodies, response schemas, parameters): the validator reports a
 * readOnly property sent in a request body, and handlers never store one.
 */
const SCALAR_KEYWORDS = [
	'type',
	'format',
	'enum',
	'nullable',
	'default',
	'minimum',
	'maximum',
	'minLength',
	'maxLength',
	'minItems',
	'maxItems',
	'readOnly',
];

export function specDir() {
	return process.env.WTS_OPENAPI_DIR
		? resolve(process.env.WTS_OPENAPI_DIR)
		: resolve(REPO_ROOT, 'spec', 'wts-openapi');
}

const refName = (ref) => {
	const m = /^#\/components\/schemas\/(.+)$/.exec(ref);
	if (!m) throw new Error(`Unsupported $ref: ${ref}`);
	return m[1];
};

/**
 * Compacts an OpenAPI schema.
 * mode 'inline': $refs are resolved in place (cycles become { ref }), used for request bodies.
 * mode 'ref':    $refs stay as { ref: Name }, used for the per-service component table.
 */
function compact(schema, components, mode, stack = []) {
	if (!schema || typeof schema !== 'object') return schema;
	if (schema.$ref) {
		const name = refName(schema.$ref);
		if (mode === 'ref' || stack.includes(name)) return { ref: name };
		const target = components[name];
		if (!target) throw new Error(`Missing component schema ${name}`);
		return { schemaName: name, ...compact(target, components, mode, [...stack, name]) };
	}
	for (const k of ['allOf', 'oneOf', 'anyOf', 'not']) {
		if (k in schema) throw new Error(`Unsupported schema keyword ${k}`);
	}
	const out = {};
	for (const k of SCALAR_KEYWORDS) if (k in schema) out[k] = schema[k];
	if (schema.type === 'object' || schema.properties) {
		out.type = 'object';
		if (schema.properties) {
			out.properties = {};
			for (const [name, prop] of Object.entries(schema.properties)) {
				out.properties[name] = compact(prop, components, mode, stack);
			}
		}
		if (Array.isArray(schema.required) && schema.required.length) out.required = [...schema.required];
		const ap = schema.additionalProperties;
		if (ap === undefined || ap === true) out.additionalProperties = true;
		else if (ap === false) out.additionalProperties = false;
		else out.additionalProperties = Object.keys(ap).length ? compact(ap, components, mode, stack) : true;
	}
	if (schema.items) out.items = compact(schema.items, components, mode, stack);
	return out;
}

/** Names of every component reachable from a schema (through refs). */
function reachable(schema, components, seen = new Set()) {
	if (!schema || typeof schema !== 'object') return seen;
	if (Array.isArray(schema)) {
		for (const s of schema) reachable(s, components, seen);
		return seen;
	}
	if (schema.$ref) {
		const name = refName(schema.$ref);
		if (!seen.has(name)) {
			seen.add(name);
			reachable(components[name], components, seen);
		}
		return seen;
	}
	for (const v of Object.values(schema)) reachable(v, components, seen);
	return seen;
}

function paramFacts(param) {
	const s = param.schema ?? {};
	const out = { name: param.name, required: param.required === true };
	for (const k of SCALAR_KEYWORDS) if (k in s) out[k] = s[k];
	if (s.items) {
		out.items = {};
		for (const k of ['type', 'format', 'enum']) if (k in s.items) out.items[k] = s.items[k];
	}
	if (s.type === 'object') {
		const ap = s.additionalProperties;
		out.additionalProperties =
			ap === undefined || ap === true ? true : ap === false ? false : compact(ap, {}, 'ref');
	}
	return out;
}

function jsonSchemaOf(content) {
	if (!content) return undefined;
	const c = content['application/json'] ?? Object.values(content)[0];
	return c?.schema;
}

function responseFacts(resp, components) {
	if (!resp) return null;
	const schema = jsonSchemaOf(resp.content);
	if (!schema) return { empty: true };
	if (schema.$ref) return { schemaName: refName(schema.$ref) };
	if (schema.type === 'array' && schema.items?.$ref) return { arrayOf: refName(schema.items.$ref) };
	return { schema: compact(schema, components, 'ref') };
}

export function deriveService(service, spec) {
	const components = spec.components?.schemas ?? {};
	const server = spec.servers?.[0]?.url ?? `https://api.wts.chat/${service}`;
	const prefix = new URL(server).pathname.replace(/\/$/, '');
	const operations = {};
	const responseRoots = new Set();

	for (const [rawPath, item] of Object.entries(spec.paths ?? {})) {
		const shared = item.parameters ?? [];
		for (const method of METHODS) {
			const op = item[method];
			if (!op) continue;
			const path = prefix + rawPath;
			const params = [...shared, ...(op.parameters ?? [])];
			const key = `${method.toUpperCase()} ${path}`;
			const statusCodes = Object.keys(op.responses ?? {}).sort();
			const errorSchemas = {};
			for (const code of statusCodes) {
				if (code === '200') continue;
				const s = jsonSchemaOf(op.responses[code].content);
				errorSchemas[code] = s?.$ref ? refName(s.$ref) : null;
			}
			let requestBody = null;
			if (op.requestBody) {
				const schema = jsonSchemaOf(op.requestBody.content);
				requestBody = {
					required: op.requestBody.required === true,
					contentTypes: Object.keys(op.requestBody.content ?? {}).sort(),
					schemaName: schema?.$ref ? refName(schema.$ref) : null,
					schema: compact(schema, components, 'inline'),
				};
			}
			const response200 = responseFacts(op.responses?.['200'], components);
			const r200schema = jsonSchemaOf(op.responses?.['200']?.content);
			if (r200schema) for (const n of reachable(r200schema, components)) responseRoots.add(n);
			for (const code of Object.keys(errorSchemas)) {
				if (errorSchemas[code]) for (const n of reachable({ $ref: `#/components/schemas/${errorSchemas[code]}` }, components)) responseRoots.add(n);
			}
			operations[key] = {
				service,
				method: method.toUpperCase(),
				path,
				sendFamily: path.startsWith(SEND_FAMILY_PREFIX),
				security: (op.security ?? spec.security ?? []).flatMap((s) => Object.keys(s)).sort(),
				pathParams: params
					.filter((p) => p.in === 'path')
					.map((p) => ({ name: p.name, type: p.schema?.type ?? 'string', ...(p.schema?.format ? { format: p.schema.format } : {}) })),
				queryParams: params.filter((p) => p.in === 'query').map(paramFacts),
				headerParams: params.filter((p) => p.in === 'header').map(paramFacts),
				requestBody,
				response200,
				statusCodes,
				errorSchemas,
			};
		}
	}

	const schemas = {};
	for (const name of [...responseRoots].sort()) schemas[name] = compact(components[name], components, 'ref');

	const enums = {};
	for (const [name, schema] of Object.entries(components)) {
		for (const [prop, ps] of Object.entries(schema.properties ?? {})) {
			if (ps.enum) enums[`${name}.${prop}`] = [...ps.enum];
			else if (ps.items?.enum) enums[`${name}.${prop}[]`] = [...ps.items.enum];
		}
	}

	return { server, prefix, operations, schemas, enums };
}

/** JSON.stringify with recursively sorted object keys (arrays keep their order). */
export function stableStringify(value) {
	const sort = (v) => {
		if (Array.isArray(v)) return v.map(sort);
		if (v && typeof v === 'object') {
			const o = {};
			for (const k of Object.keys(v).sort()) o[k] = sort(v[k]);
			return o;
		}
		return v;
	};
	return JSON.stringify(sort(value), null, 2) + '\n';
}

export function derive(dir = specDir()) {
	const contract = {
		contractVersion: 1,
		generator: 'sandbox/contract/derive.mjs',
		sources: {},
		services: {},
		operations: {},
	};
	for (const service of SERVICES) {
		const file = join(dir, `${service}.json`);
		if (!existsSync(file)) throw new Error(`OpenAPI file not found: ${file} (set WTS_OPENAPI_DIR)`);
		const raw = readFileSync(file);
		const spec = JSON.parse(raw.toString('utf8'));
		const d = deriveService(service, spec);
		contract.sources[service] = {
			file: `${service}.json`,
			sha256: createHash('sha256').update(raw).digest('hex'),
			openapi: spec.openapi,
			title: spec.info?.title ?? null,
			version: spec.info?.version ?? null,
		};
		contract.services[service] = {
			server: d.server,
			prefix: d.prefix,
			schemas: d.schemas,
			enums: d.enums,
		};
		Object.assign(contract.operations, d.operations);
	}
	return contract;
}

function main(argv) {
	const outIdx = argv.indexOf('--out');
	const out = outIdx >= 0 ? resolve(argv[outIdx + 1]) : DEFAULT_OUT;
	const text = stableStringify(derive());
	if (argv.includes('--check')) {
		const current = existsSync(out) ? readFileSync(out, 'utf8') : '';
		if (current !== text) {
			console.error(`[derive] ${out} is out of date; run: node sandbox/contract/derive.mjs`);
			process.exit(1);
		}
		console.log(`[derive] ${out} is up to date`);
		return;
	}
	writeFileSync(out, text);
	const n = Object.keys(JSON.parse(text).operations).length;
	console.log(`[derive] wrote ${out} (${n} operations, ${text.length} bytes)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
