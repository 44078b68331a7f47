// AI agents with WTS Chat tools: an end-to-end workflow (run against the suite's stand-in model) and the example
// "support assistant" users import (Chat Trigger → AI Agent with WTS Chat tools).
import { DEMO_MODEL_CREDENTIAL } from '../lib/demo-model.mjs';

const AGENT = { type: '@n8n/n8n-nodes-langchain.agent', typeVersion: 3.1 };
const MODEL = { type: '@n8n/n8n-nodes-langchain.lmChatOpenAi', typeVersion: 1.2 };
const TOOL_TYPE = 'n8n-nodes-wts-chat.wtsChatTool';

/** What the model fills in: `$fromAI(key, description, type)` (n8n turns these into the tool's schema). */
const fromAI = (key, description, type = 'string') => `={{ $fromAI('${key}', \`${description}\`, '${type}') }}`;
const SESSION_ID = fromAI('sessionId', 'The ID of the WTS Chat session (a UUID such as 3f1c2a9e-5b7d-4c1e-9a2b-0c4d6e8f1a2b), as given in the conversation');
const sessionLocatorFromAI = { __rl: true, mode: 'id', value: SESSION_ID };

export default function defineAiWorkflows({ e2e, example, wts, STAND_IN_MODEL_CREDENTIAL, CREDENTIAL_NOTE }) {
	/** A WTS Chat node as an agent's tool: the same node, as n8n's "WTS Chat Tool" type. */
	const tool = (name, position, parameters) => wts(name, position, parameters, { type: TOOL_TYPE });
	const agent = (position, parameters = {}) => ({ name: 'AI Agent', ...AGENT, position, parameters: { promptType: 'auto', options: {}, ...parameters } });
	const model = (position, credential) => ({
		name: 'OpenAI Chat Model',
		...MODEL,
		position,
		parameters: { model: { __rl: true, mode: 'id', value: 'gpt-4o-mini' }, options: {} },
		credentials: { openAiApi: { ...credential } },
	});
	const getSession = (position) => tool('Get Session', position, { operation: 'get', sessionId: sessionLocatorFromAI, simplify: true, options: {} });
	const completeSession = (position) =>
		tool('Complete Session', position, {
			operation: 'complete',
			sessionId: sessionLocatorFromAI,
			reactivateOnNewMessage: fromAI(
				'reactivateOnNewMessage',
				'Whether the session reopens by itself when the contact writes again (true when the contact may come back)',
				'boolean',
			),
		});
	const aiEdges = (tools) => [
		['OpenAI Chat Model', 'AI Agent', 0, 'ai_languageModel'],
		...tools.map((t) => [t, 'AI Agent', 0, 'ai_tool']),
	];

	e2e(
		'ai-agent',
		'AI Agent with WTS Chat tools (stand-in model)',
		[
			{
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: '0a1a9e2e-0000-4000-8000-00000000a1a9',
				parameters: { httpMethod: 'POST', path: 'wts-e2e/ai-agent', responseMode: 'lastNode', responseData: 'allEntries', options: {} },
			},
			{
				name: 'Chat Input',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [220, 0],
				parameters: {
					assignments: { assignments: [{ id: 'b1e7c0de-0000-4000-8000-00000000c4a7', name: 'chatInput', type: 'string', value: '={{ $json.body.prompt }}' }] },
					options: {},
				},
			},
			agent([440, 0]),
			model([300, 220], STAND_IN_MODEL_CREDENTIAL),
			getSession([460, 220]),
			completeSession([620, 220]),
		],
		[['Webhook', 'Chat Input'], ['Chat Input', 'AI Agent'], ...aiEdges(['Get Session', 'Complete Session'])],
	);

	example(
		'ai-agent-support.json',
		'WtsExampleAiAgent',
		'WTS Chat: AI support assistant (AI Agent with WTS Chat tools)',
		[
			{
				name: 'When Chat Message Received',
				type: '@n8n/n8n-nodes-langchain.chatTrigger',
				typeVersion: 1.1,
				position: [0, 0],
				webhookId: '0a1a9e2e-0000-4000-8000-0000000c4a70',
				parameters: { options: {} },
			},
			agent([260, 0], {
				options: {
					systemMessage:
						'You are the support assistant of a WhatsApp customer-service team that uses WTS Chat. Each request names a WTS Chat session ID. Read the session (Get Session) and its messages (Get Messages) before acting. Answer the contact with Send Text when you can help. Hand the session to a human (Transfer to Department) when the contact asks for a person, is upset, or you cannot help. When the matter is resolved, complete the session (Complete Session) with reactivateOnNewMessage true so it reopens if the contact writes again. If a tool answers with an error, read its howToFix and try again or tell the user.',
				},
			}),
			model([120, 240], DEMO_MODEL_CREDENTIAL),
			getSession([300, 240]),
			tool('Get Messages', [440, 240], { operation: 'getMessages', sessionId: sessionLocatorFromAI, returnAll: false, limit: 20, simplify: true, filters: {}, options: {} }),
			tool('Send Text', [580, 240], {
				operation: 'sendText',
				sessionId: sessionLocatorFromAI,
				text: fromAI('text', 'The message to send to the contact, in the language the contact writes in'),
				options: {},
			}),
			tool('Transfer to Department', [720, 240], {
				operation: 'transfer',
				sessionId: sessionLocatorFromAI,
				departmentId: { __rl: true, mode: 'id', value: fromAI('departmentId', 'The ID (UUID) of the department of humans that takes over') },
				agentId: { __rl: true, mode: 'list', value: '' },
				options: {},
			}),
			completeSession([860, 240]),
		],
		[
			['When Chat Message Received', 'AI Agent'],
			...aiEdges(['Get Session', 'Get Messages', 'Send Text', 'Transfer to Department', 'Complete Session']),
		],
		`## AI support assistant\nAn **AI Agent** answers a WhatsApp queue with **WTS Chat tools**: it reads the session and its messages, replies with Send Text, hands the session to a department of humans, or completes it with *Reactivate on New Message* on.\n\nClick **Open chat** and write e.g. *"Session 3f1c…: the customer says thanks, the order arrived."* with a session ID from the sandbox (the chat's first answer gives one). In production, start it from the **WTS Chat Trigger** or your own trigger and pass the session ID in the prompt.\n\n**Model.** With \`npm start\` the *OpenAI Chat Model* uses the credential *${DEMO_MODEL_CREDENTIAL.name}*: a scripted stand-in on 127.0.0.1 (no key, no network, not an AI) that reads the session you name (Get Session, Get Messages) and answers with what it found, so this workflow runs offline. **For a real model:** open *OpenAI Chat Model* → Credential → *Create new credential*, paste your OpenAI API key (for another OpenAI-compatible provider, also set its Base URL), save, and pick the model. ${CREDENTIAL_NOTE}\n\nThe Transfer tool's department comes from the model: put your departments' IDs in the system message, or set the Department field to a fixed one.`,
	);
}
