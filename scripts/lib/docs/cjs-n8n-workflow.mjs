// A module hook for the docs scripts (node --import ./scripts/lib/docs/cjs-n8n-workflow.mjs): `import … from
// 'n8n-workflow'` gets the CommonJS build, the one the built node (dist/) loads. Its ESM build imports without file
// extensions, which plain Node cannot load (vitest can, so the tests need no hook); the test harness imports it.
import { createRequire, register } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const names = Object.keys(createRequire(path.join(root, 'package.json'))('n8n-workflow')).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
const shim = [
	"import { createRequire } from 'node:module';",
	`const m = createRequire(${JSON.stringify(path.join(root, 'package.json'))})('n8n-workflow');`,
	'export default m;',
	...names.map((n) => `export const ${n} = m.${n};`),
].join('\n');
const url = `data:text/javascript,${encodeURIComponent(shim)}`;
register(
	`data:text/javascript,${encodeURIComponent(
		`export async function resolve(s, c, next) { return s === 'n8n-workflow' && !c.conditions.includes('require') ? { url: ${JSON.stringify(url)}, shortCircuit: true } : next(s, c); }`,
	)}`,
	import.meta.url,
);
