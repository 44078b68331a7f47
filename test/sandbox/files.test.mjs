import { describe, it, expect, beforeAll } from 'vitest';
import { randomBytes, createHash } from 'node:crypto';
import { SEED } from '../../sandbox/server.mjs';
import { qs, useStrictSandbox } from './helpers.mjs';

let sb;
let api;

const strict = useStrictSandbox();
beforeAll(() => {
	({ sb, api } = strict);
});

async function upload(bytes, { type = 'IMAGE', name = 'foto.png', mimeType = 'image/png', contentType = mimeType } = {}) {
	const step1 = await api.get(`/core/v2/file${qs({ Type: type, Name: name, MimeType: mimeType })}`);
	expect(step1.status).toBe(200);
	const put = await fetch(step1.body.urlUpload, { method: 'PUT', headers: contentType ? { 'content-type': contentType } : {}, body: bytes });
	expect(put.status).toBe(200);
	const step3 = await api.post('/core/v2/file', { tempFileId: step1.body.tempFileId });
	expect(step3.status).toBe(200);
	return { step1: step1.body, put, file: step3.body };
}

describe('file upload flow', () => {
	it('GET → PUT raw bytes (no Bearer) → POST stores the bytes exactly', async () => {
		const bytes = randomBytes(70_000);
		bytes[0] = 0x89; // arbitrary binary incl. non-UTF-8 bytes
		const { step1, put, file } = await upload(bytes);
		expect(step1.tempFileId).toMatch(/^[0-9a-f-]{36}$/);
		expect(step1.urlUpload).toMatch(new RegExp(`^${sb.url}/__storage/${step1.tempFileId}\\?expires=\\d+&signature=[0-9a-f]{64}$`));
		expect(put.headers.get('etag')).toBe(`"${createHash('md5').update(bytes).digest('hex')}"`);
		expect(file).toMatchObject({ name: 'foto.png', extension: 'png', mimeType: 'image/png', type: 'IMAGE', size: bytes.length, companyId: SEED.company.id });
		expect(file.id).not.toBe(step1.tempFileId);

		const stored = await fetch(`${sb.url}/__sandbox/files/${file.id}`);
		expect(stored.headers.get('content-type')).toBe('image/png');
		expect(Buffer.from(await stored.arrayBuffer()).equals(bytes)).toBe(true);

		const uploadReq = sb.requests.find((r) => r.method === 'PUT');
		expect(uploadReq.headers.authorization).toBeUndefined();
		expect(uploadReq.bodyBytes).toBe(bytes.length);
	});

	it('UNDEFINED type is detected from the MIME type', async () => {
		const { file } = await upload(Buffer.from('%PDF-1.4 fake'), { type: 'UNDEFINED', name: 'boleto.pdf', mimeType: 'application/pdf' });
		expect(file.type).toBe('PDF');
	});

	it('the file id can be sent in a session message and is referenced by it', async () => {
		const bytes = Buffer.from('hello world');
		const { file } = await upload(bytes, { type: 'DOCUMENT', name: 'pedido.txt', mimeType: 'text/plain' });
		const id = SEED.sessions.inProgress[0];
		const sent = await api.post(`/chat/v1/session/${id}/message/sync`, { fileId: file.id, text: 'Segue o pedido' });
		expect(sent.status).toBe(200);
		expect(sent.body).toMatchObject({ fileId: file.id, type: 'DOCUMENT', text: 'Segue o pedido', status: 'SENT' });
		expect(sent.body.details.file).toMatchObject({ id: file.id, name: 'pedido.txt', mimeType: 'text/plain', size: bytes.length });
		expect(sent.body.details.file.publicUrl).toBe(`${sb.url}/__sandbox/files/${file.id}`);
		const viaUrl = await fetch(sent.body.details.file.publicUrl);
		expect(await viaUrl.text()).toBe('hello world');

		const listed = await api.get(`/chat/v1/message/${sent.body.id}`);
		expect(listed.body.details.file.id).toBe(file.id);
		const note = await api.post(`/chat/v1/session/${id}/note`, { filesIds: [file.id] });
		expect(note.body.details.files.map((f) => f.id)).toEqual([file.id]);
	});

	it('an image file makes an IMAGE message', async () => {
		const { file } = await upload(randomBytes(10));
		const sent = await api.post(`/chat/v1/session/${SEED.sessions.inProgress[0]}/message`, { fileId: file.id });
		expect(sent.status).toBe(200);
		expect((await api.get(`/chat/v1/message/${sent.body.id}`)).body.type).toBe('IMAGE');
	});

	it('rejects the Authorization header, a bad signature and other methods on the upload URL', async () => {
		const step1 = await api.get('/core/v2/file?Type=DOCUMENT&Name=a.txt');
		const withAuth = await fetch(step1.body.urlUpload, { method: 'PUT', headers: { authorization: `Bearer ${sb.token}` }, body: 'x' });
		expect(withAuth.status).toBe(400);
		expect(await withAuth.text()).toMatch(/<Code>InvalidArgument<\/Code>/);
		const forged = await fetch(step1.body.urlUpload.replace(/signature=[0-9a-f]+/, 'signature=00'), { method: 'PUT', body: 'x' });
		expect(forged.status).toBe(403);
		const get = await fetch(step1.body.urlUpload);
		expect(get.status).toBe(403);
		const problems = sb.takeViolations().flatMap((v) => v.problems);
		expect(problems).toHaveLength(3);
		expect(problems[0]).toMatch(/Authorization header/);
	});

	it('POST /core/v2/file before the upload, or twice, is a FORM_ERROR', async () => {
		const step1 = await api.get('/core/v2/file?Type=DOCUMENT&Name=a.txt');
		const early = await api.post('/core/v2/file', { tempFileId: step1.body.tempFileId });
		expect(early.status).toBe(500);
		expect(early.body.key).toBe('FORM_ERROR');
		await fetch(step1.body.urlUpload, { method: 'PUT', body: 'abc' });
		expect((await api.post('/core/v2/file', { tempFileId: step1.body.tempFileId })).status).toBe(200);
		expect((await api.post('/core/v2/file', { tempFileId: step1.body.tempFileId })).status).toBe(500);
		expect((await api.post(`/chat/v1/session/${SEED.sessions.inProgress[0]}/message`, { fileId: step1.body.tempFileId })).body.text).toBe('Arquivo não encontrado.');
	});

	it('Type and Name are required query parameters', async () => {
		const r = await api.get('/core/v2/file?Name=a.txt');
		expect(r.status).toBe(400);
		expect(sb.takeViolations()[0].problems).toEqual(['query.Type: is required']);
	});
});
