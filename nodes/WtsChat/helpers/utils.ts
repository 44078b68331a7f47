import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** Adds `displayOptions` to every property (merging with its own), like n8n's internal helper of the same name. */
export function updateDisplayOptions(displayOptions: IDisplayOptions, properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...displayOptions.show, ...property.displayOptions?.show },
			...(displayOptions.hide || property.displayOptions?.hide
				? { hide: { ...displayOptions.hide, ...property.displayOptions?.hide } }
				: {}),
		},
	}));
}

/** Drops keys whose value is undefined, null, '' or an empty array, so only what the user set is sent. */
export function compact<T extends Record<string, unknown>>(object: T): Partial<T> {
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(object)) {
		if (v === undefined || v === null || v === '') continue;
		if (Array.isArray(v) && v.length === 0) continue;
		out[k] = v;
	}
	return out as Partial<T>;
}

/**
 * The entries of a multi-select, or of an expression that gives a list or a comma-separated text: each trimmed,
 * empty ones dropped.
 */
export function splitList(value: unknown): string[] {
	const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
	return list.map((v) => String(v).trim()).filter((v) => v !== '');
}

/** A text filter or option: trimmed, or undefined when it is not a text or is empty (an empty filter is not sent). */
export function optionalText(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
