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
//   rate?: number                         0..1: hit a matching request with this probability (times defaults to
//                                         Infinity); each hit applies one of `kinds`, chosen at random
//   kinds?: Array<number|string|{status?, drop?, afterHandler?, headers?, body?}>
//                                         e.g. [429, 503, '503:after', 'drop', 'drop:after'] (':after' = after the handler)
//   seed?: number                         seed of the rule's random numbers (same seed, same sequence of hits)
// }

let nextId = 1;

/** mulberry32: a small seeded PRNG (0 <= x < 1). */
function seededRandom(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A kind of a probabilistic rule as {status, drop, afterHandler, headers?, body?}. */
function normalizeKind(kind) {
	if (typeof kind === 'number') return { status: kind, drop: false, afterHandler: false };
	if (typeof kind === 'string') {
		const m = /^(\d{3}|drop)(:after)?$/.exec(kind.trim());
		if (!m) throw new TypeError(`fault kind "${kind}" is not a status, "drop", or one of them with ":after"`);
		const drop = m[1] === 'drop';
		return { status: drop ? null : Number(m[1]), drop, afterHandler: Boolean(m[2]) };
	}
	if (kind && typeof kind === 'object' && (kind.drop || Number.isInteger(kind.status))) {
		return { status: kind.drop ? null : kind.status, drop: Boolean(kind.drop), afterHandler: Boolean(kind.afterHandler), headers: kind.headers, body: kind.body };
	}
	throw new TypeError('fault kinds are statuses, "drop", "<status>:after", "drop:after" or {status|drop, afterHandler}');
}

function compilePath(path) {
	if (path === undefined || path === null || path === '' || path === '*') return () => true;
	if (!String(path).includes('*')) return (p) => p === path;
	const re = new RegExp(`^${String(path).split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
	return (p) => re.test(p);
}

/** Validates and normalises a rule (throws a TypeError with a readable message). */
export function normalizeRule(input) {
	if (!input || typeof input !== 'object' || Array.isArray(input)) throw new TypeError('fault rule must be an object');
	const allowed = ['method', 'path', 'status', 'body', 'headers', 'times', 'latencyMs', 'drop', 'afterHandler', 'name', 'rate', 'kinds', 'seed'];
	const unknown = Object.keys(input).filter((k) => !allowed.includes(k));
	if (unknown.length) throw new TypeError(`unknown fault rule field(s): ${unknown.join(', ')} (allowed: ${allowed.join(', ')})`);
	const rule = { ...input };
	if (rule.status !== undefined && !(Number.isInteger(rule.status) && rule.status >= 100 && rule.status <= 599))
		throw new TypeError('fault status must be an integer HTTP status');
	let kinds = null;
	if (rule.rate !== undefined) {
		if (!(typeof rule.rate === 'number' && rule.rate >= 0 && rule.rate <= 1)) throw new TypeError('fault rate must be a number from 0 to 1');
		const given = rule.kinds ?? (rule.status !== undefined || rule.drop ? [{ status: rule.status, drop: rule.drop, afterHandler: rule.afterHandler }] : null);
		if (!Array.isArray(given) || given.length === 0) throw new TypeError('a fault rule with rate needs kinds (or a status / drop)');
		kinds = given.map(normalizeKind);
	} else if (rule.kinds !== undefined || rule.seed !== undefined) {
		throw new TypeError('fault kinds and seed go with rate');
	}
	let times = rule.times ?? (kinds ? Infinity : 1);
	if (times === -1 || times === null) times = Infinity;
	if (!(times === Infinity || (Number.isInteger(times) && times > 0))) throw new TypeError('fault times must be a positive integer, -1 or Infinity');
	if (rule.latencyMs !== undefined && !(Number.isFinite(rule.latencyMs) && rule.latencyMs >= 0)) throw new TypeError('fault latencyMs must be >= 0');
	if (!kinds && rule.status === undefined && !rule.drop && rule.latencyMs === undefined)
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
		rate: kinds ? rule.rate : null,
		kinds: kinds ? kinds.map((k) => ({ ...k })) : null,
		seed: kinds ? (rule.seed ?? null) : null,
		_match: compilePath(rule.path),
		_random: kinds ? (Number.isFinite(rule.seed) ? seededRandom(rule.seed) : Math.random) : null,
		_kinds: kinds,
	};
}

export function createFaults() {
	/** @type {ReturnType<typeof normalizeRule>[]} */
	const rules = [];
	const view = (r) => {
		const { _match, _random, _kinds, ...rest } = r;
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
			for (const r of rules) {
				if (!(r.remaining > 0 && (!r.method || r.method === method) && r._match(pathname))) continue;
				let applied = r;
				if (r._kinds) {
					// Probabilistic: two draws per matching request (hit?, which kind) keep a seed's sequence stable.
					const hit = r._random() < r.rate;
					const kind = r._kinds[Math.min(r._kinds.length - 1, Math.floor(r._random() * r._kinds.length))];
					if (!hit) continue;
					applied = { ...r, status: kind.status, drop: kind.drop, afterHandler: kind.afterHandler, headers: kind.headers ?? r.headers, body: kind.body ?? r.body };
				}
				r.remaining -= 1;
				r.hits += 1;
				if (r.remaining <= 0) rules.splice(rules.indexOf(r), 1);
				return applied;
			}
			return null;
		},
	};
}
