// End-to-end workflows and an example of the Message, Scheduled Message, Template and Channel resources.
export default function define({ e2e, example, wts, webhook, splitItems, manualTrigger, code, rl, SEED, CREDENTIAL_NOTE }) {
	const M = (name, position, parameters, extra) => wts(name, position, { resource: 'message', ...parameters }, extra);
	const SM = (name, position, parameters, extra) => wts(name, position, { resource: 'scheduledMessage', ...parameters }, extra);
	const whatsapp = rl(SEED.channels.whatsapp.id);

	// A binary file per item (three items), sent to three phone numbers, then downloaded back from each message.
	e2e(
		'message-send-binary',
		'Message → Send a binary file from several items, then Download Media',
		[
			webhook('message-send-binary'),
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
					options: { fileName: '={{ $json.fileName }}', mimeType: '={{ $json.mimeType }}' },
				},
			},
			M('Send File', [660, 0], {
				operation: 'send',
				sendTo: 'phone',
				phoneNumber: "={{ $('Items').item.json.phone }}",
				channelId: whatsapp,
				content: 'file',
				fileSource: 'binary',
				binaryPropertyName: 'data',
				options: { caption: '={{ "Arquivo " + $itemIndex }}', waitForChannel: true },
			}),
			M('Download Media', [880, 0], { operation: 'downloadMedia', messageId: '={{ $json.id }}', binaryPropertyName: 'downloaded' }),
		],
		[
			['Webhook', 'Items'],
			['Items', 'File from Base64'],
			['File from Base64', 'Send File'],
			['Send File', 'Download Media'],
		],
	);

	// Send a template to a phone number and follow the message; list templates and channels.
	e2e(
		'message-ops',
		'Message → Send (template, text to a contact), Get Status, Get, Get Many, Delete; Template and Channel → Get Many',
		[
			webhook('message-ops'),
			M('Send Template', [260, -200], {
				operation: 'send',
				sendTo: 'phone',
				phoneNumber: '={{ $json.body.phone }}',
				channelId: whatsapp,
				content: 'template',
				templateId: rl(SEED.templates.orderUpdate.id),
				templateParameters: {
					parameter: [
						{ name: 'nome', value: 'Maria' },
						{ name: 'pedido', value: '={{ $json.body.order }}' },
						{ name: 'situacao', value: 'enviado' },
					],
				},
				options: {},
			}),
			M('Get Status', [480, -300], { operation: 'getStatus', messageId: '={{ $json.id }}' }),
			M('Get', [700, -300], { operation: 'get', messageId: "={{ $('Send Template').item.json.id }}" }),
			M('Get Many', [920, -300], { operation: 'getMany', sessionId: rl("={{ $('Send Template').item.json.sessionId }}"), returnAll: true }),
			M('Delete', [480, -100], { operation: 'delete', messageId: '={{ $json.id }}' }),
			M('Send Text to Contact', [260, 0], {
				operation: 'send',
				sendTo: 'contact',
				contactId: rl(SEED.contacts.maria.id),
				channelId: whatsapp,
				content: 'text',
				text: 'Olá! Seu pedido saiu para entrega.',
				options: { waitForChannel: true, departmentId: SEED.departments.vendas.id },
			}),
			wts('Templates of the Channel', [260, 200], {
				resource: 'template',
				operation: 'getMany',
				returnAll: true,
				filters: { channelId: SEED.channels.whatsapp.id, approvedOnly: true },
				options: { includeDetails: ['Params'] },
			}),
			wts('Channels', [260, 400], { resource: 'channel', operation: 'getMany', returnAll: true, filters: {} }),
		],
		[
			['Webhook', 'Send Template'],
			['Send Template', 'Get Status'],
			['Get Status', 'Get'],
			['Get', 'Get Many'],
			['Send Template', 'Delete'],
			['Webhook', 'Send Text to Contact'],
			['Webhook', 'Templates of the Channel'],
			['Webhook', 'Channels'],
		],
	);

	// Scheduled messages: list, create → get → update → cancel, and create one per item → cancel many.
	e2e(
		'scheduled-message-ops',
		'Scheduled Message → Get Many, Create, Get, Update, Cancel, Cancel Many',
		[
			webhook('scheduled-message-ops'),
			SM('Get Many', [260, -300], { operation: 'getMany', returnAll: true, filters: { status: 'SCHEDULED' }, options: { includeDetails: ['Contact'] } }),
			SM('Create', [260, -100], {
				operation: 'create',
				sendTo: 'phone',
				phoneNumber: '={{ $json.body.phone }}',
				channelId: whatsapp,
				type: 'TEMPLATE',
				templateId: rl(SEED.templates.followUp.id),
				scheduling: '={{ $json.body.at }}',
				options: {},
			}),
			SM('Get', [480, -100], { operation: 'get', scheduledMessageId: rl('={{ $json.id }}'), options: { includeDetails: ['Template'] } }),
			SM('Update', [700, -100], {
				operation: 'update',
				scheduledMessageId: rl('={{ $json.id }}'),
				updateFields: { scheduling: "={{ $('Webhook').item.json.body.later }}", hiddenSession: true },
			}),
			SM('Cancel', [920, -100], { operation: 'cancel', scheduledMessageId: rl('={{ $json.id }}') }),
			splitItems([260, 150]),
			SM('Create per Item', [480, 150], {
				operation: 'create',
				sendTo: 'phone',
				phoneNumber: '={{ $json.phone }}',
				channelId: whatsapp,
				type: 'CHATBOT',
				botKey: SEED.chatbots.pesquisa.key,
				scheduling: "={{ $('Webhook').item.json.body.at }}",
				options: {},
			}),
			SM('Cancel Many', [700, 150], { operation: 'cancelMany', scheduledMessageId: rl('={{ $json.id }}') }),
		],
		[
			['Webhook', 'Get Many'],
			['Webhook', 'Create'],
			['Create', 'Get'],
			['Get', 'Update'],
			['Update', 'Cancel'],
			['Webhook', 'Items'],
			['Items', 'Create per Item'],
			['Create per Item', 'Cancel Many'],
		],
	);

	example(
		'send-template-to-phone-numbers.json',
		'WtsExamplePhone1',
		'WTS Chat: send a template to a list of phone numbers and check its status',
		[
			manualTrigger(),
			code(
				'Phone Numbers',
				[220, 0],
				"return [\n  { json: { phone: '+55 11 99999-0001', name: 'Maria', order: '#4801' } },\n  { json: { phone: '11 99999-0003', name: 'Fernanda', order: '#4802' } },\n];",
			),
			M('Send Template', [440, 0], {
				operation: 'send',
				sendTo: 'phone',
				phoneNumber: '={{ $json.phone }}',
				channelId: whatsapp,
				content: 'template',
				templateId: rl(SEED.templates.orderUpdate.id),
				templateParameters: {
					parameter: [
						{ name: 'nome', value: '={{ $json.name }}' },
						{ name: 'pedido', value: '={{ $json.order }}' },
						{ name: 'situacao', value: 'enviado' },
					],
				},
				options: {},
			}),
			M('Get Status', [660, 0], { operation: 'getStatus', messageId: '={{ $json.id }}' }),
		],
		[
			['When clicking ‘Execute workflow’', 'Phone Numbers'],
			['Phone Numbers', 'Send Template'],
			['Send Template', 'Get Status'],
		],
		`## Send a template to phone numbers\nSends the approved template *atualizacao_pedido* ("Oi {{nome}}, seu pedido {{pedido}} foi {{situacao}}.") through the WhatsApp channel to each phone number of *Phone Numbers* (a number without country code is taken as Brazilian), then reads each message's delivery status. A number that is not a contact yet becomes one.\n\n${CREDENTIAL_NOTE}`,
	);
}
