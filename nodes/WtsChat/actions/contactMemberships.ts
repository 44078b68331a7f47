import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ContactRef } from '../helpers/contactRef';
import { contactRefBody, contactRefId, contactRefsBody, findMembership, readContactRef } from '../helpers/contactRef';
import { requireUuid } from '../helpers/validation';
import { apiRequest, apiRequestAllItems } from '../transport';
import type { Query } from '../transport';
import { contactByProperties } from './common.descriptions';
import type { BatchOperation, OperationExecute } from './node.type';

/**
 * One mechanism for the lists a contact is added to and removed from by ID or phone number (portfolios, sequences):
 * the same properties, the same reading and checking before any request, the same batches (grouped by list, at most
 * MEMBERSHIP_BATCH_SIZE contacts per request) and the same outputs. Portfolio and Sequence declare only what differs.
 */
export interface MembershipList {
	/** What the list is called in messages (`Portfolio`). */
	noun: string;
	/** The locator's parameter, also the output key naming the list (`portfolioId`). */
	idParameter: string;
	/** Its label in errors (`Portfolio ID`). */
	idLabel: string;
	/** The list's picker. */
	locator: (description: string) => INodeProperties;
	/** The membership path, `{id}` the list (`/core/v1/portfolio/{id}/contact`). */
	path: string;
	/** Its batch path (`/core/v1/portfolio/{id}/contact/batch`). */
	batchPath: string;
	/** The listing of the list's memberships (to look up adds a batch answer's first page did not show). */
	listing: { path: string; pageIn?: 'Page'; qs?: Query };
}

/**
 * The largest number of contacts one batch request carries. The export documents no maximum for these batch bodies;
 * 100 is the API's page size maximum and the largest batch WTS documents anywhere (contact batch upsert, maxItems 100).
 */
export const MEMBERSHIP_BATCH_SIZE = 100;

/** The list and the contact (by ID or phone number) one item adds or removes. */
export interface Member extends ContactRef {
	listId: string;
}

/** The list picker + "Contact By" (a contact picked from the list, or a phone number) + Default Country Code. */
export function memberProperties(list: MembershipList, verb: 'add' | 'remove', many: boolean): INodeProperties[] {
	const noun = list.noun.toLowerCase();
	const purpose = verb === 'add' ? `to add to the ${noun}` : `to remove from the ${noun}`;
	const grouping = many
		? `; items are grouped by ${noun}, ${MEMBERSHIP_BATCH_SIZE} contacts per request, and each still gets its own output item`
		: '';
	return [
		list.locator(
			verb === 'add'
				? `The ${noun} to add the ${many ? 'item’s ' : ''}contact to${many ? ` (usually the same for every item)` : ''}`
				: `The ${noun} to remove the ${many ? 'item’s ' : ''}contact from${many ? ` (usually the same for every item)` : ''}`,
		),
		...contactByProperties({
			purpose,
			contact: `The contact ${purpose}${verb === 'remove' ? ' (the contact itself is kept)' : ''}${many ? ', e.g. an expression such as {{ $json.id }}' : ''}${grouping}`,
		}),
	];
}

/** The list and contact of item `i`, both checked before any request. */
export function readMember(ctx: IExecuteFunctions, list: MembershipList, i: number): Member {
	return { listId: requireUuid(ctx, list.idParameter, i, list.idLabel), ...readContactRef(ctx, i) };
}

const request = (list: MembershipList, listId: string, method: 'POST' | 'DELETE', batch: boolean, body: IDataObject) => ({
	method,
	path: batch ? list.batchPath : list.path,
	pathParams: { id: listId },
	body,
	subject: { noun: list.noun, id: listId },
});

/** What a removal outputs: `{deleted: true, id, <list>Id}`, `id` being the contact ID or the phone number given. */
const removed = (list: MembershipList, member: Member): IDataObject => ({
	deleted: true,
	id: contactRefId(member),
	[list.idParameter]: member.listId,
});

/** Add one contact (one request per item) → its membership as WTS Chat answers it. */
export function addOne(list: MembershipList): OperationExecute {
	return async function (this: IExecuteFunctions, i: number) {
		const member = readMember(this, list, i);
		return (await apiRequest.call(this, request(list, member.listId, 'POST', false, contactRefBody(member)), i)) as IDataObject;
	};
}

/** Remove one contact (one request per item, JSON body) → `{deleted: true, id, <list>Id}`. */
export function removeOne(list: MembershipList): OperationExecute {
	return async function (this: IExecuteFunctions, i: number) {
		const member = readMember(this, list, i);
		await apiRequest.call(this, request(list, member.listId, 'DELETE', false, contactRefBody(member)), i);
		return removed(list, member);
	};
}

function batchOf(list: MembershipList, method: 'POST' | 'DELETE', send: BatchOperation<Member>['send']): BatchOperation<Member> {
	return {
		size: MEMBERSHIP_BATCH_SIZE,
		probe: (member) => request(list, member.listId, method, true, contactRefsBody([member])),
		async prepare(this: IExecuteFunctions, i: number) {
			const member = readMember(this, list, i);
			return { key: member.listId, entry: member };
		},
		send,
	};
}

/**
 * Add the contacts of many items, grouped by list. The answer is one page of memberships (its first page only): each
 * item outputs its contact's membership from it, or, when the answer has more pages, from the list's own listing;
 * a contact found in neither (an ID that is not a contact of the account, a number of no contact) fails that item
 * alone. (No item index on the request: the router gives each item of a failed request its own error.)
 */
export function addMany(list: MembershipList): BatchOperation<Member> {
	return batchOf(list, 'POST', async function (this: IExecuteFunctions, entries: Member[]) {
		const listId = entries[0].listId;
		const page = (await apiRequest.call(this, request(list, listId, 'POST', true, contactRefsBody(entries)))) as IDataObject | undefined;
		let memberships = Array.isArray(page?.items) ? (page.items as IDataObject[]) : [];
		const complete = page?.hasMorePages !== true;
		if (!complete && entries.some((e) => !findMembership(e, memberships))) {
			const all = await apiRequestAllItems.call(
				this,
				{ method: 'GET', pathParams: { id: listId }, subject: { noun: list.noun, id: listId }, ...list.listing },
				{ returnAll: true },
			);
			memberships = [...memberships, ...all];
		}
		return entries.map((e) => {
			const found = findMembership(e, memberships);
			if (found) return found;
			const who = e.contactId ? `Contact ${e.contactId}` : `The contact with phone number +${e.phoneNumber}`;
			return new NodeOperationError(this.getNode(), `${who} was not added to ${list.noun.toLowerCase()} ${listId}`, {
				description: e.contactId
					? `WTS Chat did not list this contact in the ${list.noun.toLowerCase()}. Check that the ID is a contact of this account (pick it from the list to be sure); the other contacts of the request were added.`
					: `WTS Chat did not list a contact with the number ${contactRefId(e)} in the ${list.noun.toLowerCase()}. Check the number, or create the contact first (Contact → Create); the other contacts of the request were added.`,
			});
		});
	});
}

/**
 * Remove the contacts of many items, grouped by list (DELETE with a JSON body). The API answers an empty 200 and
 * treats the lists as filters (a contact that is not in the list is skipped), so each item outputs
 * `{deleted: true, id, <list>Id}`.
 */
export function removeMany(list: MembershipList): BatchOperation<Member> {
	return batchOf(list, 'DELETE', async function (this: IExecuteFunctions, entries: Member[]) {
		const listId = entries[0].listId;
		await apiRequest.call(this, request(list, listId, 'DELETE', true, contactRefsBody(entries)));
		return entries.map((e) => removed(list, e));
	});
}
