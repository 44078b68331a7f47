// A small IExecuteFunctions / ILoadOptionsFunctions of our own, over REAL HTTP (node:http), so the node's
// operations can be driven against the sandbox without n8n's engine. It mirrors what n8n 2.x does where the
// node depends on it: parameter defaults from the node description, resource-locator extractValue,
// httpRequestWithAuthentication (Bearer header from the credential; full response with
// ignoreHttpStatusErrors; network failures thrown as NodeApiError wrapping an axios-like error),
// constructExecutionMetaData/returnJsonArray, continueOnFail and binary data helpers.
// The real engine is exercised by the end-to-end suite (test/e2e).
import http from 'node:http';
import https from 'node:https';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

function matchesDisplay(property, params) {
	const show = property.displayOptions?.show ?? {};
	for (const [key, allowed] of Object.entries(show)) {
		if (key.startsWith('@')) continue;
		if (!allowed.includes(params[key] ?? defaultOfTopLevel(key))) return false;
	}
	const hide = property.displayOptions?.hide ?? {};
	for (const [key, hidden] of Object.entries(hide)) {
		if (hidden.includes(params[key])) return false;
	}
	return true;
}
let currentDescription;
function defaultOfTopLevel(key) {
	return currentDescription?.properties.find((p) => p.name === key)?.default;
}

/** n8n-like parameter lookup: the set value, else the default of the property visible for these params. */
function resolveParameter(description, params, name) {
	const [head, ...rest] = name.split('.');
	let value = params[head];
	if (value === undefined) {
		currentDescription = description;
		const prop = description.properties.find((p) => p.name === head && matchesDisplay(p, params));
		if (!prop) return undefined;
		value = structuredClone(prop.default);
	}
	for (const part of rest) value = value?.[part];
	return value;
}

function extract(value) {
	if (value && typeof value === 'object' && value.__rl) return value.value;
	if (value && typeof value === 'object' && 'mode' in value && 'value' in value) return value.value;
	return value;
}

/** An axios-like network error, the way n8n's request helper sees one. */
function networkError(err) {
	const e = new Error(err.message);
	e.code = err.code;
	e.name = 'AxiosError';
	e.isAxiosError = true;
	return e;
}

export function rawRequest(options) {
	return new Promise((resolve, reject) => {
		const url = new URL(options.url);
		const lib = url.protocol === 'https:' ? https : http;
		let payload;
		const headers = { ...(options.headers ?? {}) };
		if (options.body !== undefined && options.body !== null) {
			if (Buffer.isBuffer(options.body)) payload = options.body;
			else if (typeof options.body === 'string') payload = Buffer.from(options.body);
			else {
				payload = Buffer.from(JSON.stringify(options.body));
				headers['Content-Type'] ??= 'application/json';
			}
			headers['Content-Length'] = String(payload.length);
		}
		const req = lib.request(url, { method: options.method ?? 'GET', headers, timeout: options.timeout ?? 60000 }, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('error', (err) => reject(networkError(err)));
			res.on('end', () => {
				const raw = Buffer.concat(chunks);
				if (options.encoding === 'arraybuffer') {
					// n8n's request helper gives the raw bytes for encoding 'arraybuffer'.
					resolve({ body: raw, headers: res.headers, statusCode: res.statusCode, statusMessage: res.statusMessage });
					return;
				}
				const text = raw.toString('utf8');
				let body = text;
				if (options.json && text && /json/.test(res.headers['content-type'] ?? '')) {
					try {
						body = JSON.parse(text);
					} catch {
						body = text;
					}
				}
				resolve({ body, headers: res.headers, statusCode: res.statusCode, statusMessage: res.statusMessage });
			});
		});
		req.on('timeout', () => req.destroy(Object.assign(new Error('timeout of ' + (options.timeout ?? 60000) + 'ms exceeded'), { code: 'ECONNABORTED' })));
		req.on('error', (err) => reject(networkError(err)));
		if (payload) req.write(payload);
		req.end();
	});
}

function makeHelpers(ctx, { credentials, items, stats }) {
	const doRequest = async (options, withAuth) => {
		stats.requests++;
		const headers = { ...(options.headers ?? {}) };
		if (withAuth) {
			headers.Authorization = `Bearer ${String(credentials.apiToken).trim().replace(/^Bearer\s+/i, '')}`;
		}
		let response;
		try {
			response = await rawRequest({ ...options, headers });
		} catch (err) {
			throw new NodeApiError(ctx.getNode(), err);
		}
		if (!options.ignoreHttpStatusErrors && (response.statusCode < 200 || response.statusCode >= 300)) {
			const err = Object.assign(new Error(`Request failed with status code ${response.statusCode}`), {
				response: { status: response.statusCode, data: response.body },
			});
			throw new NodeApiError(ctx.getNode(), err);
		}
		return options.returnFullResponse ? response : response.body;
	};
	return {
		httpRequestWithAuthentication: async function (credentialType, options) {
			if (credentialType !== 'wtsChatApi') throw new Error(`unexpected credential type ${credentialType}`);
			return doRequest(options, true);
		},
		httpRequest: async function (options) {
			return doRequest(options, false);
		},
		returnJsonArray(data) {
			const list = Array.isArray(data) ? data : [data];
			return list.map((json) => ({ json }));
		},
		constructExecutionMetaData(inputData, { itemData }) {
			return inputData.map((d) => ({ ...d, pairedItem: itemData }));
		},
		assertBinaryData(itemIndex, propertyName) {
			const binary = items[itemIndex]?.binary?.[propertyName];
			if (!binary) throw new NodeOperationError(ctx.getNode(), `No binary data property "${propertyName}"`);
			return binary;
		},
		/** Like n8n's prepareBinaryData in the default (in-memory) binary mode. */
		async prepareBinaryData(buffer, fileName, mimeType) {
			stats.binaryWrites = (stats.binaryWrites ?? 0) + 1;
			const dot = typeof fileName === 'string' ? fileName.lastIndexOf('.') : -1;
			return {
				data: Buffer.from(buffer).toString('base64'),
				mimeType: mimeType ?? 'application/octet-stream',
				fileName,
				fileExtension: dot > 0 ? fileName.slice(dot + 1) : undefined,
				fileSize: `${buffer.length} B`,
			};
		},
		async getBinaryDataBuffer(itemIndex, propertyName) {
			const binary = items[itemIndex]?.binary?.[propertyName];
			if (!binary) throw new NodeOperationError(ctx.getNode(), `No binary data property "${propertyName}"`);
			stats.binaryReads++;
			return Buffer.from(binary.data, 'base64');
		},
	};
}

/**
 * Runs a node's execute() like n8n would run one node.
 * @param {object} o
 * @param {object} o.node an INodeType instance
 * @param {object|((i:number)=>object)} o.parameters node parameters (static), or a function of the item index
 *   returning the parameters as n8n would resolve expressions for that item
 * @param {Array} [o.items] input items (default one empty item)
 * @param {{apiToken:string, baseUrl:string}} o.credentials
 * @param {false|'continueRegularOutput'|'continueErrorOutput'} [o.onError]
 * @param {string} [o.timezone] the workflow's time zone (n8n's default: America/New_York)
 * @param {string} [o.nodeType] the node's type; `n8n-nodes-wts-chat.wtsChatTool` runs it as an AI agent's tool
 * @param {(helpers: object) => object} [o.helpers] replaces helpers (e.g. a request helper that throws)
 * @returns {Promise<{output: Array<Array<object>>, stats: object}>} rejects with the node's error on a stop
 */
export async function runNode({ node, parameters, items = [{ json: {} }], credentials, onError = false, timezone = 'America/New_York', nodeType = 'n8n-nodes-wts-chat.wtsChat', helpers }) {
	const stats = { requests: 0, binaryReads: 0, credentialReads: 0 };
	const paramsFor = (i) => (typeof parameters === 'function' ? parameters(i) : parameters);
	const nodeMeta = {
		id: 'harness-node',
		name: 'WTS Chat',
		type: nodeType,
		typeVersion: 1,
		position: [0, 0],
		parameters: paramsFor(0),
		onError: onError || 'stopWorkflow',
	};
	const ctx = {
		getNode: () => nodeMeta,
		getInputData: () => items,
		continueOnFail: () => onError === 'continueRegularOutput' || onError === 'continueErrorOutput',
		getTimezone: () => timezone,
		getCredentials: async (type) => {
			if (type !== 'wtsChatApi') throw new Error(`unexpected credential type ${type}`);
			stats.credentialReads++;
			return { ...credentials };
		},
		getNodeParameter(name, itemIndex, fallback, options) {
			const params = paramsFor(itemIndex);
			let value = resolveParameter(node.description, params, name);
			if (value === undefined) {
				if (fallback !== undefined) return fallback;
				throw new Error(`Could not get parameter "${name}"`);
			}
			if (options?.extractValue) value = extract(value);
			return value;
		},
	};
	ctx.helpers = makeHelpers(ctx, { credentials, items, stats });
	if (helpers) ctx.helpers = { ...ctx.helpers, ...helpers(ctx.helpers) };
	const output = await node.execute.call(ctx);
	if (onError === 'continueErrorOutput') return { output: routeErrorOutput(output), stats };
	return { output, stats };
}

/**
 * What n8n 2.8.4's WorkflowExecute.handleNodeErrorOutput does for "Continue (using error output)": items
 * carrying `error`, or whose json is exactly {error} / {error, message}, move to a second output.
 */
export function routeErrorOutput(output) {
	const success = [];
	const errors = [];
	for (const item of output[0] ?? []) {
		const keys = Object.keys(item.json ?? {});
		const isError =
			item.error !== undefined ||
			(keys.includes('error') && keys.every((k) => k === 'error' || k === 'message'));
		(isError ? errors : success).push(item);
	}
	return [success, errors];
}

/** An ILoadOptionsFunctions for listSearch / loadOptions methods. */
export function loadOptionsContext({ node, credentials, currentParameters = {}, helpers }) {
	const stats = { requests: 0, binaryReads: 0 };
	const nodeMeta = { id: 'harness-node', name: 'WTS Chat', type: 'n8n-nodes-wts-chat.wtsChat', typeVersion: 1, parameters: currentParameters };
	const ctx = {
		getNode: () => nodeMeta,
		getCredentials: async () => ({ ...credentials }),
		getCurrentNodeParameter(name, options) {
			const value = resolveParameter(node.description, currentParameters, name);
			return options?.extractValue ? extract(value) : value;
		},
		getNodeParameter(name, fallback) {
			return resolveParameter(node.description, currentParameters, name) ?? fallback;
		},
	};
	ctx.helpers = makeHelpers(ctx, { credentials, items: [], stats });
	if (helpers) ctx.helpers = { ...ctx.helpers, ...helpers(ctx.helpers) };
	return ctx;
}
