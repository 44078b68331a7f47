// Bad IDs that go into a request path, and bad credentials (format of a case: see badInput.test.mjs). Every ID that
// goes into a path passes the same guard (transport/rules.ts pathSegmentProblem): never empty, "." or "..", "/", "\",
// "?", "#" or a control character; a UUID where the spec says so.
import { rl, SEED } from '../../../harness/fixture.mjs';

const S = SEED;
const inProgress = S.sessions.inProgress[0];
const messages = Object.values(S.messages.bySession).flat();


/** Sends an OTP whose Sender ID is `login-4821` (read back by the good items of Get OTP Status). */
const sentOtp = async (t) => {
	await t.run({ resource: 'sendApi', operation: 'sendOtp', to: '+55 11 98888-0001', from: rl(S.channels.whatsapp.id, 'list'), templateId: rl(S.templates.otp.id), code: '123456', options: { senderId: 'login-4821' } });
};

const op = (resource, operation, good, list, extra = {}) =>
	list.map(([name, bad, field]) => ({ name, resource, operation, good, bad, field, ...extra }));

const sandboxCredential = (baseUrl) => (sandbox) => ({ apiToken: sandbox.token, baseUrl: typeof baseUrl === 'function' ? baseUrl(sandbox) : baseUrl });
const credentialCase = (name, baseUrl) => ({
	name,
	resource: 'company',
	operation: 'getOfficeHours',
	good: {},
	bad: {},
	field: 'Base URL',
	credentials: sandboxCredential(baseUrl),
	single: 'the credential is the whole run’s: no good item can share it',
});

export default [
	...op('sendApi', 'getOtpStatus', () => ({ otpId: 'login-4821' }), [
		['OTP ID ".." (would leave the documented route)', { otpId: '..' }, 'OTP ID or Sender ID'],
		['OTP ID "."', { otpId: '.' }, 'OTP ID or Sender ID'],
		['OTP ID with a slash', { otpId: 'login/4821' }, 'OTP ID or Sender ID'],
		['OTP ID with a question mark', { otpId: 'login?x=1' }, 'OTP ID or Sender ID'],
		['OTP ID with a hash', { otpId: 'login#1' }, 'OTP ID or Sender ID'],
		['OTP ID with a backslash', { otpId: 'a\\b' }, 'OTP ID or Sender ID'],
		['OTP ID with a line break', { otpId: 'login\n4821' }, 'OTP ID or Sender ID'],
		['OTP ID with a NUL character', { otpId: 'login\u00004821' }, 'OTP ID or Sender ID'],
	], { setup: sentOtp }),
	...op('session', 'get', () => ({ sessionId: rl(inProgress) }), [
		['Session ID not a UUID', { sessionId: rl('abc') }, 'Session'],
		['Session ID ".."', { sessionId: rl('..') }, 'Session'],
	]),
	...op('session', 'getNote', () => ({ noteId: rl(S.notes.all[0]) }), [
		['Note ID ".."', { noteId: rl('..') }, 'Note ID'],
	]),
	...op('card', 'get', () => ({ cardId: rl(S.cards.camisetas.id) }), [
		['Card ID with a slash', { cardId: rl('a/b') }, 'Card'],
	]),
	...op('session', 'deleteNote', (i) => ({ noteId: rl(S.notes.all[i]) }), [
		['Note ID with a slash', { noteId: rl('a/b') }, 'Note ID'],
	]),
	...op('card', 'getNotes', () => ({ cardId: rl(S.cardNotes.sample.cardId), returnAll: true }), [
		['Card ID ".."', { cardId: rl('..') }, 'Card'],
	]),
	...op('contact', 'getByPhone', () => ({ phoneNumber: '+55 11 99999-0001' }), [
		['Phone Number ".."', { phoneNumber: '..' }, 'Phone Number'],
		['Phone Number with a slash', { phoneNumber: '11/9999' }, 'Phone Number'],
	]),
	...op('department', 'get', () => ({ departmentId: rl(S.departments.vendas.id) }), [
		['Department ID ".."', { departmentId: rl('..') }, 'Department'],
	]),
	...op('agent', 'get', () => ({ agentId: rl(S.agents.ana.id) }), [
		['Agent ID ".."', { agentId: rl('..') }, 'Agent'],
	]),
	...op('panel', 'get', () => ({ panelId: rl(S.panels.vendas.id) }), [
		['Panel ID ".."', { panelId: rl('..') }, 'Panel'],
	]),
	...op('portfolio', 'getContacts', () => ({ portfolioId: rl(S.portfolios.vip.id), returnAll: true }), [
		['Portfolio ID ".."', { portfolioId: rl('..') }, 'Portfolio'],
	]),
	...op('sequence', 'getContacts', () => ({ sequenceId: rl(S.sequences.boasVindas.id), returnAll: true }), [
		['Sequence ID with a slash', { sequenceId: rl('x/y') }, 'Sequence'],
	]),
	...op('scheduledMessage', 'get', () => ({ scheduledMessageId: rl(S.scheduledMessages.followUp.id) }), [
		['Scheduled Message ID ".."', { scheduledMessageId: rl('..') }, 'Scheduled Message'],
	]),
	...op('message', 'delete', (i) => ({ messageId: messages[i] }), [
		['Message ID "."', { messageId: '.' }, 'Message ID'],
	]),
	...op('portfolio', 'addContacts', () => ({ portfolioId: rl(S.portfolios.inativos.id), contactId: rl(S.contacts.maria.id) }), [
		['Contact ID not a UUID', { contactId: rl('maria') }, 'Contact'],
	]),
	...op('portfolio', 'removeContacts', () => ({ portfolioId: rl(S.portfolios.vip.id), contactId: rl(S.contacts.maria.id) }), [
		['Portfolio ID ".."', { portfolioId: rl('..') }, 'Portfolio'],
	]),
	...op('sequence', 'addContacts', () => ({ sequenceId: rl(S.sequences.boasVindas.id), contactId: rl(S.contacts.maria.id) }), [
		['Phone Number letters only', { contactBy: 'phoneNumber', phoneNumber: 'abc' }, 'Phone Number'],
	]),
	...op('sequence', 'removeContacts', () => ({ sequenceId: rl(S.sequences.boasVindas.id), contactId: rl(S.contacts.maria.id) }), [
		['Sequence ID ".."', { sequenceId: rl('..') }, 'Sequence'],
	]),
	...op('scheduledMessage', 'cancelMany', (i) => ({ scheduledMessageId: rl(Object.values(S.scheduledMessages)[i].id) }), [
		['Scheduled Message ID ".."', { scheduledMessageId: rl('..') }, 'Scheduled Message'],
	]),
	// The credential (company has no parameters: its bad input is the credential's).
	credentialCase('Base URL over plain http off loopback', 'http://api.wts.chat'),
	credentialCase('Base URL ftp:', 'ftp://api.wts.chat'),
	credentialCase('Base URL empty', ' '),
];
