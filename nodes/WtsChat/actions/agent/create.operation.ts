import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { textProblem } from '../../transport/rules';
import { normalizePhone } from '../../helpers/phone';
import { assertOneOf, requireText } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { sortedByName } from '../listing.descriptions';
import { assertEmail, AVAILABILITIES, emailField, phoneNumberField, PROFILES } from './shared';
import { defineOperation } from '../operation';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Carla Mendes',
		description: 'The agent’s full name (1 to 100 characters)',
	},
	{
		displayName: 'Profile',
		name: 'profile',
		type: 'options',
		default: 'Agent',
		required: true,
		description: 'What the agent may do in WTS Chat',
		options: PROFILES,
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Optional fields of the new agent',
		options: sortedByName([
			{
				displayName: 'Availability',
				name: 'availability',
				type: 'options',
				default: 'AVAILABLE',
				description: 'Whether the agent starts available for new sessions',
				options: AVAILABILITIES,
			},
			emailField,
			phoneNumberField,
		]),
	},
];

/** POST /core/v1/agent → the new agent. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const name = requireText(this, 'name', i, 'Name').trim();
	const problem = textProblem(name, 'Name', { maxLength: 100 });
	if (problem) throw new NodeOperationError(this.getNode(), problem.message, { description: problem.hint, itemIndex: i });
	const body: IDataObject = { name, profile: assertOneOf(this, this.getNodeParameter('profile', i), PROFILES, i, 'Profile') };
	const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	if (fields.email !== undefined) body.email = assertEmail(this, fields.email, i);
	if (fields.phoneNumber !== undefined) body.phoneNumber = normalizePhone(this, fields.phoneNumber, i, 'Phone Number');
	if (fields.availability !== undefined) body.availability = assertOneOf(this, fields.availability, AVAILABILITIES, i, 'Availability');
	return (await apiRequest.call(this, { method: 'POST', path: '/core/v1/agent', body }, i)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'agent',
	value: 'create',
	name: 'Create',
	action: 'Create an agent',
	description: 'Create an agent (a user of the account)',
	summary: 'Name and profile (Admin, Agent, Restricted Agent); optional e-mail, phone, availability',
	endpoint: '`POST /core/v1/agent`',
	properties,
	execute,
});
