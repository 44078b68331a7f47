// `npm start` (scripts/start.mjs) as a new user meets it: the editor must open on a login form with the printed
// demo login, not on n8n's "Set up owner account" form, and the first screen after logging in is the Workflows list
// with the examples. Runs the real script twice on one isolated data folder (--data-dir; the n8n install is reused
// from the normal cache, the package is the one global-setup.mjs packed) against n8n 2.8.4.
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';

import { N8nRest } from '../../scripts/lib/n8n-rest.mjs';
import { portIsFree } from '../../scripts/n8n.mjs';
import { loadExamples } from './lib/leg.mjs';
import { interrupt, stopLeftRunning, startScript as runStartScript } from './lib/start-script.mjs';

const VERSION = '2.8.4';
const ctx = inject('wtsE2e');
const dataDir = mkdtempSync(path.join(tmpdir(), 'wts-start-e2e-'));
const exampleIds = Object.values(loadExamples()).map((wf) => wf.id);
const running = new Set();
const startScript = () => runStartScript({ version: VERSION, dataDir, tgz: ctx.tgz, running });
const timing = (what, ms) => appendFileSync(ctx.timingsFile, `${JSON.stringify({ version: VERSION, what: `npm start: ${what}`, ms })}\n`);

afterAll(async () => {
	await stopLeftRunning(running);
	rmSync(dataDir, { recursive: true, force: true });
});

describe(`npm start (scripts/start.mjs) with n8n ${VERSION}: a demo owner account instead of the owner set-up form`, () => {
	/** @type {Awaited<ReturnType<typeof startScript>>} */
	let first;

	it('first start: creates the owner, prints its login next to the URL; the login opens the Workflows list with the examples', async () => {
		first = await startScript();
		timing('first start on a new folder → ready (login printed)', first.readyMs);
		const out = first.output();
		expect(first.version, out).toBe(VERSION);
		expect(first.url, out).toBe(`http://127.0.0.1:${first.port}`);
		expect(first.login, `no "Log in: <e-mail> password: <password>" line in:\n${out}`).toBeDefined();
		expect(first.login.email).toBe('demo@wts-chat.local');
		expect(out).toContain(`owner account ${first.login.email} created`);

		// what the editor asks on its first load, before anyone logged in: no owner set-up pending
		const anonymous = new N8nRest(first.url);
		expect(await anonymous.ownerSetupPending()).toBe(false);

		// the printed login is the owner's, through the editor's own login call
		const rest = new N8nRest(first.url);
		const me = await rest.login(first.login);
		expect(me).toMatchObject({ email: first.login.email, role: 'global:owner', isOwner: true });
		const settings = await rest.settings();
		expect(settings.userManagement.showSetupOnFirstLoad).toBe(false);
		// the onboarding survey (and the sign-up offer that follows it) would cover the first screen
		expect(settings.personalizationSurveyEnabled).toBe(false);
		const listed = (await rest.listWorkflows()).map((w) => w.id);
		expect(listed.sort()).toEqual([...exampleIds].sort());

		// and n8n really checks it
		const wrong = await new N8nRest(first.url).request(
			'POST',
			'/rest/login',
			{ emailOrLdapLoginId: first.login.email, password: `${first.login.password}x` },
			{ expectOk: false },
		);
		expect(wrong.status).toBe(401);
	});

	it('Ctrl+C stops start.mjs, n8n and the sandbox (their ports are free again)', async () => {
		expect(first, 'the first start failed').toBeDefined();
		const { exit, ms } = await interrupt(first);
		timing('Ctrl+C → n8n and sandbox stopped', ms);
		expect(exit, first.output()).toEqual({ code: 0, signal: null });
		expect(first.output()).toContain('n8n and the sandbox are stopped.');
		expect(await portIsFree(first.port)).toBe(true);
		expect(await portIsFree(first.sandboxPort)).toBe(true);
	});

	it('second start on the same folder: no new owner, the same login is printed and still works', async () => {
		expect(first?.login, 'the first start failed').toBeDefined();
		const second = await startScript();
		timing('second start on the same folder → ready', second.readyMs);
		const out = second.output();
		expect(second.login, out).toEqual(first.login);
		expect(out).not.toContain('created (login kept in');
		expect(out).toContain('example workflows: already imported');

		expect(await new N8nRest(second.url).ownerSetupPending()).toBe(false);
		const rest = new N8nRest(second.url);
		expect(await rest.login(second.login)).toMatchObject({ email: first.login.email, isOwner: true });
		expect((await rest.listWorkflows()).map((w) => w.id).sort()).toEqual([...exampleIds].sort());

		const { exit } = await interrupt(second);
		expect(exit, out).toEqual({ code: 0, signal: null });
		expect(await portIsFree(second.port)).toBe(true);
		expect(await portIsFree(second.sandboxPort)).toBe(true);
	});
});
