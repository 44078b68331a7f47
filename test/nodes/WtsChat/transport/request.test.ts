import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { buildPath, buildQuery, normalizeBaseUrl } from '../../../../nodes/WtsChat/transport';

const node = { id: 'n', name: 'WTS Chat', type: 't', typeVersion: 1, position: [0, 0], parameters: {} } as INode;

describe('request building', () => {
	it('fills and encodes path parameters', () => {
		expect(buildPath('/chat/v1/session/{id}/complete', { id: 'a b/c' })).toBe('/chat/v1/session/a%20b%2Fc/complete');
		expect(() => buildPath('/chat/v1/session/{id}', {})).toThrow(/Missing path parameter id/);
	});

	it('repeats array keys and leaves empty values out', () => {
		expect(
			buildQuery({ Status: ['STARTED', 'PENDING'], DepartmentId: undefined, Name: '', 'CreatedAt.After': '2026-01-01T00:00:00.000Z', PageSize: 100 }),
		).toBe('?Status=STARTED&Status=PENDING&CreatedAt.After=2026-01-01T00%3A00%3A00.000Z&PageSize=100');
		expect(buildQuery({})).toBe('');
	});

	it('accepts https and loopback http Base URLs, strips trailing slashes and a service prefix', () => {
		expect(normalizeBaseUrl(node, 'https://api.wts.chat/')).toBe('https://api.wts.chat');
		expect(normalizeBaseUrl(node, ' https://api.helena.run/chat ')).toBe('https://api.helena.run');
		expect(normalizeBaseUrl(node, 'http://127.0.0.1:4010')).toBe('http://127.0.0.1:4010');
		expect(normalizeBaseUrl(node, 'http://localhost:4010/')).toBe('http://localhost:4010');
		expect(normalizeBaseUrl(node, 'http://[::1]:4010')).toBe('http://[::1]:4010');
	});

	it('refuses plain http off loopback, and an empty Base URL, before any request', () => {
		expect(() => normalizeBaseUrl(node, 'http://api.wts.chat')).toThrow(NodeOperationError);
		expect(() => normalizeBaseUrl(node, 'http://127.0.0.1.evil.example')).toThrow(/not allowed/);
		expect(() => normalizeBaseUrl(node, 'ftp://api.wts.chat')).toThrow(/not allowed/);
		expect(() => normalizeBaseUrl(node, '')).toThrow(/no Base URL/);
	});
});
