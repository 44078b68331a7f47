// Fault injection rules.
//
// rule = {
//   method?: 'GET'|'POST'|...            (any method when omitted)
//   path?: '/chat/v2/session' | '/chat/v1/session/*/message'   (exact pathname, `*` = any characters; any path when omitted)
//   status?: number                       force this HTTP status
//   body?: any                            response body (object → JSON, string → text); default depends on status
//   headers?: Record<string,string>       extra response headers
//   times?: number                        how many matching requests it applies to (default 1; Infinity, or -1 over HTTP)
//   latencyMs?: number                    extra delay before answering
//   drop?: true                           destroy the socket without any response
//   afterHandler?: boolean                run the real handler first (state changes), then drop / force the status
// }

let nextId = 1;

function compilePath(path) {
	if (path === undefined || path === null || path === '' || path === '*') return () => true;
	if (!String(path).includes('*')) return (p) => p === path;
	const re = new RegExp(`^${String(path).split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
	return (p) => re.test(p);
}

/** Validates and normalises a rule (throws a TypeError with a readable message). */
export function normalizeRule(input) {
	if (!input || typeof input !== 'object' || Array.isArray(input)) throw new TypeError('fault rule must be an object');
	const allowed = ['method', 'path', 'status', 'body', 'headers', 'times', 'latencyMs', 'drop', 'afterHandler', 'name'];
	const unknown = Object.keys(input).filter((k) => !allowed.includes(k));
	if (unknown.length) throw new TypeError(`unknown fault rule field(s): ${unknown.join(', ')} (allowed: ${allowed.join(', ')})`);
	const rule = { ...input };
	if (rule.status !== undefined && !(Number.isInteger(rule.status) && rule.status >= 100 && rule.status <= 599))
		throw new TypeError('fault status must be an integer HTTP status');
	let times = rule.times ?? 1;
	if (times === -1 || times === null) times = Infinity;
	if (!(times === Infinity || (Number.isInteger(times) && times > 0))) throw new TypeError('fault times must be a positive integer, -1 or Infinity');
	if (rule.latencyMs !== undefined && !(Number.isFinite(rule.latencyMs) && rule.latencyMs >= 0)) throw new TypeError('fault latencyMs must be >= 0');
	if (rule.status === undefined && !rule.drop && rule.latencyMs === undefined)
		throw new TypeError('fault rule needs at least one of status, drop or latencyMs');
	return {
		id: nextId++,
		name: rule.name ?? null,
		method: rule.method ? String(rule.method).toUpperCase() : null,
		path: rule.path ?? null,
		status: rule.status ?? null,
		body: rule.body,
		headers: rule.headers ?? {},
		times,
		remaining: times,
		latencyMs: rule.latencyMs ?? 0,
		drop: Boolean(rule.drop),
		afterHandler: Boolean(rule.afterHandler),
		hits: 0,
		_match: compilePath(rule.path),
	};
}

export function createFaults() {
	/** @type {ReturnType<typeof normalizeRule>[]} */
	const rules = [];
	const view = (r) => {
		const { _match, ...rest } = r;
		return { ...rest, times: r.times === Infinity ? -1 : r.times, remaining: r.remaining === Infinity ? -1 : r.remaining };
	};
	return {
		/** Adds a rule; returns its public view (with `id`). */
		add(rule) {
			const r = normalizeRule(rule);
			rules.push(r);
			return view(r);
		},
		/** Removes one rule by id. */
		remove(id) {
			const i = rules.findIndex((r) => r.id === Number(id));
			if (i >= 0) rules.splice(i, 1);
			return i >= 0;
		},
		clear() {
			rules.length = 0;
		},
		list() {
			return rules.map(view);
		},
		/**
		 * First active rule matching the request; consumes one use.
		 * @returns {ReturnType<typeof normalizeRule> | null}
		 */
		take(method, pathname) {
			const r = rules.find((x) => x.remaining > 0 && (!x.method || x.method === method) && x._match(pathname));
			if (!r) return null;
			r.remaining -= 1;
			r.hits += 1;
			if (r.remaining <= 0) rules.splice(rules.indexOf(r), 1);
			return r;
		},
	};
}
