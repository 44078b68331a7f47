// The editor's pickers, in real n8n: the endpoints the editor calls to fill a dropdown (POST
// /rest/dynamic-node-parameters/options) and a resource locator's list (…/resource-locator-results), with the sandbox
// credential. The node's methods run in n8n's own ILoadOptionsFunctions (credential, current parameters of the
// node, `panelId.value` of a resource locator); the answers are compared with the sandbox's API (the ground truth).
import { expect, it } from 'vitest';

import { SEED } from '../../../../sandbox/seed.mjs';
import { SANDBOX_CREDENTIAL } from '../../../../scripts/build-workflows.mjs';
import { CREDENTIAL_TYPE } from '../../../../scripts/n8n.mjs';

const ACTION = { name: 'n8n-nodes-wts-chat.wtsChat', version: 1 };
const TRIGGER = { name: 'n8n-nodes-wts-chat.wtsChatTrigger', version: 1 };
const sorted = (list) => [...list].sort();

export default function pickerCases(suite) {
	const credentials = { [CREDENTIAL_TYPE]: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name } };
	const rest = () => suite.leg().rest;
	const options = async (methodName, currentNodeParameters, path, node = ACTION) =>
		await rest().data('POST', '/rest/dynamic-node-parameters/options', { nodeTypeAndVersion: node, path, methodName, currentNodeParameters, credentials });
	const search = async (methodName, filter, currentNodeParameters, path) =>
		await rest().data('POST', '/rest/dynamic-node-parameters/resource-locator-results', {
			nodeTypeAndVersion: ACTION,
			path,
			methodName,
			filter,
			currentNodeParameters,
			credentials,
		});

	it('Pickers in the editor (n8n’s dynamic-node-parameters endpoints): tags, portfolios, a panel’s steps from the chosen panel, contacts searched by name, the trigger’s channels', async () => {
		const create = { resource: 'contact', operation: 'create', additionalFields: {} };
		const tags = await options('getTags', create, 'parameters.additionalFields.tagIds');
		expect(sorted(tags.map((o) => o.value))).toEqual(sorted((await suite.api('/core/v1/tag')).map((t) => t.id)));
		const portfolios = await options('getPortfolios', create, 'parameters.additionalFields.portfolioIds');
		expect(sorted(portfolios.map((o) => o.value))).toEqual(sorted(Object.values(SEED.portfolios).map((p) => p.id)));

		// depends on the panel chosen in the node's resource locator (loadOptionsDependsOn: panelId.value)
		const panelId = SEED.panels.vendas.id;
		const card = { resource: 'card', operation: 'create', panelId: { __rl: true, mode: 'list', value: panelId } };
		const steps = await options('getPanelSteps', card, 'parameters.stepId');
		const panel = await suite.api(`/crm/v1/panel/${panelId}?IncludeDetails=Steps`);
		expect(steps.length).toBeGreaterThan(1);
		expect(steps.map((o) => o.value)).toEqual(panel.steps.filter((s) => s.archived !== true).map((s) => s.id));

		const found = await search('searchContacts', 'maria', { resource: 'contact', operation: 'get' }, 'parameters.contactId');
		expect(found.results.map((r) => r.value)).toContain(SEED.contacts.maria.id);
		expect(found.results.find((r) => r.value === SEED.contacts.maria.id).name).toContain('Maria Oliveira');

		const channels = await options('getChannels', { events: ['MESSAGE_RECEIVED'], options: {} }, 'parameters.options.channelIds', TRIGGER);
		expect(sorted(channels.map((o) => o.value))).toEqual(sorted((await suite.api('/chat/v1/channel')).map((c) => c.id)));
	});
}
