import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { isUuid } from '../helpers/validation';
import { apiRequest, apiRequestPage } from '../transport';

function byName(a: INodePropertyOptions, b: INodePropertyOptions): number {
	return a.name.localeCompare(b.name);
}

export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const tags = (await apiRequest.call(this, { method: 'GET', path: '/core/v1/tag' })) as IDataObject[];
	return (Array.isArray(tags) ? tags : []).map((t) => ({ name: String(t.name ?? t.id), value: t.id as string })).sort(byName);
}

export async function getChannels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const channels = (await apiRequest.call(this, { method: 'GET', path: '/chat/v1/channel' })) as IDataObject[];
	return (Array.isArray(channels) ? channels : [])
		.map((c) => {
			const identity = (c.identity ?? {}) as IDataObject;
			const label = (identity.displayName as string) || (c.numberFormatted as string) || String(c.id);
			return { name: `${label} (${String(c.type ?? '')})`, value: c.id as string };
		})
		.sort(byName);
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
	const list = (await apiRequest.call(this, { method: 'GET', path: '/core/v2/department' })) as IDataObject[];
	return (Array.isArray(list) ? list : []).map((d) => ({ name: String(d.name ?? d.id), value: d.id as string })).sort(byName);
}

export async function getAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const list = (await apiRequest.call(this, { method: 'GET', path: '/core/v1/agent' })) as IDataObject[];
	return (Array.isArray(list) ? list : [])
		.map((a) => ({ name: String(a.name ?? a.email ?? a.userId), value: (a.userId ?? a.id) as string }))
		.sort(byName);
}
