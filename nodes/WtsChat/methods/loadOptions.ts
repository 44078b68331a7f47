import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { compareLabels } from '../helpers/search';
import { isUuid } from '../helpers/validation';
import { apiRequest, apiRequestPage } from '../transport';
import { agentLabel, channelLabel, departmentLabel } from './labels';

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
