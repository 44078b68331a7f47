// End-to-end cases of the Agent resource (see ./index.mjs for `suite`).
import { expect, it } from 'vitest';

import { SEED } from '../../../../sandbox/seed.mjs';

export default function agentCases(suite) {
	it('Agent: create, update, departments, block, log out, get and delete, chained; Get Many', async () => {
		const stamp = `${suite.version.replace(/\W/g, '')}${Date.now().toString(36)}`;
		const name = `Eva Nunes ${stamp}`;
		const r = await suite.leg().run('agent', { items: [{ name, email: `eva.${stamp}@lojaexemplo.example` }] });
		expect(r.execution.status).toBe('success');
		expect(r.out('Get Many Agents').map((i) => i.json.id)).toContain(SEED.agents.ana.id);
		const created = r.out('Create Agent')[0].json;
		expect(created).toMatchObject({ name, profile: 'Agent' });
		expect(r.out('Update Agent')[0].json.shortName).toBe('Eva');
		expect(r.out('Update Departments')[0].json).toMatchObject({ id: created.id, action: 'Upsert' });
		expect(r.out('Change Status')[0].json.availability).toBe('UNAVAILABLE');
		expect(r.out('Log Out')[0].json).toEqual({ loggedOut: true, id: created.id });
		const got = r.out('Get Agent')[0].json;
		expect(got.departments.map((d) => d.departmentId)).toEqual([SEED.departments.vendas.id]);
		expect(Object.keys(got)).not.toContain('companyId');
		expect(r.out('Delete Agent')[0]).toMatchObject({ json: { deleted: true, id: created.id }, pairedItem: { item: 0 } });
		expect((await suite.api('/core/v1/agent')).map((a) => a.id)).not.toContain(created.id);
	});

	it('every Agent operation of the node (as n8n loaded it) was run above', async () => {
		expect((await suite.operationsOf('agent')).sort()).toEqual(suite.declared('agent'));
	});
}
