import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * Plain http:// is accepted only for loopback hosts (the local sandbox). For any other http:// URL the credential
 * test never contacts the host (the token is never sent in clear text): its request goes to a `data:` URL (answered
 * by axios itself, no network) whose body the rule below recognises, so the test says that https is required. (A test pointed at an unreachable host
 * instead made n8n report its generic "incorrect host (domain)" message.) The node itself refuses such a URL
 * before any request (transport/).
 */
const PLAIN_HTTP_NOT_LOOPBACK = '/^http:\\/\\/(?!(localhost|127(\\.\\d{1,3}){3}|\\[::1\\])(:\\d+)?(\\/|$))/i.test($credentials.baseUrl.trim())';
export const HTTPS_REQUIRED_BODY = 'data:text/plain;base64,d3RzLWh0dHBzLXJlcXVpcmVk'; // "wts-https-required"
const HTTPS_REQUIRED_FIRST_BYTE = 119; // "w"
const TEST_BASE_URL = `={{ ${PLAIN_HTTP_NOT_LOOPBACK} ? "" : $credentials.baseUrl.trim().replace(/\\/+$/, "") }}`;
const TEST_URL = `={{ ${PLAIN_HTTP_NOT_LOOPBACK} ? "${HTTPS_REQUIRED_BODY}" : "/core/v1/agent" }}`;
export const HTTPS_REQUIRED_MESSAGE =
	'The Base URL must use https:// (plain http:// is accepted only for localhost, e.g. the local sandbox): change http:// to https://';

export class WtsChatApi implements ICredentialType {
	name = 'wtsChatApi';

	displayName = 'WTS Chat API';

	icon: Icon = { light: 'file:../icons/wtsChat.svg', dark: 'file:../icons/wtsChat.dark.svg' };

	documentationUrl = 'https://github.com/wts-chat/n8n-nodes-wts-chat/blob/main/docs/credential.md';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'e.g. pn_h4ggkn0PbulUOPlIwP8w5y0QAH',
			description:
				'The permanent token created in WTS Chat under Settings → Integrations → API integration. Paste it without the "Bearer " prefix.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: 'https://api.wts.chat',
			placeholder: 'e.g. https://api.helena.run',
			description:
				'The API host of your account. White-label hosts such as https://api.helena.run or https://api.flw.chat work too. Must use https:// (plain http:// is accepted only for localhost, e.g. the local sandbox).',
		},
		{
			displayName: 'Processes Sharing the Account',
			name: 'processes',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 64, numberPrecision: 0 },
			default: 1,
			description:
				'How many n8n processes run executions with this account at the same time: in queue mode, the number of workers. Each keeps to its share of the rate limits and borrows what the others leave unused. 1: this n8n alone.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiToken.trim().replace(/^Bearer\\s+/i, "")}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: TEST_BASE_URL,
			url: TEST_URL,
			method: 'GET',
		},
		// Only the data: URL above yields a Buffer body (n8n hands it over unparsed; every HTTP answer arrives parsed
		// or as text), so byte 0 being 119 ("w" of "wts-https-required", a number) identifies it. Measured in
		// n8n 2.8.4: POST /rest/credentials/test with http://api.wts.chat answers this message (browser test).
		rules: [{ type: 'responseSuccessBody', properties: { key: '0', value: HTTPS_REQUIRED_FIRST_BYTE, message: HTTPS_REQUIRED_MESSAGE } }],
	};
}
