import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { enumProblem, textProblem } from '../../transport/rules';
import { requireHttpUrl } from '../../helpers/validation';
import { WEBHOOK_EVENT_OPTIONS, WEBHOOK_EVENTS } from '../../helpers/webhooks';
import { splitList } from '../../helpers/utils';

export { WEBHOOK_EVENT_OPTIONS };

export const MAX_NAME_LENGTH = 100;
export const MAX_URL_LENGTH = 500;

/** A subscription name: 1–100 characters (documented limits). */
export function checkName(ctx: IExecuteFunctions, value: unknown, itemIndex: number): string {
	const name = typeof value === 'string' ? value.trim() : String(value ?? '').trim();
	if (name === '') {
		throw new NodeOperationError(ctx.getNode(), 'The Name field is empty', {
			description: `Give the subscription a name of 1 to ${MAX_NAME_LENGTH} characters, e.g. "CRM sync".`,
			itemIndex,
		});
	}
	const problem = textProblem(name, 'Name', { maxLength: MAX_NAME_LENGTH });
	if (problem) throw new NodeOperationError(ctx.getNode(), problem.message, { description: problem.hint, itemIndex });
	return name;
}

/** The URL WTS Chat POSTs the events to: http(s), at most 500 characters (documented limit). */
export function checkUrl(ctx: IExecuteFunctions, value: unknown, itemIndex: number): string {
	const url = requireHttpUrl(ctx, value, itemIndex, 'URL', 'callback');
	const problem = textProblem(url, 'URL', { maxLength: MAX_URL_LENGTH });
	if (problem) throw new NodeOperationError(ctx.getNode(), problem.message, { description: problem.hint, itemIndex });
	return url;
}

/** At least one event, each one of the 16 documented (an expression may give a comma-separated text). */
export function checkEvents(ctx: IExecuteFunctions, value: unknown, itemIndex: number): string[] {
	const list = splitList(value);
	if (list.length === 0) {
		throw new NodeOperationError(ctx.getNode(), `No event is chosen`, {
			description: 'Pick at least one event under Events.',
			itemIndex,
		});
	}
	const unknown = list.filter((e) => !WEBHOOK_EVENTS.includes(e));
	if (unknown.length) {
		const problem = enumProblem(unknown[0], WEBHOOK_EVENTS, 'event of Events');
		throw new NodeOperationError(ctx.getNode(), problem?.message ?? '', { description: problem?.hint, itemIndex });
	}
	return [...new Set(list)];
}
