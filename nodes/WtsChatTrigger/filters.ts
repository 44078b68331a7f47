// Which webhook deliveries start the workflow: the trigger's channel, department and direction filters.

import type { IDataObject } from 'n8n-workflow';

import { splitList } from '../WtsChat/helpers/utils';

/** IDs from a multi-select, or from an expression giving a list or a comma-separated text; lower case. */
export function idList(value: unknown): string[] {
	return splitList(value).map((v) => v.toLowerCase());
}

/** Messages the contact sent: what message events are filtered to when the Direction option is not added. */
export const DEFAULT_DIRECTION = 'FROM_HUB';

/**
 * Whether the event passes the options: a filter applies to the events whose content carries that field, and then
 * the field must be a text among the chosen values (a number, null, an object or a list there does not pass).
 */
export function passesFilters(content: IDataObject, options: IDataObject): boolean {
	const channels = idList(options.channelIds);
	if (channels.length && content.channelId !== undefined && !isOneOf(content.channelId, channels)) return false;
	const departments = idList(options.departmentIds);
	if (departments.length && content.departmentId !== undefined && !isOneOf(content.departmentId, departments)) return false;
	// Inbound only unless the Direction option says otherwise: a workflow that answers messages must not be started
	// by its own answers (an n8n collection option that is not added has no value, so its default is applied here).
	const direction = typeof options.direction === 'string' && options.direction !== '' ? options.direction : DEFAULT_DIRECTION;
	if (direction !== 'any' && content.direction !== undefined && content.direction !== direction) return false;
	return true;
}

/** A text that is one of the (lower-case) IDs, in any case. */
function isOneOf(value: unknown, ids: string[]): boolean {
	return typeof value === 'string' && ids.includes(value.trim().toLowerCase());
}

/**
 * The most events one webhook call may carry. WTS Chat documents one event per call (spec/README.md, Webhooks), and
 * the sandbox sends one; the largest batch one API request can cause is 100 (POST /core/v2/contact/batch, Contact → Upsert Many, saves up to
 * 100 contacts, POST /chat/v1/send/template/batch sends up to 100 messages). A call with more is refused with 413 and
 * starts no execution.
 */
export const MAX_EVENTS_PER_CALL = 100;
