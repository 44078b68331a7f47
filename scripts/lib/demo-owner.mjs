// The local owner account `npm start` creates in its n8n, so the editor opens on a login form with a printed
// e-mail and password instead of n8n's "Set up owner account" form.
//
// The login is made up on the first start of a user folder and kept in <userFolder>/.wts-owner.json (mode 0600),
// so every later start prints the same one. It protects nothing but that local n8n, which listens on 127.0.0.1
// only; it is not a secret of any real account.
import { randomInt } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { N8nRest } from './n8n-rest.mjs';

export const DEMO_OWNER_EMAIL = 'demo@wts-chat.local';
const FILE = '.wts-owner.json';

export function demoLoginFile(userFolder) {
	return path.join(userFolder, FILE);
}

/** The stored login of a user folder, or undefined. */
export function readDemoLogin(userFolder) {
	const file = demoLoginFile(userFolder);
	if (!existsSync(file)) return undefined;
	try {
		const l = JSON.parse(readFileSync(file, 'utf8'));
		return typeof l?.email === 'string' && typeof l?.password === 'string' ? l : undefined;
	} catch {
		return undefined;
	}
}

export function writeDemoLogin(userFolder, login) {
	writeFileSync(demoLoginFile(userFolder), `${JSON.stringify(login, null, 2)}\n`, { mode: 0o600 });
}

/**
 * A new login: a readable random password such as `Demo-k7Pq-x3Ym-Rt9w` (n8n wants 8-64 characters with a
 * digit and a capital letter; 12 random characters from 56 letters and digits without look-alikes).
 */
export function newDemoLogin() {
	const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
	let body;
	do body = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]).join('');
	while (!/\d/.test(body));
	const password = `Demo-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8)}`;
	return { email: DEMO_OWNER_EMAIL, firstName: 'Demo', lastName: 'User', password, createdAt: new Date().toISOString() };
}

/**
 * Makes sure the n8n at `baseUrl` (running on `userFolder`) has an owner whose login we can print.
 *   - no owner yet: creates it with the stored login (or a new one, stored first) → `{status: 'created', login}`
 *   - owner exists and the stored login works → `{status: 'exists', login}`
 *   - owner exists, stored login rejected (password changed in the editor) → `{status: 'changed', login, error}`
 *   - owner exists, nothing stored (set up by hand in the editor before npm start did this) → `{status: 'foreign'}`
 * Never throws because an owner already exists; throws only if n8n answers unexpectedly.
 */
export async function ensureDemoOwner(baseUrl, userFolder) {
	const rest = new N8nRest(baseUrl);
	let login = readDemoLogin(userFolder);
	if (await rest.ownerSetupPending()) {
		if (!login) {
			login = newDemoLogin();
			writeDemoLogin(userFolder, login);
		}
		const { email, firstName, lastName, password } = login;
		try {
			await rest.setupOwner({ email, firstName, lastName, password });
			return { status: 'created', login };
		} catch (error) {
			// someone else (the editor in a browser) may have set the owner up in the meantime
			if (await rest.ownerSetupPending()) throw error;
		}
	}
	if (!login) return { status: 'foreign' };
	try {
		await rest.login(login);
		return { status: 'exists', login };
	} catch (error) {
		return { status: 'changed', login, error };
	}
}
