// Sliding-window rate limits per token (spec/README.md, Rate limits):
//   account: burst 200 req / 5 s and sustained 1000 req / 5 min;
//   /chat/v1/send/*: its own 1000 req / 2 min (independent of the account windows).

export const DEFAULT_RATE_LIMITS = Object.freeze({
	burst: { limit: 200, windowMs: 5_000 },
	sustained: { limit: 1000, windowMs: 300_000 },
	send: { limit: 1000, windowMs: 120_000 },
});

/**
 * @param {false | {burst?: {limit:number, windowMs:number}|false, sustained?: {limit:number, windowMs:number}|false, send?: {limit:number, windowMs:number}|false}} config
 */
export function createRateLimiter(config) {
	const enabled = config !== false;
	const windows = enabled ? { ...DEFAULT_RATE_LIMITS, ...(config ?? {}) } : {};
	/** @type {Map<string, number[]>} key `${token}\n${window}` → request timestamps (ascending) */
	const logs = new Map();

	const log = (key) => {
		let l = logs.get(key);
		if (!l) logs.set(key, (l = []));
		return l;
	};

	return {
		config: windows,
		/**
		 * Records the request when allowed.
		 * @returns {{ok: true} | {ok: false, window: string, retryAfterSeconds: number}}
		 */
		check(token, sendFamily, now = Date.now()) {
			if (!enabled) return { ok: true };
			const names = sendFamily ? ['send'] : ['burst', 'sustained'];
			let blocked = null;
			for (const name of names) {
				const w = windows[name];
				if (!w) continue;
				const l = log(`${token}\n${name}`);
				while (l.length && l[0] <= now - w.windowMs) l.shift();
				if (l.length >= w.limit) {
					const retry = Math.max(1, Math.ceil((l[0] + w.windowMs - now) / 1000));
					if (!blocked || retry > blocked.retryAfterSeconds) blocked = { ok: false, window: name, retryAfterSeconds: retry };
				}
			}
			if (blocked) return blocked;
			for (const name of names) if (windows[name]) log(`${token}\n${name}`).push(now);
			return { ok: true };
		},
		reset() {
			logs.clear();
		},
	};
}
