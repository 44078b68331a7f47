// Which webhook deliveries start the workflow: the trigger's channel, department and direction filters.

import type { IDataObject } from 'n8n-workflow';

import { splitList } from '../WtsChat/helpers/utils';

/** IDs from a multi-select, or from an expression giving a list or a comma-separated text; lower case. */
export function idList(value: unknown): string[] {
	return splitList(value).map((v) => v.toLowerCase());
}

/** Messages the contact sent: what message events are filtered to when the Direction option is not added. */
export const DEFAULT_DIRECTION = 'FROM_HUB';

/** Whether the event passes the options: a filter applies to the events whose content carries that field. */
export function passesFilters(content: IDataObject, options: IDataObject): boolean {
	const channels = idList(options.channelIds);
	if (channels.length && typeof content.channelId === 'string' && !channels.includes(content.channelId.toLowerCase())) return false;
	const departments = idList(options.departmentIds);
	if (departments.length && content.departmentId !== undefined) {
		if (typeof content.departmentId !== 'string' || !departments.includes(content.departmentId.toLowerCase())) return false;
	}
	// Inbound only unless the Direction option says otherwise: a workflow that answers messages must not be started
	// by its own answers (an n8n collection option that is not added has no value, so its default is applied here).
	const direction = typeof options.direction === 'string' && options.direction !== '' ? options.direction : DEFAULT_DIRECTION;
	if (direction !== 'any' && typeof content.direction === 'string' && content.direction !== direction) return false;
	return true;
}
