// What the docs scripts run against: the built node (dist/; `npm run docs` and `npm run docs:capture` build first).
// The unit tests pass the sources instead (test/docs/): same behaviour, no build needed there.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export function builtDeps() {
	const require = createRequire(import.meta.url);
	const dist = (p) => require(path.join(ROOT, 'dist', p));
	const pacing = dist('nodes/WtsChat/transport/pacing.js');
	return {
		registry: dist('nodes/WtsChat/actions/registry.js'),
		WtsChat: dist('nodes/WtsChat/WtsChat.node.js').WtsChat,
		resetPacing: pacing.resetPacing,
		setRateLimits: pacing.setRateLimits,
		trigger: new (dist('nodes/WtsChatTrigger/WtsChatTrigger.node.js').WtsChatTrigger)().description,
		credential: new (dist('credentials/WtsChatApi.credentials.js').WtsChatApi)(),
		events: dist('nodes/WtsChat/helpers/webhooks.js').WEBHOOK_EVENT_OPTIONS,
	};
}
