/** A text filter or option: trimmed, or undefined when it is not a text or is empty (an empty filter is not sent). */
export function optionalText(value: unknown): string | undefined {
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
