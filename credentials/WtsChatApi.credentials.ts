import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * Plain http:// is accepted only for loopback hosts (the local sandbox). For any other http:// URL the
 * credential test is pointed at a reserved `.invalid` host whose name tells the user what is wrong, so the
 * token is never sent in clear text; the node itself refuses such a URL before any request (transport/).
 */
const TEST_BASE_URL =
	'={{ /^http:\\/\\/(?!(localhost|127(\\.\\d{1,3}){3}|\\[::1\\])(:\\d+)?(\\/|$))/i.test($credentials.baseUrl.trim()) ? "https://plain-http-is-only-allowed-for-localhost.use-https.invalid" : $credentials.baseUrl.trim().replace(/\\/+$/, "") }}';

export class WtsChatApi implements ICredentialType {
	name = 'wtsChatApi';

	displayName = 'WTS Chat API';

	icon: Icon = { light: 'file:../icons/wtsChat.svg', dark: 'file:../icons/wtsChat.dark.svg' };

	documentationUrl = 'https://github.com/wts-chat/n8n-nodes-wts-chat#credentials';

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
			url: '/core/v1/agent',
			method: 'GET',
		},
	};
}
