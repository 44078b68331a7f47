// Issue "Session resource and sandbox: data-loss and fidelity defects found in review": one test (or more) per point.
import { NodeOperationError } from 'n8n-workflow';
import { beforeEach, describe, expect, it } from 'vitest';

import { rl, SEED, useSandbox } from '../../../../harness/fixture.mjs';

const t = useSandbox();
const S = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'session', operation, ...extra });
type Json = Record<string, unknown>;
type Item = { json: Json; pairedItem?: unknown };
type Req = { method: string; path: string; query: Record<string, string[]>; body: Json };
const only = (output: Item[][]) => output[0].map((o) => o.json);
const lastRequest = () => t.apiRequests().at(-1) as Req;
const state = (id: string) => t.sandbox.state.sessions.get(id) as Json;
const openSession = SEED.sessions.inProgress[0];
/** A completed session seeded with a classification (category, description, amount). */
let classified = '';
beforeEach(() => {
	classified = SEED.sessions.completed.find((id: string) => state(id)?.classification) as string;
});

describe('1. Update sends only the classification fields that were set; clearing it is explicit', () => {
	it('changes the category alone and keeps the description and amount the session had', async () => {
		const before = structuredClone(state(classified).classification) as Json;
		expect(before.categoryDescription).toBeTruthy();
		await t.run(S('update', { sessionId: rl(classified), updateFields: { classificationCategory: 'LOST' } }));
		// The classification is sent whole (the API takes it under one mask entry): the parts not given are read first.
		const [read, write] = t.apiRequests().slice(-2) as Req[];
		expect(read).toMatchObject({ method: 'GET', path: `/chat/v2/session/${classified}` });
		expect(write.body).toEqual({
			classification: { category: 'LOST', description: before.categoryDescription, amount: before.amount },
			fields: ['Classification'],
		});
		expect(state(classified).classification).toMatchObject({
			category: 'LOST',
			categoryDescription: before.categoryDescription,
			amount: before.amount,
		});
	});

	it('sends 0 and an empty description as real values when they were added', async () => {
		await t.run(
			S('update', { sessionId: rl(classified), updateFields: { classificationAmount: 0, classificationDescription: '' } }),
		);
		expect(lastRequest().body).toEqual({ classification: { category: expect.any(String), description: '', amount: 0 }, fields: ['Classification'] });
		expect(state(classified).classification).toMatchObject({ categoryDescription: '', amount: 0 });
	});

	it('removes the classification on purpose through Fields to Clear', async () => {
		await t.run(S('update', { sessionId: rl(classified), clearFields: ['Classification'] }));
		expect(lastRequest().body).toEqual({ classification: null, fields: ['Classification'] });
		expect(state(classified).classification).toBeNull();
	});

	it('refuses an amount that is not a number, an ID added but left empty, before any request', async () => {
		const e1 = await t.runError(S('update', { sessionId: rl(classified), updateFields: { classificationAmount: 'lots' } }));
		expect(e1.message).toBe('Classification Amount must be a number [item 0]');
		const e2 = await t.runError(S('update', { sessionId: rl(classified), updateFields: { agentId: '' } }));
		expect(e2.message).toBe('Agent is added under Update Fields but empty [item 0]');
		expect(e2.description).toMatch(/Fields to Clear/);
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('sends an empty Number as a real value', async () => {
		await t.run(S('update', { sessionId: rl(openSession), updateFields: { number: '' } }));
		expect(lastRequest().body).toEqual({ number: '', fields: ['Number'] });
	});
});

describe("3. Date-times without a zone are read in the workflow's time zone", () => {
	it('reads the date picker value 18:00 in America/Sao_Paulo as 21:00Z, whatever the process TZ is', async () => {
		await t.run(S('getMany', { limit: 1, filters: { createdAtAfter: '2026-01-31T18:00:00' } }), { timezone: 'America/Sao_Paulo' });
		expect(lastRequest().query['CreatedAt.After']).toEqual(['2026-01-31T21:00:00.000Z']);
		await t.run(S('getMany', { limit: 1, filters: { createdAtAfter: '2026-01-31T18:00:00' } }), { timezone: 'Asia/Tokyo' });
		expect(lastRequest().query['CreatedAt.After']).toEqual(['2026-01-31T09:00:00.000Z']);
	});

	it('follows daylight saving time of the workflow zone, and keeps explicit zones as given', async () => {
		const run = async (value: string) => {
			await t.run(S('getMany', { limit: 1, filters: { endAtBefore: value } }), { timezone: 'America/New_York' });
			return lastRequest().query['EndAt.Before'][0];
		};
		expect(await run('2026-01-15T12:00:00')).toBe('2026-01-15T17:00:00.000Z'); // EST, UTC-5
		expect(await run('2026-07-15T12:00:00')).toBe('2026-07-15T16:00:00.000Z'); // EDT, UTC-4
		expect(await run('2026-07-15T12:00:00Z')).toBe('2026-07-15T12:00:00.000Z');
		expect(await run('2026-07-15T12:00:00-03:00')).toBe('2026-07-15T15:00:00.000Z');
		expect(await run('2026-07-15')).toBe('2026-07-15T04:00:00.000Z');
	});

	it("reads Update's End At in the workflow's zone too", async () => {
		await t.run(S('update', { sessionId: rl(openSession), updateFields: { endAt: '2026-03-01T09:30:00' } }), {
			timezone: 'America/Sao_Paulo',
		});
		expect(lastRequest().body).toEqual({ endAt: '2026-03-01T12:30:00.000Z', fields: ['EndAt'] });
	});

	it('refuses impossible dates before any request and names the zone in the fix', async () => {
		for (const value of ['2025-02-30T00:00:00Z', '2025-01-01T24:00:00Z', '2025-13-01T00:00:00', 'tomorrow']) {
			const error = await t.runError(S('getMany', { limit: 1, filters: { createdAtBefore: value } }), { timezone: 'Europe/Lisbon' });
			expect(error.message).toBe('Created At Before is not a valid date [item 0]');
			expect(error.description).toMatch(/Europe\/Lisbon/);
		}
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('says so in the hints of the date fields', () => {
		const { description } = t.node();
		const dateFields = description.properties
			.flatMap((p: Json) => [p, ...((p.options as Json[]) ?? [])])
			.filter((p: Json) => p.type === 'dateTime');
		expect(dateFields.length).toBeGreaterThan(5);
		for (const field of dateFields) expect(field.hint).toMatch(/workflow's time zone/);
	});
});

describe('4. Transfer to an agent needs no department', () => {
	it('sends type USER with the agent only, keeping the department the session has', async () => {
		const agent = SEED.agents.carla.userId;
		const department = state(openSession).departmentId;
		await t.run(S('transfer', { sessionId: rl(openSession), agentId: rl(agent) }));
		expect(lastRequest().body).toEqual({ type: 'USER', newUserId: agent });
		expect(state(openSession)).toMatchObject({ userId: agent, departmentId: department });
	});

	it('refuses a transfer to nobody before any request', async () => {
		const error = await t.runError(S('transfer', { sessionId: rl(openSession) }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('No department or agent to transfer to [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});
});

describe('5. Get Many filters by metadata (Metadata[key]=value)', () => {
	it('sends each key as Metadata[key] and gets only the matching sessions', async () => {
		const [a, b] = SEED.sessions.inProgress;
		await t.run(S('update', { sessionId: rl(a), updateFields: { metadata: { entries: [{ key: 'pedido', value: 'A-1' }, { key: 'loja', value: 'São Paulo' }] } } }));
		await t.run(S('update', { sessionId: rl(b), updateFields: { metadata: { entries: [{ key: 'pedido', value: 'A-1' }] } } }));
		const run = async (entries: Json[]) => {
			const { output } = await t.run(S('getMany', { returnAll: true, filters: { metadata: { entries } } }));
			return only(output).map((s) => s.id);
		};
		expect((await run([{ key: 'pedido', value: 'A-1' }])).sort()).toEqual([a, b].sort());
		expect(lastRequest().query['Metadata[pedido]']).toEqual(['A-1']);
		expect(await run([{ key: 'pedido', value: 'A-1' }, { key: 'loja', value: 'São Paulo' }])).toEqual([a]);
		expect(await run([{ key: 'pedido', value: 'a-1' }])).toEqual([]);
	});

	it('refuses an empty key or value before any request', async () => {
		const error = await t.runError(S('getMany', { limit: 5, filters: { metadata: { entries: [{ key: ' ', value: 'x' }] } } }));
		expect(error.message).toBe('A metadata filter has an empty key [item 0]');
		const e2 = await t.runError(S('getMany', { limit: 5, filters: { metadata: { entries: [{ key: 'pedido', value: '' }] } } }));
		expect(e2.message).toBe('The metadata filter "pedido" has an empty value [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});
});

describe('6. Update offers the field-mask values ReactivateDisabled and Autocomplete', () => {
	it('sends them in the fields mask', async () => {
		await t.run(S('update', { sessionId: rl(openSession), flags: ['ReactivateDisabled', 'Autocomplete'] }));
		expect(lastRequest().body).toEqual({ fields: ['ReactivateDisabled', 'Autocomplete'] });
		expect(state(openSession)._flags).toEqual({ ReactivateDisabled: true, Autocomplete: true });
	});
});

describe('7. Add Note attaches files from binary input', () => {
	it('uploads every named binary property and sends their IDs as filesIds, with URLs too', async () => {
		const pdf = Buffer.from('%PDF-1.4 nota\n');
		const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
		const items = [
			{
				json: {},
				binary: {
					data: { data: pdf.toString('base64'), mimeType: 'application/pdf', fileName: 'contrato.pdf', fileExtension: 'pdf' },
					foto: { data: png.toString('base64'), mimeType: 'image/png', fileName: 'foto.png', fileExtension: 'png' },
				},
			},
		];
		const { output } = await t.run(
			S('addNote', {
				sessionId: rl(openSession),
				text: 'Documentos do cliente',
				options: { binaryPropertyNames: 'data, foto', fileUrls: 'https://example.com/a.pdf' },
			}),
			{ items },
		);
		const note = lastRequest();
		expect(note.path).toBe(`/chat/v1/session/${openSession}/note`);
		expect(note.body.filesUrls).toEqual(['https://example.com/a.pdf']);
		const ids = note.body.filesIds as string[];
		expect(ids).toHaveLength(2);
		for (const [id, bytes] of [
			[ids[0], pdf],
			[ids[1], png],
		] as Array<[string, Buffer]>) {
			const stored = Buffer.from(await (await fetch(`${t.sandbox.url}/__sandbox/files/${id}`)).arrayBuffer());
			expect(stored.equals(bytes)).toBe(true);
		}
		expect(only(output)[0]).toMatchObject({ text: 'Documentos do cliente' });
		const notes = state(openSession) && (await (await fetch(`${t.sandbox.url}/__sandbox/state/sessions/${openSession}`)).json());
		const saved = (notes._notes as Json[]).find((n) => n.text === 'Documentos do cliente') as Json;
		expect(saved._fileIds).toHaveLength(3);
	});

	it('refuses a missing binary property before any request', async () => {
		const items = [{ json: {}, binary: { data: { data: 'aGk=', mimeType: 'text/plain', fileName: 'a.txt' } } }];
		const error = await t.runError(S('addNote', { sessionId: rl(openSession), options: { binaryPropertyNames: 'data, nope' } }), { items });
		expect(error.message).toBe('Item has no binary property "nope" [item 0]');
		expect(error.description).toMatch(/data/);
		expect(t.apiRequests()).toHaveLength(0);
	});
});

describe('8. Uploads name the file with an extension', () => {
	it('derives the extension from the binary or its MIME type when the name has none', async () => {
		const cases: Array<[Json, string]> = [
			[{ mimeType: 'application/pdf', fileName: 'fatura' }, 'fatura.pdf'],
			[{ mimeType: 'image/jpeg', fileName: 'foto', fileExtension: 'jpeg' }, 'foto.jpeg'],
			[{ mimeType: 'audio/ogg' }, 'file.ogg'],
			[{ mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: 'planilha' }, 'planilha.xlsx'],
			[{ mimeType: 'text/plain', fileName: 'notas.txt' }, 'notas.txt'],
		];
		for (const [meta, expected] of cases) {
			t.sandbox.requests.length = 0;
			const items = [{ json: {}, binary: { data: { data: 'aGVsbG8=', ...meta } } }];
			await t.run(S('sendFile', { sessionId: rl(openSession), fileSource: 'binary' }), { items });
			expect((t.apiRequests()[0] as Req).query.Name).toEqual([expected]);
		}
	});
});

describe('9. Simplify on Get, Get Many and Get Messages', () => {
	const SIMPLE = ['id', 'number', 'status', 'title', 'contactId', 'channelId', 'departmentId', 'userId', 'lastInteractionDate', 'lastMessageText'];

	it('is on by default and keeps the fields the hint lists', async () => {
		const { output } = await t.run(S('get', { sessionId: rl(openSession) }));
		expect(Object.keys(only(output)[0]).sort()).toEqual([...SIMPLE].sort());
		const hint = t.node().description.properties.find(
			(p: Json) => p.name === 'simplify' && ((p.displayOptions as { show?: { resource?: string[] } })?.show?.resource ?? []).includes('session'),
		);
		for (const field of SIMPLE) expect(hint.hint).toContain(field);
	});

	it('keeps the details asked for, and gives the raw record when off', async () => {
		const { output } = await t.run(S('getMany', { limit: 3, options: { includeDetails: ['ContactDetails'] } }));
		for (const s of only(output)) expect(Object.keys(s).sort()).toEqual([...SIMPLE, 'contactDetails'].sort());
		const { output: raw } = await t.run(S('get', { sessionId: rl(openSession), simplify: false }));
		expect(Object.keys(only(raw)[0]).length).toBeGreaterThan(30);
	});

	it('simplifies messages', async () => {
		const { output } = await t.run(S('getMessages', { sessionId: rl(openSession), returnAll: true }));
		expect(only(output).length).toBeGreaterThan(0);
		for (const m of only(output)) {
			expect(Object.keys(m).sort()).toEqual(
				['id', 'createdAt', 'sessionId', 'direction', 'type', 'status', 'text', 'fileId', 'userId', 'failedReason'].sort(),
			);
		}
		const { output: raw } = await t.run(S('getMessages', { sessionId: rl(openSession), returnAll: true, simplify: false }));
		expect(only(raw)[0]).toHaveProperty('details');
	});
});
