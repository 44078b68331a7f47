// The documentation under docs/ cannot drift: every generated page is what the generator makes now from the
// registry, the hand-written parts (docs/src/), the stored example outputs (docs/captures/) and the error probes;
// every operation has its hand-written part; and the stored example outputs still have the shape the sandbox and the
// node produce now (`npm run docs:capture` refreshes them, `npm run docs` rewrites the pages).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { beforeAll, describe, expect, it } from 'vitest';

import { WtsChatApi } from '../../credentials/WtsChatApi.credentials';
import * as registry from '../../nodes/WtsChat/actions/registry';
import { WEBHOOK_EVENT_OPTIONS } from '../../nodes/WtsChat/helpers/webhooks';
import { resetPacing, setRateLimits } from '../../nodes/WtsChat/transport/pacing';
import { WtsChat } from '../../nodes/WtsChat/WtsChat.node';
import { WtsChatTrigger } from '../../nodes/WtsChatTrigger/WtsChatTrigger.node';
import { captureAll, orphanBlurbs, readBlurbs, renderDocs, TRIGGER_CAPTURE } from '../../scripts/lib/docs/build.mjs';
import { anchor, blurbProblems, cell, legacyByOperation, parseBlurb, propertyRows } from '../../scripts/lib/docs/pages.mjs';
import { shapeOf } from '../../scripts/lib/docs/run.mjs';
import { captureTriggerEvents } from '../../scripts/lib/docs/trigger-capture.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const deps = {
	registry,
	WtsChat,
	resetPacing,
	setRateLimits,
	trigger: new WtsChatTrigger().description,
	credential: new WtsChatApi(),
	events: WEBHOOK_EVENT_OPTIONS,
};
const read = (rel) => readFileSync(path.join(ROOT, rel), 'utf8');

describe('docs: hand-written parts', () => {
	it('every operation has docs/src/<resource>/<operation>.md with example parameters, an overview, scenarios and an example', () => {
		const problems = Object.values(readBlurbs(ROOT, registry.OPERATIONS)).flatMap((b) => b.problems ?? []);
		expect(problems).toEqual([]);
		expect(registry.OPERATIONS).toHaveLength(108);
	});

	it('no hand-written part is left for an operation that does not exist', () => {
		expect(orphanBlurbs(ROOT, registry.OPERATIONS)).toEqual([]);
	});

	it('a blurb without its parts is refused, naming what is missing', () => {
		const blurb = parseBlurb('---\nparameters: {}\n---\nToo short.\n');
		expect(blurbProblems(blurb)).toEqual(['no overview paragraph (40+ characters) first', 'no **Common scenarios**', 'no **Example**']);
		expect(() => parseBlurb('no front matter')).toThrow(/no front matter/);
		expect(() => parseBlurb('---\nparameters: {nope}\n---\nx')).toThrow(/parameters is not JSON/);
	});
});

describe('docs: pages are what the generator makes (npm run docs)', () => {
	let pages;
	beforeAll(async () => {
		pages = await renderDocs(ROOT, deps);
	}, 120_000);

	it('has one page per operation, the trigger, the credential and the index', () => {
		expect(Object.keys(pages)).toHaveLength(registry.OPERATIONS.length + 3);
		for (const op of registry.OPERATIONS) expect(pages).toHaveProperty(`docs/${op.resource}/${op.value}.md`);
	});

	it('every page on disk is current', () => {
		const stale = Object.entries(pages)
			.filter(([rel, text]) => !existsSync(path.join(ROOT, rel)) || read(rel) !== text)
			.map(([rel]) => rel);
		expect(stale, 'pages that differ from the generator: run npm run docs').toEqual([]);
	});

	it('no generated page is left in docs/<resource>/ for an operation that does not exist', () => {
		const stray = [];
		for (const r of registry.RESOURCES) {
			const dir = path.join(ROOT, 'docs', r.value);
			for (const f of readdirSync(dir)) if (!pages[`docs/${r.value}/${f}`]) stray.push(`docs/${r.value}/${f}`);
		}
		expect(stray).toEqual([]);
	});

	it('each operation page has every section, a captured output and probed errors', () => {
		for (const op of registry.OPERATIONS) {
			const page = pages[`docs/${op.resource}/${op.value}.md`];
			for (const section of ['## Overview', '## Properties', '## Output', '## Dependencies', '## Troubleshooting', '## Replaces in `n8n-nodes-wts`', '## Links']) {
				expect(page, `${op.resource}:${op.value} ${section}`).toContain(section);
			}
			expect(page, `${op.resource}:${op.value}`).not.toContain('No example captured yet');
			expect(page, `${op.resource}:${op.value}`).toContain(op.endpoint);
			// The probes always reach at least the refused token and the 429 (every operation makes a request).
			expect(page, `${op.resource}:${op.value}`).toMatch(/refused the API token/);
			expect(page, `${op.resource}:${op.value}`).toMatch(/rate limit reached/);
			if (op.properties.some((p) => p.name === 'simplify')) {
				expect(page, `${op.resource}:${op.value}`).toContain('### Simplify on (the default)');
				expect(page, `${op.resource}:${op.value}`).toContain('### Simplify off');
			}
		}
	});

	it('an operation page lists a required parameter left empty, with the node’s own text', () => {
		const page = pages['docs/tag/create.md'];
		expect(page).toMatch(/\| Name is empty \| The Name field is empty \[item 0\] \| Fill in the Name field\. \|/);
		expect(pages['docs/session/get.md']).toMatch(/names no record .* not found/);
	});

	it('binary output is reported where the operation produces it', () => {
		expect(pages['docs/message/downloadMedia.md']).toContain('Binary data: **yes**');
		expect(pages['docs/tag/create.md']).toContain('Binary data: none');
	});

	it('the legacy action of each of the 39 migration rows is on the page of the operation replacing it', () => {
		const legacy = legacyByOperation(read('README.md'));
		const rows = Object.values(legacy).flat();
		expect(rows).toHaveLength(39);
		for (const [converted, list] of Object.entries(legacy)) {
			const [resourceName, opName] = converted.split(' → ');
			const resource = registry.RESOURCES.find((r) => r.name === resourceName);
			const op = registry.operationsOf(resource.value).find((o) => o.name === opName);
			expect(op, converted).toBeDefined();
			for (const l of list) expect(pages[`docs/${op.resource}/${op.value}.md`]).toContain(`| ${l.legacy} |`);
		}
	});

	it('the trigger page lists the 16 events, with a captured payload for each but the two payment events (no documented content, no API)', () => {
		const page = pages['docs/trigger.md'];
		for (const e of WEBHOOK_EVENT_OPTIONS) expect(page).toContain(`### ${e.value}`);
		const samples = JSON.parse(read(TRIGGER_CAPTURE));
		const unsampled = WEBHOOK_EVENT_OPTIONS.map((e) => e.value).filter((v) => !samples[v]?.payload);
		expect(unsampled.sort()).toEqual(['PAYMENT_NEW', 'PAYMENT_UPDATE']);
		for (const event of Object.keys(samples)) expect(page).toContain(`"eventType": "${event}"`);
		expect(page).toContain('it has no payment endpoints');
	});
});

describe('docs: stored captures match what the sandbox and the node produce now (npm run docs:capture)', () => {
	it('each operation’s example output has the stored shape', async () => {
		const now = await captureAll(ROOT, deps);
		expect(Object.keys(now)).toHaveLength(108);
		const drifted = [];
		for (const [rel, capture] of Object.entries(now)) {
			const stored = JSON.parse(read(rel));
			if (JSON.stringify(shapeOf(stored.outputs)) !== JSON.stringify(shapeOf(capture.outputs))) drifted.push(rel);
			if (JSON.stringify(shapeOf(stored.parameters)) !== JSON.stringify(shapeOf(capture.parameters))) drifted.push(`${rel} (parameters)`);
		}
		expect(drifted, 'captures whose shape changed: run npm run docs:capture, then npm run docs').toEqual([]);
	}, 120_000);

	it('each webhook event sample has the stored shape', async () => {
		const now = await captureTriggerEvents(deps, WEBHOOK_EVENT_OPTIONS.map((e) => e.value));
		const stored = JSON.parse(read(TRIGGER_CAPTURE));
		expect(Object.keys(now).sort()).toEqual(Object.keys(stored).sort());
		for (const event of Object.keys(now)) expect(shapeOf(now[event].payload), event).toEqual(shapeOf(stored[event].payload));
	}, 60_000);
});

describe('docs: rendering', () => {
	it('a property table cell keeps links, drops other HTML and escapes pipes', () => {
		expect(cell('Pick one. <a href="https://x.example/y">expression</a> a|b <b>bold</b>')).toBe('Pick one. [expression](https://x.example/y) a\\|b bold');
	});

	it('lists nested collection and fixed-collection fields with their parents', () => {
		const rows = propertyRows([
			{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [{ displayName: 'Limit', name: 'limit', type: 'number', default: 50, description: 'Max' }] },
			{ displayName: 'Parameters', name: 'p', type: 'fixedCollection', default: {}, options: [{ displayName: 'Parameter', name: 'parameter', values: [{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true }] }] },
		]);
		expect(rows).toEqual([
			'| Options | collection |  | no |  |',
			'| Options → Limit | number | `50` | no | Max |',
			'| Parameters | fixedCollection |  | no |  |',
			'| Parameters → Parameter → Name | string |  | yes |  |',
		]);
	});
});

describe('docs: the editor’s Docs link', () => {
	const pkg = JSON.parse(read('package.json'));
	const repository = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

	it('the node’s and the trigger’s codex lead to docs/README.md on the repository of package.json, the credential to its page', async () => {
		const { DOCS_URL, REPOSITORY } = await import('../../scripts/lib/docs/pages.mjs');
		expect(REPOSITORY).toBe(repository);
		expect(DOCS_URL).toBe(`${repository}/blob/main/docs/README.md`);
		for (const codex of ['nodes/WtsChat/WtsChat.node.json', 'nodes/WtsChatTrigger/WtsChatTrigger.node.json']) {
			const resources = JSON.parse(read(codex)).resources;
			expect(resources.primaryDocumentation, codex).toEqual([{ url: DOCS_URL }]);
			expect(resources.credentialDocumentation, codex).toEqual([{ url: `${repository}/blob/main/docs/credential.md` }]);
		}
		expect(new WtsChatApi().documentationUrl).toBe(`${repository}/blob/main/docs/credential.md`);
		expect(existsSync(path.join(ROOT, 'docs/README.md'))).toBe(true);
		expect(existsSync(path.join(ROOT, 'docs/credential.md'))).toBe(true);
	});

	it('README links the documentation index, the trigger, the credential, and the errors and queue-mode pages', () => {
		const readme = read('README.md');
		for (const link of ['](docs/README.md)', '](docs/trigger.md)', '](docs/credential.md)', '](docs/errors.md)', '](docs/queue-mode.md)']) expect(readme).toContain(link);
		const index = read('docs/README.md');
		for (const link of ['](errors.md)', '](queue-mode.md)', '](trigger.md)', '](credential.md)']) expect(index).toContain(link);
	});

	it('every relative link of README and of docs/ leads to a file of the repository and a heading of it (errors.md and queue-mode.md: written by other branches)', () => {
		const pending = new Set(['docs/errors.md', 'docs/queue-mode.md']);
		const broken = [];
		const mdFiles = ['README.md', ...readdirSync(path.join(ROOT, 'docs'), { recursive: true }).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
		// GitHub's heading anchors (code blocks left out)
		const anchors = (file) =>
			new Set(
				read(file)
					.replace(/```[\s\S]*?```/g, '')
					.split('\n')
					.filter((l) => /^#+ /.test(l))
					.map((l) => anchor(l.replace(/^#+ /, '').replace(/`/g, ''))),
			);
		expect(anchors('README.md')).toContain('migrating-from-n8n-nodes-wts');
		expect(anchors('docs/README.md')).toContain('send-api');
		for (const file of mdFiles) {
			for (const m of read(file).matchAll(/\]\(([^)\s#]*)(#[^)\s]*)?\)/g)) {
				if (/^[a-z]+:/.test(m[1])) continue;
				const target = m[1] ? path.normalize(path.join(path.dirname(file), m[1])) : file;
				if (pending.has(target)) continue;
				if (!existsSync(path.join(ROOT, target))) broken.push(`${file} → ${m[1]}`);
				else if (m[2] && target.endsWith('.md') && !anchors(target).has(m[2].slice(1))) broken.push(`${file} → ${m[1]}${m[2]}`);
			}
		}
		expect(broken).toEqual([]);
	});
});
