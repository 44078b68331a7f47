// A generated source file kept current by its generator script: `--check` fails when the file differs from what the
// generator makes (the unit tests and CI use it), otherwise the file is written when it differs.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Whether the module at `importMetaUrl` is the script node was started with. */
export const isMain = (importMetaUrl) => Boolean(process.argv[1]) && path.resolve(process.argv[1]) === fileURLToPath(importMetaUrl);

/**
 * Writes `want` to `file` when it differs (then prints `label: wrote <file> (<summary()>)`), or with `--check` in
 * the arguments exits 1 when it differs, saying to run `script`.
 */
export function keepGenerated({ file, want, script, label, summary }) {
	let have = '';
	try {
		have = readFileSync(file, 'utf8');
	} catch {
		/* not there yet */
	}
	if (have === want) return;
	if (process.argv.includes('--check')) {
		process.stderr.write(`${path.relative(process.cwd(), file)} is not current: run node ${script}\n`);
		process.exit(1);
	}
	writeFileSync(file, want);
	process.stderr.write(`${label}: wrote ${path.relative(process.cwd(), file)} (${summary()})\n`);
}
