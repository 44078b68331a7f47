// The demo data's message with media (issue 23: "no message with media to try Download Media on"): the node's
// Message → Download Media gets the seeded photo, a valid PNG, with its name and MIME type.
import { inflateSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { SEED, useSandbox } from '../harness/fixture.mjs';

const t = useSandbox();

describe('seeded message with media', () => {
	it('Download Media on SEED.messages.media returns the PNG photo the contact sent', async () => {
		const { id, sessionId, fileName } = SEED.messages.media;
		expect(SEED.messages.bySession[sessionId]).toContain(id);
		const { output } = await t.run({ resource: 'message', operation: 'downloadMedia', messageId: id, binaryPropertyName: 'data' });
		const [item] = output[0];
		expect(item.json).toMatchObject({ messageId: id, fileName, mimeType: 'image/png', type: 'IMAGE' });
		const bytes = Buffer.from(item.binary?.data.data, 'base64');
		expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
		// a real image: IHDR 48 × 48 RGB, and the IDAT chunk inflates to 48 rows of 1 + 48 × 3 bytes
		expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20), bytes[25]]).toEqual([48, 48, 2]);
		const idatLength = bytes.readUInt32BE(33);
		expect(bytes.subarray(37, 41).toString('ascii')).toBe('IDAT');
		expect(inflateSync(bytes.subarray(41, 41 + idatLength)).length).toBe(48 * (1 + 48 * 3));
	});

	it('the session keeps its number of messages and its last message text', async () => {
		const { sessionId } = SEED.messages.media;
		const { output } = await t.run({ resource: 'session', operation: 'get', sessionId: { __rl: true, mode: 'id', value: sessionId }, simplify: false, options: {} });
		const session = output[0][0].json;
		expect(session.lastMessageText).toBeTruthy();
		expect(session.lastMessageText).not.toBe('Foto do produto com defeito');
	});
});
