// The contract the transport checks every request against (contract.generated.ts, derived from the spec by
// scripts/contract.mjs) and the rules it applies (transport/rules.ts).
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { GENERATED, generatedContract } from '../../../../scripts/contract.mjs';
import { requestProblem, spellOut } from '../../../../nodes/WtsChat/transport/contract';
import { enumHint, isPrivateHost, pathSegmentProblem, urlProblem } from '../../../../nodes/WtsChat/transport/rules';

describe('the request contract', () => {
	it('contract.generated.ts is current (node scripts/contract.mjs writes it)', () => {
		expect(readFileSync(GENERATED, 'utf8')).toBe(generatedContract());
	});

	it('refuses a path segment that would leave the documented route', () => {
		for (const id of ['..', '.', 'a/b', 'a?b', 'a#b', 'a\\b', 'a\nb', '']) {
			expect(requestProblem({ method: 'GET', path: '/chat/v1/send/otp/{id}', pathParams: { id } }, undefined, 0)?.message, id).toBeDefined();
		}
		expect(requestProblem({ method: 'GET', path: '/chat/v1/send/otp/{id}', pathParams: { id: 'login-4821' } }, undefined, 0)).toBeUndefined();
	});

	it('checks query enums (also one value where the API takes a list) and dictionary keys', () => {
		const get = (qs) => requestProblem({ method: 'GET', path: '/chat/v2/session', qs }, undefined, 0);
		expect(get({ Status: 'completed' })?.message).toBe('"completed" is not a valid Status');
		expect(get({ Status: ['COMPLETED'] })).toBeUndefined();
		expect(get({ 'Metadata[a]&b]': 'x' })?.message).toMatch(/is not a valid key of Metadata filter/);
		expect(get({ 'Metadata[loja]': 'Centro' })).toBeUndefined();
	});

	it('checks body fields by the spec, naming them without a resolver by their API name spelled out', () => {
		const send = (body) => requestProblem({ method: 'POST', path: '/chat/v1/send/text', body }, undefined, 0, 'api.wts.chat');
		expect(send({ to: '5511999990001', text: 'a'.repeat(4097) })?.message).toBe('Text is too long (4097 characters)');
		expect(send({ to: '5511999990001', text: 'ok', callbackUrl: 'http://example.com/cb' })?.message).toMatch(/Callback URL \(plain http\)$/);
		expect(send({ to: '5511999990001', text: 'ok', senderId: 'a\u0000' })?.message).toBe('Sender ID contains a NUL character (\\u0000)');
		expect(send({ to: '5511999990001', text: 'ok', options: { user: { email: 'ana@' } } })?.message).toBe('"ana@" is not a valid Email');
		expect(send({ to: '5511999990001', text: 'ok', callbackUrl: 'https://example.com/cb' })).toBeUndefined();
		expect(spellOut('OrderDirection')).toBe('Order Direction');
		expect(spellOut('fileIdOrUrl')).toBe('File ID Or URL');
	});
});

describe('the rules', () => {
	it('says "upper case" only where every value is upper case', () => {
		expect(enumHint(['ASCENDING', 'DESCENDING'])).toMatch(/upper case/);
		expect(enumHint(['Admin', 'Agent', 'RestrictedAgent'])).toMatch(/exactly as written/);
	});

	it('refuses loopback, private and link-local hosts, except on the credential’s own loopback host', () => {
		for (const host of ['localhost', '127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', 'fe80::1', 'fd00::1', 'nas.local']) {
			expect(isPrivateHost(host), host).toBe(true);
		}
		for (const host of ['example.com', '8.8.8.8', '172.32.0.1', 'api.wts.chat']) expect(isPrivateHost(host), host).toBe(false);
		expect(urlProblem('https://127.0.0.1:9000/f.pdf', 'File URL', 'download', 'api.wts.chat')).toBeDefined();
		expect(urlProblem('http://127.0.0.1:9000/f.pdf', 'File URL', 'download', '127.0.0.1')).toBeUndefined();
		expect(urlProblem('https://example.com/f.pdf', 'File URL', 'download', 'api.wts.chat')).toBeUndefined();
		expect(urlProblem('http://example.com/hook', 'URL', 'callback', 'api.wts.chat')?.hint).toMatch(/where WTS Chat can reach you/);
		expect(urlProblem('http://example.com/f.pdf', 'File URL', 'download', 'api.wts.chat')?.hint).toMatch(/WTS Chat can download/);
	});

	it('lets a plain ID through a path', () => {
		expect(pathSegmentProblem('3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b', 'Session')).toBeUndefined();
	});
});
