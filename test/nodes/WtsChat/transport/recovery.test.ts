import { describe, expect, it } from 'vitest';

import {
	earliestServerTime,
	isProcessedSend,
	observeServerDate,
	sendLookup,
} from '../../../../nodes/WtsChat/transport/recovery';

const SESSION = '3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b';

describe('send lookup after an ambiguous failure', () => {
	it('knows where to look for session sends and notes, matching what was sent', () => {
		expect(sendLookup('POST', '/chat/v1/session/{id}/message', { id: SESSION }, { text: 'Olá', refId: 'r1' })).toEqual({
			path: '/chat/v1/session/{id}/message',
			pathParams: { id: SESSION },
			match: { direction: 'TO_HUB', text: 'Olá', refId: 'r1' },
		});
		expect(sendLookup('POST', '/chat/v1/session/{id}/message/sync', { id: SESSION }, { templateId: 't1' })).toMatchObject({
			match: { direction: 'TO_HUB', templateId: 't1' },
		});
		expect(sendLookup('POST', '/chat/v1/session/{id}/note', { id: SESSION }, { text: 'nota' })).toEqual({
			path: '/chat/v1/session/{id}/note',
			pathParams: { id: SESSION },
			match: { text: 'nota' },
		});
	});

	it('looks in the named session for /chat/v1/send/*, matching senderId; cannot check a send without a session', () => {
		expect(sendLookup('POST', '/chat/v1/send/text', undefined, { sessionId: SESSION, text: 'x', senderId: 's-1' })).toMatchObject({
			pathParams: { id: SESSION },
			match: { direction: 'TO_HUB', senderId: 's-1', text: 'x' },
		});
		expect(sendLookup('POST', '/chat/v1/send/text', undefined, { to: '5511999990001', text: 'x' })).toEqual({
			uncheckable: 'the send names no session, so the node cannot look for the message it may have created',
		});
		expect(sendLookup('POST', '/chat/v1/message/send', undefined, { to: '5511999990001' })).toHaveProperty('uncheckable');
		expect(sendLookup('GET', '/chat/v1/session/{id}/message', { id: SESSION }, undefined)).toBeUndefined();
		expect(sendLookup('POST', '/core/v1/contact', undefined, { name: 'x' })).toBeUndefined();
	});

	it('takes only a matching message created since the request, never one this process already got', () => {
		const lookup = { path: '', pathParams: {}, match: { direction: 'TO_HUB', text: 'Olá' } };
		const at = Date.parse('2026-11-30T10:00:00Z');
		const m = { id: 'm1', createdAt: '2026-11-30T10:00:01Z', direction: 'TO_HUB', text: 'Olá' };
		expect(isProcessedSend(m, lookup, at, new Set())).toBe(true);
		expect(isProcessedSend({ ...m, text: 'Oi' }, lookup, at, new Set())).toBe(false);
		expect(isProcessedSend({ ...m, direction: 'FROM_HUB' }, lookup, at, new Set())).toBe(false);
		expect(isProcessedSend({ ...m, createdAt: '2026-11-30T09:59:59Z' }, lookup, at, new Set())).toBe(false);
		expect(isProcessedSend(m, lookup, at, new Set(['m1']))).toBe(false);
	});

	it("bounds the server's clock from its Date headers (a lower bound, whole seconds)", () => {
		const account = `clock-${Math.random()}`;
		const sentAt = Date.parse('2026-11-30T10:00:00.500Z');
		expect(earliestServerTime(account, sentAt)).toBe(sentAt - 60_000);
		// The server runs 10 s ahead: its header (truncated to the second) arrives 200 ms after it was written.
		observeServerDate(account, 'Mon, 30 Nov 2026 10:00:10 GMT', Date.parse('2026-11-30T10:00:00.700Z'));
		expect(earliestServerTime(account, sentAt)).toBe(sentAt + 9_300);
	});
});
