/**
 * The entries of a multi-select, or of an expression that gives a list or a comma-separated text: each trimmed,
 * empty ones dropped.
 */
export function splitList(value: unknown): string[] {
	const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
	return list.map((v) => String(v).trim()).filter((v) => v !== '');
}

export { optionalText } from '../transport/text';
