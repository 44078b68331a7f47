import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { rl, SEED, useSandbox } from '../../../../harness/fixture.mjs';

const t = useSandbox();
const P = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'panel', operation, ...extra });
const vendas = SEED.panels.vendas.id;
const suporte = SEED.panels.suporte.id;
const missing = '00000000-0000-4000-8000-000000000000';
type Json = Record<string, unknown>;
type Item = { json: Json; pairedItem?: unknown };
type Req = { method: string; path: string; query: Record<string, string[]>; body: Json };
const only = (output: Item[][]) => output[0].map((o) => o.json);
const lastRequest = () => t.apiRequests().at(-1) as Req;

describe('Panel → Get Many', () => {
	it('lists every panel (Return All), simplified by default, one item per panel paired to its input', async () => {
		const { output } = await t.run(P('getMany', { returnAll: true }));
		const panels = only(output);
		expect(panels.map((p) => p.id).sort()).toEqual([vendas, suporte].sort());
		expect(Object.keys(panels[0]).sort()).toEqual(['archived', 'departmentIds', 'description', 'id', 'key', 'scope', 'stepTitles', 'title', 'type'].sort());
		expect(output[0].every((o) => (o.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(lastRequest()).toMatchObject({ method: 'GET', path: '/crm/v2/panel' });
		expect(lastRequest().query.PageSize).toEqual(['100']);
	});

	it('filters by title and type, sends only what was set, and keeps the details asked for', async () => {
		const { output } = await t.run(
			P('getMany', { returnAll: false, limit: 5, filters: { title: 'funil', type: 'SALES' }, options: { includeDetails: ['Steps', 'Tags'] } }),
		);
		const [panel] = only(output);
		expect(only(output)).toHaveLength(1);
		expect(panel.id).toBe(vendas);
		expect((panel.steps as Json[]).map((s) => s.title)).toEqual(Object.values(SEED.panels.vendas.steps as Record<string, { title: string }>).map((s) => s.title));
		expect((panel.tags as Json[]).length).toBe(2);
		const q = lastRequest().query;
		expect(Object.keys(q).sort()).toEqual(['IncludeDetails', 'PageNumber', 'PageSize', 'Title', 'Type']);
		expect(q.PageSize).toEqual(['5']);
	});

	it('returns the raw panel with Simplify off', async () => {
		const { output } = await t.run(P('getMany', { returnAll: true, simplify: false }));
		expect(Object.keys(only(output)[0])).toEqual(expect.arrayContaining(['createdAt', 'companyId', 'thumbnailFile', 'autoLossDays']));
	});

	it('refuses an impossible date and a Limit of 0 before any request', async () => {
		const e1 = await t.runError(P('getMany', { returnAll: true, filters: { createdAtAfter: '2026-02-30T10:00:00' } }));
		expect(e1).toBeInstanceOf(NodeOperationError);
		expect(e1.message).toBe('Created At After is not a valid date [item 0]');
		const e2 = await t.runError(P('getMany', { returnAll: false, limit: 0 }));
		expect(e2.message).toBe('Limit must be a whole number of at least 1 [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('reads a date without zone in the workflow’s time zone', async () => {
		await t.run(P('getMany', { returnAll: true, filters: { createdAtAfter: '2026-01-31T18:00:00' } }), { timezone: 'America/Sao_Paulo' });
		expect(lastRequest().query['CreatedAt.After']).toEqual(['2026-01-31T21:00:00.000Z']);
	});
});

describe('Panel → Get', () => {
	it('gets a panel with its steps and step card counts', async () => {
		const { output } = await t.run(P('get', { panelId: rl(vendas, 'list'), options: { includeDetails: ['Steps', 'StepsCardCount'] } }));
		const [panel] = only(output);
		expect(panel.id).toBe(vendas);
		expect((panel.steps as Json[])[0].cardCount).toBeTypeOf('number');
		expect(lastRequest()).toMatchObject({ path: `/crm/v1/panel/${vendas}` });
		expect(lastRequest().query.IncludeDetails).toEqual(['Steps', 'StepsCardCount']);
	});

	it('sends each Include Details value once (the legacy node sent Steps twice with Cards)', async () => {
		const { output } = await t.run(P('get', { panelId: rl(vendas), options: { includeDetails: ['Cards', 'Steps', 'Steps'] } }));
		expect(lastRequest().query.IncludeDetails).toEqual(['Cards', 'Steps']);
		const steps = only(output)[0].steps as Json[];
		expect((steps[0].cards as Json).items).toBeInstanceOf(Array);
	});

	it('surfaces WTS’s not-found text, with the panel named', async () => {
		const error = await t.runError(P('get', { panelId: rl(missing) }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(`Panel ${missing} not found [item 0]`);
		expect(error.description).toContain('Painel não encontrado.');
	});

	it('refuses an empty or malformed Panel ID before any request', async () => {
		expect((await t.runError(P('get', { panelId: rl('') }))).message).toBe('The Panel ID field is empty [item 0]');
		expect((await t.runError(P('get', { panelId: rl('vendas') }))).message).toBe('"vendas" is not a valid Panel ID [item 0]');
		expect(t.apiRequests()).toHaveLength(0);
	});

	it('processes several items, each paired; Continue On Fail keeps going in both modes', async () => {
		const ids = [vendas, 'nope', suporte];
		const params = (i: number) => P('get', { panelId: rl(ids[i]) });
		const items = ids.map(() => ({ json: {} }));
		const regular = await t.run(params, { items, onError: 'continueRegularOutput' });
		expect(regular.output[0].map((o: Item) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(regular.output[0][1].json).toEqual({ error: '"nope" is not a valid Panel ID [item 1]' });
		expect(regular.output[0][2].json.id).toBe(suporte);
		const split = await t.run(params, { items, onError: 'continueErrorOutput' });
		expect(split.output[0].map((o: Item) => o.json.id)).toEqual([vendas, suporte]);
		expect(split.output[1].map((o: Item) => o.pairedItem)).toEqual([{ item: 1 }]);
	});
});

describe('Panel → Get Custom Fields', () => {
	it('lists the fields flat (groups included) or nested', async () => {
		const { output } = await t.run(P('getCustomFields', { panelId: rl(vendas) }));
		const flat = only(output);
		expect(flat.map((f) => f.key)).toEqual(Object.keys(SEED.panels.vendas.customFields));
		expect(lastRequest().query).toEqual({});
		const { output: nested } = await t.run(P('getCustomFields', { panelId: rl(vendas), options: { nestedList: true } }));
		const group = only(nested).find((f) => f.type === 'GROUP') as Json;
		expect((group.children as Json[]).map((c) => c.key)).toEqual(['data-entrega', 'observacoes-entrega']);
		expect(lastRequest().query.NestedList).toEqual(['true']);
	});

	it('surfaces the not-found text', async () => {
		const error = await t.runError(P('getCustomFields', { panelId: rl(missing) }));
		expect(error.message).toBe(`Panel ${missing} not found [item 0]`);
	});
});

describe('Panel → Get Lost Reasons', () => {
	it('lists the lost reasons of a sales panel', async () => {
		const { output } = await t.run(P('getLostReasons', { panelId: rl(vendas), returnAll: true }));
		expect(only(output).map((r) => r.description).sort()).toEqual(
			Object.values(SEED.panels.vendas.lostReasons as Record<string, { description: string }>).map((r) => r.description).sort(),
		);
	});

	it('surfaces WTS’s text for a management panel', async () => {
		const error = await t.runError(P('getLostReasons', { panelId: rl(suporte), returnAll: true }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(`${error.message} ${error.description}`).toContain('Motivos de perda estão disponíveis apenas para painéis de vendas.');
	});
});
