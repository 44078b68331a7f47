// End-to-end cases of the Department resource (see ./index.mjs for `suite`).
import { expect, it } from 'vitest';

import { SEED } from '../../../../sandbox/seed.mjs';

export default function departmentCases(suite) {
	it('Department: create, update, agents, channels, get and delete, chained; Get Many', async () => {
		const name = `Pós-venda ${suite.version} ${Date.now().toString(36)}`;
		const r = await suite.leg().run('department', { items: [{ name }] });
		expect(r.execution.status).toBe('success');
		expect(r.out('Get Many Departments').map((i) => i.json.id)).toContain(SEED.departments.suporte.id);
		const created = r.out('Create Department')[0].json;
		expect(created.name).toBe(name);
		expect(r.out('Update Department')[0].json.name).toBe(`${name} (renamed)`);
		expect(r.out('Update Agents')[0].json).toMatchObject({ departmentId: created.id, action: 'Upsert' });
		expect(r.out('Get Channels')[0].json).toEqual({ departmentId: created.id, scope: 'SELECTED', channels: [SEED.channels.whatsapp.id] });
		const got = r.out('Get Department')[0].json;
		expect(got.agents.map((a) => a.userId)).toEqual([SEED.agents.carla.userId]);
		expect(r.out('Delete Department')[0]).toMatchObject({ json: { deleted: true, id: created.id }, pairedItem: { item: 0 } });
		expect((await suite.api('/core/v2/department')).map((d) => d.id)).not.toContain(created.id);
	});

	it('every Department operation of the node (as n8n loaded it) was run above', async () => {
		expect((await suite.operationsOf('department')).sort()).toEqual(suite.declared('department'));
	});
}
