// package.json and the codex say what ships and where the node is found.
import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { WtsChat } from '../../../nodes/WtsChat/WtsChat.node';

const node = new WtsChat();

describe('package metadata', () => {
	it('is found in the nodes panel under the white-label names (codex aliases)', () => {
		const codex = JSON.parse(readFileSync(new URL('../../../nodes/WtsChat/WtsChat.node.json', import.meta.url), 'utf8'));
		for (const alias of ['Helena', 'FLW', 'FLW Chat', 'WTS']) expect(codex.alias).toContain(alias);
	});

	it("describes only resources the node ships in package.json's description", () => {
		const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
		const resources = (node.description.properties.find((p) => p.name === 'resource')?.options ?? []).map((o) =>
			String(o.value).toLowerCase(),
		);
		const claims = [
			[/\bcontacts?\b/i, 'contact'],
			[/\bcrm\b|\bcards?\b|\bpanels?\b/i, 'card'],
			[/\bchatbots?\b/i, 'chatbot'],
			[/\bsequences?\b/i, 'sequence'],
			[/\bagents?\b|\bdepartments?\b/i, 'agent'],
			[/\bwebhooks?\b|\btrigger\b/i, 'webhook'],
		];
		for (const [pattern, resource] of claims) {
			if (pattern.test(pkg.description)) expect(resources, `package.json mentions ${resource}`).toContain(resource);
		}
		expect(pkg.description).toMatch(/session/i);
	});
});
