// CPU profile of n8n workers, for study (not used by the tests): preloaded into every Node process of a benchmark,
// it profiles only the `n8n worker` processes and writes <dir>/w<pid>.cpuprofile when the worker exits or gets
// SIGUSR2 (open it in Chrome DevTools, or sum it up with a short script).
//
//   WTS_PROFILE_DIR=/tmp/prof NODE_OPTIONS="--require $PWD/scripts/lib/profile-worker.cjs" \
//     node scripts/bench-queue.mjs --workers=1 --sends=1000
//
// (`--cpu-prof` itself is not allowed in NODE_OPTIONS.)
const inspector = require('node:inspector');
const fs = require('node:fs');
const path = require('node:path');

const dir = process.env.WTS_PROFILE_DIR;
if (dir && process.argv.includes('worker') && !process.argv.some((a) => a.includes('guard'))) {
	const session = new inspector.Session();
	session.connect();
	session.post('Profiler.enable');
	session.post('Profiler.setSamplingInterval', { interval: 500 });
	session.post('Profiler.start');
	let written = false;
	const write = () => {
		if (written) return;
		written = true;
		session.post('Profiler.stop', (error, result) => {
			if (error) return;
			fs.mkdirSync(dir, { recursive: true });
			fs.writeFileSync(path.join(dir, `w${process.pid}.cpuprofile`), JSON.stringify(result.profile));
		});
	};
	process.on('exit', write);
	process.on('SIGUSR2', write);
}
