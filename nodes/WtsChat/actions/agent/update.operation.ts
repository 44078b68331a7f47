import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { normalizePhone } from '../../helpers/phone';
import { assertOneOf } from '../../helpers/validation';
import { apiRequest } from '../../transport';
import { sortedByName } from '../listing.descriptions';
import { agentIdProperty, agentPath, assertEmail, AVAILABILITIES, emailField, phoneNumberField, PROFILES, readAgentId } from './shared';
import { defineOperation } from '../operation';

/** Fields that can be cleared (sent as null): the nullable ones of PublicAgentUpdatePartialDTO, name aside. */
const CLEARABLE = [
	{ name: 'Email', value: 'Email', key: 'email' },
	{ name: 'Phone Number', value: 'PhoneNumber', key: 'phoneNumber' },
	{ name: 'Short Name', value: 'ShortName', key: 'shortName' },
];

const properties: INodeProperties[] = [
	agentIdProperty('The agent to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'The fields to change; only the fields added here are sent',
		options: sortedByName([
			{
				displayName: 'Availability',
				name: 'availability',
				type: 'options',
				default: 'AVAILABLE',
				description: 'Whether the agent is available for new sessions',
				options: AVAILABILITIES,
			},
			emailField,
			{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. Carla Mendes', description: 'The agent’s full name' },
			phoneNumberField,
			{ displayName: 'Profile', name: 'profile', type: 'options', default: 'Agent', description: 'What the agent may do in WTS Chat', options: PROFILES },
			{ displayName: 'Short Name', name: 'shortName', type: 'string', default: '', placeholder: 'e.g. Carla', description: 'The name shown to contacts' },
		]),
	},
	{
		displayName: 'Fields to Clear',
		name: 'clearFields',
		type: 'multiOptions',
		default: [],
		description: 'Fields to empty on the agent (sent as null)',
		options: CLEARABLE.map(({ name, value }) => ({ name, value })),
	},
];

/** PUT /core/v1/agent/{id} with the `fields` mask naming exactly what was set or cleared. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readAgentId(this, i);
	const set = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const clear = this.getNodeParameter('clearFields', i, []) as string[];
	const body: IDataObject = {};
	const fields: string[] = [];
	const put = (field: string, key: string, value: string | null) => {
		body[key] = value;
		fields.push(field);
	};
	if (set.name !== undefined) {
		const name = String(set.name).trim();
		if (name === '') {
			throw new NodeOperationError(this.getNode(), `The Name field is empty`, {
				description: 'Enter the new name, or remove Name from Update Fields.',
				itemIndex: i,
			});
		}
		put('Name', 'name', name);
	}
	if (set.shortName !== undefined) put('ShortName', 'shortName', String(set.shortName));
	if (set.email !== undefined) put('Email', 'email', assertEmail(this, set.email, i));
	if (set.phoneNumber !== undefined) put('PhoneNumber', 'phoneNumber', normalizePhone(this, set.phoneNumber, i, 'Phone Number'));
	if (set.profile !== undefined) put('Profile', 'profile', assertOneOf(this, set.profile, PROFILES, i, 'Profile'));
	if (set.availability !== undefined) put('Availability', 'availability', assertOneOf(this, set.availability, AVAILABILITIES, i, 'Availability'));
	for (const value of clear) {
		const field = CLEARABLE.find((c) => c.value === value);
		if (!field) continue;
		if (fields.includes(field.value)) {
			throw new NodeOperationError(this.getNode(), `${field.name} is both set and cleared`, {
				description: `Remove ${field.name} from Update Fields or from Fields to Clear.`,
				itemIndex: i,
			});
		}
		put(field.value, field.key, null);
	}
	if (fields.length === 0) {
		throw new NodeOperationError(this.getNode(), `No field to update`, {
			description: 'Add a field under Update Fields or choose one under Fields to Clear.',
			itemIndex: i,
		});
	}
	return (await apiRequest.call(this, { method: 'PUT', ...agentPath('/core/v1/agent/{id}', id), body: { ...body, fields } }, i)) as IDataObject;
}

export const operation = defineOperation({
	resource: 'agent',
	value: 'update',
	name: 'Update',
	action: 'Update an agent',
	description: 'Change chosen fields of an agent',
	summary: 'Change only the fields you add (name, short name, e-mail, phone, profile, availability) or clear (e-mail, phone, short name); sent with the API\'s `fields` mask',
	endpoint: '`PUT /core/v1/agent/{id}`',
	properties,
	execute,
});
