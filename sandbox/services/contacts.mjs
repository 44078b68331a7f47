// Contact handlers core.mjs did not simulate: the contact custom-field definitions and the batch upsert.
// Same handler contract as services/core.mjs; keys exactly as in contract.json.

import { handlers as coreHandlers } from './core.mjs';
import { contactCustomFields, nested } from './customFields.mjs';


export const handlers = {
	'GET /core/v1/contact/custom-field': ({ state, query }) => {
		const list = [...contactCustomFields(state)].sort((a, b) => a.position - b.position).map((f) => ({ ...f, children: null }));
		return query.NestedList === true || query.NestedList === 'true' ? nested(list) : list;
	},

	/**
	 * Up to 100 contacts (the contract checks maxItems). Each item is created, or updated when a contact with the
	 * same phone, e-mail or Instagram exists (with options.getIfExists it is returned unchanged). An item WTS
	 * would refuse (no phone/e-mail/Instagram, a bad phone, an unknown tag ID) is left out of the answer and the
	 * others are saved (guess: the docs describe no per-item errors).
	 */
	'POST /core/v2/contact/batch': (ctx) => {
		const options = ctx.body.options ?? {};
		const itemOptions = options.getIfExists ? { getIfExists: true } : { ...options, upsert: true };
		const saved = [];
		for (const item of ctx.body.items ?? []) {
			try {
				saved.push(coreHandlers['POST /core/v1/contact']({ ...ctx, body: { ...item, options: itemOptions } }));
			} catch (error) {
				if (error?.status !== 500) throw error;
			}
		}
		return saved;
	},
};
