// Response envelopes shared by every handler: InternalException, ProblemDetails, the page list.

import { randomUUID } from 'node:crypto';

/** .NET HttpStatusCode member names for the codes the sandbox produces. */
const STATUS_NAMES = {
	400: 'BadRequest',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'NotFound',
	405: 'MethodNotAllowed',
	408: 'RequestTimeout',
	409: 'Conflict',
	413: 'RequestEntityTooLarge',
	415: 'UnsupportedMediaType',
	429: 'TooManyRequests',
	500: 'InternalServerError',
	501: 'NotImplemented',
	502: 'BadGateway',
	503: 'ServiceUnavailable',
	504: 'GatewayTimeout',
};

export const httpStatusName = (status) => STATUS_NAMES[status] ?? String(status);

/**
 * The API's main error envelope.
 * @param {{status:number, key:string, text:string, httpStatusCode?: number|string, details?: any}} o
 *   httpStatusCode: what the body's field carries. Production shows both a number (401) and an
 *   upper-case name ("INTERNALSERVERERROR"); callers pick what the real endpoint does.
 */
export function internalException({ status, key, text, httpStatusCode = status, details = null }) {
	const id = randomUUID();
	return {
		id: { value: id, shortValue: id.slice(0, 8) },
		httpStatusCode,
		version: null,
		environment: null,
		error: true,
		date: new Date().toISOString(),
		key,
		text,
		isUnsolvableError: false,
		details,
	};
}

export const unauthorizedBody = () =>
	internalException({ status: 401, key: 'ERROR_UNAUTHORIZED', text: 'Acesso negado', httpStatusCode: 401 });

/** 500 FORM_ERROR: validation/not-found errors as production reports them. */
export const formErrorBody = (text) =>
	internalException({ status: 500, key: 'FORM_ERROR', text, httpStatusCode: 'INTERNALSERVERERROR' });

export const tooManyRequestsBody = () =>
	internalException({
		status: 429,
		key: 'TOO_MANY_REQUESTS',
		text: 'Limite de requisições excedido. Aguarde e tente novamente.',
		httpStatusCode: 429,
	});

/** RFC 7807 problem details (validation 400s, the send family). */
export function problemDetails({ status, title, detail = null, type = null, instance = null, ...extra }) {
	return {
		type: type ?? `https://httpstatuses.io/${status}`,
		title,
		status,
		detail,
		instance,
		...extra,
	};
}

/** A handler-level error that the dispatcher turns into an HTTP response. */
export class HttpError extends Error {
	/** @param {number} status @param {any} body @param {Record<string,string>} [headers] */
	constructor(status, body, headers = {}) {
		super(typeof body?.text === 'string' ? body.text : `HTTP ${status}`);
		this.status = status;
		this.body = body;
		this.headers = headers;
	}
}

/** 500 FORM_ERROR, e.g. `throw formError('Conversa não encontrada')`. */
export const formError = (text) => new HttpError(500, formErrorBody(text));

/**
 * Applies paging to an already filtered + sorted array.
 * @param {any[]} items
 * @param {{PageNumber?:number, PageSize?:number, OrderBy?:string, OrderDirection?:string}} query
 */
export function pageEnvelope(items, query) {
	const pageSize = query.PageSize ?? 15;
	const pageNumber = Math.max(1, query.PageNumber ?? 1);
	const totalItems = items.length;
	const totalPages = Math.ceil(totalItems / pageSize);
	const start = (pageNumber - 1) * pageSize;
	return {
		pageNumber,
		pageSize,
		orderBy: query.OrderBy ?? null,
		orderDirection: query.OrderDirection ?? null,
		items: items.slice(start, start + pageSize),
		totalItems,
		totalPages,
		hasMorePages: pageNumber < totalPages,
	};
}

/** Default body for a status forced by a fault rule without an explicit body. */
export function defaultFaultResponse(status) {
	if (status === 401) return { body: unauthorizedBody() };
	if (status === 429) return { body: tooManyRequestsBody() };
	if (status === 400) return { body: problemDetails({ status, title: 'Bad Request', detail: 'Injected by a sandbox fault rule' }) };
	if (status === 502 || status === 503 || status === 504) {
		// What a load balancer in front of the API answers: HTML, not JSON.
		const text = `${status} ${httpStatusName(status).replace(/([a-z])([A-Z])/g, '$1 $2')}`;
		return { body: `<html>\r\n<head><title>${text}</title></head>\r\n<body>\r\n<center><h1>${text}</h1></center>\r\n</body>\r\n</html>\r\n`, contentType: 'text/html' };
	}
	if (status >= 500)
		return {
			body: internalException({ status, key: 'INTERNAL_ERROR', text: 'Erro interno do servidor (sandbox fault)', httpStatusCode: httpStatusName(status).toUpperCase() }),
		};
	if (status >= 400) return { body: problemDetails({ status, title: httpStatusName(status), detail: 'Injected by a sandbox fault rule' }) };
	return { body: null };
}
