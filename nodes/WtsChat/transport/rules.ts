/**
 * The rules a value must follow before it is sent, each written once: the transport applies them to every request
 * (contract.ts, from the spec), and the helpers that check a parameter earlier (helpers/validation.ts) use the same
 * functions, so a rule and its fix hint cannot differ between two places. Each returns what is wrong (a message
 * naming the field, and a hint) or undefined.
 */

export interface Problem {
	message: string;
	hint: string;
}

/** Who uses a URL: WTS Chat downloads it (a file), calls it (a callback, a webhook subscription), or only stores it. */
export type UrlKind = 'download' | 'callback' | 'link';

const quote = (value: unknown, max = 80) => `"${String(value).slice(0, max)}"`;

export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';
const UUID = new RegExp(UUID_PATTERN);

export function isUuid(value: string): boolean {
	return UUID.test(value);
}

export function uuidProblem(value: string, label: string): Problem | undefined {
	if (isUuid(value)) return undefined;
	return {
		message: `${quote(value)} is not a valid ${label}`,
		hint: `A WTS Chat ${label} is a UUID such as 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b. Check the value or the expression that produces it.`,
	};
}

/** The hint of an enum: the values, and "upper case" only when every value is upper case. */
export function enumHint(values: readonly string[]): string {
	const upper = values.every((v) => v === v.toUpperCase());
	return `Use one of: ${values.join(', ')} (${upper ? 'upper case, as WTS Chat expects' : 'exactly as written: WTS Chat’s values are case-sensitive'}).`;
}

export function enumProblem(value: unknown, values: readonly string[], label: string): Problem | undefined {
	if (typeof value === 'string' && values.includes(value)) return undefined;
	return { message: `${quote(value, 60)} is not a valid ${label}`, hint: enumHint(values) };
}

/** One e-mail rule for every field that holds one: a local part, `@`, and a domain with a dot; no spaces. */
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function emailProblem(value: string, label: string): Problem | undefined {
	if (EMAIL.test(value)) return undefined;
	return { message: `${quote(value)} is not a valid ${label}`, hint: 'Enter an e-mail address such as maria@example.com.' };
}

/** A segment of a request path: never empty, `.` or `..`, and never a `/`, `\`, `?`, `#` or control character. */
export function pathSegmentProblem(value: string, label: string): Problem | undefined {
	// eslint-disable-next-line no-control-regex
	if (value !== '' && value !== '.' && value !== '..' && !/[/\\?#\u0000-\u001f\u007f]/.test(value)) return undefined;
	return {
		message: value === '' ? `The ${label} field is empty` : `${quote(value)} is not a valid ${label}`,
		hint: `${label} goes into the request's path: it cannot be empty, "." or "..", or contain "/", "\\", "?", "#" or line breaks. Check the value or the expression that produces it.`,
	};
}

/** NUL characters (never), line breaks (single-line fields), length (the documented maximum). */
export function textProblem(value: string, label: string, facts: { singleLine?: boolean; maxLength?: number; limitNote?: string }): Problem | undefined {
	if (value.includes('\u0000')) {
		return {
			message: `${label} contains a NUL character (\\u0000)`,
			hint: `Remove the NUL characters from ${label}, or from the expression that produces it (e.g. .replace(/\\u0000/g, '')): WTS Chat cannot store them.`,
		};
	}
	if (facts.singleLine && /[\r\n\u2028\u2029]/.test(value)) {
		return {
			message: `${label} contains a line break`,
			hint: `${label} is a single line: remove the line breaks, e.g. with .replace(/\\s*\\n\\s*/g, ' ') in the expression.`,
		};
	}
	if (facts.maxLength !== undefined && value.length > facts.maxLength) {
		return {
			message: `${label} is too long (${value.length} characters)`,
			hint: `WTS Chat takes at most ${facts.maxLength} characters in ${label}${facts.limitNote ? ` (${facts.limitNote})` : ''}: shorten it, or split it in several.`,
		};
	}
	return undefined;
}

const LOOPBACK_NAME = /^(localhost|.*\.localhost|127(\.\d{1,3}){3}|\[::1\]|::1)$/i;

/** Whether a host name is loopback, private, link-local or otherwise not reachable from WTS Chat's servers. */
export function isPrivateHost(hostname: string): boolean {
	const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
	if (LOOPBACK_NAME.test(host) || host === '' || host.endsWith('.local') || host.endsWith('.internal')) return true;
	const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
	if (v4) {
		const [a, b] = [Number(v4[1]), Number(v4[2])];
		return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127) || a >= 224;
	}
	if (host.includes(':')) {
		return host === '::' || host === '::1' || /^fe[89ab]/.test(host) || /^f[cd]/.test(host) || host.startsWith('::ffff:');
	}
	return false;
}

const URL_HINTS: Record<UrlKind, string> = {
	download:
		'Enter a public https:// URL that WTS Chat can download, e.g. https://example.com/file.pdf (not plain http, and not a private, loopback or link-local address: WTS Chat downloads it from its servers).',
	callback:
		'Enter a public https:// URL where WTS Chat can reach you, e.g. the production URL of an n8n Webhook node (not plain http, and not a private, loopback or link-local address: WTS Chat calls it from its servers).',
	link: 'Enter an http(s) URL such as https://example.com/campaign.',
};

export function urlHint(kind: UrlKind): string {
	return URL_HINTS[kind];
}

const sameLoopback = (a: string, b: string) => a === b || (LOOPBACK_NAME.test(a) && LOOPBACK_NAME.test(b));

/**
 * A URL of that kind. WTS Chat downloads or calls `download` and `callback` URLs from its own servers: https only, to
 * a public host. The credential's own host is the exception (the local sandbox on 127.0.0.1 serves the files its
 * tests send and receives the trigger's calls).
 */
export function urlProblem(value: string, label: string, kind: UrlKind, apiHost?: string): Problem | undefined {
	let url: URL | undefined;
	try {
		url = new URL(value.trim());
	} catch {
		url = undefined;
	}
	const bad = (why: string): Problem => ({
		message: value.trim() === '' ? `The ${label} field is empty` : `${quote(value.trim(), 120)} is not a valid ${label}${why}`,
		hint: URL_HINTS[kind],
	});
	if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return bad('');
	if (kind === 'link') return undefined;
	const host = url.hostname.toLowerCase();
	if (apiHost && sameLoopback(host, apiHost.toLowerCase())) return undefined;
	if (url.protocol !== 'https:') return bad(' (plain http)');
	if (isPrivateHost(host)) return bad(' (not a public address)');
	return undefined;
}

/** A key of a dictionary sent in the query (`Metadata[key]=value`): no brackets, `&`, `=`, `#` or control characters. */
export function queryKeyProblem(key: string, label: string): Problem | undefined {
	// eslint-disable-next-line no-control-regex
	if (key.trim() !== '' && !/[[\]&=#?%\u0000-\u001f\u007f]/.test(key)) return undefined;
	return {
		message: `${quote(key, 60)} is not a valid key of ${label}`,
		hint: `Keys of ${label} go into the request's query as ${label.replace(/ .*/, '')}[key]: use letters, digits, "_", "-" or "." (no brackets, "&", "=", "#", "?" or "%").`,
	};
}

/** A value of the wrong JSON type (an object where WTS Chat takes text, e.g. "[object Object]"). */
export function typeProblem(value: unknown, type: string, label: string): Problem | undefined {
	if (value === null || value === undefined) return undefined;
	const given = Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : undefined;
	if (type === 'string' && given) {
		return {
			message: `${label} must be text, not ${given}`,
			hint: `Give ${label} a text value: in an expression, pick the field you want (e.g. {{ $json.order.number }}) or use JSON.stringify(...) to send the object as text.`,
		};
	}
	return undefined;
}
