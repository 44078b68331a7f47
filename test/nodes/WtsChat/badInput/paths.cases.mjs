// Bad IDs that go into a request path (format of a case: see badInput.test.mjs).
import { rl, SEED } from '../../../harness/fixture.mjs';

const inProgress = SEED.sessions.inProgress[0];

export default [
	{
		name: 'OTP ID ".." (would leave the documented route)',
		resource: 'sendApi',
		operation: 'getOtpStatus',
		good: () => ({ otpId: 'login-4821' }),
		bad: { otpId: '..' },
		field: 'OTP ID or Sender ID',
	},
	{
		name: 'Session ID not a UUID',
		resource: 'session',
		operation: 'get',
		good: () => ({ sessionId: rl(inProgress) }),
		bad: { sessionId: rl('abc') },
		field: 'Session ID',
	},
];
