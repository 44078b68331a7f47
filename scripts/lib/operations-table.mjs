// README's operations index (one row per resource, its operations linking to their pages under docs/, the endpoints
// they call) and any per-resource `<!-- operations: … -->` table, rendered from the operation registry
// (nodes/WtsChat/actions/registry.ts). Used by scripts/readme.mjs (writes README.md from the built registry) and by a
// unit test (checks README.md against the registry in the sources), so they cannot drift from the declarations.

const START = /<!-- operations: ([a-zA-Z ]+) -->\n[\s\S]*?<!-- \/operations -->/g;

/** The table of these resources' operations (a "Resource → Operation" column when there are several). */
export function renderTable(registry, resources) {
	const many = resources.length > 1;
	const rows = [
		many ? '| Resource → Operation | What it does | Endpoint |' : '| Operation | What it does | Endpoint |',
		'|---|---|---|',
	];
	for (const value of resources) {
		const resource = registry.RESOURCES.find((r) => r.value === value);
		if (!resource) throw new Error(`README names an unknown resource "${value}" in an operations table`);
		for (const op of registry.operationsOf(value)) {
			rows.push(`| ${many ? `${resource.name} → ${op.name}` : op.name} | ${op.summary} | ${op.endpoint} |`);
		}
	}
	return rows.join('\n');
}

/** README with every `<!-- operations: … -->` block rendered anew. */
export function renderReadme(readme, registry) {
	return readme.replace(START, (_, list) => {
		const resources = list.trim().split(/\s+/);
		return `<!-- operations: ${resources.join(' ')} -->\n${renderTable(registry, resources)}\n<!-- /operations -->`;
	});
}

/** The resources README has a table for, in order. */
export function tabledResources(readme) {
	return [...readme.matchAll(START)].flatMap((m) => m[1].trim().split(/\s+/));
}

const INDEX = /<!-- operations-index -->\n[\s\S]*?<!-- \/operations-index -->/g;

/** README's compact table: each resource with its operations, each linking to its page under docs/. */
export function renderIndexTable(registry) {
	const rows = ['| Resource | Operations (each links to its page) | Endpoints it calls |', '|---|---|---|'];
	for (const resource of registry.RESOURCES) {
		const operations = registry.operationsOf(resource.value);
		const ops = operations.map((op) => `[${op.name}](docs/${op.resource}/${op.value}.md)`);
		const endpoints = [...new Set(operations.flatMap((op) => [...op.endpoint.matchAll(/`([^`]+)`/g)].map((m) => m[1])))];
		const anchor = resource.name.toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
		rows.push(`| [${resource.name}](docs/README.md#${anchor}) | ${ops.join(' · ')} | ${endpoints.map((e) => `\`${e}\``).join(' ')} |`);
	}
	return rows.join('\n');
}

/** README with its `<!-- operations-index -->` block (and any per-resource tables) rendered anew. */
export function renderReadmeIndex(readme, registry) {
	return renderReadme(readme, registry).replace(INDEX, () => `<!-- operations-index -->\n${renderIndexTable(registry)}\n<!-- /operations-index -->`);
}

/** Whether README has the operations index block. */
export function hasOperationsIndex(readme) {
	return [...readme.matchAll(INDEX)].length === 1;
}
