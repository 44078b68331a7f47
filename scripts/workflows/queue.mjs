// The queue-mode leg's workflow (test/e2e/queue-mode.test.mjs): a webhook batch of items, each sent a text into its
// session and then completed, the way a team closes many conversations at once.
export default function defineQueueWorkflows({ e2e, webhook, splitItems, wts, rl }) {
	e2e(
		'queue-send-complete',
		'Queue mode: Send Text then Complete, per item',
		[
			webhook('queue-send-complete'),
			splitItems(),
			wts('Send Text', [440, 0], { operation: 'sendText', sessionId: rl('={{ $json.sessionId }}'), text: '={{ $json.text }}', options: {} }),
			wts('Complete', [660, 0], {
				operation: 'complete',
				sessionId: rl("={{ $('Items').item.json.sessionId }}"),
				reactivateOnNewMessage: true,
			}),
		],
		[
			['Webhook', 'Items'],
			['Items', 'Send Text'],
			['Send Text', 'Complete'],
		],
	);
}
