// The trigger's subscriptions in WTS Chat: one registration per kind of webhook (live / test), the secret in the
// subscription's URL, its name and events, and how a "not found" answer is told apart.

import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { WEBHOOK_EVENTS } from '../WtsChat/helpers/webhooks';

export const SUBSCRIPTION_PATH = '/core/v1/webhook/subscription/{subscriptionId}';
export const ALL_EVENTS = '*';
/** The query parameter of the subscription URL that carries the trigger's secret. */
export const SECRET_PARAMETER = 'secret';
/** 40 characters of [A-Za-z0-9] from n8n-workflow's randomString (crypto.getRandomValues): about 238 bits. */
export const SECRET_LENGTH = 40;

export interface Registration {
	subscriptionId: string;
	secret: string;
	/** n8n's webhook URL the subscription was made for (without the secret). */
	url?: string;
}

/**
 * Static data keeps one registration per kind of webhook: `live` (the active workflow's production URL) and
 * `test` (the editor's "Listen for test event"), so listening in the editor never replaces the live subscription.
 * A hook call is about the registration made for the webhook URL n8n gives it: n8n creates a test webhook in mode
 * `manual` but takes it down in mode `internal`, like a production one, so the mode alone cannot tell which
 * subscription to delete (it took the live one's slot and left the test subscription in WTS Chat). Without a
 * stored URL (nothing registered yet) the mode decides.
 */
export function slotName(ctx: IHookFunctions): 'live' | 'test' {
	const url = ctx.getNodeWebhookUrl('default');
	const slots = registrations(ctx);
	const made = (['live', 'test'] as const).find((name) => url !== undefined && slots[name]?.url === url);
	return made ?? (ctx.getMode() === 'manual' ? 'test' : 'live');
}

export function registrations(ctx: IHookFunctions | IWebhookFunctions): Record<string, Registration | undefined> {
	const data = ctx.getWorkflowStaticData('node');
	if (!data.registrations || typeof data.registrations !== 'object') data.registrations = {};
	return data.registrations as Record<string, Registration | undefined>;
}

/**
 * Whether `given` equals `expected`, in a time that depends only on the length of `expected` (the stored
 * secret), not on where the first difference is, so response times tell an attacker nothing about the secret.
 */
export function constantTimeEqual(given: string, expected: string): boolean {
	let diff = given.length ^ expected.length;
	for (let i = 0; i < expected.length; i++) {
		const g = given.length ? given.charCodeAt(i % given.length) : 0;
		diff |= g ^ expected.charCodeAt(i);
	}
	return diff === 0;
}

/** The 16 events for "All Events", else the chosen ones. */
export function chosenEvents(ctx: IHookFunctions | IWebhookFunctions): string[] {
	const raw = ctx.getNodeParameter('events', []) as string[];
	const list = Array.isArray(raw) ? raw : [];
	if (list.includes(ALL_EVENTS)) return [...WEBHOOK_EVENTS];
	return WEBHOOK_EVENTS.filter((e) => list.includes(e));
}

export function subscriptionUrl(ctx: IHookFunctions, secret: string): string {
	const base = ctx.getNodeWebhookUrl('default');
	if (!base) {
		throw new NodeOperationError(ctx.getNode(), 'n8n gave no webhook URL for the WTS Chat Trigger', {
			description: 'Check the WEBHOOK_URL setting of this n8n: WTS Chat must be able to reach it over the internet.',
		});
	}
	return `${base}${base.includes('?') ? '&' : '?'}${SECRET_PARAMETER}=${secret}`;
}

export function subscriptionName(ctx: IHookFunctions): string {
	const workflow = ctx.getWorkflow();
	const name = `n8n: ${workflow.name ?? workflow.id ?? 'workflow'} · ${ctx.getNode().name}`;
	return name.length > 100 ? `${name.slice(0, 99)}…` : name;
}

export const NOT_FOUND = Symbol('not found');

/**
 * The answer of a request about the stored subscription, or NOT_FOUND when WTS Chat says it does not exist (it
 * was deleted on the WTS side). Any other failure is thrown as the transport's NodeApiError / NodeOperationError.
 */
export async function unlessNotFound(ctx: IHookFunctions, request: Promise<unknown>): Promise<unknown> {
	let failure: unknown;
	try {
		return await request;
	} catch (error) {
		failure = error;
	}
	if (failure instanceof NodeApiError && String(failure.httpCode) === '404') return NOT_FOUND;
	if (failure instanceof NodeApiError || failure instanceof NodeOperationError) throw failure;
	throw new NodeOperationError(ctx.getNode(), (failure as Error)?.message ?? String(failure));
}

export const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
