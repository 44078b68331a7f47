// The credential test's request as n8n resolves it: its `={{ … }}` expressions evaluated against the credential
// data, then the rule n8n applies to the answer. The same check in real n8n (POST /rest/credentials/test) is in
// test/e2e/browser.test.mjs.
import { describe, expect, it } from 'vitest';

import { HTTPS_REQUIRED_MESSAGE, WtsChatApi } from '../../credentials/WtsChatApi.credentials';

/**
 * Resolves one of the test's expressions the way n8n does for these shapes, without evaluating code: both are
 * `={{ <regex>.test($credentials.baseUrl.trim()) ? <then> : <else> }}`, where each branch is a string literal or
 * `$credentials.baseUrl.trim().replace(/\/+$/, "")`.
 */
function resolve(expression: string, credentials: { baseUrl: string }): string {
	const match = /^=\{\{ \/(.+)\/i\.test\(\$credentials\.baseUrl\.trim\(\)\) \? (.+?) : (.+) \}\}$/.exec(expression);
	if (!match) throw new Error(`unexpected expression shape: ${expression}`);
	const [, regex, then, otherwise] = match;
	const branch = new RegExp(regex, 'i').test(credentials.baseUrl.trim()) ? then : otherwise;
	if (branch === '$credentials.baseUrl.trim().replace(/\\/+$/, "")') return credentials.baseUrl.trim().replace(/\/+$/, '');
	const literal = /^"([^"]*)"$/.exec(branch);
	if (!literal) throw new Error(`unexpected branch: ${branch}`);
	return literal[1];
}

const test = new WtsChatApi().test;
const request = (baseUrl: string) => ({
	baseURL: resolve(test.request.baseURL as string, { baseUrl }),
	url: resolve(test.request.url as string, { baseUrl }),
});
/** What n8n's credential tester does with a successful answer: the first responseSuccessBody rule that matches. */
const ruleMessage = (body: unknown) =>
	(test.rules ?? []).find((r) => r.type === 'responseSuccessBody' && (body as Record<string, unknown>)?.[r.properties.key] === r.properties.value)
		?.properties.message;

/** The body axios hands n8n for a data: URL (a Buffer: n8n does not parse it). */
function dataUrlBody(url: string): Buffer {
	const match = /^data:[^,]*;base64,(.*)$/.exec(url);
	if (!match) throw new Error(`not a base64 data: URL: ${url}`);
	return Buffer.from(match[1], 'base64');
}

describe('credential test request (issue 23: http:// says https is required)', () => {
	it('an http:// Base URL that is not loopback never reaches the host and is answered "https is required"', () => {
		for (const baseUrl of ['http://api.wts.chat', 'HTTP://api.helena.run/', ' http://10.0.0.5:8080 ', 'http://localhost.evil.example', 'http://127.0.0.1.example.com']) {
			const r = request(baseUrl);
			expect(r.baseURL, baseUrl).toBe('');
			expect(r.url, baseUrl).toMatch(/^data:/);
			expect(ruleMessage(dataUrlBody(r.url)), baseUrl).toBe(HTTPS_REQUIRED_MESSAGE);
		}
		expect(HTTPS_REQUIRED_MESSAGE).toMatch(/must use https:\/\//);
	});

	it('https:// and loopback http:// Base URLs are tested against the API (GET /core/v1/agent), trailing slashes trimmed', () => {
		for (const [baseUrl, expected] of [
			['https://api.wts.chat', 'https://api.wts.chat'],
			['https://api.helena.run/ ', 'https://api.helena.run'],
			['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
			['http://localhost:4010/', 'http://localhost:4010'],
			['http://[::1]:4010', 'http://[::1]:4010'],
		]) {
			expect(request(baseUrl), baseUrl).toEqual({ baseURL: expected, url: '/core/v1/agent' });
		}
	});

	it('the rule matches only the data: answer, never an API answer', () => {
		// what n8n holds for API answers: parsed JSON (an agent), or text when the body is not JSON
		for (const body of [{ id: 'a', name: 'Ana' }, [{ id: 'a' }], 'wts-https-required', '{"0":119}', { 0: '119' }, undefined]) {
			expect(ruleMessage(body), JSON.stringify(body)).toBeUndefined();
		}
	});
});
