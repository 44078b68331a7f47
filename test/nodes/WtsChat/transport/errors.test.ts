import { NodeApiError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { apiError, networkError, networkErrorCode, parseApiError } from '../../../../nodes/WtsChat/transport/errors';

const node: INode = {
	id: 'n',
	name: 'WTS Chat',
	type: 'n8n-nodes-wts-chat.wtsChat',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const formError = {
	customData: null,
	id: { value: 'c44bf0cc-1111-2222-3333-444455556666', shortValue: 'c44bf0cc' },
	httpStatusCode: 'INTERNALSERVERERROR',
	error: true,
	key: 'FORM_ERROR',
	text: 'Conversa não encontrada',
	isUnsolvableError: false,
};

describe('parseApiError', () => {
	it('reads the InternalException envelope', () => {
		const p = parseApiError(formError);
		expect(p).toMatchObject({ text: 'Conversa não encontrada', key: 'FORM_ERROR', errorId: 'c44bf0cc' });
		expect(p.body).toMatchObject({ key: 'FORM_ERROR', text: 'Conversa não encontrada', errorId: 'c44bf0cc' });
	});

	it('reads RFC 7807 ProblemDetails with field errors', () => {
		const p = parseApiError({
			type: 'https://tools.ietf.org/html/rfc7231#section-6.5.1',
			title: 'One or more validation errors occurred.',
			status: 400,
			errors: { text: ['The text field is required.'] },
		});
		expect(p.text).toBe('One or more validation errors occurred. — text: The text field is required.');
	});

	it('reads a JSON string body and plain text', () => {
		expect(parseApiError(JSON.stringify(formError)).key).toBe('FORM_ERROR');
		expect(parseApiError('Bad Gateway').text).toBe('Bad Gateway');
		expect(parseApiError(undefined).text).toBeUndefined();
	});
});

describe('apiError', () => {
	it("carries the API's own text and the item index (the router adds [item N] to the message) and says how to fix it", () => {
		const e = apiError(node, 500, formError, 2, { subject: { noun: 'Session', id: '3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b' } });
		expect(e).toBeInstanceOf(NodeApiError);
		// Not found: in English, naming the record; WTS's text and its reference stay in the description.
		expect(e.message).toBe('Session 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b not found');
		expect(e.description).toContain('WTS Chat answered "Conversa não encontrada" (reference c44bf0cc)');
		expect(e.description).toMatch(/exists in this WTS Chat account/);
		expect(e.httpCode).toBe('404');
		expect(e.context.itemIndex).toBe(2);
		// Without a subject, or when WTS names another record than the path's, the record is named from WTS's text.
		expect(apiError(node, 500, formError, 0).message).toBe('Session not found');
		const team = { ...formError, text: 'Equipe não encontrada' };
		expect(apiError(node, 500, team, 0, { subject: { noun: 'Session', id: 'x' } }).message).toBe('Department not found');
	});

	it('keeps WTS\'s own text in the message of a rejected value, after a short English sentence', () => {
		const invalid = { ...formError, text: 'Parâmetros do modelo não informados: nome.' };
		const e = apiError(node, 500, invalid, 1);
		expect(e.message).toBe('WTS Chat rejected the request: Parâmetros do modelo não informados: nome.');
		expect(e.httpCode).toBe('500');
		expect(e.description).toMatch(/reference c44bf0cc/);
	});

	it('never uses the word "error" in a description', () => {
		const bodies: Array<[number, unknown]> = [
			[500, formError],
			[500, { ...formError, text: 'Valor inválido' }],
			[401, { key: 'ERROR_UNAUTHORIZED', text: 'Acesso negado', error: true }],
			[403, { title: 'Forbidden', status: 403 }],
			[429, { title: 'Too Many Requests', status: 429 }],
			[400, { title: 'One or more validation errors occurred.', status: 400 }],
			[503, '<html>Service Unavailable</html>'],
		];
		for (const [status, body] of bodies) expect(apiError(node, status, body, 0, { attempts: 2 }).description).not.toMatch(/error/i);
		for (const processed of [true, false]) expect(networkError(node, 'ECONNRESET', 0, processed, 2).description).not.toMatch(/error/i);
	});

	it('points to the credential on 401 and to the rate limit on 429', () => {
		const unauthorized = apiError(node, 401, { key: 'ERROR_UNAUTHORIZED', text: 'Acesso negado', error: true }, 0);
		expect(unauthorized.message).toBe('WTS Chat refused the API token: Acesso negado');
		expect(unauthorized.description).toMatch(/API token in the WTS Chat credential/);
		const limited = apiError(node, 429, { title: 'Too Many Requests', status: 429 }, 1, { retryAfterSeconds: 120, attempts: 1 });
		expect(limited.message).toBe('WTS Chat rate limit reached: Too Many Requests');
		expect(limited.description).toMatch(/rate limit/);
		expect(limited.description).toMatch(/120 s/);
	});

	it('never falls back to a bare generic text when the body is empty', () => {
		const e = apiError(node, 503, '', 0, { attempts: 4 });
		expect(e.message).toBe('WTS Chat is temporarily unavailable');
		// A load balancer's HTML page is not shown as the API's text.
		expect(apiError(node, 502, '<html><body>Bad Gateway</body></html>', 0).message).toBe('WTS Chat is unreachable (bad gateway)');
		expect(e.description).toBe("The problem is on WTS Chat's side (the node tried 4 times). Run the item again later.");
	});
});

describe('networkErrorCode', () => {
	it('finds the code in an axios-like error', () => {
		expect(networkErrorCode(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe('ECONNRESET');
	});

	it('finds the code after n8n wrapped the error in a NodeApiError (message rewritten, cause dropped)', () => {
		for (const code of ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'ENOTFOUND']) {
			const wrapped = new NodeApiError(node, Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code }));
			expect(networkErrorCode(wrapped)).toBe(code);
		}
	});

	it('returns undefined for errors that are not network failures', () => {
		expect(networkErrorCode(new Error('Invalid URL'))).toBeUndefined();
		expect(networkErrorCode(undefined)).toBeUndefined();
	});
});
