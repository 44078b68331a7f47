/**
 * The API token never leaves the node in any text: an error whose message, description, context or cause holds the
 * token (WTS Chat's own 400/401 body can echo it, and so can an error of n8n's request helper, with the request's
 * headers) is scrubbed before it is thrown. An `Authorization` header's value and a `Bearer …` token are scrubbed
 * too, whatever the token.
 */

const REDACTED = '[redacted]';
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/gi;
const AUTHORIZATION = /("?authorization"?\s*[:=]\s*"?)(?!Bearer\b)(?!\[redacted\])[^"\s,}]+/gi;

/** The text with every secret (at least 6 characters, so that no common word is taken for one) replaced. */
export function redactText(text: string, secrets: readonly string[]): string {
	let out = text.replace(BEARER, `$1 ${REDACTED}`).replace(AUTHORIZATION, `$1${REDACTED}`);
	for (const secret of secrets) if (secret.length >= 6) out = out.split(secret).join(REDACTED);
	return out;
}

/** The token of a credential as it may appear in a text: as typed, and without a pasted "Bearer " prefix. */
export function tokenSecrets(token: unknown): string[] {
	const raw = typeof token === 'string' ? token.trim() : '';
	const bare = raw.replace(/^Bearer\s+/i, '');
	return [...new Set([raw, bare].filter((s) => s !== ''))];
}

/** Scrubs every string reachable from `value` (own properties, arrays, nested objects) in place; returns it. */
export function redactDeep<T>(value: T, secrets: readonly string[], seen = new WeakSet<object>()): T {
	if (value === null || typeof value !== 'object') return value;
	if (seen.has(value as object)) return value;
	seen.add(value as object);
	const record = value as unknown as Record<string | symbol, unknown>;
	// Every own key, non-enumerable (stack, cause) and symbol ones too (a Node.js request keeps its headers under
	// Symbol(kOutHeaders)).
	for (const key of [...Object.getOwnPropertyNames(record), ...Object.getOwnPropertySymbols(record)]) {
		let current: unknown;
		try {
			current = record[key];
		} catch {
			continue;
		}
		if (typeof current === 'string') {
			const scrubbed = redactText(current, secrets);
			if (scrubbed !== current) {
				try {
					record[key] = scrubbed;
				} catch {
					/* a read-only property: left as it is */
				}
			}
		} else if (current && typeof current === 'object') {
			redactDeep(current, secrets, seen);
		}
	}
	return value;
}
