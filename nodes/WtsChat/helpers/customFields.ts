import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiRequest } from '../transport';
import { foldText } from './search';
import { splitList } from './utils';
import { utcDay } from './dates';
import { optionalDateTime } from './validation';

/**
 * Custom field values, the same way for every resource that writes them (Contact, Card): each value converted to its
 * field's type and checked against its definition (WTS Chat silently ignores a value of another type, an impossible
 * date or an option it does not have), the definitions read once per execution and scope.
 */

/** Where the definitions come from: the account's contact fields, or the fields of one CRM panel's cards. */
export type CustomFieldScope = { kind: 'contact' } | { kind: 'panel'; panelId: string };

const definitionsByRun = new WeakMap<object, Map<string, Promise<IDataObject[]>>>();

/** The custom field definitions of the scope (GROUP entries left out), read once per execution. */
export async function customFieldDefinitions(ctx: IExecuteFunctions, scope: CustomFieldScope, i: number): Promise<IDataObject[]> {
	const cache = definitionsByRun.get(ctx) ?? new Map<string, Promise<IDataObject[]>>();
	definitionsByRun.set(ctx, cache);
	const key = scope.kind === 'panel' ? `panel:${scope.panelId}` : 'contact';
	let pending = cache.get(key);
	if (!pending) {
		pending = apiRequest
			.call(
				ctx,
				scope.kind === 'panel'
					? { method: 'GET', path: '/crm/v1/panel/{id}/custom-fields', pathParams: { id: scope.panelId }, subject: { noun: 'Panel', id: scope.panelId } }
					: { method: 'GET', path: '/core/v1/contact/custom-field' },
				i,
			)
			.then((body) => (Array.isArray(body) ? (body as IDataObject[]) : []).filter((f) => f.type !== 'GROUP'));
		cache.set(key, pending);
		pending.catch(() => cache.delete(key));
	}
	return await pending;
}

const TRUE_WORDS = ['true', 'yes', 'sim', '1'];
const FALSE_WORDS = ['false', 'no', 'nao', '0'];

function refuse(ctx: IExecuteFunctions, i: number, field: IDataObject, value: unknown, expected: string): never {
	throw new NodeOperationError(ctx.getNode(), `"${String(value).slice(0, 60)}" is not a valid value for the custom field "${String(field.key)}"`, {
		description: `The field "${String(field.name ?? field.key)}" is of type ${String(field.type)}: give ${expected}. WTS Chat silently ignores values of another type, so the value is checked here.`,
		itemIndex: i,
	});
}

function optionName(ctx: IExecuteFunctions, i: number, field: IDataObject, value: string): string {
	const options = ((field.options as IDataObject[] | null) ?? []).map((o) => String(o.name ?? ''));
	const found = options.find((o) => o === value) ?? options.find((o) => foldText(o) === foldText(value));
	if (found === undefined) refuse(ctx, i, field, value, `one of: ${options.join(', ')}`);
	return found;
}

/**
 * One custom field value converted to its field's type, or refused. An empty text is a real value of a text field;
 * any other empty value is refused (it has no value of the field's type): clearing is explicit (Custom Fields to Clear).
 */
export function typedCustomFieldValue(ctx: IExecuteFunctions, i: number, field: IDataObject, raw: unknown): unknown {
	const s = typeof raw === 'string' ? raw.trim() : raw;
	if ((field.type === 'STRING' || field.type === 'TEXT') && typeof raw === 'string') return raw;
	if (s === '' || s === undefined || s === null || (Array.isArray(s) && s.length === 0)) {
		throw new NodeOperationError(ctx.getNode(), `The custom field "${String(field.key)}" has an empty value`, {
			description: 'Give it a value, or list the field under Custom Fields to Clear to empty it.',
			itemIndex: i,
		});
	}
	switch (field.type) {
		case 'STRING':
		case 'TEXT':
			return String(raw);
		case 'INTEGER':
			if (!(typeof s === 'number' ? Number.isInteger(s) : /^-?\d+$/.test(String(s)))) refuse(ctx, i, field, raw, 'a whole number');
			return Number(s);
		case 'FLOAT': {
			const n = typeof s === 'number' ? s : /^-?\d+(\.\d+)?$/.test(String(s)) ? Number(s) : NaN;
			if (!Number.isFinite(n)) refuse(ctx, i, field, raw, 'a number such as 12.5');
			return n;
		}
		case 'BOOLEAN': {
			if (typeof s === 'boolean') return s;
			const word = foldText(String(s));
			if (TRUE_WORDS.includes(word)) return true;
			if (FALSE_WORDS.includes(word)) return false;
			return refuse(ctx, i, field, raw, 'true or false');
		}
		case 'DATE': {
			const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(s));
			if (!match || !validDay(match)) {
				refuse(ctx, i, field, raw, 'a date such as 2026-01-31');
			}
			return String(s);
		}
		case 'DATETIME':
			return optionalDateTime(ctx, raw, i, `Custom field "${String(field.key)}"`);
		case 'TIME': {
			const match = /^([01]\d|2[0-3]):([0-5]\d)(:([0-5]\d))?$/.exec(String(s));
			if (!match) refuse(ctx, i, field, raw, 'a time such as 18:30');
			return String(s);
		}
		case 'SINGLESELECT':
			return optionName(ctx, i, field, String(s));
		case 'MULTISELECT':
			return splitList(Array.isArray(raw) ? raw : String(s)).map((v) => optionName(ctx, i, field, v));
		default:
			return refuse(ctx, i, field, raw, 'a value of a field type this node knows');
	}
}

/** Whether the day exists in that month of that year (29 February only in leap years; any year 0001–9999). */
function validDay(match: RegExpExecArray): boolean {
	return utcDay(Number(match[1]), Number(match[2]), Number(match[3])) !== undefined;
}

/**
 * The `customFields` object of a write: each entry keyed by its field's key with a value of its type, and each field
 * to clear as null. A key the scope does not have is refused, naming the keys it has.
 */
export async function customFieldsBody(
	ctx: IExecuteFunctions,
	i: number,
	scope: CustomFieldScope,
	entries: Array<{ key: string; value: unknown }>,
	clear: string[] = [],
): Promise<IDataObject> {
	const fields = await customFieldDefinitions(ctx, scope, i);
	const where = scope.kind === 'panel' ? `the panel ${scope.panelId}` : 'the contacts of this account';
	const find = (key: string) => {
		const field = fields.find((f) => f.key === key);
		if (!field) {
			throw new NodeOperationError(ctx.getNode(), `"${key.slice(0, 60)}" is not a custom field of ${where}`, {
				description: `Pick the field from the list, or use the key of one of its fields: ${
					fields.map((f) => `${String(f.name ?? f.key)} (${String(f.key)})`).join(', ') || 'there are none'
				}.`,
				itemIndex: i,
			});
		}
		return field;
	};
	const body: IDataObject = {};
	for (const { key, value } of entries) body[key] = typedCustomFieldValue(ctx, i, find(key), value) as IDataObject[string];
	for (const key of clear) {
		if (key in body) {
			throw new NodeOperationError(ctx.getNode(), `The custom field "${key}" is both set and cleared`, {
				description: 'Either give it a value under Custom Fields or list it under Custom Fields to Clear, not both.',
				itemIndex: i,
			});
		}
		find(key);
		body[key] = null;
	}
	return body;
}
