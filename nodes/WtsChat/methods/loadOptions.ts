import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { compareLabels } from '../helpers/search';
import { isUuid } from '../helpers/validation';
import { apiRequest, apiRequestAllItems, apiRequestPage } from '../transport';
import { agentLabel, channelLabel, customFieldLabel, departmentLabel, stepLabel } from './labels';

// Load options get no filter from n8n (the editor filters these lists itself), so there is no search to fold
// here; the labels are the same as the list searches' (labels.ts) so a record reads the same in every picker.

function byName(a: INodePropertyOptions, b: INodePropertyOptions): number {
	return compareLabels(a.name, b.name);
}

async function plainList(ctx: ILoadOptionsFunctions, path: string): Promise<IDataObject[]> {
	const body = await apiRequest.call(ctx, { method: 'GET', path });
	return (Array.isArray(body) ? body : ((body as IDataObject)?.items as IDataObject[]) ?? []) as IDataObject[];
}

export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await plainList(this, '/core/v1/tag')).map((t) => ({ name: String(t.name ?? t.id), value: t.id as string })).sort(byName);
}

/** Portfolios (carteiras), every page of the listing. */
export async function getPortfolios(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await apiRequestAllItems.call(this, { method: 'GET', path: '/core/v1/portfolio' }, { returnAll: true }))
		.map((p) => ({ name: String(p.name ?? p.id), value: p.id as string }))
		.sort(byName);
}

export async function getChannels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await plainList(this, '/chat/v1/channel')).map((c) => ({ name: channelLabel(c), value: c.id as string })).sort(byName);
}

/** The variables of the template chosen in the node (found by paging the template listing with its params). */
export async function getTemplateParameters(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const templateId = this.getCurrentNodeParameter('templateId', { extractValue: true });
	if (typeof templateId !== 'string' || !isUuid(templateId.trim())) return [];
	for (let page = 1; page <= 50; page++) {
		const { items, hasMorePages } = await apiRequestPage.call(
			this,
			{ method: 'GET', path: '/chat/v1/template', qs: { IncludeDetails: ['Params'] } },
			page,
			100,
		);
		const template = items.find((t) => t.id === templateId.trim());
		if (template) {
			const params = Array.isArray(template.params) ? (template.params as IDataObject[]) : [];
			return params.map((p) => ({ name: String(p.name), value: String(p.name) }));
		}
		if (!hasMorePages) break;
	}
	return [];
}

export async function getDepartments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await plainList(this, '/core/v2/department')).map((d) => ({ name: departmentLabel(d), value: d.id as string })).sort(byName);
}

export async function getAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await plainList(this, '/core/v1/agent'))
		.map((a) => ({ name: agentLabel(a), value: (a.userId ?? a.id) as string }))
		.sort(byName);
}

// ---- CRM: pickers that depend on the panel chosen in the node (the `panelId` parameter of the operation)

/** The panel chosen in the node, if a valid ID is chosen yet. */
function chosenPanelId(ctx: ILoadOptionsFunctions): string | undefined {
	let value: unknown;
	try {
		value = ctx.getCurrentNodeParameter('panelId', { extractValue: true });
	} catch {
		value = undefined;
	}
	const id = typeof value === 'string' ? value.trim() : '';
	return isUuid(id) ? id.toLowerCase() : undefined;
}

/**
 * What a panel-dependent list shows before a panel is chosen: one plain option saying so. Throwing instead makes
 * n8n's editor show a red "Error fetching options from WTS Chat" with the reason hidden in a tooltip; an empty list
 * shows only "No data". The option's value is empty, so choosing it anyway leaves the field unset (the operations
 * check the IDs they send).
 */
const CHOOSE_PANEL_FIRST: INodePropertyOptions[] = [
	{
		name: 'Choose a Panel First',
		value: '',
		description: 'This list shows the steps, tags, agents and custom fields of the panel chosen in the Panel field',
	},
];

async function chosenPanel(ctx: ILoadOptionsFunctions, details: string[]): Promise<IDataObject | undefined> {
	const id = chosenPanelId(ctx);
	if (id === undefined) return undefined;
	return (await apiRequest.call(ctx, {
		method: 'GET',
		path: '/crm/v1/panel/{id}',
		pathParams: { id },
		qs: { IncludeDetails: details },
		subject: { noun: 'Panel', id },
	})) as IDataObject;
}

/** The steps of the chosen panel, in board order (not sorted by name: the order is the funnel). */
export async function getPanelSteps(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const panel = await chosenPanel(this, ['Steps']);
	if (!panel) return CHOOSE_PANEL_FIRST;
	const steps = (Array.isArray(panel.steps) ? (panel.steps as IDataObject[]) : []).filter((s) => s.archived !== true);
	return steps.map((s) => ({ name: stepLabel(s), value: s.id as string }));
}

/** The tags of the chosen panel (panel tags are not the contact tags of Core). */
export async function getPanelTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const panel = await chosenPanel(this, ['Tags']);
	if (!panel) return CHOOSE_PANEL_FIRST;
	const tags = Array.isArray(panel.tags) ? (panel.tags as IDataObject[]) : [];
	return tags.map((t) => ({ name: String(t.name ?? t.id), value: t.id as string })).sort(byName);
}

/** The agents who can be responsible for cards of the chosen panel: those of its departments for a department panel. */
export async function getPanelAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const panel = await chosenPanel(this, []);
	if (!panel) return CHOOSE_PANEL_FIRST;
	const departments = Array.isArray(panel.departmentIds) ? (panel.departmentIds as string[]) : [];
	const agents = await plainList(this, '/core/v1/agent');
	const inPanel = (a: IDataObject) =>
		panel.scope !== 'DEPARTMENT' ||
		departments.length === 0 ||
		((a.departments as IDataObject[] | undefined) ?? []).some((d) => departments.includes(String(d.departmentId)));
	return agents
		.filter(inPanel)
		.map((a) => ({ name: agentLabel(a), value: (a.userId ?? a.id) as string }))
		.sort(byName);
}

/** The custom fields of the chosen panel (groups left out); the value is the field's key, which WTS expects. */
export async function getPanelCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const id = chosenPanelId(this);
	if (id === undefined) return CHOOSE_PANEL_FIRST;
	const fields = (await apiRequest.call(this, {
		method: 'GET',
		path: '/crm/v1/panel/{id}/custom-fields',
		pathParams: { id },
		subject: { noun: 'Panel', id },
	})) as IDataObject[];
	return (Array.isArray(fields) ? fields : [])
		.filter((f) => f.type !== 'GROUP' && typeof f.key === 'string')
		.map((f) => ({ name: customFieldLabel(f), value: f.key as string }))
		.sort(byName);
}

/** The lost reasons of the chosen panel (sales panels only; an empty list for the others). */
export async function getPanelLostReasons(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const panel = await chosenPanel(this, []);
	if (!panel) return CHOOSE_PANEL_FIRST;
	if (panel.type !== 'SALES') return [];
	const reasons = await apiRequestAllItems.call(
		this,
		{ method: 'GET', path: '/crm/v1/panel/{id}/lost-reason', pathParams: { id: panel.id as string } },
		{ returnAll: true },
	);
	return reasons.map((r) => ({ name: String(r.description ?? r.id), value: r.id as string })).sort(byName);
}
/** The contact custom fields of the account (groups left out), by name; the value is the key the API expects. */
export async function getContactCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await plainList(this, '/core/v1/contact/custom-field'))
		.filter((f) => f.type !== 'GROUP' && typeof f.key === 'string' && f.key !== '')
		.map((f) => ({ name: String(f.name ?? f.key), value: f.key as string, description: `${String(f.key)} (${String(f.type)})` }))
		.sort(byName);
}

/** The documented tag colours (GET /core/v1/tag/color), in the API's order (lightest to darkest per family). */
export async function getTagColors(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await plainList(this, '/core/v1/tag/color'))
		.filter((c) => typeof c.color === 'string')
		.map((c) => ({
			name: String(c.color),
			value: c.color as string,
			description: [c.bgColor ? `background ${String(c.bgColor)}` : '', c.textColor ? `text ${String(c.textColor)}` : ''].filter(Boolean).join(', '),
		}));
}
