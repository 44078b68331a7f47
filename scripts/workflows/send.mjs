// End-to-end workflows of the Send API and Chatbot resources (test/e2e/lib/cases/send.mjs runs them).
export default function sendWorkflows({ e2e, example, wts, webhook, splitItems, manualTrigger, noOp, setFields, rl, SEED, CREDENTIAL_NOTE }) {
	const send = (name, position, parameters, extra) => wts(name, position, { resource: 'sendApi', ...parameters }, extra);
	const bot = (name, position, parameters, extra) => wts(name, position, { resource: 'chatbot', ...parameters }, extra);
	const byNumber = (value) => ({ __rl: true, mode: 'number', value });
	const whatsapp = rl(SEED.channels.whatsapp.id);
	const orderParams = {
		parameter: [
			{ name: 'nome', value: '={{ $json.name }}' },
			{ name: 'pedido', value: '={{ $json.order }}' },
			{ name: 'situacao', value: 'enviado' },
		],
	};

	e2e(
		'send-api',
		'Send API → text, template, template batch, image, audio, video, OTP, statuses, typing',
		[
			webhook('send-api'),
			splitItems(),
			send('Send Text', [440, -400], { operation: 'sendText', to: '={{ $json.to }}', from: whatsapp, text: '=Olá {{ $json.name }}', options: { senderId: '={{ "txt-" + $json.order }}' } }),
			send('Get Message Status', [660, -400], { operation: 'getMessageStatus', messageId: '={{ $json.id }}' }),
			send('Send Template', [440, -250], {
				operation: 'sendTemplate',
				to: '={{ $json.to }}',
				from: byNumber('5511300000001'),
				templateId: rl(SEED.templates.orderUpdate.id),
				templateParameters: orderParams,
				fileSource: 'none',
				options: { sessionMetadata: { entries: [{ key: 'pedido', value: '={{ $json.order }}' }] } },
			}),
			send('Send Template (Batch)', [440, -100], {
				operation: 'sendTemplateBatch',
				to: '={{ $json.to }}',
				from: whatsapp,
				templateId: rl(SEED.templates.orderUpdate.id),
				templateParameters: orderParams,
				fileSource: 'none',
				options: {},
			}),
			send('Send Image', [440, 50], { operation: 'sendImage', to: '={{ $json.to }}', from: whatsapp, fileSource: 'url', fileUrl: 'https://files.example.com/oferta.png', caption: 'Oferta', options: {} }),
			send('Send Audio', [440, 200], { operation: 'sendAudio', to: '={{ $json.to }}', from: whatsapp, fileSource: 'url', fileUrl: 'https://files.example.com/aviso.mp3', options: {} }),
			send('Send Video', [440, 350], { operation: 'sendVideo', to: '={{ $json.to }}', from: whatsapp, fileSource: 'url', fileUrl: 'https://files.example.com/tutorial.mp4', caption: '', options: {} }),
			send('Send OTP', [440, 500], { operation: 'sendOtp', to: '={{ $json.to }}', from: whatsapp, code: '', templateId: rl(''), options: { senderId: '={{ "otp-" + $json.order }}' } }),
			send('Get OTP Status', [660, 500], { operation: 'getOtpStatus', otpId: '={{ $json.senderId }}' }),
			send('Send Typing Indicator', [440, 650], { operation: 'sendTyping', sessionId: rl('={{ $json.sessionId }}') }),
		],
		[
			['Webhook', 'Items'],
			['Items', 'Send Text'],
			['Send Text', 'Get Message Status'],
			['Items', 'Send Template'],
			['Items', 'Send Template (Batch)'],
			['Items', 'Send Image'],
			['Items', 'Send Audio'],
			['Items', 'Send Video'],
			['Items', 'Send OTP'],
			['Send OTP', 'Get OTP Status'],
			['Items', 'Send Typing Indicator'],
		],
	);

	e2e(
		'send-api-binary',
		'Send API → Send Document from three items’ binary data',
		[
			webhook('send-api-binary'),
			splitItems(),
			{
				name: 'File from Base64',
				type: 'n8n-nodes-base.convertToFile',
				typeVersion: 1.1,
				position: [440, 0],
				parameters: {
					operation: 'toBinary',
					sourceProperty: 'contentBase64',
					binaryPropertyName: 'data',
					options: { fileName: '={{ $json.fileName }}', mimeType: 'application/pdf' },
				},
			},
			send('Send Document', [660, 0], {
				operation: 'sendDocument',
				to: "={{ $('Items').item.json.to }}",
				from: whatsapp,
				fileSource: 'binary',
				binaryPropertyName: 'data',
				caption: "={{ 'Fatura ' + $('Items').item.json.fileName }}",
				options: {},
			}),
		],
		[
			['Webhook', 'Items'],
			['Items', 'File from Base64'],
			['File from Base64', 'Send Document'],
		],
	);

	e2e(
		'chatbot',
		'Chatbot → Get Many, Start, Start (Queued) → Get Run Status, Start (Batch)',
		[
			webhook('chatbot'),
			splitItems(),
			bot('Get Many Chatbots', [220, -250], { operation: 'getMany', returnAll: true, filters: { automationUsages: ['Api'] }, options: {} }),
			bot('Start', [440, -100], {
				operation: 'start',
				botKey: rl(SEED.chatbots.pesquisa.key),
				recipientType: 'contact',
				to: '={{ $json.to }}',
				from: whatsapp,
				options: { sessionMetadata: { entries: [{ key: 'pedido', value: '={{ $json.order }}' }] } },
			}),
			bot('Start (Queued)', [440, 50], { operation: 'startQueued', botKey: rl(SEED.chatbots.pesquisa.key), recipientType: 'contact', to: '={{ $json.to }}', from: whatsapp, options: {} }),
			bot('Get Run Status', [660, 50], { operation: 'getRunStatus', runId: '={{ $json.id }}' }),
			bot('Start (Batch)', [440, 200], { operation: 'startBatch', botKey: rl(SEED.chatbots.pesquisa.key), recipientType: 'contact', to: '={{ $json.to }}', from: whatsapp, options: {} }),
		],
		[
			['Webhook', 'Items'],
			['Webhook', 'Get Many Chatbots'],
			['Items', 'Start'],
			['Items', 'Start (Queued)'],
			['Start (Queued)', 'Get Run Status'],
			['Items', 'Start (Batch)'],
		],
	);
	example(
		'send-order-updates-by-phone.json',
		'WtsExampleBatch1',
		'WTS Chat: send an order update template to a list of phone numbers (Send API, batch)',
		[
			manualTrigger([0, 0]),
			{
				name: 'Recipient List',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [220, 0],
				parameters: {
					mode: 'raw',
					jsonOutput: JSON.stringify(
						{
							recipients: [
								{ phone: '+55 11 99999-0001', name: 'Maria', order: '4821' },
								{ phone: '(11) 99999-0003', name: 'Fernanda', order: '4822' },
								{ phone: 'sem telefone', name: 'Lucas', order: '4823' },
								{ phone: '5511999990005', name: 'Juliana', order: '4824' },
							],
						},
						null,
						2,
					),
					options: {},
				},
			},
			{
				name: 'One Item per Recipient',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [440, 0],
				parameters: { fieldToSplitOut: 'recipients', options: {} },
			},
			send(
				'Send Order Update',
				[660, 0],
				{
					operation: 'sendTemplateBatch',
					to: '={{ $json.phone }}',
					from: whatsapp,
					templateId: rl(SEED.templates.orderUpdate.id),
					templateParameters: orderParams,
					fileSource: 'none',
					options: { sessionMetadata: { entries: [{ key: 'pedido', value: '={{ $json.order }}' }] } },
				},
				{ onError: 'continueErrorOutput' },
			),
			noOp('Sent', [900, -100]),
			setFields('Failed (review)', [900, 100], [
				['phone', 'string', "={{ $('One Item per Recipient').item.json.phone }}"],
				['name', 'string', "={{ $('One Item per Recipient').item.json.name }}"],
				['reason', 'string', '={{ $json.error }}'],
			]),
		],
		[
			['When clicking ‘Execute workflow’', 'Recipient List'],
			['Recipient List', 'One Item per Recipient'],
			['One Item per Recipient', 'Send Order Update'],
			['Send Order Update', 'Sent', 0],
			['Send Order Update', 'Failed (review)', 1],
		],
		`## Send an order update to a list of phone numbers\nSends the approved template *atualizacao_pedido* ("Oi {{nome}}, seu pedido {{pedido}} foi {{situacao}}.") to every phone number of *Recipient List* through the Send API: no session needed, WTS Chat finds or creates the contact and its conversation. The items go in **one** request (up to 100 per request); each gets its own output with the send ID. The order number is saved on the session (session metadata).\n\nThe node is set to **On Error → Continue (using error output)**: a recipient that is not a phone number (here *Lucas*) goes to *Failed (review)* with the reason, before anything is sent; the others are still sent.\n\n${CREDENTIAL_NOTE}`,
	);
}
