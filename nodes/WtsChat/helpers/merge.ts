import type { IDataObject } from 'n8n-workflow';

/**
 * An object the API takes whole under one mask entry (a session's classification, a department's distribution
 * settings, a scheduled message's template parameters, a contact's UTM), built from the parts the user gave. When a
 * key of the object is not given, the current record is read (`read`, in the request's key names) and its value is
 * kept, so that a write never resets what the user did not name. Nothing is read when every key is given.
 */
export async function wholeObject(
	given: IDataObject,
	keys: readonly string[],
	read: () => Promise<IDataObject | null | undefined>,
): Promise<IDataObject> {
	if (keys.every((k) => given[k] !== undefined)) return given;
	const current = (await read()) ?? {};
	const out: IDataObject = {};
	for (const k of keys) {
		const value = given[k] !== undefined ? given[k] : current[k];
		if (value !== undefined && value !== null) out[k] = value;
	}
	return out;
}
