// Workflows of the Webhook resource and the WTS Chat Trigger: the e2e workflow running the six Webhook operations,
// and the example "acknowledge every inbound message" (WTS Chat Trigger → Session Send Text), which the e2e suite
// activates as it is (the sandbox delivers its events to n8n's webhook URL on 127.0.0.1).
export const TRIGGER_TYPE = 'n8n-nodes-wts-chat.wtsChatTrigger';
export const ACK_EXAMPLE_ID = 'WtsExampleAck001';

export default function webhookWorkflows({ e2e, example, wts, webhook, rl, uuid, SANDBOX_CREDENTIAL, CREDENTIAL_NOTE }) {
	const W = (name, position, parameters) => wts(name, position, { resource: 'webhook', ...parameters });
	const fromCreate = rl("={{ $('Create Subscription').item.json.id }}");

	e2e(
		'webhook-operations',
		'Webhook → List Events, Create / Get / Update / Get Many / Delete Subscription',
		[
			webhook('webhook-operations'),
			W('List Events', [260, -200], { operation: 'listEvents' }),
			W('Create Subscription', [260, 100], {
				operation: 'createSubscription',
				name: '={{ $json.body.name }}',
				url: '={{ $json.body.url }}',
				events: ['SESSION_NEW', 'MESSAGE_RECEIVED'],
				options: {},
			}),
			W('Get Subscription', [480, 100], { operation: 'getSubscription', subscriptionId: rl('={{ $json.id }}') }),
			W('Update Subscription', [700, 100], {
				operation: 'updateSubscription',
				subscriptionId: fromCreate,
				updateFields: { enabled: false, events: ['SESSION_COMPLETE'] },
			}),
			W('Get Many Subscriptions', [920, 0], { operation: 'getManySubscriptions', returnAll: true }),
			W('Delete Subscription', [920, 200], { operation: 'deleteSubscription', subscriptionId: fromCreate }),
		],
		[
			['Webhook', 'List Events'],
			['Webhook', 'Create Subscription'],
			['Create Subscription', 'Get Subscription'],
			['Get Subscription', 'Update Subscription'],
			['Update Subscription', 'Get Many Subscriptions'],
			['Update Subscription', 'Delete Subscription'],
		],
	);

	example(
		'acknowledge-inbound-messages.json',
		ACK_EXAMPLE_ID,
		'WTS Chat: acknowledge every inbound message (WTS Chat Trigger)',
		[
			{
				name: 'WTS Chat Trigger',
				type: TRIGGER_TYPE,
				typeVersion: 1,
				position: [0, 0],
				webhookId: uuid('trigger/acknowledge-inbound-messages'),
				parameters: {
					events: ['MESSAGE_RECEIVED', 'MESSAGE_SENT'],
					options: { direction: 'FROM_HUB', unwrapContent: true },
				},
				credentials: { wtsChatApi: { ...SANDBOX_CREDENTIAL } },
			},
			wts('Acknowledge', [260, 0], {
				operation: 'sendText',
				sessionId: rl('={{ $json.sessionId }}'),
				text: '=Recebemos sua mensagem ("{{ $json.text }}") e já vamos responder.',
				options: {},
			}),
		],
		[['WTS Chat Trigger', 'Acknowledge']],
		`## Acknowledge every inbound message\n**Activate** this workflow (n8n 1.x: the *Active* switch; n8n 2.x: **Publish**): the WTS Chat Trigger subscribes it in WTS Chat (no URL to copy) and deactivating (2.x: unpublishing) removes the subscription. Every message a contact sends starts one run, and *Acknowledge* answers in the same session.\n\nThe trigger listens to *Message Received* and *Message Sent*, but its **Direction = Inbound** option lets only the contact's messages through, so the answer it sends (a *Message Sent* event) does not start it again. Try it with the sandbox: \`curl -X POST http://127.0.0.1:4010/__sandbox/inbound-message -d '{"phoneNumber":"5511999990001","text":"Oi"}'\` (\`npm start\` writes its sandbox's URL here when it imports this workflow; if the port changed since, use the *Sandbox* URL it prints).\n\n${CREDENTIAL_NOTE}`,
	);
}
