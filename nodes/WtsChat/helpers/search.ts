/**
 * Text matching shared by every "From list" search of the node (sessions, departments, agents, channels,
 * templates, and every resource to come). One rule everywhere: a search matches the label the user sees,
 * ignoring case and accents, so "joao" finds "João Santos" and "#2026113000119" copied from a label finds
 * that label. Search code must match on the same text it shows as `name`, never on hidden fields.
 */

/** Combining marks left by NFD decomposition ("ã" → "a" + U+0303). */
const COMBINING_MARKS = /\p{M}/gu;

/**
 * Lower case, accents removed (NFD + combining marks stripped), `_` read as a space (template names are
 * snake_case) and runs of white space collapsed. Apply it to both sides of a comparison.
 */
export function foldText(text: unknown): string {
	if (typeof text !== 'string' && typeof text !== 'number') return '';
	return String(text)
		.toLowerCase()
		.normalize('NFD')
		.replace(COMBINING_MARKS, '')
		.replace(/_/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** The folded words of a search filter (empty when there is nothing to search for). */
export function searchTerms(filter: unknown): string[] {
	return foldText(filter).split(' ').filter((term) => term !== '');
}

/** A filter made only of digits and phone punctuation: "11999990002", "+55 11 99999-0002". */
const PHONE_LIKE = /^[\d\s()+\-.]+$/;
/** Runs of digits and phone punctuation inside a label: "(11) 99999-0002". */
const DIGIT_RUNS = /[\d()+\-.\s]*\d[\d()+\-.\s]*/g;
const MIN_DIGITS = 4;
/** A label number this long that is contained in the typed digits counts too (a pasted "+55 …" number). */
const MIN_CONTAINED_DIGITS = 8;

function digitsOnly(text: string): string {
	return text.replace(/\D/g, '');
}

function matchesDigits(filter: string, texts: string[]): boolean {
	if (!PHONE_LIKE.test(filter.trim())) return false;
	const wanted = digitsOnly(filter);
	if (wanted.length < MIN_DIGITS) return false;
	return texts.some((text) =>
		(text.match(DIGIT_RUNS) ?? []).some((run) => {
			const digits = digitsOnly(run);
			return digits.includes(wanted) || (digits.length >= MIN_CONTAINED_DIGITS && wanted.includes(digits));
		}),
	);
}

/**
 * Whether the texts (normally one: the label shown to the user) match the filter: every word of the folded
 * filter occurs in the folded texts, in any order ("joao completed" matches "João Santos · completed · #…").
 * A filter of digits and phone punctuation also matches the same digits written differently in the label
 * ("11999990002" matches "(11) 99999-0002"). An empty filter matches everything.
 */
export function matchesSearch(filter: string | undefined, ...texts: unknown[]): boolean {
	const terms = searchTerms(filter);
	if (terms.length === 0) return true;
	const folded = texts.map(foldText).filter((text) => text !== '');
	if (terms.every((term) => folded.some((text) => text.includes(term)))) return true;
	const raw = texts.filter((text): text is string | number => typeof text === 'string' || typeof text === 'number');
	return matchesDigits(String(filter), raw.map(String));
}

/** Label order for sorted pickers: Portuguese collation, case and accents ignored, numbers by value. */
export function compareLabels(a: string, b: string): number {
	return a.localeCompare(b, 'pt-BR', { sensitivity: 'base', numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The items whose `name` (the label) matches the filter, sorted by label. */
export function filterByLabel<T extends { name: string }>(items: T[], filter: string | undefined): T[] {
	return items.filter((item) => matchesSearch(filter, item.name)).sort((a, b) => compareLabels(a.name, b.name));
}
