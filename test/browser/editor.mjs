// What a newcomer does in n8n's editor, driven in headless Chromium (Debian's /usr/bin/chromium + playwright-core):
// the helpers of test/e2e/browser.test.mjs. Each returns what the page showed; the test asserts.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.WTS_CHROMIUM ?? '/usr/bin/chromium';
/** Flags that work on this machine kind (/work/.library/env/machines/node.md): no network chatter, no sandbox as root. */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** A fresh Chromium profile (its own --user-data-dir), one page. close() removes the profile. */
export async function openBrowser({ viewport = { width: 1440, height: 900 } } = {}) {
	const profile = mkdtempSync(path.join(tmpdir(), 'wts-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_ARGS,
		viewport,
	});
	context.setDefaultTimeout(20_000);
	const page = context.pages()[0] ?? (await context.newPage());
	return {
		context,
		page,
		async close() {
			await context.close().catch(() => {});
			rmSync(profile, { recursive: true, force: true });
		},
	};
}

/** Screenshot into `dir` (created), named after the step; returns the file. */
export async function screenshot(page, dir, name) {
	mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `${name.replace(/[^\w.-]+/g, '_').slice(0, 80)}.png`);
	await page.screenshot({ path: file, fullPage: false }).catch(() => {});
	return file;
}

export async function signIn(page, baseUrl, { email, password }) {
	await page.goto(`${baseUrl}/signin`);
	await page.fill('input[name=emailOrLdapLoginId]', email);
	await page.fill('input[name=password]', password);
	await page.click('[data-test-id=form-submit-button]');
	await page.waitForURL(/\/home\//, { timeout: 30_000 });
	return page.url();
}

/** Opens a new workflow's node panel (Tab) and returns the node names listed for `term`. */
export async function searchNodes(page, baseUrl, term) {
	if (!/\/workflow\/new/.test(page.url())) {
		await page.goto(`${baseUrl}/workflow/new`);
		await page.locator('[data-test-id=canvas-add-button]').waitFor();
	}
	if (!(await page.locator('[data-test-id=node-creator-search-bar]').isVisible())) {
		await page.locator('[data-test-id=canvas-add-button]').click();
	}
	const input = page.locator('input[data-test-id=node-creator-search-bar], [data-test-id=node-creator-search-bar] input').filter({ visible: true }).first();
	await input.fill('');
	await input.fill(term);
	await page.locator('[data-test-id=node-creator-item-name]').first().waitFor();
	return [...new Set(await page.locator('[data-test-id=node-creator-item-name]').allInnerTexts())].map((t) => t.trim());
}

/** Opens a credential from the Credentials list; returns the dialog's text once its connection test answered. */
export async function openCredential(page, baseUrl, name, shotsDir) {
	await page.goto(`${baseUrl}/home/credentials`);
	await page.getByText(name, { exact: true }).first().click();
	const modal = page.locator('[data-test-id=editCredential-modal]');
	await modal.waitFor();
	await modal
		.getByText(/Connection tested successfully|Couldn.t connect/i)
		.filter({ visible: true })
		.first()
		.waitFor({ timeout: 30_000 });
	const text = await modal.innerText();
	if (shotsDir) await screenshot(page, shotsDir, `credential ${name}`);
	await page.keyboard.press('Escape');
	await modal.waitFor({ state: 'hidden' }).catch(() => {});
	return text;
}

export async function openWorkflow(page, baseUrl, id) {
	await page.goto(`${baseUrl}/workflow/${id}`);
	await page.locator('[data-test-id=canvas-node]').first().waitFor({ timeout: 30_000 });
}

/** Opens a node's parameter panel (NDV) by its name on the canvas. */
export async function openNode(page, name) {
	await page.locator(`[data-test-id=canvas-node][data-node-name="${name}"]`).dblclick();
	await page.locator('[data-test-id=ndv]').waitFor();
}

export async function closeNode(page) {
	await page.locator('[data-test-id=ndv-close-button]').click();
	await page.locator('[data-test-id=ndv]').waitFor({ state: 'hidden' });
}

/**
 * In the open NDV, the resource locator `parameterName` ("From list" mode): types `filter` in its search and returns
 * the labels listed once the list settles (scrolling it to the end first, which is how n8n asks for more).
 */
export async function searchLocator(page, parameterName, filter) {
	const rlc = page.locator(`[data-test-id="resource-locator-${parameterName}"]`).first();
	await rlc.locator('[data-test-id=rlc-input]').click();
	const search = page.locator('input[data-test-id=rlc-search]').filter({ visible: true }).first();
	await search.waitFor();
	await search.fill("");
	await search.pressSequentially(filter, { delay: 20 });
	const items = page.locator('[data-test-id=rlc-item]').filter({ visible: true });
	const noResultsShown = async () => (await page.getByText('No results').filter({ visible: true }).count()) > 0;
	// n8n debounces the search, then loads: wait for a list whose labels all match what was typed or for
	// "No results", then for the same labels three times in a row, 500 ms apart (later pages loading in)
	let last = '';
	let same = 0;
	const deadline = Date.now() + 30_000;
	await page.waitForTimeout(800);
	while (Date.now() < deadline && same < 3) {
		await page.waitForTimeout(500);
		const now = (await items.allInnerTexts()).join('\n');
		if (now === '' && !(await noResultsShown())) continue;
		same = now === last ? same + 1 : 0;
		last = now;
	}
	const labels = (await items.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
	const noResults = await noResultsShown();
	await page.keyboard.press('Escape');
	return { labels, noResults };
}

/** In the open NDV, the options of parameter `parameterName` (a dropdown): the option names, and any error text. */
export async function readOptions(page, parameterName) {
	const param = page.locator(`[data-test-id="parameter-input-${parameterName}"]`).first();
	await param.locator('input').first().click();
	await page.waitForTimeout(1500);
	const options = (await page.locator('.el-select-dropdown__item, [data-test-id*=option]').filter({ visible: true }).allInnerTexts())
		.map((t) => t.trim())
		.filter(Boolean);
	const panelText = await page.locator('[data-test-id=ndv]').innerText();
	await page.keyboard.press('Escape');
	return { options, errorShown: /Error fetching options/i.test(panelText), panelText };
}

/** Clicks "Execute workflow" and waits for the run to end; returns the toasts shown. */
export async function executeWorkflow(page) {
	await page.locator('[data-test-id=execute-workflow-button]').first().click();
	const toast = page.locator('.el-notification').filter({ hasText: /executed successfully|Problem in node|failed|error/i }).first();
	await toast.waitFor({ timeout: 60_000 });
	return (await page.locator('.el-notification').allInnerTexts()).map((t) => t.trim());
}
